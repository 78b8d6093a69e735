import assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import { ContainerRuntime } from "../../components/container-runtime";
import { TENANT_ADMIN_RULES } from "../../components/container-runtime/tenancy";
import { KubernetesContainerRuntime } from "../../components/container-runtime/kubernetes";
import { RecordedResource, inventory, ofType, only, runProgram } from "../../testing";
import { PINNED_IMAGE, TENANTS, inputs, kitError } from "./fixtures";

const KUBECONFIG = "apiVersion: v1\nkind: Config\n";

function existingRuntime(extra: { clusterAdmins?: string[] } = {}): ContainerRuntime {
    return new ContainerRuntime("titus", { cloud: "kubernetes", kubeconfig: KUBECONFIG, clusterName: "on-prem", tenants: [...TENANTS, { name: "ml", allowedEgressCidrs: ["10.20.0.0/16"] }], ...extra });
}

function podSpecOf(r: RecordedResource): any {
    const spec = inputs(r).spec;
    return r.type === "kubernetes:batch/v1:CronJob" ? spec.jobTemplate.spec.template.spec : spec.template.spec;
}

describe("container-runtime: existing cluster (kubernetes)", () => {
    let run: Awaited<ReturnType<typeof runProgram>>;
    before(async () => {
        run = await runProgram(() => {
            const rt = existingRuntime({ clusterAdmins: ["ops@example.com"] });
            rt.service("api", { tenant: "payments", image: PINNED_IMAGE, port: 8080, healthCheckPath: "/healthz", allowFromNamespaces: ["ingress-nginx"] });
            rt.service("worker", { tenant: "search", image: "ghcr.io/acme/worker:2.0.1", port: 9000, autoscale: false, replicas: 3 });
            rt.batchJob("reindex", { tenant: "search", image: "ghcr.io/acme/reindex:1.0.0", command: ["/reindex"], parallelism: 4, completions: 8, priority: "high" });
            rt.batchJob("nightly", { tenant: "payments", image: PINNED_IMAGE, schedule: "0 3 * * *", timeZone: "Europe/Paris" });
            return { clusterName: rt.clusterName, kubeconfig: rt.kubeconfig, namespaces: rt.tenantNamespaces };
        });
    });

    it("creates exactly these children (rename guard)", () => {
        const tenant = (t: string, extra: Array<[string, string]> = []): Array<[string, string]> => [
            ["kubernetes:core/v1:LimitRange", `titus-${t}-limits`],
            ["kubernetes:core/v1:Namespace", `titus-${t}-namespace`],
            ["kubernetes:core/v1:ResourceQuota", `titus-${t}-quota`],
            ["kubernetes:networking.k8s.io/v1:NetworkPolicy", `titus-${t}-allow-dns`],
            ["kubernetes:networking.k8s.io/v1:NetworkPolicy", `titus-${t}-allow-same-namespace`],
            ["kubernetes:networking.k8s.io/v1:NetworkPolicy", `titus-${t}-default-deny`],
            ...extra,
        ];
        const expected: Array<[string, string]> = [
            ["kubernetes:apps/v1:Deployment", "titus-api-deployment"],
            ["kubernetes:apps/v1:Deployment", "titus-worker-deployment"],
            ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "titus-api-autoscaler"],
            ["kubernetes:batch/v1:CronJob", "titus-nightly-cron-job"],
            ["kubernetes:batch/v1:Job", "titus-reindex-job"],
            ["kubernetes:core/v1:Service", "titus-api-service"],
            ["kubernetes:core/v1:Service", "titus-worker-service"],
            ["kubernetes:core/v1:ServiceAccount", "titus-api-service-account"],
            ["kubernetes:core/v1:ServiceAccount", "titus-nightly-service-account"],
            ["kubernetes:core/v1:ServiceAccount", "titus-reindex-service-account"],
            ["kubernetes:core/v1:ServiceAccount", "titus-worker-service-account"],
            ["kubernetes:networking.k8s.io/v1:NetworkPolicy", "titus-api-ingress"],
            ["kubernetes:policy/v1:PodDisruptionBudget", "titus-api-disruption-budget"],
            ["kubernetes:policy/v1:PodDisruptionBudget", "titus-worker-disruption-budget"],
            ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "titus-cluster-admins"],
            ["kubernetes:rbac.authorization.k8s.io/v1:Role", "titus-payments-admin-role"],
            ["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "titus-payments-admin-binding"],
            ["kubernetes:scheduling.k8s.io/v1:PriorityClass", "titus-priority-batch-high"],
            ["kubernetes:scheduling.k8s.io/v1:PriorityClass", "titus-priority-batch-low"],
            ["kubernetes:scheduling.k8s.io/v1:PriorityClass", "titus-priority-batch-normal"],
            ["kubernetes:scheduling.k8s.io/v1:PriorityClass", "titus-priority-service"],
            ["pulumi:providers:kubernetes", "titus-provider"],
            ...tenant("payments"),
            ...tenant("search"),
            ...tenant("ml", [["kubernetes:networking.k8s.io/v1:NetworkPolicy", "titus-ml-allow-egress"]]),
        ];
        const sort = (l: Array<[string, string]>) => [...l].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
        assert.deepEqual(inventory(run.resources), sort(expected));
    });

    it("sends every Kubernetes object through the runtime's provider, built from the kubeconfig as a secret", () => {
        const provider = only(run.resources, "pulumi:providers:kubernetes", "titus-provider");
        assert.deepEqual(provider.secretPaths, ["kubeconfig"]);
        assert.equal(inputs(provider).kubeconfig, KUBECONFIG);
        const providerRef = `${provider.urn}::${provider.id}`;
        for (const r of run.resources.filter((x) => x.custom && x.type.startsWith("kubernetes:"))) {
            assert.equal(r.provider, providerRef, `${r.type} ${r.name}`);
        }
        assert.equal(run.outputs.clusterName, "on-prem");
        assert.equal(run.outputs.kubeconfig, "[secret]");
        assert.deepEqual(run.outputs.namespaces, { payments: "payments", search: "search", ml: "ml" });
    });

    it("labels each tenant namespace for the restricted Pod Security Standard", () => {
        const ns = only(run.resources, "kubernetes:core/v1:Namespace", "titus-payments-namespace");
        const labels = inputs(ns).metadata.labels;
        assert.equal(inputs(ns).metadata.name, "payments");
        for (const mode of ["enforce", "audit", "warn"]) {
            assert.equal(labels[`pod-security.kubernetes.io/${mode}`], "restricted");
            assert.equal(labels[`pod-security.kubernetes.io/${mode}-version`], "latest");
        }
    });

    it("gives each tenant a quota (no load balancers or node ports of its own) and default limits", () => {
        assert.deepEqual(inputs(only(run.resources, "kubernetes:core/v1:ResourceQuota", "titus-payments-quota")).spec.hard, {
            "requests.cpu": "32",
            "requests.memory": "64Gi",
            "limits.cpu": "32",
            "limits.memory": "64Gi",
            pods: "300",
            "services.loadbalancers": "0",
            "services.nodeports": "0",
        });
        assert.equal(inputs(only(run.resources, "kubernetes:core/v1:ResourceQuota", "titus-search-quota")).spec.hard["requests.cpu"], "16");
        assert.deepEqual(inputs(only(run.resources, "kubernetes:core/v1:LimitRange", "titus-search-limits")).spec.limits, [
            { type: "Container", defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { cpu: "500m", memory: "512Mi" } },
        ]);
    });

    it("denies all traffic by default, then allows DNS, the namespace itself and listed egress", () => {
        const policy = (name: string) => inputs(only(run.resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", name));
        assert.deepEqual(policy("titus-payments-default-deny").spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        assert.equal(policy("titus-payments-default-deny").metadata.namespace, "payments");
        assert.deepEqual(policy("titus-payments-allow-dns").spec, {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
                {
                    to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
                    ports: [
                        { protocol: "UDP", port: 53 },
                        { protocol: "TCP", port: 53 },
                    ],
                },
            ],
        });
        assert.deepEqual(policy("titus-payments-allow-same-namespace").spec, {
            podSelector: {},
            policyTypes: ["Ingress", "Egress"],
            ingress: [{ from: [{ podSelector: {} }] }],
            egress: [{ to: [{ podSelector: {} }] }],
        });
        assert.deepEqual(policy("titus-ml-allow-egress").spec, { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "10.20.0.0/16" } }] }] });
        assert.deepEqual(policy("titus-api-ingress").spec, {
            podSelector: { matchLabels: { "app.kubernetes.io/instance": "api" } },
            policyTypes: ["Ingress"],
            ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["ingress-nginx"] }] } }], ports: [{ protocol: "TCP", port: 8080 }] }],
        });
    });

    it("binds the tenant's admins to a namespaced role without RBAC or guard-rail rights", () => {
        const role = inputs(only(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:Role", "titus-payments-admin-role"));
        assert.deepEqual(role.rules, TENANT_ADMIN_RULES);
        for (const rule of role.rules as Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }>) {
            assert.ok(!rule.apiGroups.includes("rbac.authorization.k8s.io"));
            if (rule.resources.some((r) => ["resourcequotas", "limitranges", "networkpolicies"].includes(r))) assert.deepEqual(rule.verbs, ["get", "list", "watch"]);
        }
        const binding = inputs(only(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "titus-payments-admin-binding"));
        assert.equal(binding.metadata.namespace, "payments");
        assert.deepEqual(binding.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "tenant-admin" });
        assert.deepEqual(binding.subjects, [
            { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "alice" },
            { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "payments-admins" },
        ]);
        assert.equal(ofType(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").length, 1, "tenants without admins get no binding");
        assert.deepEqual(inputs(only(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding")).subjects, [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "ops@example.com" }]);
    });

    it("lets services preempt batch, and batch never preempt", () => {
        const classes = Object.fromEntries(ofType(run.resources, "kubernetes:scheduling.k8s.io/v1:PriorityClass").map((r) => [inputs(r).metadata.name, [inputs(r).value, inputs(r).preemptionPolicy, inputs(r).globalDefault]]));
        assert.deepEqual(classes, {
            "titus-service": [100000, "PreemptLowerPriority", false],
            "titus-batch-high": [30000, "Never", false],
            "titus-batch-normal": [20000, "Never", false],
            "titus-batch-low": [10000, "Never", false],
        });
    });

    it("builds a service: autoscaled Deployment without a fixed replica count, ClusterIP Service, HPA, PDB", () => {
        const deployment = inputs(only(run.resources, "kubernetes:apps/v1:Deployment", "titus-api-deployment"));
        assert.deepEqual(deployment.metadata.namespace, "payments");
        assert.equal(deployment.spec.replicas, undefined);
        assert.deepEqual(deployment.spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } });
        const pod = podSpecOf(only(run.resources, "kubernetes:apps/v1:Deployment", "titus-api-deployment"));
        assert.equal(pod.priorityClassName, "titus-service");
        assert.equal(pod.serviceAccountName, "api");
        assert.equal(pod.affinity, undefined, "an existing cluster has no capacity groups to steer to");
        assert.equal(pod.containers[0].image, PINNED_IMAGE);
        assert.deepEqual(pod.containers[0].ports, [{ name: "http", containerPort: 8080, protocol: "TCP" }]);
        assert.deepEqual(inputs(only(run.resources, "kubernetes:core/v1:Service", "titus-api-service")).spec, {
            type: "ClusterIP",
            selector: { "app.kubernetes.io/instance": "api" },
            ports: [{ name: "http", port: 8080, targetPort: "http", protocol: "TCP" }],
        });
        assert.deepEqual(inputs(only(run.resources, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "titus-api-autoscaler")).spec, {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
            minReplicas: 2,
            maxReplicas: 10,
            metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
        });
        assert.deepEqual(inputs(only(run.resources, "kubernetes:policy/v1:PodDisruptionBudget", "titus-api-disruption-budget")).spec, { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/instance": "api" } } });
        assert.equal(inputs(only(run.resources, "kubernetes:apps/v1:Deployment", "titus-worker-deployment")).spec.replicas, 3);
        assert.deepEqual(inputs(only(run.resources, "kubernetes:core/v1:ServiceAccount", "titus-api-service-account")).automountServiceAccountToken, false);
    });

    it("gives every pod the restricted security settings", () => {
        const workloads = [...ofType(run.resources, "kubernetes:apps/v1:Deployment"), ...ofType(run.resources, "kubernetes:batch/v1:Job"), ...ofType(run.resources, "kubernetes:batch/v1:CronJob")];
        assert.equal(workloads.length, 4);
        for (const w of workloads) {
            const pod = podSpecOf(w);
            assert.equal(pod.automountServiceAccountToken, false, w.name);
            assert.deepEqual(pod.securityContext.seccompProfile, { type: "RuntimeDefault" });
            assert.equal(pod.securityContext.runAsNonRoot, true);
            const c = pod.containers[0];
            assert.deepEqual(c.securityContext, { runAsNonRoot: true, allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } }, w.name);
            assert.ok(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.cpu && c.resources.limits.memory, w.name);
        }
    });

    it("builds a batch job: backoff, TTL, its priority class, no restarts, and does not hold the deployment", () => {
        const job = inputs(only(run.resources, "kubernetes:batch/v1:Job", "titus-reindex-job"));
        assert.equal(job.metadata.annotations["pulumi.com/skipAwait"], "true");
        assert.deepEqual([job.spec.parallelism, job.spec.completions, job.spec.backoffLimit, job.spec.ttlSecondsAfterFinished], [4, 8, 3, 86400]);
        const pod = job.spec.template.spec;
        assert.equal(pod.priorityClassName, "titus-batch-high");
        assert.equal(pod.restartPolicy, "Never");
        assert.deepEqual(pod.containers[0].command, ["/reindex"]);
        const cron = inputs(only(run.resources, "kubernetes:batch/v1:CronJob", "titus-nightly-cron-job"));
        assert.deepEqual([cron.spec.schedule, cron.spec.timeZone, cron.spec.concurrencyPolicy], ["0 3 * * *", "Europe/Paris", "Forbid"]);
        assert.equal(cron.spec.jobTemplate.spec.template.spec.priorityClassName, "titus-batch-normal");
    });

    it("refuses a workload for an unknown tenant or with a latest image", async () => {
        await assert.rejects(
            runProgram(() => existingRuntime().service("api", { tenant: "billing", image: "ghcr.io/acme/api:latest", port: 80 })),
            kitError(/ContainerRuntime service "api"/, /tenant: got "billing"; allowed: one of the runtime's tenants: "payments", "search", "ml"/, /image: got "ghcr\.io\/acme\/api:latest"/),
        );
        await assert.rejects(runProgram(() => existingRuntime().batchJob("etl", { tenant: "payments", image: "busybox" })), kitError(/image: got "busybox"; allowed: .*untagged/));
    });

    it("takes an existing provider instead of a kubeconfig", async () => {
        const given = await runProgram(() => {
            const provider = new k8s.Provider("mine", { kubeconfig: KUBECONFIG });
            const rt = new KubernetesContainerRuntime("shared", { provider, tenants: [{ name: "team-a" }] });
            return { kubeconfig: rt.kubeconfig, clusterName: rt.clusterName };
        });
        assert.deepEqual(ofType(given.resources, "pulumi:providers:kubernetes").map((p) => p.name), ["mine"]);
        const mine = only(given.resources, "pulumi:providers:kubernetes", "mine");
        assert.equal(only(given.resources, "kubernetes:core/v1:Namespace").provider, `${mine.urn}::${mine.id}`);
        assert.equal(given.outputs.clusterName, "shared");
        assert.ok(given.resources.some((r) => r.type === "platform-kit:container-runtime:KubernetesContainerRuntime"));
    });
});
