import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { Transform, kubernetesLabels, transformed } from "../core";
import type { ResolvedTenant } from "./index";
import { CapacityPlacement } from "./podspec";
import type { BuiltRuntime } from "./runtime";
import { PRIORITY_CLASSES, PriorityClassKey, priorityClassName } from "./workload-args";

/**
 * Tenancy, the same on every target, through the cluster's Kubernetes provider: priority
 * classes, and per tenant a namespace under the restricted Pod Security Standard, quota,
 * default limits, default-deny networking and RBAC for the tenant's admins.
 */

export interface TenancyArgs {
    tenants: readonly ResolvedTenant[];
    /** Kubernetes users bound to `cluster-admin` (Google Cloud and existing clusters). */
    clusterAdminUsers?: readonly string[];
}

export interface Tenancy {
    tenantNamespaces: Record<string, pulumi.Output<string>>;
    priorityClassNames: Record<PriorityClassKey, pulumi.Output<string>>;
}

/** Labels that make the API server enforce (and audit, and warn about) the restricted standard. */
export const RESTRICTED_NAMESPACE_LABELS: Readonly<Record<string, string>> = {
    "pod-security.kubernetes.io/enforce": "restricted",
    "pod-security.kubernetes.io/enforce-version": "latest",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": "latest",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": "latest",
};

/** Every verb a tenant admin has on the objects they own. */
const WRITE = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
const READ = ["get", "list", "watch"];

/**
 * What a tenant admin may do in their namespace: run and configure workloads, read logs,
 * exec into pods. Not granted: changing the quota, limit range or network policies (the
 * platform's guard rails), or RBAC (which would let an admin grant themselves more).
 */
export const TENANT_ADMIN_RULES: k8s.types.input.rbac.v1.PolicyRule[] = [
    { apiGroups: [""], resources: ["pods", "pods/log", "pods/exec", "pods/portforward", "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "persistentvolumeclaims"], verbs: WRITE },
    { apiGroups: ["apps"], resources: ["deployments", "deployments/scale", "statefulsets", "statefulsets/scale", "replicasets"], verbs: WRITE },
    { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: WRITE },
    { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: WRITE },
    { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: WRITE },
    { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: WRITE },
    { apiGroups: [""], resources: ["events", "resourcequotas", "limitranges"], verbs: READ },
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: READ },
];

export function buildTenancy(name: string, args: TenancyArgs, provider: pulumi.ProviderResource, parent: pulumi.Resource): Tenancy {
    const opts: pulumi.CustomResourceOptions = { parent, provider };
    const labels = kubernetesLabels("container-runtime", name);

    const priorityClassNames = {} as Record<PriorityClassKey, pulumi.Output<string>>;
    for (const [key, spec] of Object.entries(PRIORITY_CLASSES) as Array<[PriorityClassKey, (typeof PRIORITY_CLASSES)[PriorityClassKey]]>) {
        const pc = new k8s.scheduling.v1.PriorityClass(
            `${name}-priority-${key}`,
            {
                metadata: { name: priorityClassName(name, key), labels },
                value: spec.value,
                preemptionPolicy: spec.preemptionPolicy,
                globalDefault: false,
                description: spec.description,
            },
            opts,
        );
        priorityClassNames[key] = pc.metadata.name;
    }

    if (args.clusterAdminUsers && args.clusterAdminUsers.length > 0) {
        new k8s.rbac.v1.ClusterRoleBinding(
            `${name}-cluster-admins`,
            {
                metadata: { name: `${name}-cluster-admins`, labels },
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
                subjects: args.clusterAdminUsers.map((user) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user })),
            },
            opts,
        );
    }

    const tenantNamespaces: Record<string, pulumi.Output<string>> = {};
    for (const tenant of args.tenants) {
        tenantNamespaces[tenant.name] = buildTenant(name, tenant, labels, opts);
    }
    return { tenantNamespaces, priorityClassNames };
}

function buildTenant(name: string, tenant: ResolvedTenant, labels: Record<string, string>, opts: pulumi.CustomResourceOptions): pulumi.Output<string> {
    const prefix = `${name}-${tenant.name}`;
    const tenantLabels = { ...labels, "platform-kit.io/tenant": tenant.name };
    const namespace = new k8s.core.v1.Namespace(
        `${prefix}-namespace`,
        { metadata: { name: tenant.name, labels: { ...tenantLabels, ...RESTRICTED_NAMESPACE_LABELS } } },
        opts,
    );
    const ns = namespace.metadata.name;
    const inNamespace = (objectName: string) => ({ name: objectName, namespace: ns, labels: tenantLabels });

    new k8s.core.v1.ResourceQuota(
        `${prefix}-quota`,
        {
            metadata: inNamespace("tenant-quota"),
            spec: {
                hard: {
                    "requests.cpu": tenant.quota.cpu,
                    "requests.memory": tenant.quota.memory,
                    "limits.cpu": tenant.quota.cpu,
                    "limits.memory": tenant.quota.memory,
                    pods: String(tenant.quota.pods),
                    // Tenants reach the outside through the platform's ingress, never by
                    // opening load balancers or node ports of their own.
                    "services.loadbalancers": "0",
                    "services.nodeports": "0",
                },
            },
        },
        opts,
    );

    // Defaults for containers that declare no resources: with a CPU and memory quota,
    // Kubernetes refuses such pods unless a LimitRange fills the values in.
    new k8s.core.v1.LimitRange(
        `${prefix}-limits`,
        {
            metadata: inNamespace("tenant-limits"),
            spec: {
                limits: [
                    {
                        type: "Container",
                        defaultRequest: { cpu: "100m", memory: "128Mi" },
                        default: { cpu: "500m", memory: "512Mi" },
                    },
                ],
            },
        },
        opts,
    );

    new k8s.networking.v1.NetworkPolicy(
        `${prefix}-default-deny`,
        { metadata: inNamespace("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
        opts,
    );
    new k8s.networking.v1.NetworkPolicy(
        `${prefix}-allow-dns`,
        {
            metadata: inNamespace("allow-dns-egress"),
            spec: {
                podSelector: {},
                policyTypes: ["Egress"],
                egress: [
                    {
                        to: [
                            {
                                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                            },
                        ],
                        ports: [
                            { protocol: "UDP", port: 53 },
                            { protocol: "TCP", port: 53 },
                        ],
                    },
                ],
            },
        },
        opts,
    );
    // The tenant's own pods talk to each other freely; other namespaces only where a
    // service opts in (ServiceArgs.allowFromNamespaces).
    new k8s.networking.v1.NetworkPolicy(
        `${prefix}-allow-same-namespace`,
        {
            metadata: inNamespace("allow-same-namespace"),
            spec: {
                podSelector: {},
                policyTypes: ["Ingress", "Egress"],
                ingress: [{ from: [{ podSelector: {} }] }],
                egress: [{ to: [{ podSelector: {} }] }],
            },
        },
        opts,
    );
    if (tenant.allowedEgressCidrs.length > 0) {
        new k8s.networking.v1.NetworkPolicy(
            `${prefix}-allow-egress`,
            {
                metadata: inNamespace("allow-listed-egress"),
                spec: {
                    podSelector: {},
                    policyTypes: ["Egress"],
                    egress: [{ to: tenant.allowedEgressCidrs.map((cidr) => ({ ipBlock: { cidr } })) }],
                },
            },
            opts,
        );
    }

    const subjects = [
        ...tenant.adminUsers.map((user) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: user })),
        ...tenant.adminGroups.map((group) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group })),
    ];
    if (subjects.length > 0) {
        const role = new k8s.rbac.v1.Role(`${prefix}-admin-role`, { metadata: inNamespace("tenant-admin"), rules: TENANT_ADMIN_RULES }, opts);
        new k8s.rbac.v1.RoleBinding(
            `${prefix}-admin-binding`,
            {
                metadata: inNamespace("tenant-admin"),
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
                subjects,
            },
            opts,
        );
    }
    return ns;
}

/** What a managed cluster's builder has made when only the Kubernetes side is left. */
export interface ManagedClusterParts {
    clusterName: pulumi.Output<string>;
    /** The kubeconfig handed to people and tools (a secret). */
    kubeconfig: pulumi.Output<string>;
    /** The kubeconfig the provider uses (a secret); it may carry a token instead of an exec plugin. */
    providerKubeconfig: pulumi.Output<string>;
    tenancy: TenancyArgs;
    placement: CapacityPlacement;
    workloadDependencies: pulumi.Resource[];
}

/**
 * The end of every managed cluster's build (EKS, GKE, AKS): the Kubernetes provider, with
 * server-side apply and the user's `transform.provider`, the tenancy through it, and the
 * runtime contract.
 */
export function finishManagedCluster(
    name: string,
    parts: ManagedClusterParts,
    parent: pulumi.Resource,
    transform?: Transform<k8s.ProviderArgs>,
): BuiltRuntime {
    const [providerArgs, providerOpts] = transformed<k8s.ProviderArgs, pulumi.CustomResourceOptions>(
        { kubeconfig: parts.providerKubeconfig, enableServerSideApply: true },
        { parent },
        transform,
    );
    const provider = new k8s.Provider(`${name}-provider`, providerArgs, providerOpts);
    const tenancy = buildTenancy(name, parts.tenancy, provider, parent);
    return {
        clusterName: parts.clusterName,
        kubeconfig: parts.kubeconfig,
        provider,
        tenantNamespaces: tenancy.tenantNamespaces,
        priorityClassNames: tenancy.priorityClassNames,
        placement: parts.placement,
        workloadDependencies: parts.workloadDependencies,
    };
}
