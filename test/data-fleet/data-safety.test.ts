import assert from "node:assert/strict";
import { Cloud } from "../../components/core";
import { DataFleet, DataFleetMember } from "../../components/data-fleet";
import { RecordedResource, only, runProgram } from "../../testing";
import { AWS_NETWORK, AZURE_NETWORK, GCP_NETWORK, testCluster } from "./fixtures";

/**
 * Nothing in a member's resize or upgrade may drop its data. Offline there is no provider to
 * diff, so these tests pin down what makes Pulumi update in place and what guards the data if
 * anything ever did replace it: the same logical name and cloud name across the change (an
 * update, never delete-then-create), no deleteBeforeReplace, retainOnDelete, the cloud's own
 * deletion protection and a final snapshot/backup.
 */

interface Case {
    cloud: Cloud;
    engine: DataFleetMember["engine"];
    type: string;
    /** The input that carries the cloud's name of the member. */
    nameInput: (r: RecordedResource) => unknown;
    before: Pick<DataFleetMember, "version" | "size" | "storageGb">;
    after: Pick<DataFleetMember, "version" | "size" | "storageGb">;
    /** The inputs the change moves, read from the resource, to prove the change reached it. */
    changed: (r: RecordedResource) => unknown;
    /** Guards against losing data on delete, checked on both runs. */
    guards: (r: RecordedResource) => void;
}

const spec = (r: RecordedResource) => r.inputs.spec as Record<string, unknown>;

const CASES: Case[] = [
    {
        cloud: "aws",
        engine: "postgres",
        type: "aws:rds/instance:Instance",
        nameInput: (r) => r.inputs.identifier,
        before: { version: "16", size: "small", storageGb: 50 },
        after: { version: "17", size: "large", storageGb: 100 },
        changed: (r) => [r.inputs.engineVersion, r.inputs.instanceClass, r.inputs.allocatedStorage],
        guards: (r) => {
            assert.equal(r.inputs.deletionProtection, true);
            assert.equal(r.inputs.skipFinalSnapshot, false);
            assert.equal(r.inputs.finalSnapshotIdentifier, `${String(r.inputs.identifier)}-final`);
            assert.equal(r.inputs.allowMajorVersionUpgrade, true, "a major version bump is an in-place upgrade, not a refusal");
            assert.equal(r.inputs.deleteAutomatedBackups, false);
        },
    },
    {
        cloud: "aws",
        engine: "redis",
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        nameInput: (r) => r.inputs.replicationGroupId,
        before: { size: "small" },
        after: { size: "xlarge" },
        changed: (r) => r.inputs.nodeType,
        guards: (r) => assert.equal(r.inputs.finalSnapshotIdentifier, `${String(r.inputs.replicationGroupId)}-final`),
    },
    {
        cloud: "aws",
        engine: "kafka",
        type: "aws:msk/cluster:Cluster",
        nameInput: (r) => r.inputs.clusterName,
        before: { version: "3.8.x", size: "small" },
        after: { version: "3.9.x", size: "medium" },
        changed: (r) => [r.inputs.kafkaVersion, (r.inputs.brokerNodeGroupInfo as Record<string, unknown>).instanceType],
        guards: () => undefined,
    },
    {
        cloud: "gcp",
        engine: "postgres",
        type: "gcp:sql/databaseInstance:DatabaseInstance",
        nameInput: (r) => r.inputs.name,
        before: { version: "15", size: "small" },
        after: { version: "17", size: "xlarge" },
        changed: (r) => [r.inputs.databaseVersion, (r.inputs.settings as Record<string, unknown>).tier],
        guards: (r) => {
            const settings = r.inputs.settings as Record<string, unknown>;
            assert.equal(r.inputs.deletionProtection, true);
            assert.equal(settings.deletionProtectionEnabled, true);
            assert.equal(settings.retainBackupsOnDelete, true);
            assert.deepEqual(settings.finalBackupConfig, { enabled: true, retentionDays: 30 });
        },
    },
    {
        cloud: "gcp",
        engine: "redis",
        type: "gcp:redis/instance:Instance",
        nameInput: (r) => r.inputs.name,
        before: { version: "7.0", size: "small" },
        after: { version: "7.2", size: "large" },
        changed: (r) => [r.inputs.redisVersion, r.inputs.memorySizeGb],
        guards: (r) => assert.equal(r.inputs.deletionProtection, true),
    },
    {
        cloud: "azure",
        engine: "postgres",
        type: "azure-native:dbforpostgresql:Server",
        nameInput: (r) => r.inputs.serverName,
        before: { version: "16", size: "small", storageGb: 64 },
        after: { version: "17", size: "large", storageGb: 128 },
        changed: (r) => [r.inputs.version, (r.inputs.sku as Record<string, unknown>).name, (r.inputs.storage as Record<string, unknown>).storageSizeGB],
        guards: () => undefined,
    },
    {
        cloud: "kubernetes",
        engine: "postgres",
        type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
        nameInput: (r) => (r.inputs.metadata as Record<string, unknown>).name,
        before: { version: "16", size: "small", storageGb: 20 },
        after: { version: "17", size: "medium", storageGb: 40 },
        changed: (r) => [spec(r).imageName, (spec(r).storage as Record<string, unknown>).size],
        guards: () => undefined,
    },
    {
        cloud: "kubernetes",
        engine: "kafka",
        type: "kubernetes:kafka.strimzi.io/v1beta2:Kafka",
        nameInput: (r) => (r.inputs.metadata as Record<string, unknown>).name,
        before: { version: "4.0.0" },
        after: { version: "4.1.0" },
        changed: (r) => (spec(r).kafka as Record<string, unknown>).version,
        guards: () => undefined,
    },
];

function runMember(c: Case, member: DataFleetMember) {
    return runProgram(() => {
        switch (c.cloud) {
            case "aws":
                return new DataFleet("data", { cloud: "aws", network: AWS_NETWORK, members: [member] });
            case "gcp":
                return new DataFleet("data", { cloud: "gcp", network: GCP_NETWORK, members: [member] });
            case "azure":
                return new DataFleet("data", { cloud: "azure", network: AZURE_NETWORK, members: [member] });
            case "kubernetes":
                return new DataFleet("data", { cloud: "kubernetes", cluster: testCluster(), members: [member] });
        }
    });
}

describe("data-fleet: a resize or upgrade never drops data", () => {
    for (const c of CASES) {
        it(`${c.cloud} ${c.engine}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)} updates the same resource, guarded`, async () => {
            const before = only((await runMember(c, { name: "main", engine: c.engine, ...c.before })).resources, c.type);
            const after = only((await runMember(c, { name: "main", engine: c.engine, ...c.after })).resources, c.type);
            assert.notDeepEqual(c.changed(after), c.changed(before), "the change reaches the resource");
            assert.equal(after.urn, before.urn, "same logical resource: Pulumi diffs it, no new one is created");
            assert.equal(c.nameInput(after), c.nameInput(before), "same cloud name");
            for (const r of [before, after]) {
                assert.equal(r.deleteBeforeReplace, false, "never delete before the replacement exists");
                assert.equal(r.retainOnDelete, true, "a delete in Pulumi leaves the data in the cloud");
                assert.deepEqual(r.replaceOnChanges, [], "no input forces a replacement");
                c.guards(r);
            }
        });
    }

    it("moves an RDS member to the new major version's parameter group instead of replacing a group in use", async () => {
        const c = CASES[0];
        const v16 = await runMember(c, { name: "main", engine: "postgres", version: "16" });
        const v17 = await runMember(c, { name: "main", engine: "postgres", version: "17" });
        const group16 = only(v16.resources, "aws:rds/parameterGroup:ParameterGroup");
        const group17 = only(v17.resources, "aws:rds/parameterGroup:ParameterGroup");
        assert.notEqual(group16.urn, group17.urn);
        assert.equal(only(v17.resources, c.type).inputs.parameterGroupName, group17.inputs.name);
    });
});
