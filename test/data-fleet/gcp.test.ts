import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import { DataFleet } from "../../components/data-fleet";
import { GcpDataFleet } from "../../components/data-fleet/gcp";
import { inventory, only, runProgram } from "../../testing";
import { GCP_NETWORK, MEMBERS } from "./fixtures";

describe("data-fleet: Google Cloud", () => {
    const fleet = () =>
        runProgram(() => {
            const data = new DataFleet("data", { cloud: "gcp", network: GCP_NETWORK, members: MEMBERS, maintenance: { window: "sun:03:00", waves: 2 }, backups: { retentionDays: 30 } });
            return { orders: data.members.orders, sessions: data.members.sessions, events: data.members.events };
        });

    it("creates exactly these children", async () => {
        const run = await fleet();
        assert.deepEqual(inventory(run.resources), [
            ["gcp:compute/globalAddress:GlobalAddress", "data-data-range"],
            ["gcp:managedkafka/cluster:Cluster", "data-events"],
            ["gcp:redis/instance:Instance", "data-sessions"],
            ["gcp:secretmanager/secret:Secret", "data-orders-password"],
            ["gcp:secretmanager/secretVersion:SecretVersion", "data-orders-password"],
            ["gcp:servicenetworking/connection:Connection", "data-data-peering"],
            ["gcp:sql/databaseInstance:DatabaseInstance", "data-orders"],
            ["gcp:sql/user:User", "data-orders-admin"],
        ]);
    });

    it("reserves one private services access range and peering for the fleet", async () => {
        const run = await fleet();
        const range = only(run.resources, "gcp:compute/globalAddress:GlobalAddress");
        assert.equal(range.inputs.purpose, "VPC_PEERING");
        assert.equal(range.inputs.addressType, "INTERNAL");
        assert.equal(range.inputs.prefixLength, 20);
        assert.equal(range.inputs.network, GCP_NETWORK.networkId);
        const peering = only(run.resources, "gcp:servicenetworking/connection:Connection");
        assert.equal(peering.inputs.service, "servicenetworking.googleapis.com");
        assert.deepEqual(peering.inputs.reservedPeeringRanges, [range.inputs.name]);
        const sql = only(run.resources, "gcp:sql/databaseInstance:DatabaseInstance");
        assert.ok(sql.dependencies.includes(peering.urn), "Cloud SQL waits for the peering");
    });

    it("builds Cloud SQL on private IP only, TLS only, with PITR backups, both deletion guards, its window and insights", async () => {
        const run = await fleet();
        const sql = only(run.resources, "gcp:sql/databaseInstance:DatabaseInstance");
        const i = sql.inputs as Record<string, any>;
        assert.equal(i.name, "data-orders");
        assert.equal(i.databaseVersion, "POSTGRES_16");
        assert.equal(i.region, "europe-west1");
        assert.equal(i.deletionProtection, true);
        const s = i.settings;
        assert.equal(s.tier, "db-custom-4-16384");
        assert.equal(s.availabilityType, "REGIONAL");
        assert.equal(s.deletionProtectionEnabled, true);
        assert.equal(s.diskSize, 64);
        assert.deepEqual(s.ipConfiguration, { ipv4Enabled: false, privateNetwork: GCP_NETWORK.networkId, sslMode: "ENCRYPTED_ONLY" });
        assert.deepEqual(s.backupConfiguration, {
            enabled: true,
            pointInTimeRecoveryEnabled: true,
            startTime: "01:00",
            transactionLogRetentionDays: 7,
            backupRetentionSettings: { retainedBackups: 30, retentionUnit: "COUNT" },
        });
        assert.equal(s.retainBackupsOnDelete, true);
        assert.deepEqual(s.maintenanceWindow, { day: 7, hour: 3, updateTrack: "stable" });
        assert.equal(s.insightsConfig.queryInsightsEnabled, true);
        assert.equal(sql.retainOnDelete, true);
    });

    it("keeps the admin password write-only, in Secret Manager", async () => {
        const run = await fleet();
        const user = only(run.resources, "gcp:sql/user:User");
        assert.equal(user.inputs.password, undefined);
        assert.ok(user.secretPaths.includes("passwordWo"));
        assert.equal(user.inputs.passwordWoVersion, 1);
        const version = only(run.resources, "gcp:secretmanager/secretVersion:SecretVersion");
        assert.ok(version.secretPaths.includes("secretDataWo"));
        const secret = only(run.resources, "gcp:secretmanager/secret:Secret");
        assert.equal(version.inputs.secret, secret.id);
        assert.equal((run.outputs as Record<string, Record<string, unknown>>).orders.credentials, "[secret]");
    });

    it("builds Memorystore with AUTH, TLS, private service access, HA tier and its window", async () => {
        const run = await fleet();
        const redis = only(run.resources, "gcp:redis/instance:Instance");
        const i = redis.inputs as Record<string, any>;
        assert.equal(i.tier, "STANDARD_HA");
        assert.equal(i.redisVersion, "REDIS_7_2");
        assert.equal(i.authEnabled, true);
        assert.equal(i.transitEncryptionMode, "SERVER_AUTHENTICATION");
        assert.equal(i.connectMode, "PRIVATE_SERVICE_ACCESS");
        assert.equal(i.authorizedNetwork, GCP_NETWORK.networkId);
        assert.deepEqual(i.maintenancePolicy.weeklyMaintenanceWindows, [{ day: "MONDAY", startTime: { hours: 3, minutes: 0 } }]);
        assert.equal(i.deletionProtection, true);
    });

    it("builds Managed Kafka on the private subnet and outputs its bootstrap address", async () => {
        const run = await fleet();
        const kafka = only(run.resources, "gcp:managedkafka/cluster:Cluster");
        const i = kafka.inputs as Record<string, any>;
        assert.equal(i.location, "europe-west1");
        assert.deepEqual(i.capacityConfig, { vcpuCount: "3", memoryBytes: String(12 * 1024 ** 3) });
        assert.deepEqual(i.gcpConfig, { accessConfig: { networkConfigs: [{ subnet: GCP_NETWORK.privateSubnetIds[0] }] } });
        assert.equal(i.deletionPolicy, "PREVENT");
        const out = run.outputs as Record<string, Record<string, unknown>>;
        assert.equal(out.events.endpoint, "bootstrap.data-events.europe-west1.managedkafka.platform-kit-demo.cloud.goog:9092");
    });

    it("skips the peering when the network has one, and refuses Kafka without a private subnet", async () => {
        const run = await runProgram(() => new GcpDataFleet("data", { network: GCP_NETWORK, members: [{ name: "db", engine: "postgres" }], createPrivateServiceAccess: false }));
        assert.deepEqual(run.resources.filter((r) => r.type.startsWith("gcp:servicenetworking") || r.type.startsWith("gcp:compute")), []);
        await assert.rejects(
            runProgram(() => new GcpDataFleet("data", { network: { ...GCP_NETWORK, privateSubnetIds: [] }, members: [{ name: "q", engine: "kafka" }] })),
            (e: unknown) => e instanceof PlatformKitError && /network\.privateSubnetIds/.test(e.message),
        );
    });
});
