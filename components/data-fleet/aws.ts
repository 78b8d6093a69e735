import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Size, Transform, cloudName, standardTags, transformed } from "../core";
import type { NetworkInfo } from "../network";
import {
    BuiltDataFleet,
    DataFleetArgsBase,
    DataFleetMemberOutputs,
    MaintenanceWindow,
    ResolvedDataFleetArgs,
    ResolvedMember,
    generatedPassword,
    knownCount,
    validateDataFleetArgs,
} from "./index";

/** RDS, ElastiCache and MSK classes of each portable size (Graviton M7g, general purpose). */
export const AWS_DATA_CLASSES: Readonly<Record<"postgres" | "redis" | "kafka", Readonly<Record<Size, string>>>> = {
    postgres: { small: "db.m7g.large", medium: "db.m7g.xlarge", large: "db.m7g.2xlarge", xlarge: "db.m7g.4xlarge" },
    redis: { small: "cache.m7g.large", medium: "cache.m7g.xlarge", large: "cache.m7g.2xlarge", xlarge: "cache.m7g.4xlarge" },
    kafka: { small: "kafka.m7g.large", medium: "kafka.m7g.xlarge", large: "kafka.m7g.2xlarge", xlarge: "kafka.m7g.4xlarge" },
};

export const AWS_PORTS = { postgres: 5432, redis: 6379, kafka: 9098 } as const;

export interface AwsDataFleetArgs extends DataFleetArgsBase {
    /** The network members are placed in: `dataSubnetIds` for RDS and ElastiCache, `privateSubnetIds` for MSK brokers. */
    network: NetworkInfo;
    /**
     * A customer-managed KMS key for RDS storage, ElastiCache at rest, MSK at rest and
     * Performance Insights. Unset: RDS and ElastiCache use the AWS-managed keys, and MSK
     * gets a fleet key (`<name>-kafka-key`, rotated yearly) when the fleet has Kafka.
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Apply changes (size, version) at once instead of in the member's maintenance window.
     * `platform-kit fleet` rolls set this for the stacks of one wave.
     * @default false
     */
    applyImmediately?: boolean;
    /**
     * MSK brokers per private subnet (zone); the cluster has `privateSubnetIds.length` times this.
     * @default 1
     */
    kafkaBrokersPerZone?: number;
    /** Days broker logs are kept in CloudWatch Logs. @default 30 */
    logRetentionDays?: number;
    /** Escape hatches, applied to platform-kit's choices before each child is created. */
    transform?: {
        postgresSubnetGroup?: Transform<aws.rds.SubnetGroupArgs>;
        postgresParameterGroup?: Transform<aws.rds.ParameterGroupArgs>;
        securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
        postgres?: Transform<aws.rds.InstanceArgs>;
        redisSubnetGroup?: Transform<aws.elasticache.SubnetGroupArgs>;
        redis?: Transform<aws.elasticache.ReplicationGroupArgs>;
        kafkaKey?: Transform<aws.kms.KeyArgs>;
        kafkaLogGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
        kafka?: Transform<aws.msk.ClusterArgs>;
    };
}

/** CloudWatch Logs retention values AWS accepts. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The major version's parameter group family: `"16"` -> `"postgres16"`. */
export function postgresFamily(version: string): string {
    return `postgres${version.split(".")[0]}`;
}

/**
 * Builds the fleet's AWS resources under `parent`: RDS PostgreSQL, ElastiCache Redis
 * replication groups and MSK clusters, each private to the network.
 */
export function buildAwsDataFleet(name: string, args: AwsDataFleetArgs, parent: pulumi.Resource): BuiltDataFleet {
    const resolved = validateDataFleetArgs("DataFleet", name, "aws", args);
    const check = new ArgsChecker("DataFleet", name);
    check.integer("kafkaBrokersPerZone", args.kafkaBrokersPerZone, 1, 10, "brokers per zone");
    if (args.logRetentionDays !== undefined) {
        check.require(LOG_RETENTION_DAYS.includes(args.logRetentionDays), "logRetentionDays", args.logRetentionDays, `one of ${LOG_RETENTION_DAYS.join(", ")}`);
    }
    const privateSubnets = knownCount(args.network.privateSubnetIds);
    if (privateSubnets !== undefined && resolved.members.some((m) => m.engine === "kafka")) {
        check.require(privateSubnets >= 2, "network.privateSubnetIds", `${privateSubnets} subnet(s)`, "at least 2 private subnets in different zones: MSK places a broker in each");
    }
    check.done();

    const { network } = args;
    const tags = standardTags("DataFleet", resolved.tags);
    const region = network.region;
    const transform = args.transform ?? {};
    const opts: pulumi.CustomResourceOptions = { parent };
    const engines = new Set(resolved.members.map((m) => m.engine));

    const securityGroups: Partial<Record<"postgres" | "redis" | "kafka", aws.ec2.SecurityGroup>> = {};
    for (const engine of engines) {
        const port = AWS_PORTS[engine];
        // Ingress only from inside the network, only on the engine's port; no egress rules:
        // managed data services never start connections out.
        const [sgArgs, sgOpts] = transformed<aws.ec2.SecurityGroupArgs, pulumi.CustomResourceOptions>(
            {
                description: `platform-kit DataFleet ${name}: ${engine} clients inside the network`,
                vpcId: network.networkId,
                region,
                ingress: [{ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: [network.cidr], description: `${engine} from the network` }],
                egress: [],
                tags: { ...tags, Name: `${name}-${engine}` },
            },
            { ...opts },
            transform.securityGroup,
        );
        securityGroups[engine] = new aws.ec2.SecurityGroup(`${name}-${engine}-sg`, sgArgs, sgOpts);
    }

    const members: Record<string, DataFleetMemberOutputs> = {};
    const postgres = resolved.members.filter((m) => m.engine === "postgres");
    const redis = resolved.members.filter((m) => m.engine === "redis");
    const kafka = resolved.members.filter((m) => m.engine === "kafka");

    if (postgres.length > 0) {
        const [subnetArgs, subnetOpts] = transformed<aws.rds.SubnetGroupArgs, pulumi.CustomResourceOptions>(
            { name: cloudName("aws-rds", name, "postgres"), description: `platform-kit DataFleet ${name}`, subnetIds: network.dataSubnetIds, region, tags },
            { parent },
            transform.postgresSubnetGroup,
        );
        const subnetGroup = new aws.rds.SubnetGroup(`${name}-postgres-subnets`, subnetArgs, subnetOpts);
        const parameterGroups = new Map<string, aws.rds.ParameterGroup>();
        for (const member of postgres) {
            const family = postgresFamily(member.version!);
            if (!parameterGroups.has(family)) {
                const [pgArgs, pgOpts] = transformed<aws.rds.ParameterGroupArgs, pulumi.CustomResourceOptions>(
                    {
                        name: cloudName("aws-rds", name, family),
                        family,
                        description: `platform-kit DataFleet ${name}: TLS only, connections logged`,
                        region,
                        parameters: [
                            { name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" },
                            { name: "log_connections", value: "1" },
                            { name: "log_disconnections", value: "1" },
                        ],
                        tags,
                    },
                    { parent },
                    transform.postgresParameterGroup,
                );
                // One group per major version: a version bump moves the member to the next
                // family's group (an in-place update) instead of replacing a group in use.
                parameterGroups.set(family, new aws.rds.ParameterGroup(`${name}-${family}-params`, pgArgs, pgOpts));
            }
            members[member.name] = awsPostgres(name, member, resolved, args, {
                subnetGroup,
                parameterGroup: parameterGroups.get(family)!,
                securityGroup: securityGroups.postgres!,
                tags,
                window: resolved.windows[member.wave],
            }, parent);
        }
    }

    if (redis.length > 0) {
        const [subnetArgs, subnetOpts] = transformed<aws.elasticache.SubnetGroupArgs, pulumi.CustomResourceOptions>(
            { name: cloudName("aws-elasticache", name, "redis"), description: `platform-kit DataFleet ${name}`, subnetIds: network.dataSubnetIds, region, tags },
            { parent },
            transform.redisSubnetGroup,
        );
        const subnetGroup = new aws.elasticache.SubnetGroup(`${name}-redis-subnets`, subnetArgs, subnetOpts);
        for (const member of redis) {
            members[member.name] = awsRedis(name, member, resolved, args, { subnetGroup, securityGroup: securityGroups.redis!, tags, window: resolved.windows[member.wave] }, parent);
        }
    }

    if (kafka.length > 0) {
        let kmsKeyArn = args.kmsKeyArn;
        if (kmsKeyArn === undefined) {
            const [keyArgs, keyOpts] = transformed<aws.kms.KeyArgs, pulumi.CustomResourceOptions>(
                { description: `platform-kit DataFleet ${name}: Kafka data at rest`, enableKeyRotation: true, deletionWindowInDays: 30, region, tags },
                { parent, retainOnDelete: resolved.deletionProtection },
                transform.kafkaKey,
            );
            kmsKeyArn = new aws.kms.Key(`${name}-kafka-key`, keyArgs, keyOpts).arn;
        }
        for (const member of kafka) {
            members[member.name] = awsKafka(name, member, resolved, args, { securityGroup: securityGroups.kafka!, kmsKeyArn, tags }, parent);
        }
    }
    return { members };
}

interface PostgresShared {
    subnetGroup: aws.rds.SubnetGroup;
    parameterGroup: aws.rds.ParameterGroup;
    securityGroup: aws.ec2.SecurityGroup;
    tags: Record<string, string>;
    window: MaintenanceWindow;
}

function awsPostgres(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AwsDataFleetArgs, shared: PostgresShared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const identifier = cloudName("aws-rds", name, member.name);
    const [instanceArgs, instanceOpts] = transformed<aws.rds.InstanceArgs, pulumi.CustomResourceOptions>(
        {
            identifier,
            engine: "postgres",
            // The major version only: RDS applies minor versions in the maintenance window
            // (autoMinorVersionUpgrade) and the provider does not diff against the minor it runs.
            engineVersion: member.version,
            allowMajorVersionUpgrade: true,
            autoMinorVersionUpgrade: true,
            applyImmediately: args.applyImmediately ?? false,
            instanceClass: AWS_DATA_CLASSES.postgres[member.size],
            allocatedStorage: member.storageGb,
            maxAllocatedStorage: Math.min(member.storageGb * 4, 65536),
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            username: "fleet_admin",
            // RDS keeps the password in Secrets Manager and rotates it; it never enters the state.
            manageMasterUserPassword: true,
            iamDatabaseAuthenticationEnabled: true,
            dbSubnetGroupName: shared.subnetGroup.name,
            vpcSecurityGroupIds: [shared.securityGroup.id],
            parameterGroupName: shared.parameterGroup.name,
            publiclyAccessible: false,
            multiAz: member.highAvailability,
            deletionProtection: resolved.deletionProtection,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${identifier}-final`,
            deleteAutomatedBackups: false,
            backupRetentionPeriod: resolved.retentionDays,
            backupWindow: shared.window.awsBackup,
            maintenanceWindow: shared.window.aws,
            copyTagsToSnapshot: true,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: args.kmsKeyArn,
            performanceInsightsRetentionPeriod: 7,
            region: args.network.region,
            tags: { ...shared.tags, "platform-kit-member": member.name, "platform-kit-wave": String(shared.window.wave) },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.postgres,
    );
    const instance = new aws.rds.Instance(`${name}-${member.name}`, instanceArgs, instanceOpts);
    return {
        endpoint: instance.address,
        port: instance.port,
        credentials: pulumi.secret(instance.masterUserSecrets.apply((s) => s?.[0]?.secretArn ?? "")),
    };
}

interface RedisShared {
    subnetGroup: aws.elasticache.SubnetGroup;
    securityGroup: aws.ec2.SecurityGroup;
    tags: Record<string, string>;
    window: MaintenanceWindow;
}

function awsRedis(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AwsDataFleetArgs, shared: RedisShared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const region = args.network.region;
    const secret = new aws.secretsmanager.Secret(
        `${name}-${member.name}-auth`,
        { description: `platform-kit DataFleet ${name}: AUTH token of Redis ${member.name}`, recoveryWindowInDays: 30, region, tags: shared.tags },
        { parent, retainOnDelete: resolved.deletionProtection },
    );
    // A fresh token each run, sent only when credentialsVersion changes: write-only
    // arguments never reach the state, so the secret and the group always agree.
    const token = generatedPassword(64);
    new aws.secretsmanager.SecretVersion(
        `${name}-${member.name}-auth`,
        { secretId: secret.id, secretStringWo: token, secretStringWoVersion: resolved.credentialsVersion, region },
        { parent },
    );
    const groupId = cloudName("aws-elasticache", name, member.name);
    const nodes = member.highAvailability ? 2 : 1;
    const [groupArgs, groupOpts] = transformed<aws.elasticache.ReplicationGroupArgs, pulumi.CustomResourceOptions>(
        {
            replicationGroupId: groupId,
            description: `platform-kit DataFleet ${name}: ${member.name}`,
            engine: "redis",
            engineVersion: member.version,
            autoMinorVersionUpgrade: true,
            applyImmediately: args.applyImmediately ?? false,
            nodeType: AWS_DATA_CLASSES.redis[member.size],
            numCacheClusters: nodes,
            automaticFailoverEnabled: nodes >= 2,
            multiAzEnabled: nodes >= 2,
            port: AWS_PORTS.redis,
            subnetGroupName: shared.subnetGroup.name,
            securityGroupIds: [shared.securityGroup.id],
            atRestEncryptionEnabled: true,
            kmsKeyId: args.kmsKeyArn,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            authTokenWo: token,
            authTokenWoVersion: resolved.credentialsVersion,
            authTokenUpdateStrategy: "ROTATE",
            snapshotRetentionLimit: Math.min(resolved.retentionDays, 35),
            snapshotWindow: shared.window.awsBackup,
            maintenanceWindow: shared.window.aws,
            finalSnapshotIdentifier: `${groupId}-final`,
            region,
            tags: { ...shared.tags, "platform-kit-member": member.name, "platform-kit-wave": String(shared.window.wave) },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.redis,
    );
    const group = new aws.elasticache.ReplicationGroup(`${name}-${member.name}`, groupArgs, groupOpts);
    return {
        endpoint: group.primaryEndpointAddress,
        port: group.port.apply((p) => p ?? AWS_PORTS.redis),
        credentials: pulumi.secret(secret.arn),
    };
}

interface KafkaShared {
    securityGroup: aws.ec2.SecurityGroup;
    kmsKeyArn: pulumi.Input<string>;
    tags: Record<string, string>;
}

function awsKafka(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AwsDataFleetArgs, shared: KafkaShared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const region = args.network.region;
    const [logArgs, logOpts] = transformed<aws.cloudwatch.LogGroupArgs, pulumi.CustomResourceOptions>(
        { name: `/platform-kit/${name}/${member.name}/kafka-brokers`, retentionInDays: args.logRetentionDays ?? 30, region, tags: shared.tags },
        { parent },
        args.transform?.kafkaLogGroup,
    );
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-${member.name}-broker-logs`, logArgs, logOpts);
    const perZone = args.kafkaBrokersPerZone ?? 1;
    const subnets = pulumi.output(args.network.privateSubnetIds);
    const [clusterArgs, clusterOpts] = transformed<aws.msk.ClusterArgs, pulumi.CustomResourceOptions>(
        {
            clusterName: cloudName("aws-msk", name, member.name),
            kafkaVersion: member.version!,
            // One broker per zone: MSK needs brokers in at least two zones to survive one.
            numberOfBrokerNodes: subnets.apply((ids) => {
                if (ids.length < 2) throw new Error(`DataFleet "${name}": Kafka member "${member.name}" needs at least 2 private subnets (zones); the network has ${ids.length}`);
                return ids.length * perZone;
            }),
            brokerNodeGroupInfo: {
                clientSubnets: subnets,
                instanceType: AWS_DATA_CLASSES.kafka[member.size],
                securityGroups: [shared.securityGroup.id],
                storageInfo: { ebsStorageInfo: { volumeSize: member.storageGb } },
                connectivityInfo: { publicAccess: { type: "DISABLED" } },
            },
            clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
            encryptionInfo: {
                encryptionAtRestKmsKeyArn: shared.kmsKeyArn,
                encryptionInTransit: { clientBroker: "TLS", inCluster: true },
            },
            enhancedMonitoring: "PER_BROKER",
            loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logGroup.name } } },
            region,
            tags: { ...shared.tags, "platform-kit-member": member.name },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.kafka,
    );
    const cluster = new aws.msk.Cluster(`${name}-${member.name}`, clusterArgs, clusterOpts);
    return {
        endpoint: cluster.bootstrapBrokersSaslIam,
        port: pulumi.output(AWS_PORTS.kafka),
        // IAM authentication: what a client needs is a grant on this cluster.
        credentials: pulumi.secret(cluster.arn),
    };
}

/**
 * A fleet of RDS PostgreSQL, ElastiCache Redis and MSK clusters in one VPC, with every AWS
 * option reachable through `transform`.
 *
 * Cost: each member is billed by the hour (instance classes in {@link AWS_DATA_CLASSES}),
 * plus storage, backups beyond the database size, and MSK broker storage.
 */
export class AwsDataFleet extends pulumi.ComponentResource {
    readonly members: Record<string, DataFleetMemberOutputs>;

    constructor(name: string, args: AwsDataFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:data-fleet:AwsDataFleet", name, {}, opts);
        this.members = buildAwsDataFleet(name, args, this).members;
        this.registerOutputs({ members: this.members });
    }
}
