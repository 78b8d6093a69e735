import assert from "node:assert/strict";
import {
    BATCH_TAINT,
    ContainerRuntimeArgs,
    SYSTEM_TAINT,
    capacityPlacement,
    imageReferenceProblem,
    isCronSchedule,
    isDigestPinned,
    parseImageReference,
    resolveCapacityGroup,
    restrictedPodSpec,
    resolveResources,
    validateBatchJobArgs,
    validateContainerRuntimeArgs,
    validateServiceArgs,
} from "../../components/container-runtime";
import { PlatformKitError } from "../../components/core";
import { CAPACITY, PINNED_IMAGE, TENANTS, kitError, networkFor } from "./fixtures";

const awsArgs = (extra: Partial<ContainerRuntimeArgs> = {}): ContainerRuntimeArgs => ({ cloud: "aws", network: networkFor("aws"), capacityGroups: CAPACITY, tenants: TENANTS, ...extra });

describe("container-runtime: image references", () => {
    it("accepts a digest, a tag, a tag with a digest, registries with ports", () => {
        for (const image of [PINNED_IMAGE, "ghcr.io/acme/api:1.4.2", `ghcr.io/acme/api:latest@${PINNED_IMAGE.split("@")[1]}`, "localhost:5000/api:v1", "nginx:1.27", "registry.example.com:8443/team/api:2026.11.1"]) {
            assert.equal(imageReferenceProblem(image), undefined, image);
        }
    });

    it("refuses latest, untagged and malformed images, saying digest pinning is preferred", () => {
        assert.match(imageReferenceProblem("ghcr.io/acme/api:latest") ?? "", /digest.*preferred.*"latest"/);
        assert.match(imageReferenceProblem("ghcr.io/acme/api") ?? "", /untagged image pulls "latest"/);
        assert.match(imageReferenceProblem("nginx") ?? "", /untagged/);
        assert.match(imageReferenceProblem("ghcr.io/Acme/API:1") ?? "", /well-formed/);
        assert.match(imageReferenceProblem("api@sha256:short") ?? "", /well-formed/);
        assert.match(imageReferenceProblem("") ?? "", /image reference/);
    });

    it("splits a reference into registry, repository, tag and digest", () => {
        assert.deepEqual(parseImageReference("registry.example.com:8443/team/api:2.1"), { registry: "registry.example.com:8443", repository: "team/api", tag: "2.1", digest: undefined });
        assert.equal(isDigestPinned(PINNED_IMAGE), true);
        assert.equal(isDigestPinned("ghcr.io/acme/api:1.4.2"), false);
    });
});

describe("container-runtime: restricted pod spec", () => {
    it("meets the restricted Pod Security Standard with requests and limits and no token", () => {
        const spec = restrictedPodSpec({
            containerName: "api",
            image: PINNED_IMAGE,
            resources: resolveResources({ cpu: "500m", memory: "1Gi", cpuLimit: "1" }),
            serviceAccountName: "api",
            automountServiceAccountToken: false,
            ports: [{ name: "http", containerPort: 8080 }],
            healthCheckPath: "/healthz",
        });
        assert.deepEqual(spec.securityContext, { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } });
        assert.equal(spec.automountServiceAccountToken, false);
        const [container] = spec.containers as any[];
        assert.deepEqual(container.securityContext, {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
        assert.deepEqual(container.resources, { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } });
        assert.deepEqual(container.readinessProbe, { httpGet: { path: "/healthz", port: "http" } });
        assert.deepEqual(container.volumeMounts, [{ name: "tmp", mountPath: "/tmp" }]);
    });
});

describe("container-runtime: capacity groups and placement", () => {
    it("labels every group and taints batch and system groups", () => {
        const batch = resolveCapacityGroup(CAPACITY[1]);
        assert.deepEqual(batch.labels, { "platform-kit.io/capacity-group": "batch", "platform-kit.io/purpose": "batch" });
        assert.deepEqual(batch.taints, [{ key: "workload", value: "batch", effect: "NoExecute" }, BATCH_TAINT]);
        const system = resolveCapacityGroup({ name: "system", min: 1, max: 3, purpose: "system" });
        assert.deepEqual(system.taints, [SYSTEM_TAINT]);
        assert.equal(resolveCapacityGroup(CAPACITY[0]).purpose, "service");
        assert.equal(resolveCapacityGroup({ name: "x", min: 0, max: 1 }).size, "small");
    });

    it("collects the taints batch and services must tolerate, with the cloud's own", () => {
        const groups = CAPACITY.map(resolveCapacityGroup);
        const placement = capacityPlacement(groups, (g) => (g.spot ? [{ key: "spot", effect: "NoSchedule" }] : []));
        assert.deepEqual(placement.purposes, ["batch", "service"]);
        assert.deepEqual(placement.batchTaints, [{ key: "workload", value: "batch", effect: "NoExecute" }, BATCH_TAINT, { key: "spot", effect: "NoSchedule" }]);
        assert.deepEqual(placement.serviceTaints, []);
    });
});

describe("container-runtime: runtime arguments", () => {
    it("applies defaults", () => {
        const resolved = validateContainerRuntimeArgs("titus", awsArgs());
        assert.deepEqual(resolved.tenants[1], { name: "search", quota: { cpu: "16", memory: "32Gi", pods: 200 }, adminUsers: [], adminGroups: [], allowedEgressCidrs: [] });
        assert.deepEqual(resolved.tenants[0].quota, { cpu: "32", memory: "64Gi", pods: 300 });
        assert.equal(resolved.capacityGroups.length, 2);
    });

    it("refuses min > max, naming the field", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", awsArgs({ capacityGroups: [{ name: "web", min: 5, max: 2 }] })), kitError(/capacityGroups\[0\]\.min: got 5; allowed: at most max \(2\)/));
    });

    it("refuses duplicate capacity group and tenant names", () => {
        assert.throws(
            () => validateContainerRuntimeArgs("titus", awsArgs({ capacityGroups: [CAPACITY[0], CAPACITY[0]], tenants: [{ name: "a" }, { name: "a" }] })),
            kitError(/capacityGroups\[1\]\.name: got "services"; allowed: a capacity group name not already used/, /tenants\[1\]\.name: got "a"; allowed: a tenant name not already used/),
        );
    });

    it("refuses invalid Kubernetes names and reserved namespaces", () => {
        assert.throws(
            () => validateContainerRuntimeArgs("Titus_1", awsArgs({ tenants: [{ name: "Payments" }, { name: "kube-system" }], capacityGroups: [{ name: "web_pool", min: 0, max: 1 }] })),
            (e) => {
                assert.ok(e instanceof PlatformKitError);
                assert.deepEqual(e.problems.map((p) => p.field), ["name", "capacityGroups[0].name", "tenants[0].name", "tenants[1].name"]);
                return true;
            },
        );
    });

    it("requires a network of the same cloud, and refuses one for kubernetes", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "aws", capacityGroups: CAPACITY }), kitError(/network: got nothing; allowed: a Network \(or NetworkInfo\) on cloud "aws"/));
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "aws", network: networkFor("gcp"), capacityGroups: CAPACITY }), kitError(/network\.cloud: got "gcp"/));
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "kubernetes", network: networkFor("aws"), kubeconfig: "x" }), kitError(/network: .*nothing for cloud "kubernetes"/));
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "gcp", network: { ...networkFor("gcp"), podsRangeName: undefined }, capacityGroups: CAPACITY }), kitError(/network\.podsRangeName/));
    });

    it("refuses capacity groups on an existing cluster and needs exactly one of kubeconfig or provider", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "kubernetes", kubeconfig: "x", capacityGroups: CAPACITY }), kitError(/capacityGroups: .*none for cloud "kubernetes"/));
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "kubernetes" }), kitError(/kubeconfig: got nothing; allowed: exactly one of kubeconfig or provider/));
    });

    it("refuses a public endpoint open to the internet, and keeps private the default", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", awsArgs({ publicEndpoint: { allowedCidrs: ["0.0.0.0/0"] } })), kitError(/publicEndpoint\.allowedCidrs\[0\]: got "0\.0\.0\.0\/0"; allowed: a bounded address range/));
        assert.throws(() => validateContainerRuntimeArgs("titus", awsArgs({ publicEndpoint: { allowedCidrs: [] } })), kitError(/publicEndpoint\.allowedCidrs: got \[\]/));
        assert.equal(validateContainerRuntimeArgs("titus", awsArgs()).publicEndpoint, undefined);
    });

    it("checks capacity group shapes per cloud", () => {
        assert.throws(
            () =>
                validateContainerRuntimeArgs("titus", {
                    cloud: "gcp",
                    network: networkFor("gcp"),
                    capacityGroups: [
                        { name: "web", instanceTypes: ["n2-standard-4", "n2-standard-8"], min: 0, max: 2 },
                        { name: "sys", size: "small", instanceTypes: ["e2-medium"], min: 0, max: 2, spot: true, purpose: "system" },
                        { name: "odd", min: 0, max: 1, taints: [{ key: "a", effect: "Sometimes" as never }], labels: { "kubernetes.io/role": "x" } },
                    ],
                }),
            (e) => {
                assert.ok(e instanceof PlatformKitError);
                assert.deepEqual(e.problems.map((p) => p.field), [
                    "capacityGroups[0].instanceTypes",
                    "capacityGroups[1].size",
                    "capacityGroups[1].spot",
                    "capacityGroups[1].min",
                    "capacityGroups[2].labels.kubernetes.io/role",
                    "capacityGroups[2].taints[0].effect",
                ]);
                return true;
            },
        );
        assert.throws(
            () => validateContainerRuntimeArgs("titus", { cloud: "azure", network: networkFor("azure"), capacityGroups: [{ name: "batch-spot", min: 0, max: 1 }] }),
            kitError(/capacityGroups\[0\]\.name: got "batch-spot"; allowed: on Azure, 1 to 12 lower-case letters and digits/),
        );
    });

    it("checks cluster admins per cloud", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", awsArgs({ clusterAdmins: ["alice"] })), kitError(/clusterAdmins\[0\]: got "alice"; allowed: an IAM role or user ARN/));
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "azure", network: networkFor("azure"), capacityGroups: [{ name: "web", min: 1, max: 2 }], clusterAdmins: ["admins"] }), kitError(/Entra ID group object id/));
    });

    it("names an unknown cloud", () => {
        assert.throws(() => validateContainerRuntimeArgs("titus", { cloud: "openstack" as never }), kitError(/cloud: got "openstack"/));
    });
});

describe("container-runtime: workload arguments", () => {
    const tenants = ["payments"];

    it("defaults a service to CPU autoscaling from 2 to 10 and no service-account token", () => {
        const s = validateServiceArgs("api", { tenant: "payments", image: PINNED_IMAGE, port: 8080 }, tenants);
        assert.deepEqual(s.autoscale, { min: 2, max: 10, targetCpuPercent: 70 });
        assert.equal(s.mountServiceAccountToken, false);
        assert.deepEqual(s.resources, { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "250m", memory: "256Mi" } });
    });

    it("refuses an unknown tenant, a latest image, autoscale min > max and replicas with autoscaling, all at once", () => {
        assert.throws(
            () => validateServiceArgs("api", { tenant: "search", image: "ghcr.io/acme/api:latest", port: 8080, replicas: 3, autoscale: { min: 5, max: 2 } }, tenants),
            (e) => {
                assert.ok(e instanceof PlatformKitError);
                assert.match(e.message, /ContainerRuntime service "api"/);
                assert.deepEqual(e.problems.map((p) => p.field), ["tenant", "image", "replicas", "autoscale.min"]);
                assert.match(e.problems[0].allowed, /one of the runtime's tenants: "payments"/);
                return true;
            },
        );
    });

    it("refuses bad ports, quantities and limits below requests", () => {
        assert.throws(
            () => validateServiceArgs("api", { tenant: "payments", image: PINNED_IMAGE, port: 70000, resources: { cpu: "lots", memory: "1Gi", memoryLimit: "512Mi" } }, tenants),
            (e) => e instanceof PlatformKitError && e.problems.map((p) => p.field).join() === "resources.cpu,port",
        );
        assert.throws(() => validateServiceArgs("a".repeat(56), { tenant: "payments", image: PINNED_IMAGE, port: 80 }, tenants), kitError(/name: .*at most 55 characters/));
        assert.throws(() => validateServiceArgs("api", { tenant: "payments", image: PINNED_IMAGE, port: 80, resources: { memory: "1Gi", memoryLimit: "512Mi" } }, tenants), kitError(/resources\.memoryLimit: got "512Mi"; allowed: at least the memory request \(1Gi\)/));
    });

    it("defaults a batch job and checks schedule, priority and name length", () => {
        const j = validateBatchJobArgs("etl", { tenant: "payments", image: PINNED_IMAGE }, tenants);
        assert.deepEqual([j.priority, j.backoffLimit, j.ttlSecondsAfterFinished, j.parallelism, j.completions], ["normal", 3, 86400, 1, 1]);
        assert.throws(
            () => validateBatchJobArgs("a".repeat(53), { tenant: "payments", image: "busybox", priority: "urgent" as never, schedule: "every day" }, tenants),
            (e) => e instanceof PlatformKitError && e.problems.map((p) => p.field).join() === "name,image,priority,schedule",
        );
        assert.equal(isCronSchedule("*/5 * * * *"), true);
        assert.equal(isCronSchedule("@daily"), true);
        assert.equal(isCronSchedule("* * *"), false);
    });
});
