import assert from "node:assert/strict";
import { DataFleet } from "../../components/data-fleet";
import { KubernetesDataFleet, OPERATOR_CHARTS, RESTRICTED_POD_SECURITY } from "../../components/data-fleet/kubernetes";
import { inventory, only, ofType, runProgram } from "../../testing";
import { MEMBERS, testCluster } from "./fixtures";

describe("data-fleet: Kubernetes", () => {
    const fleet = () =>
        runProgram(() => {
            const data = new DataFleet("data", { cloud: "kubernetes", cluster: testCluster(), members: MEMBERS });
            return { orders: data.members.orders, sessions: data.members.sessions, events: data.members.events };
        });

    it("creates exactly these children through the cluster's provider", async () => {
        const run = await fleet();
        assert.deepEqual(inventory(run.resources), [
            ["kubernetes:core/v1:Namespace", "data-kafka-operator"],
            ["kubernetes:core/v1:Namespace", "data-namespace"],
            ["kubernetes:core/v1:Namespace", "data-postgres-operator"],
            ["kubernetes:core/v1:Namespace", "data-redis-operator"],
            ["kubernetes:core/v1:Secret", "data-sessions-auth-v1"],
            ["kubernetes:kafka.strimzi.io/v1beta2:Kafka", "data-events"],
            ["kubernetes:kafka.strimzi.io/v1beta2:KafkaNodePool", "data-events-nodes"],
            ["kubernetes:kafka.strimzi.io/v1beta2:KafkaUser", "data-events-admin"],
            ["kubernetes:postgresql.cnpg.io/v1:Cluster", "data-orders"],
            ["kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisReplication", "data-sessions"],
            ["kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisSentinel", "data-sessions-sentinel"],
            ["pulumi:providers:kubernetes", "cluster"],
        ]);
        const provider = only(run.resources, "pulumi:providers:kubernetes");
        for (const r of run.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"))) {
            assert.ok(r.provider?.startsWith(provider.urn), `${r.name} uses the cluster's provider`);
        }
    });

    it("installs pinned operator charts with Helm v4, each in its own restricted namespace", async () => {
        const run = await fleet();
        const charts = ofType(run.resources, "kubernetes:helm.sh/v4:Chart");
        assert.deepEqual(
            charts.map((c) => [c.name, c.inputs.chart, c.inputs.version, (c.inputs.repositoryOpts as Record<string, unknown>).repo, c.inputs.namespace]),
            [
                ["data-postgres-operator", "cloudnative-pg", "0.29.0", "https://cloudnative-pg.github.io/charts", "cnpg-system"],
                ["data-redis-operator", "redis-operator", "0.22.0", "https://ot-container-kit.github.io/helm-charts", "redis-operator"],
                ["data-kafka-operator", "strimzi-kafka-operator", "0.48.0", "https://strimzi.io/charts/", "strimzi-system"],
            ],
        );
        for (const ns of ofType(run.resources, "kubernetes:core/v1:Namespace")) {
            const labels = (ns.inputs.metadata as Record<string, Record<string, string>>).labels;
            for (const [key, value] of Object.entries(RESTRICTED_POD_SECURITY)) assert.equal(labels[key], value, `${ns.name} ${key}`);
        }
        assert.equal(OPERATOR_CHARTS.postgres.chart, "cloudnative-pg");
    });

    it("declares a CloudNativePG cluster: 3 instances when HA, pinned image, volume, no superuser", async () => {
        const run = await fleet();
        const cluster = only(run.resources, "kubernetes:postgresql.cnpg.io/v1:Cluster");
        const spec = cluster.inputs.spec as Record<string, any>;
        assert.equal(spec.instances, 3);
        assert.equal(spec.imageName, "ghcr.io/cloudnative-pg/postgresql:16.10");
        assert.equal(spec.enableSuperuserAccess, false);
        assert.deepEqual(spec.storage, { size: "64Gi" });
        assert.equal(spec.backup, undefined, "no snapshot class, no backup section");
        assert.equal(cluster.retainOnDelete, true);
        assert.ok(run.warnings.some((w) => /no volumeSnapshotClass/.test(w)));
        const charts = ofType(run.resources, "kubernetes:helm.sh/v4:Chart").map((c) => c.urn);
        assert.ok(charts.every((urn) => cluster.dependencies.includes(urn)), "members wait for the operators");
    });

    it("adds a daily volume-snapshot backup when a snapshot class is given", async () => {
        const run = await runProgram(() => new KubernetesDataFleet("data", { cluster: testCluster(), members: [{ name: "db", engine: "postgres" }], volumeSnapshotClass: "csi-snapclass", installOperators: false, backups: { retentionDays: 30 } }));
        assert.ok(run.warnings.some((w) => /backups\.retentionDays is not applied on Kubernetes/.test(w)));
        const cluster = only(run.resources, "kubernetes:postgresql.cnpg.io/v1:Cluster");
        assert.deepEqual((cluster.inputs.spec as Record<string, unknown>).backup, { volumeSnapshot: { className: "csi-snapclass" } });
        const backup = only(run.resources, "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup");
        assert.deepEqual(backup.inputs.spec, { schedule: "0 0 1 * * *", method: "volumeSnapshot", backupOwnerReference: "self", cluster: { name: "db" } });
        assert.deepEqual(ofType(run.resources, "kubernetes:helm.sh/v4:Chart"), []);
    });

    it("declares Strimzi Kafka in KRaft with a node pool, a TLS listener with authentication only, and a SCRAM user", async () => {
        const run = await fleet();
        const kafka = only(run.resources, "kubernetes:kafka.strimzi.io/v1beta2:Kafka");
        const meta = kafka.inputs.metadata as Record<string, any>;
        assert.deepEqual(meta.annotations, { "strimzi.io/node-pools": "enabled", "strimzi.io/kraft": "enabled" });
        const spec = kafka.inputs.spec as Record<string, any>;
        assert.equal(spec.kafka.version, "4.1.0");
        assert.deepEqual(spec.kafka.listeners, [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: { type: "scram-sha-512" } }]);
        const pool = only(run.resources, "kubernetes:kafka.strimzi.io/v1beta2:KafkaNodePool");
        const poolSpec = pool.inputs.spec as Record<string, any>;
        assert.deepEqual(poolSpec.roles, ["controller", "broker"]);
        assert.equal(poolSpec.storage.volumes[0].deleteClaim, false);
        assert.equal(poolSpec.storage.volumes[0].size, "100Gi");
        const out = run.outputs as Record<string, Record<string, unknown>>;
        assert.equal(out.events.endpoint, "events-kafka-bootstrap.data.svc:9093");
        assert.equal(out.events.credentials, "[secret]");
    });

    it("declares Redis replication with Sentinel when HA, its password in a Secret, restricted containers", async () => {
        const run = await fleet();
        const redis = only(run.resources, "kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisReplication");
        const spec = redis.inputs.spec as Record<string, any>;
        assert.equal(spec.clusterSize, 3);
        assert.deepEqual(spec.kubernetesConfig.redisSecret, { name: "sessions-auth-v1", key: "password" });
        assert.deepEqual(spec.securityContext, { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } });
        const secret = only(run.resources, "kubernetes:core/v1:Secret");
        assert.ok(secret.secretPaths.some((p) => p.startsWith("stringData")));
        assert.deepEqual(secret.ignoreChanges, ["stringData", "data"]);
    });

    it("refuses a network on kubernetes through the concrete class's shared checks too", async () => {
        await assert.rejects(runProgram(() => new KubernetesDataFleet("data", { cluster: testCluster(), members: [{ name: "db", engine: "postgres", version: "9.6" }] })), /members\[0\]\.version: got "9\.6"/);
    });
});
