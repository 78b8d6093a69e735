import * as pulumi from "@pulumi/pulumi";
import * as ipaddr from "ipaddr.js";
import { ArgsChecker, CLOUDS, Cloud, PlatformKitError, Problem, Size, SIZES, Tags, checkCloud, isSize, loadCloudModule } from "../core";
import type { NetworkInfo } from "../network";
import {
    CAPACITY_GROUP_LABEL,
    CAPACITY_PURPOSES,
    CapacityPlacement,
    CapacityPurpose,
    NodeTaint,
    PURPOSE_LABEL,
    TAINT_EFFECTS,
    isQuantity,
} from "./podspec";
import { BuiltRuntime, RuntimeComponent } from "./runtime";

export * from "./podspec";
export { RuntimeComponent } from "./runtime";
export type { BuiltRuntime } from "./runtime";
export * from "./workload-args";
export type { Service, BatchJob } from "./workloads";

/** A set of nodes of one shape and one purpose, scaled between `min` and `max`. */
export interface CapacityGroup {
    /**
     * The group's name: the node group (EKS), node pool (GKE) or agent pool (AKS) name, and
     * the `platform-kit.io/capacity-group` label of its nodes. Lower-case letters, digits and
     * hyphens, starting with a letter, at most 40 characters; on Azure at most 12 lower-case
     * letters and digits (an AKS pool name rule).
     * @example "batch"
     */
    name: string;
    /**
     * Portable machine size (small: 2 vCPU / 8 GiB ... xlarge: 16 / 64). Give `size` or
     * `instanceTypes`, not both.
     * @default "small" when neither is given
     */
    size?: Size;
    /**
     * Exact machine types. AWS accepts several (a managed node group picks among them, which
     * helps Spot capacity); Google Cloud and Azure take exactly one.
     * @example ["m7i.xlarge", "m6i.xlarge"]
     */
    instanceTypes?: string[];
    /** Fewest nodes the autoscaler keeps (0 lets a group scale to nothing; not for `system`). */
    min: number;
    /** Most nodes the autoscaler may run. Cost: you pay for every node up to this bound. */
    max: number;
    /**
     * Spot / preemptible capacity: up to 90% cheaper, reclaimed at short notice. Suits
     * batch; refused for `system` groups (cluster add-ons must not be evicted).
     * @default false
     */
    spot?: boolean;
    /** Extra node labels. Keys in the `kubernetes.io`, `k8s.io` and `platform-kit.io` domains are reserved. */
    labels?: Record<string, string>;
    /** Node taints. `batch` groups also get `platform-kit.io/purpose=batch:NoSchedule`, `system` groups `CriticalAddonsOnly=true:NoSchedule`. */
    taints?: NodeTaint[];
    /**
     * What the nodes run: `service` (long-running services), `batch` (jobs; tainted so only
     * batch jobs land there) or `system` (cluster add-ons; on AKS the system pool).
     * @default "service"
     */
    purpose?: CapacityPurpose;
    /**
     * Node boot disk size, GiB (encrypted on every cloud).
     * @default 50
     */
    diskSizeGb?: number;
}

/** A team sharing the cluster: a namespace with quotas, network isolation and admins. */
export interface Tenant {
    /**
     * The tenant's name and namespace name (a DNS label: lower-case letters, digits and
     * hyphens, starting with a letter, at most 63 characters). `default`, `kube-*` and
     * `platform-kit-*` are reserved.
     * @example "payments"
     */
    name: string;
    /**
     * The most the tenant's pods may request and be limited to, in total.
     * @default { cpu: "16", memory: "32Gi", pods: 200 }
     */
    quota?: TenantQuota;
    /**
     * Kubernetes users and groups who administer the tenant's namespace (workloads,
     * config, secrets; not its quota or network policies). On EKS map IAM principals to
     * these groups with access entries; on AKS these are Entra ID object ids; on GKE
     * Google account emails (groups need Google Groups for RBAC).
     */
    admins?: { users?: string[]; groups?: string[] };
    /**
     * Destinations outside the cluster the tenant's pods may reach (egress is denied by
     * default, DNS excepted).
     * @example ["10.20.0.0/16"]
     */
    allowedEgressCidrs?: string[];
}

export interface TenantQuota {
    /** Total CPU, a Kubernetes quantity. @example "16" */
    cpu: string;
    /** Total memory, a Kubernetes quantity. @example "32Gi" */
    memory: string;
    /** Most pods at once. @default 200 */
    pods?: number;
}

export const DEFAULT_TENANT_QUOTA: Required<TenantQuota> = { cpu: "16", memory: "32Gi", pods: 200 };

/** An API endpoint reachable from outside the network, for a short list of addresses. */
export interface PublicEndpoint {
    /**
     * Addresses allowed to reach the API server, as CIDRs. `0.0.0.0/0` is refused.
     * @example ["203.0.113.0/24"]
     */
    allowedCidrs: string[];
}

/** The arguments every cloud's runtime shares. */
export interface ContainerRuntimeArgsBase {
    /**
     * Kubernetes minor version, `"1.NN"`. Unset: the cloud's default for new clusters
     * (GKE: the REGULAR release channel's). Ignored for `kubernetes`.
     * @example "1.33"
     */
    kubernetesVersion?: string;
    /**
     * The node groups, each scaled by the cluster autoscaler between `min` and `max`.
     * At least one on a cloud; none for `kubernetes` (the cluster owner runs its nodes).
     */
    capacityGroups?: CapacityGroup[];
    /** The teams sharing the cluster. @default [] */
    tenants?: Tenant[];
    /**
     * Who administers the whole cluster. AWS: IAM principal ARNs (access entries with
     * AmazonEKSClusterAdminPolicy); Azure: Entra ID group object ids (`adminGroupObjectIDs`);
     * Google Cloud and `kubernetes`: Kubernetes user names bound to `cluster-admin`.
     * @default []
     */
    clusterAdmins?: string[];
    /**
     * Opt in to an API endpoint reachable from these public addresses. Unset: the API
     * server is private to the network (reach it through a VPN, bastion or peered network).
     * Not for `kubernetes`.
     * @default private endpoint only
     */
    publicEndpoint?: PublicEndpoint;
    /**
     * Refuse to delete the cluster until this is turned off (EKS and GKE deletion
     * protection; AKS has none, use a resource lock). Turn it off for throw-away labs.
     * @default true
     */
    deletionProtection?: boolean;
    /** Tags (AWS, Azure) or labels (Google Cloud) for every cloud child. */
    tags?: Tags;
}

export interface ContainerRuntimeArgs extends ContainerRuntimeArgsBase {
    /** Where the cluster runs: a new EKS, GKE or AKS cluster, or an existing cluster (`kubernetes`). */
    cloud: Cloud;
    /** The network the cluster's nodes live in (a `Network` or a `NetworkInfo`); not for `kubernetes`. */
    network?: NetworkInfo;
    /** `kubernetes` only: a kubeconfig for the existing cluster (give this or `provider`). */
    kubeconfig?: pulumi.Input<string>;
    /** `kubernetes` only: a `@pulumi/kubernetes` Provider for the existing cluster. */
    provider?: pulumi.ProviderResource;
    /**
     * `kubernetes` only: the cluster's name, for outputs and FunctionService/DataFleet.
     * @default the runtime's name
     */
    clusterName?: pulumi.Input<string>;
}

/** A capacity group with its defaults and platform labels and taints applied. */
export interface ResolvedCapacityGroup {
    name: string;
    purpose: CapacityPurpose;
    size?: Size;
    instanceTypes?: string[];
    min: number;
    max: number;
    spot: boolean;
    /** User labels plus the capacity-group and purpose labels. */
    labels: Record<string, string>;
    /** User taints plus the purpose taint. */
    taints: NodeTaint[];
    diskSizeGb: number;
}

export interface ResolvedTenant {
    name: string;
    quota: Required<TenantQuota>;
    adminUsers: string[];
    adminGroups: string[];
    allowedEgressCidrs: string[];
}

/** The shared arguments with defaults applied. */
export interface ResolvedRuntimeArgs {
    capacityGroups: ResolvedCapacityGroup[];
    tenants: ResolvedTenant[];
    clusterAdmins: string[];
    kubernetesVersion?: string;
    publicEndpoint?: PublicEndpoint;
    deletionProtection: boolean;
    tags: Tags;
}

/** Taint every batch group carries, so only batch jobs (which tolerate it) land there. */
export const BATCH_TAINT: NodeTaint = { key: PURPOSE_LABEL, value: "batch", effect: "NoSchedule" };
/** Taint every system group carries: the taint cluster add-ons tolerate by convention. */
export const SYSTEM_TAINT: NodeTaint = { key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule" };

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const GROUP_NAME = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;
const AKS_POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const RESERVED_LABEL_DOMAINS = ["kubernetes.io", "k8s.io", "platform-kit.io"];

export const KUBERNETES_NAME_ALLOWED = "lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit";

/** Whether `name` is a DNS-1035 label of at most `max` characters (valid for any Kubernetes object). */
export function isKubernetesName(name: unknown, max = 63): name is string {
    return typeof name === "string" && name.length <= max && DNS_LABEL.test(name);
}

/** Whether `key` is a valid Kubernetes label (or taint) key, `[prefix/]name`. */
export function isLabelKey(key: unknown): key is string {
    if (typeof key !== "string") return false;
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = key.slice(slash + 1);
    if (prefix !== undefined && (prefix.length > 253 || !LABEL_PREFIX.test(prefix))) return false;
    return LABEL_NAME.test(name);
}

export function isLabelValue(value: unknown): value is string {
    return typeof value === "string" && LABEL_VALUE.test(value);
}

function reservedLabelKey(key: string): boolean {
    const slash = key.indexOf("/");
    if (slash < 0) return false;
    const prefix = key.slice(0, slash);
    return RESERVED_LABEL_DOMAINS.some((d) => prefix === d || prefix.endsWith(`.${d}`));
}

/** Applies a capacity group's defaults and adds the platform's labels and purpose taint. */
export function resolveCapacityGroup(group: CapacityGroup): ResolvedCapacityGroup {
    const purpose = group.purpose ?? "service";
    const taints = [...(group.taints ?? [])];
    const purposeTaint = purpose === "batch" ? BATCH_TAINT : purpose === "system" ? SYSTEM_TAINT : undefined;
    if (purposeTaint && !taints.some((t) => t.key === purposeTaint.key && t.effect === purposeTaint.effect)) taints.push(purposeTaint);
    return {
        name: group.name,
        purpose,
        size: group.instanceTypes === undefined ? (group.size ?? "small") : undefined,
        instanceTypes: group.instanceTypes,
        min: group.min,
        max: group.max,
        spot: group.spot ?? false,
        labels: { ...(group.labels ?? {}), [CAPACITY_GROUP_LABEL]: group.name, [PURPOSE_LABEL]: purpose },
        taints,
        diskSizeGb: group.diskSizeGb ?? 50,
    };
}

/**
 * Where workloads go on these capacity groups. `cloudTaints` are taints the cloud adds to a
 * group's nodes on its own (AKS taints every Spot node), which its workloads must tolerate too.
 */
export function capacityPlacement(groups: readonly ResolvedCapacityGroup[], cloudTaints: (g: ResolvedCapacityGroup) => NodeTaint[] = () => []): CapacityPlacement {
    const purposes = CAPACITY_PURPOSES.filter((p) => groups.some((g) => g.purpose === p));
    const taintsOf = (purpose: CapacityPurpose): NodeTaint[] => {
        const taints: NodeTaint[] = [];
        for (const g of groups.filter((x) => x.purpose === purpose)) {
            for (const t of [...g.taints, ...cloudTaints(g)]) {
                if (!taints.some((b) => b.key === t.key && b.value === t.value && b.effect === t.effect)) taints.push(t);
            }
        }
        return taints;
    };
    return { purposes, batchTaints: taintsOf("batch"), serviceTaints: taintsOf("service") };
}

/** Problems with a list of CIDRs (each a valid IPv4/IPv6 block; never the whole internet). */
export function cidrListProblems(cidrs: unknown, field: string): Problem[] {
    if (!Array.isArray(cidrs)) return [{ field, value: cidrs, allowed: "a list of CIDR blocks" }];
    const problems: Problem[] = [];
    cidrs.forEach((c, i) => {
        if (typeof c !== "string" || !ipaddr.isValidCIDR(c)) {
            problems.push({ field: `${field}[${i}]`, value: c, allowed: "a CIDR block such as \"203.0.113.0/24\"" });
        } else if (ipaddr.parseCIDR(c)[1] === 0) {
            problems.push({ field: `${field}[${i}]`, value: c, allowed: "a bounded address range; the whole internet is refused" });
        }
    });
    return problems;
}

function validateCapacityGroups(check: ArgsChecker, cloud: Cloud, groups: unknown): void {
    if (!check.plain("capacityGroups", groups)) return;
    if (cloud === "kubernetes") {
        check.require(groups === undefined || (Array.isArray(groups) && groups.length === 0), "capacityGroups", groups, "none for cloud \"kubernetes\": the existing cluster's owner runs its nodes");
        return;
    }
    if (!check.require(Array.isArray(groups) && groups.length > 0, "capacityGroups", groups, "a list of at least one capacity group")) return;
    const list = groups as CapacityGroup[];
    list.forEach((g, i) => {
        const f = `capacityGroups[${i}]`;
        if (!check.require(typeof g === "object" && g !== null, f, g, "a capacity group object")) return;
        if (cloud === "azure") {
            check.require(typeof g.name === "string" && AKS_POOL_NAME.test(g.name), `${f}.name`, g.name, "on Azure, 1 to 12 lower-case letters and digits starting with a letter (the AKS pool name rule)");
            if (g.name === "system" && g.purpose !== "system") {
                check.add({ field: `${f}.name`, value: g.name, allowed: "a name other than \"system\" (the default AKS system pool's) unless the purpose is \"system\"" });
            }
        } else {
            check.require(typeof g.name === "string" && GROUP_NAME.test(g.name), `${f}.name`, g.name, `${KUBERNETES_NAME_ALLOWED}, at most 40 characters`);
        }
        if (g.size !== undefined) check.require(isSize(g.size), `${f}.size`, g.size, `one of ${SIZES.map((s) => `"${s}"`).join(", ")}`);
        if (g.instanceTypes !== undefined) {
            const okList = Array.isArray(g.instanceTypes) && g.instanceTypes.length > 0 && g.instanceTypes.every((t) => typeof t === "string" && t.length > 0);
            if (check.require(okList, `${f}.instanceTypes`, g.instanceTypes, "a non-empty list of machine type names") && cloud !== "aws") {
                check.require(g.instanceTypes.length === 1, `${f}.instanceTypes`, g.instanceTypes, `exactly one machine type on ${cloud === "gcp" ? "Google Cloud" : "Azure"} (a node pool has one shape)`);
            }
            check.require(g.size === undefined, `${f}.size`, g.size, "either size or instanceTypes, not both");
        }
        const minOk = check.integer(`${f}.min`, g.min, 0, 1000, "nodes") && g.min !== undefined;
        const maxOk = check.integer(`${f}.max`, g.max, 1, 1000, "nodes") && g.max !== undefined;
        if (g.min === undefined) check.add({ field: `${f}.min`, value: g.min, allowed: "a whole number from 0 to 1000 (nodes)" });
        if (g.max === undefined) check.add({ field: `${f}.max`, value: g.max, allowed: "a whole number from 1 to 1000 (nodes)" });
        if (minOk && maxOk) check.require(g.min <= g.max, `${f}.min`, g.min, `at most max (${g.max})`);
        if (g.purpose !== undefined) check.oneOf(`${f}.purpose`, g.purpose, CAPACITY_PURPOSES);
        if (g.purpose === "system") {
            check.require(g.spot !== true, `${f}.spot`, g.spot, "false for a system group: cluster add-ons must not be evicted");
            if (minOk) check.require(g.min >= 1, `${f}.min`, g.min, "at least 1 for a system group (the add-ons need a node)");
        }
        check.integer(`${f}.diskSizeGb`, g.diskSizeGb, 20, 16384, "GiB");
        for (const [key, value] of Object.entries(g.labels ?? {})) {
            check.require(isLabelKey(key) && !reservedLabelKey(key), `${f}.labels.${key}`, key, "a Kubernetes label key outside the kubernetes.io, k8s.io and platform-kit.io domains");
            check.require(isLabelValue(value), `${f}.labels.${key}`, value, "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
        }
        (g.taints ?? []).forEach((t, j) => {
            check.require(isLabelKey(t.key), `${f}.taints[${j}].key`, t.key, "a Kubernetes taint key such as \"dedicated\" or \"example.com/gpu\"");
            if (t.value !== undefined) check.require(isLabelValue(t.value), `${f}.taints[${j}].value`, t.value, "a taint value: at most 63 letters, digits, '-', '_' or '.'");
            check.oneOf(`${f}.taints[${j}].effect`, t.effect, TAINT_EFFECTS);
        });
    });
    check.unique(list.map((g, i) => [`capacityGroups[${i}].name`, String(g?.name)] as const), "capacity group name");
}

function validateTenants(check: ArgsChecker, tenants: unknown): void {
    if (!check.plain("tenants", tenants) || tenants === undefined) return;
    if (!check.require(Array.isArray(tenants), "tenants", tenants, "a list of tenants")) return;
    const list = tenants as Tenant[];
    list.forEach((t, i) => {
        const f = `tenants[${i}]`;
        if (!check.require(typeof t === "object" && t !== null, f, t, "a tenant object")) return;
        if (check.require(isKubernetesName(t.name), `${f}.name`, t.name, `a namespace name: ${KUBERNETES_NAME_ALLOWED}, at most 63 characters`)) {
            check.require(t.name !== "default" && !t.name.startsWith("kube-") && !t.name.startsWith("platform-kit"), `${f}.name`, t.name, "a name other than \"default\", \"kube-*\" and \"platform-kit*\" (reserved namespaces)");
        }
        if (t.quota !== undefined) {
            check.require(isQuantity(t.quota.cpu), `${f}.quota.cpu`, t.quota.cpu, "a Kubernetes CPU quantity such as \"16\" or \"500m\"");
            check.require(isQuantity(t.quota.memory), `${f}.quota.memory`, t.quota.memory, "a Kubernetes memory quantity such as \"32Gi\"");
            check.integer(`${f}.quota.pods`, t.quota.pods, 1, 100000, "pods");
        }
        for (const kind of ["users", "groups"] as const) {
            const subjects = t.admins?.[kind];
            if (subjects === undefined) continue;
            check.require(Array.isArray(subjects) && subjects.every((s) => typeof s === "string" && s.length > 0), `${f}.admins.${kind}`, subjects, "a list of non-empty names");
        }
        if (t.allowedEgressCidrs !== undefined) check.addAll(cidrListProblems(t.allowedEgressCidrs, `${f}.allowedEgressCidrs`));
    });
    check.unique(list.map((t, i) => [`tenants[${i}].name`, String(t?.name)] as const), "tenant name");
}

const EKS_PRINCIPAL = /^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)\/.+$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function validateClusterAdmins(check: ArgsChecker, cloud: Cloud, admins: unknown): void {
    if (admins === undefined) return;
    if (!check.require(Array.isArray(admins), "clusterAdmins", admins, "a list")) return;
    (admins as unknown[]).forEach((a, i) => {
        const f = `clusterAdmins[${i}]`;
        if (cloud === "aws") check.require(typeof a === "string" && EKS_PRINCIPAL.test(a), f, a, "an IAM role or user ARN (arn:aws:iam::123456789012:role/name)");
        else if (cloud === "azure") check.require(typeof a === "string" && GUID.test(a), f, a, "an Entra ID group object id (a GUID)");
        else check.require(typeof a === "string" && a.length > 0, f, a, "a Kubernetes user name (on GKE, a Google account email)");
    });
}

/**
 * Validates a runtime's arguments and applies the shared defaults: every problem is reported
 * together in one PlatformKitError naming the field, the value and what is allowed.
 * Pure: no Pulumi engine needed.
 */
export function validateContainerRuntimeArgs(name: string, args: ContainerRuntimeArgs, kind = "ContainerRuntime"): ResolvedRuntimeArgs {
    checkCloud(`${kind} "${name}"`, args.cloud, CLOUDS);
    const cloud = args.cloud;
    const check = new ArgsChecker(kind, name);
    // Cluster-scoped objects (priority classes, role bindings) are named after the runtime.
    check.require(isKubernetesName(name, 40), "name", name, `${KUBERNETES_NAME_ALLOWED}, at most 40 characters (it names cluster-wide Kubernetes objects)`);
    if (cloud === "kubernetes") {
        check.require(args.network === undefined, "network", "a network", "nothing for cloud \"kubernetes\": an existing cluster brings its own network");
        check.require((args.kubeconfig === undefined) !== (args.provider === undefined), "kubeconfig", args.kubeconfig === undefined ? undefined : "a kubeconfig", "exactly one of kubeconfig or provider for cloud \"kubernetes\"");
        check.require(args.publicEndpoint === undefined, "publicEndpoint", args.publicEndpoint, "nothing for cloud \"kubernetes\": the cluster's owner decides its endpoint");
    } else {
        if (check.require(args.network !== undefined && typeof args.network === "object", "network", args.network, `a Network (or NetworkInfo) on cloud "${cloud}"`)) {
            check.require(args.network?.cloud === cloud, "network.cloud", args.network?.cloud, `"${cloud}" (the network must be on the runtime's cloud)`);
            if (cloud === "gcp") {
                check.require(typeof args.network?.podsRangeName === "string" && typeof args.network?.servicesRangeName === "string", "network.podsRangeName", args.network?.podsRangeName, "the secondary range names for GKE pods and services (a GCP Network has them)");
            }
            if (cloud === "azure") {
                check.require(args.network?.resourceGroupName !== undefined, "network.resourceGroupName", undefined, "the Azure network's resource group");
            }
        }
        check.require(args.kubeconfig === undefined, "kubeconfig", "a kubeconfig", "only for cloud \"kubernetes\" (a new cluster's kubeconfig is an output)");
        check.require(args.provider === undefined, "provider", "a provider", "only for cloud \"kubernetes\"");
        check.require(args.clusterName === undefined, "clusterName", args.clusterName, "only for cloud \"kubernetes\" (a new cluster is named after the runtime)");
        if (args.publicEndpoint !== undefined) {
            const cidrs = args.publicEndpoint.allowedCidrs;
            if (check.require(Array.isArray(cidrs) && cidrs.length > 0, "publicEndpoint.allowedCidrs", cidrs, "a non-empty list of CIDR blocks allowed to reach the API server")) {
                check.addAll(cidrListProblems(cidrs, "publicEndpoint.allowedCidrs"));
            }
        }
    }
    if (args.deletionProtection !== undefined) check.require(typeof args.deletionProtection === "boolean", "deletionProtection", args.deletionProtection, "true or false");
    if (args.kubernetesVersion !== undefined) {
        check.require(typeof args.kubernetesVersion === "string" && /^1\.[0-9]{2}$/.test(args.kubernetesVersion), "kubernetesVersion", args.kubernetesVersion, "a Kubernetes minor version such as \"1.33\"");
    }
    validateCapacityGroups(check, cloud, args.capacityGroups);
    validateTenants(check, args.tenants);
    validateClusterAdmins(check, cloud, args.clusterAdmins);
    check.done();
    return {
        capacityGroups: (args.capacityGroups ?? []).map(resolveCapacityGroup),
        tenants: (args.tenants ?? []).map((t) => ({
            name: t.name,
            quota: { ...DEFAULT_TENANT_QUOTA, ...(t.quota ?? {}), pods: t.quota?.pods ?? DEFAULT_TENANT_QUOTA.pods },
            adminUsers: t.admins?.users ?? [],
            adminGroups: t.admins?.groups ?? [],
            allowedEgressCidrs: t.allowedEgressCidrs ?? [],
        })),
        clusterAdmins: args.clusterAdmins ?? [],
        kubernetesVersion: args.kubernetesVersion,
        publicEndpoint: args.publicEndpoint,
        deletionProtection: args.deletionProtection ?? true,
        tags: args.tags ?? {},
    };
}

/** The network of a cloud runtime; validation has already refused a missing one. */
function requireNetwork(component: string, network: NetworkInfo | undefined): NetworkInfo {
    if (network === undefined) throw new PlatformKitError(component, [{ field: "network", value: undefined, allowed: "a Network (or NetworkInfo)" }]);
    return network;
}

/**
 * A Titus-like container platform: one Kubernetes cluster (new EKS, GKE or AKS, or an
 * existing one) shared by tenants, with capacity groups for services and batch, priority
 * classes (services preempt batch), and `service()` / `batchJob()` to run workloads whose
 * pod specs meet the restricted Pod Security Standard. The portable facade: it validates
 * the shared intent and builds that cloud's runtime, loading only that cloud's SDK. For
 * every option of a cloud use `AwsContainerRuntime`, `GcpContainerRuntime`,
 * `AzureContainerRuntime` or `KubernetesContainerRuntime`.
 *
 * Cost: EKS and AKS (Standard tier) bill the control plane by the hour, GKE a cluster fee;
 * nodes are billed up to each group's `max`; Spot groups cost far less.
 *
 * @example
 * const runtime = new ContainerRuntime("titus", {
 *     cloud: "aws", network,
 *     capacityGroups: [
 *         { name: "services", size: "medium", min: 2, max: 10 },
 *         { name: "batch", size: "large", min: 0, max: 50, spot: true, purpose: "batch" },
 *     ],
 *     tenants: [{ name: "payments", quota: { cpu: "32", memory: "64Gi" } }],
 * });
 * runtime.service("api", { tenant: "payments", image: "ghcr.io/acme/api@sha256:...", port: 8080 });
 */
export class ContainerRuntime extends RuntimeComponent {
    readonly cloud: Cloud;

    constructor(name: string, args: ContainerRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        const component = `ContainerRuntime "${name}"`;
        const resolved = validateContainerRuntimeArgs(name, args);
        const cloud = args.cloud;
        loadCloudModule("kubernetes", component, () => undefined);
        let build: (parent: pulumi.ComponentResource) => BuiltRuntime;
        switch (cloud) {
            case "aws": {
                const aws = loadCloudModule(cloud, component, () => require("./aws") as typeof import("./aws"));
                const awsArgs = { ...resolved, network: requireNetwork(component, args.network) };
                aws.checkAwsContainerRuntimeArgs("ContainerRuntime", name, awsArgs);
                build = (parent) => aws.buildAwsContainerRuntime(name, awsArgs, parent);
                break;
            }
            case "gcp": {
                const gcp = loadCloudModule(cloud, component, () => require("./gcp") as typeof import("./gcp"));
                const gcpArgs = { ...resolved, network: requireNetwork(component, args.network) };
                gcp.checkGcpContainerRuntimeArgs("ContainerRuntime", name, gcpArgs);
                build = (parent) => gcp.buildGcpContainerRuntime(name, gcpArgs, parent);
                break;
            }
            case "azure": {
                const azure = loadCloudModule(cloud, component, () => require("./azure") as typeof import("./azure"));
                const azureArgs = { ...resolved, network: requireNetwork(component, args.network) };
                azure.checkAzureContainerRuntimeArgs("ContainerRuntime", name, azureArgs);
                build = (parent) => azure.buildAzureContainerRuntime(name, azureArgs, parent);
                break;
            }
            case "kubernetes": {
                const kubernetes = require("./kubernetes") as typeof import("./kubernetes");
                const kubernetesArgs = { ...resolved, kubeconfig: args.kubeconfig, provider: args.provider, clusterName: args.clusterName };
                build = (parent) => kubernetes.buildKubernetesContainerRuntime(name, kubernetesArgs, parent);
                break;
            }
        }
        super("platform-kit:container-runtime:ContainerRuntime", name, opts, build);
        this.cloud = cloud;
    }
}
