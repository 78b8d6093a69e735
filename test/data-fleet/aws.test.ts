import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import { DataFleet } from "../../components/data-fleet";
import { AwsDataFleet } from "../../components/data-fleet/aws";
import { inventory, only, runProgram } from "../../testing";
import { AWS_NETWORK, MEMBERS } from "./fixtures";

describe("data-fleet: AWS", () => {
    const fleet = () =>
        runProgram(() => {
            const data = new DataFleet("data", { cloud: "aws", network: AWS_NETWORK, members: MEMBERS, maintenance: { window: "sun:03:00", waves: 2 }, backups: { retentionDays: 14 } });
            return { orders: data.members.orders, sessions: data.members.sessions, events: data.members.events };
        });

    it("creates exactly these children", async () => {
        const run = await fleet();
        assert.deepEqual(inventory(run.resources), [
            ["aws:cloudwatch/logGroup:LogGroup", "data-events-broker-logs"],
            ["aws:ec2/securityGroup:SecurityGroup", "data-kafka-sg"],
            ["aws:ec2/securityGroup:SecurityGroup", "data-postgres-sg"],
            ["aws:ec2/securityGroup:SecurityGroup", "data-redis-sg"],
            ["aws:elasticache/replicationGroup:ReplicationGroup", "data-sessions"],
            ["aws:elasticache/subnetGroup:SubnetGroup", "data-redis-subnets"],
            ["aws:kms/key:Key", "data-kafka-key"],
            ["aws:msk/cluster:Cluster", "data-events"],
            ["aws:rds/instance:Instance", "data-orders"],
            ["aws:rds/parameterGroup:ParameterGroup", "data-postgres16-params"],
            ["aws:rds/subnetGroup:SubnetGroup", "data-postgres-subnets"],
            ["aws:secretsmanager/secret:Secret", "data-sessions-auth"],
            ["aws:secretsmanager/secretVersion:SecretVersion", "data-sessions-auth"],
        ]);
        const component = run.resources.find((r) => r.type === "platform-kit:data-fleet:DataFleet");
        assert.ok(component);
        for (const r of run.resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, `${r.name} is a child of the fleet`);
    });

    it("builds RDS PostgreSQL private, encrypted, protected, backed up and patched in its wave", async () => {
        const run = await fleet();
        const db = only(run.resources, "aws:rds/instance:Instance", "data-orders");
        const i = db.inputs;
        assert.equal(i.identifier, "data-orders");
        assert.equal(i.engine, "postgres");
        assert.equal(i.engineVersion, "16");
        assert.equal(i.instanceClass, "db.m7g.xlarge");
        assert.equal(i.allocatedStorage, 64);
        assert.equal(i.storageType, "gp3");
        assert.equal(i.storageEncrypted, true);
        assert.equal(i.manageMasterUserPassword, true);
        assert.equal(i.password, undefined);
        assert.equal(i.publiclyAccessible, false);
        assert.equal(i.multiAz, true);
        assert.equal(i.deletionProtection, true);
        assert.equal(i.skipFinalSnapshot, false);
        assert.equal(i.finalSnapshotIdentifier, "data-orders-final");
        assert.equal(i.deleteAutomatedBackups, false);
        assert.equal(i.backupRetentionPeriod, 14);
        assert.equal(i.backupWindow, "01:00-02:00");
        assert.equal(i.maintenanceWindow, "sun:03:00-sun:04:00");
        assert.deepEqual(i.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
        assert.equal(i.performanceInsightsEnabled, true);
        assert.equal(i.autoMinorVersionUpgrade, true);
        assert.equal(i.copyTagsToSnapshot, true);
        assert.equal(i.iamDatabaseAuthenticationEnabled, true);
        assert.equal(i.region, "eu-west-1");
        assert.equal(db.retainOnDelete, true);

        const subnets = only(run.resources, "aws:rds/subnetGroup:SubnetGroup");
        assert.deepEqual(subnets.inputs.subnetIds, AWS_NETWORK.dataSubnetIds);
        assert.equal(i.dbSubnetGroupName, subnets.inputs.name);
        const params = only(run.resources, "aws:rds/parameterGroup:ParameterGroup");
        assert.equal(params.inputs.family, "postgres16");
        assert.equal(i.parameterGroupName, params.inputs.name);
        assert.deepEqual(params.inputs.parameters, [
            { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
            { name: "log_connections", value: "1" },
            { name: "log_disconnections", value: "1" },
        ]);
    });

    it("opens each engine's security group to the network's CIDR on its port only", async () => {
        const run = await fleet();
        for (const [engine, port] of [["postgres", 5432], ["redis", 6379], ["kafka", 9098]] as const) {
            const sg = only(run.resources, "aws:ec2/securityGroup:SecurityGroup", `data-${engine}-sg`);
            assert.equal(sg.inputs.vpcId, AWS_NETWORK.networkId);
            assert.deepEqual(sg.inputs.ingress, [{ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["10.20.0.0/16"], description: `${engine} from the network` }]);
            assert.deepEqual(sg.inputs.egress, []);
        }
        const db = only(run.resources, "aws:rds/instance:Instance");
        assert.deepEqual(db.inputs.vpcSecurityGroupIds, [only(run.resources, "aws:ec2/securityGroup:SecurityGroup", "data-postgres-sg").id]);
    });

    it("builds ElastiCache Redis encrypted both ways, with a write-only auth token kept in Secrets Manager, failover when HA", async () => {
        const run = await fleet();
        const group = only(run.resources, "aws:elasticache/replicationGroup:ReplicationGroup");
        const i = group.inputs;
        assert.equal(i.replicationGroupId, "data-sessions");
        assert.equal(i.engine, "redis");
        assert.equal(i.engineVersion, "7.1");
        assert.equal(i.atRestEncryptionEnabled, true);
        assert.equal(i.transitEncryptionEnabled, true);
        assert.equal(i.numCacheClusters, 2);
        assert.equal(i.automaticFailoverEnabled, true);
        assert.equal(i.multiAzEnabled, true);
        assert.equal(i.snapshotRetentionLimit, 14);
        assert.equal(i.maintenanceWindow, "mon:03:00-mon:04:00", "the second wave: one day later");
        assert.equal(i.finalSnapshotIdentifier, "data-sessions-final");
        assert.equal(i.authTokenWoVersion, 1);
        assert.ok(group.secretPaths.includes("authTokenWo"), "the token is a secret");
        const version = only(run.resources, "aws:secretsmanager/secretVersion:SecretVersion");
        assert.ok(version.secretPaths.includes("secretStringWo"));
        assert.equal(version.inputs.secretStringWoVersion, 1);
        assert.equal(group.retainOnDelete, true);
    });

    it("builds MSK with a broker per private subnet, TLS, IAM auth, KMS at rest and broker logs", async () => {
        const run = await fleet();
        const msk = only(run.resources, "aws:msk/cluster:Cluster");
        const i = msk.inputs as Record<string, any>;
        assert.equal(i.kafkaVersion, "3.9.x");
        assert.equal(i.numberOfBrokerNodes, 3);
        assert.deepEqual(i.brokerNodeGroupInfo.clientSubnets, AWS_NETWORK.privateSubnetIds);
        assert.equal(i.brokerNodeGroupInfo.instanceType, "kafka.m7g.large");
        assert.deepEqual(i.clientAuthentication, { sasl: { iam: true }, unauthenticated: false });
        assert.deepEqual(i.encryptionInfo.encryptionInTransit, { clientBroker: "TLS", inCluster: true });
        const key = only(run.resources, "aws:kms/key:Key");
        assert.equal(i.encryptionInfo.encryptionAtRestKmsKeyArn, key.outputs.arn);
        assert.equal(key.inputs.enableKeyRotation, true);
        const logs = only(run.resources, "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual(i.loggingInfo.brokerLogs.cloudwatchLogs, { enabled: true, logGroup: logs.inputs.name });
        assert.equal(i.enhancedMonitoring, "PER_BROKER");
    });

    it("outputs endpoints, ports and secret credential references", async () => {
        const run = await fleet();
        const db = only(run.resources, "aws:rds/instance:Instance");
        const out = run.outputs as Record<string, Record<string, unknown>>;
        assert.equal(out.orders.endpoint, db.outputs.address);
        assert.equal(out.orders.port, 5432);
        assert.equal(out.orders.credentials, "[secret]");
        assert.equal(out.sessions.port, 6379);
        assert.equal(out.sessions.credentials, "[secret]");
        assert.match(String(out.events.endpoint), /:9098/);
    });

    it("refuses a Kafka member in a network with one private subnet", async () => {
        await assert.rejects(
            runProgram(() => new DataFleet("data", { cloud: "aws", network: { ...AWS_NETWORK, privateSubnetIds: ["subnet-1"] }, members: [{ name: "q", engine: "kafka" }] })),
            (e: unknown) => e instanceof PlatformKitError && /network\.privateSubnetIds: got "1 subnet\(s\)"; allowed: at least 2 private subnets/.test(e.message),
        );
    });

    it("lets deletion protection be turned off explicitly, and the concrete class apply transforms", async () => {
        const run = await runProgram(
            () =>
                new AwsDataFleet("data", {
                    network: AWS_NETWORK,
                    members: [{ name: "db", engine: "postgres" }],
                    deletionProtection: false,
                    transform: { postgres: (args) => { args.performanceInsightsRetentionPeriod = 731; } },
                }),
        );
        const db = only(run.resources, "aws:rds/instance:Instance");
        assert.equal(db.inputs.deletionProtection, false);
        assert.equal(db.inputs.skipFinalSnapshot, false, "a final snapshot is still taken");
        assert.equal(db.retainOnDelete, false);
        assert.equal(db.inputs.performanceInsightsRetentionPeriod, 731);
        assert.equal(run.resources.find((r) => r.type === "platform-kit:data-fleet:AwsDataFleet")?.name, "data");
    });
});
