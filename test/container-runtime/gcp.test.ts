import assert from "node:assert/strict";
import { ContainerRuntime } from "../../components/container-runtime";
import { GcpContainerRuntime } from "../../components/container-runtime/gcp";
import { ProgramRun, inventory, only, ofType, runProgram } from "../../testing";
import { CAPACITY, PINNED_IMAGE, TENANTS, inputs, kitError, networkFor } from "./fixtures";

describe("container-runtime: Google Cloud (GKE)", () => {
    let run: ProgramRun;
    let kubeconfig = "";
    before(async () => {
        run = await runProgram(
            () => {
                const rt = new ContainerRuntime("titus", { cloud: "gcp", network: networkFor("gcp"), capacityGroups: CAPACITY, tenants: TENANTS, clusterAdmins: ["ops@example.com"] });
                rt.kubeconfig.apply((k) => (kubeconfig = k));
                rt.service("api", { tenant: "payments", image: PINNED_IMAGE, port: 8080 });
                rt.batchJob("reindex", { tenant: "search", image: "ghcr.io/acme/reindex:1.0.0", schedule: "@hourly" });
                return { clusterName: rt.clusterName };
            },
            { config: { "gcp:project": "platform-kit-demo" } },
        );
    });

    it("creates exactly these cloud children (rename guard)", () => {
        assert.deepEqual(
            inventory(run.resources).filter(([type]) => !type.startsWith("kubernetes:")),
            [
                ["gcp:container/cluster:Cluster", "titus-cluster"],
                ["gcp:container/nodePool:NodePool", "titus-batch-node-pool"],
                ["gcp:container/nodePool:NodePool", "titus-services-node-pool"],
                ["gcp:kms/cryptoKey:CryptoKey", "titus-secrets-key"],
                ["gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "titus-secrets-key-gke-agent"],
                ["gcp:kms/keyRing:KeyRing", "titus-secrets-key-ring"],
                ["gcp:projects/iAMMember:IAMMember", "titus-node-artifactregistry-reader"],
                ["gcp:projects/iAMMember:IAMMember", "titus-node-container-defaultNodeServiceAccount"],
                ["gcp:serviceaccount/account:Account", "titus-node-account"],
                ["pulumi:providers:kubernetes", "titus-provider"],
            ],
        );
    });

    it("builds a regional, private cluster with workload identity, shielded nodes, Dataplane V2 and a release channel", () => {
        const c = inputs(only(run.resources, "gcp:container/cluster:Cluster"));
        assert.equal(c.name, "titus");
        assert.equal(c.location, "europe-west1");
        assert.equal(c.network, "projects/platform-kit-demo/global/networks/core");
        assert.equal(c.subnetwork, "projects/platform-kit-demo/regions/europe-west1/subnetworks/core-kubernetes");
        assert.deepEqual(c.ipAllocationPolicy, { clusterSecondaryRangeName: "core-pods", servicesSecondaryRangeName: "core-services" });
        assert.equal(c.removeDefaultNodePool, true);
        assert.deepEqual(c.privateClusterConfig, { enablePrivateNodes: true, enablePrivateEndpoint: true });
        assert.deepEqual(c.masterAuthorizedNetworksConfig, { cidrBlocks: [{ cidrBlock: "10.0.0.0/16", displayName: "network" }], gcpPublicCidrsAccessEnabled: false });
        assert.deepEqual(c.workloadIdentityConfig, { workloadPool: "platform-kit-demo.svc.id.goog" });
        assert.equal(c.enableShieldedNodes, true);
        assert.deepEqual(c.releaseChannel, { channel: "REGULAR" });
        assert.equal(c.datapathProvider, "ADVANCED_DATAPATH");
        assert.equal(c.networkingMode, "VPC_NATIVE");
        assert.equal(c.deletionProtection, true);
        assert.equal(c.enableLegacyAbac, false);
        assert.deepEqual(c.masterAuth, { clientCertificateConfig: { issueClientCertificate: false } });
        const key = only(run.resources, "gcp:kms/cryptoKey:CryptoKey");
        assert.deepEqual(c.databaseEncryption, { state: "ENCRYPTED", keyName: key.id });
        assert.equal(inputs(key).rotationPeriod, "7776000s");
        assert.equal(inputs(only(run.resources, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")).member, "serviceAccount:service-271828182845@container-engine-robot.iam.gserviceaccount.com");
        const nodeAccount = only(run.resources, "gcp:serviceaccount/account:Account");
        assert.equal(c.nodeConfig.serviceAccount, nodeAccount.outputs.email, "even the transient default pool avoids the Compute default account");
        assert.deepEqual(
            ofType(run.resources, "gcp:projects/iAMMember:IAMMember").map((m) => [inputs(m).role, inputs(m).member]),
            [
                ["roles/container.defaultNodeServiceAccount", nodeAccount.outputs.member],
                ["roles/artifactregistry.reader", nodeAccount.outputs.member],
            ],
        );
    });

    it("maps capacity groups to autoscaled node pools with spot, labels and taints", () => {
        const pool = only(run.resources, "gcp:container/nodePool:NodePool", "titus-batch-node-pool");
        const p = inputs(pool);
        assert.equal(p.name, "batch");
        assert.equal(p.cluster, only(run.resources, "gcp:container/cluster:Cluster").id);
        assert.deepEqual(p.autoscaling, { totalMinNodeCount: 0, totalMaxNodeCount: 20, locationPolicy: "ANY" });
        assert.deepEqual(p.management, { autoRepair: true, autoUpgrade: true });
        const n = p.nodeConfig;
        assert.equal(n.machineType, "n2-standard-8");
        assert.equal(n.spot, true);
        assert.deepEqual(n.taints, [
            { key: "workload", value: "batch", effect: "NO_EXECUTE" },
            { key: "platform-kit.io/purpose", value: "batch", effect: "NO_SCHEDULE" },
        ]);
        assert.deepEqual(n.labels, { "platform-kit.io/capacity-group": "batch", "platform-kit.io/purpose": "batch" });
        assert.deepEqual(n.shieldedInstanceConfig, { enableSecureBoot: true, enableIntegrityMonitoring: true });
        assert.deepEqual(n.workloadMetadataConfig, { mode: "GKE_METADATA" });
        assert.deepEqual(n.metadata, { "disable-legacy-endpoints": "true" });
        const services = inputs(only(run.resources, "gcp:container/nodePool:NodePool", "titus-services-node-pool"));
        assert.deepEqual([services.nodeConfig.machineType, services.nodeConfig.spot, services.autoscaling.locationPolicy], ["n2-standard-4", false, "BALANCED"]);
    });

    it("hands out a kubeconfig using gke-gcloud-auth-plugin and binds cluster admins", () => {
        const config = JSON.parse(kubeconfig);
        assert.match(config.clusters[0].cluster.server, /^https:\/\/10\.\d+\.0\.2$/);
        assert.equal(config.users[0].user.exec.command, "gke-gcloud-auth-plugin");
        assert.equal(JSON.parse(inputs(only(run.resources, "pulumi:providers:kubernetes")).kubeconfig).users[0].user.token, "ya29.offline-plan-token");
        assert.deepEqual(inputs(only(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding")).subjects, [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "ops@example.com" }]);
    });

    it("runs scheduled batch on batch nodes with the batch tolerations", () => {
        const pod = inputs(only(run.resources, "kubernetes:batch/v1:CronJob")).spec.jobTemplate.spec.template.spec;
        assert.equal(pod.priorityClassName, "titus-batch-normal");
        assert.deepEqual(pod.tolerations.map((t: { key: string }) => t.key), ["workload", "platform-kit.io/purpose"]);
        assert.equal(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
        const deployment = only(run.resources, "kubernetes:apps/v1:Deployment");
        for (const pool of ofType(run.resources, "gcp:container/nodePool:NodePool")) assert.ok(deployment.dependencies.includes(pool.urn));
    });

    it("opens authorized networks when a public endpoint is asked for; secrets encryption and deletion protection can be turned off", async () => {
        const open = await runProgram(() => new GcpContainerRuntime("gke", { network: networkFor("gcp"), capacityGroups: CAPACITY, publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] }, secretsEncryption: false, releaseChannel: "STABLE", deletionProtection: false }));
        const c = inputs(only(open.resources, "gcp:container/cluster:Cluster"));
        assert.deepEqual(c.privateClusterConfig, { enablePrivateNodes: true, enablePrivateEndpoint: false });
        assert.deepEqual(c.masterAuthorizedNetworksConfig.cidrBlocks, [{ cidrBlock: "203.0.113.0/24", displayName: "allowed" }]);
        assert.deepEqual(c.releaseChannel, { channel: "STABLE" });
        assert.equal(c.deletionProtection, false);
        assert.equal(c.databaseEncryption, undefined);
        assert.equal(ofType(open.resources, "gcp:kms/cryptoKey:CryptoKey").length, 0);
    });

    it("refuses two machine types for one pool and a bad release channel", async () => {
        await assert.rejects(
            runProgram(() => new GcpContainerRuntime("gke", { network: networkFor("gcp"), capacityGroups: [{ name: "web", instanceTypes: ["n2-standard-2", "n2-standard-4"], min: 0, max: 2 }] })),
            kitError(/GcpContainerRuntime "gke"/, /capacityGroups\[0\]\.instanceTypes: .*exactly one machine type on Google Cloud/),
        );
        await assert.rejects(
            runProgram(() => new GcpContainerRuntime("gke", { network: networkFor("gcp"), capacityGroups: CAPACITY, releaseChannel: "NIGHTLY" as never })),
            kitError(/releaseChannel: got "NIGHTLY"/),
        );
    });
});
