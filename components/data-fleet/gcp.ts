import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Size, Transform, cloudName, gcpLabels, standardTags, transformed } from "../core";
import type { NetworkInfo } from "../network";
import {
    BuiltDataFleet,
    DataFleetArgsBase,
    DataFleetMemberOutputs,
    ResolvedDataFleetArgs,
    ResolvedMember,
    generatedPassword,
    knownCount,
    validateDataFleetArgs,
} from "./index";

/** Cloud SQL Enterprise tiers of each portable size (vCPU, memory MiB). */
export const GCP_SQL_TIERS: Readonly<Record<Size, string>> = {
    small: "db-custom-2-8192",
    medium: "db-custom-4-16384",
    large: "db-custom-8-32768",
    xlarge: "db-custom-16-65536",
};

/** Memorystore for Redis capacity of each portable size, GB. */
export const GCP_REDIS_MEMORY_GB: Readonly<Record<Size, number>> = { small: 5, medium: 13, large: 26, xlarge: 52 };

/** Managed Kafka capacity of each portable size (at least 3 vCPU; 4 GiB per vCPU). */
export const GCP_KAFKA_CAPACITY: Readonly<Record<Size, { vcpuCount: number; memoryGiB: number }>> = {
    small: { vcpuCount: 3, memoryGiB: 12 },
    medium: { vcpuCount: 6, memoryGiB: 24 },
    large: { vcpuCount: 12, memoryGiB: 48 },
    xlarge: { vcpuCount: 24, memoryGiB: 96 },
};

export const GCP_PORTS = { postgres: 5432, redis: 6378, kafka: 9092 } as const;

export interface GcpDataFleetArgs extends DataFleetArgsBase {
    /** The network: Cloud SQL and Memorystore peer with it; Managed Kafka attaches to `privateSubnetIds[0]`. */
    network: NetworkInfo;
    /**
     * Create the private services access range and peering Cloud SQL and Memorystore need.
     * A VPC has one such peering: set `false` when the network already has it (another fleet
     * created it, or your network team did).
     * @default true
     */
    createPrivateServiceAccess?: boolean;
    /**
     * Prefix length of the private services access range reserved for Google's producers.
     * @default 20
     */
    privateServiceAccessPrefixLength?: number;
    /** The project for every child. Unset: the provider's project. */
    project?: pulumi.Input<string>;
    /** Escape hatches, applied to platform-kit's choices before each child is created. */
    transform?: {
        privateServiceRange?: Transform<gcp.compute.GlobalAddressArgs>;
        privateServiceConnection?: Transform<gcp.servicenetworking.ConnectionArgs>;
        postgres?: Transform<gcp.sql.DatabaseInstanceArgs>;
        redis?: Transform<gcp.redis.InstanceArgs>;
        kafka?: Transform<gcp.managedkafka.ClusterArgs>;
    };
}

/** `"16"` -> `"POSTGRES_16"`; `"7.2"` -> `"REDIS_7_2"`. */
export function gcpVersion(engine: "postgres" | "redis", version: string): string {
    return `${engine.toUpperCase()}_${version.replace(/\./g, "_")}`;
}

/**
 * Builds the fleet's Google Cloud resources under `parent`: Cloud SQL for PostgreSQL and
 * Memorystore for Redis on private services access, and Managed Service for Apache Kafka
 * clusters on the network's private subnet.
 */
export function buildGcpDataFleet(name: string, args: GcpDataFleetArgs, parent: pulumi.Resource): BuiltDataFleet {
    const resolved = validateDataFleetArgs("DataFleet", name, "gcp", args);
    const check = new ArgsChecker("DataFleet", name);
    const privateSubnets = knownCount(args.network.privateSubnetIds);
    if (privateSubnets !== undefined && resolved.members.some((m) => m.engine === "kafka")) {
        check.require(privateSubnets >= 1, "network.privateSubnetIds", [], "at least one private subnet: Managed Kafka attaches to the first");
    }
    check.integer("privateServiceAccessPrefixLength", args.privateServiceAccessPrefixLength, 8, 24);
    check.done();
    const { network } = args;
    const labels = gcpLabels(standardTags("DataFleet", resolved.tags));
    const transform = args.transform ?? {};
    const needsPeering = resolved.members.some((m) => m.engine !== "kafka");

    let peering: gcp.servicenetworking.Connection | undefined;
    if (needsPeering && (args.createPrivateServiceAccess ?? true)) {
        const [rangeArgs, rangeOpts] = transformed<gcp.compute.GlobalAddressArgs, pulumi.CustomResourceOptions>(
            {
                name: cloudName("gcp-resource", name, "data-range"),
                description: `platform-kit DataFleet ${name}: private services access for Cloud SQL and Memorystore`,
                purpose: "VPC_PEERING",
                addressType: "INTERNAL",
                prefixLength: args.privateServiceAccessPrefixLength ?? 20,
                network: network.networkId,
                project: args.project,
                labels,
            },
            { parent },
            transform.privateServiceRange,
        );
        const range = new gcp.compute.GlobalAddress(`${name}-data-range`, rangeArgs, rangeOpts);
        const [connArgs, connOpts] = transformed<gcp.servicenetworking.ConnectionArgs, pulumi.CustomResourceOptions>(
            { network: network.networkId, service: "servicenetworking.googleapis.com", reservedPeeringRanges: [range.name] },
            { parent },
            transform.privateServiceConnection,
        );
        peering = new gcp.servicenetworking.Connection(`${name}-data-peering`, connArgs, connOpts);
    }

    const members: Record<string, DataFleetMemberOutputs> = {};
    for (const member of resolved.members) {
        const shared = { labels, peering };
        switch (member.engine) {
            case "postgres":
                members[member.name] = gcpPostgres(name, member, resolved, args, shared, parent);
                break;
            case "redis":
                members[member.name] = gcpRedis(name, member, resolved, args, shared, parent);
                break;
            case "kafka":
                members[member.name] = gcpKafka(name, member, resolved, args, shared, parent);
                break;
        }
    }
    return { members };
}

interface Shared {
    labels: Record<string, string>;
    peering?: gcp.servicenetworking.Connection;
}

function gcpPostgres(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: GcpDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const window = resolved.windows[member.wave];
    const pad = (n: number) => String(n).padStart(2, "0");
    const [instanceArgs, instanceOpts] = transformed<gcp.sql.DatabaseInstanceArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("gcp-resource", name, member.name),
            databaseVersion: gcpVersion("postgres", member.version!),
            region: args.network.region,
            project: args.project,
            // Both guards: Terraform's (refuses a destroy in the program) and the API's.
            deletionProtection: resolved.deletionProtection,
            settings: {
                tier: GCP_SQL_TIERS[member.size],
                edition: "ENTERPRISE",
                availabilityType: member.highAvailability ? "REGIONAL" : "ZONAL",
                deletionProtectionEnabled: resolved.deletionProtection,
                diskType: "PD_SSD",
                diskSize: member.storageGb,
                diskAutoresize: true,
                ipConfiguration: {
                    ipv4Enabled: false,
                    privateNetwork: args.network.networkId,
                    sslMode: "ENCRYPTED_ONLY",
                },
                backupConfiguration: {
                    enabled: true,
                    pointInTimeRecoveryEnabled: true,
                    startTime: `${pad(window.backupHour)}:00`,
                    transactionLogRetentionDays: Math.min(resolved.retentionDays, 7),
                    backupRetentionSettings: { retainedBackups: resolved.retentionDays, retentionUnit: "COUNT" },
                },
                // Keeps the backups, and takes a last one, if the instance is ever deleted.
                retainBackupsOnDelete: true,
                finalBackupConfig: { enabled: true, retentionDays: 30 },
                maintenanceWindow: { day: window.gcp.day, hour: window.gcp.hour, updateTrack: "stable" },
                insightsConfig: { queryInsightsEnabled: true, recordApplicationTags: true, recordClientAddress: false },
                databaseFlags: [
                    { name: "log_connections", value: "on" },
                    { name: "log_disconnections", value: "on" },
                ],
                userLabels: { ...shared.labels, "platform-kit-member": member.name, "platform-kit-wave": String(window.wave) },
            },
        },
        { parent, retainOnDelete: resolved.deletionProtection, dependsOn: shared.peering ? [shared.peering] : [] },
        args.transform?.postgres,
    );
    const instance = new gcp.sql.DatabaseInstance(`${name}-${member.name}`, instanceArgs, instanceOpts);

    const secret = new gcp.secretmanager.Secret(
        `${name}-${member.name}-password`,
        {
            secretId: cloudName("gcp-resource", name, member.name, "password"),
            project: args.project,
            replication: { auto: {} },
            labels: shared.labels,
        },
        { parent, retainOnDelete: resolved.deletionProtection },
    );
    // Write-only: a fresh password every run, sent to Secret Manager and Cloud SQL only
    // when credentialsVersion changes, and never stored in the state.
    const password = generatedPassword(32);
    new gcp.secretmanager.SecretVersion(
        `${name}-${member.name}-password`,
        { secret: secret.id, secretDataWo: password, secretDataWoVersion: resolved.credentialsVersion },
        { parent },
    );
    new gcp.sql.User(
        `${name}-${member.name}-admin`,
        { name: "fleet_admin", instance: instance.name, project: args.project, passwordWo: password, passwordWoVersion: resolved.credentialsVersion },
        { parent },
    );
    return {
        endpoint: instance.privateIpAddress,
        port: pulumi.output(GCP_PORTS.postgres),
        credentials: pulumi.secret(secret.id),
    };
}

function gcpRedis(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: GcpDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const window = resolved.windows[member.wave];
    const [instanceArgs, instanceOpts] = transformed<gcp.redis.InstanceArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("gcp-resource", name, member.name),
            displayName: `${name} ${member.name}`,
            region: args.network.region,
            project: args.project,
            tier: member.highAvailability ? "STANDARD_HA" : "BASIC",
            memorySizeGb: GCP_REDIS_MEMORY_GB[member.size],
            redisVersion: gcpVersion("redis", member.version!),
            authorizedNetwork: args.network.networkId,
            connectMode: "PRIVATE_SERVICE_ACCESS",
            authEnabled: true,
            transitEncryptionMode: "SERVER_AUTHENTICATION",
            persistenceConfig: { persistenceMode: "RDB", rdbSnapshotPeriod: "TWENTY_FOUR_HOURS" },
            maintenancePolicy: {
                weeklyMaintenanceWindows: [{ day: window.gcpDayName, startTime: { hours: window.hour, minutes: 0 } }],
            },
            deletionProtection: resolved.deletionProtection,
            labels: { ...shared.labels, "platform-kit-member": member.name, "platform-kit-wave": String(window.wave) },
        },
        { parent, retainOnDelete: resolved.deletionProtection, dependsOn: shared.peering ? [shared.peering] : [] },
        args.transform?.redis,
    );
    const instance = new gcp.redis.Instance(`${name}-${member.name}`, instanceArgs, instanceOpts);
    return {
        endpoint: instance.host,
        port: instance.port,
        // Memorystore generates and keeps the AUTH string: read it with the instance's
        // getAuthString (roles/redis.viewer is not enough; redis.instances.getAuthString is).
        credentials: pulumi.secret(instance.id),
    };
}

function gcpKafka(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: GcpDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const capacity = GCP_KAFKA_CAPACITY[member.size];
    const clusterId = cloudName("gcp-resource", name, member.name);
    const firstSubnet = pulumi.output(args.network.privateSubnetIds).apply((ids) => {
        if (ids.length === 0) throw new Error(`DataFleet "${name}": Kafka member "${member.name}" needs a private subnet; the network has none`);
        return ids[0];
    });
    const [clusterArgs, clusterOpts] = transformed<gcp.managedkafka.ClusterArgs, pulumi.CustomResourceOptions>(
        {
            clusterId,
            location: args.network.region,
            project: args.project,
            capacityConfig: { vcpuCount: String(capacity.vcpuCount), memoryBytes: String(capacity.memoryGiB * 1024 ** 3) },
            gcpConfig: { accessConfig: { networkConfigs: [{ subnet: firstSubnet }] } },
            rebalanceConfig: { mode: "AUTO_REBALANCE_ON_SCALE_UP" },
            deletionPolicy: resolved.deletionProtection ? "PREVENT" : "DELETE",
            labels: { ...shared.labels, "platform-kit-member": member.name },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.kafka,
    );
    const cluster = new gcp.managedkafka.Cluster(`${name}-${member.name}`, clusterArgs, clusterOpts);
    return {
        // Managed Kafka's documented bootstrap address; clients authenticate with IAM (SASL OAUTHBEARER).
        endpoint: pulumi.interpolate`bootstrap.${cluster.clusterId}.${cluster.location}.managedkafka.${cluster.project}.cloud.goog:${GCP_PORTS.kafka}`,
        port: pulumi.output(GCP_PORTS.kafka),
        credentials: pulumi.secret(cluster.name),
    };
}

/**
 * A fleet of Cloud SQL for PostgreSQL, Memorystore for Redis and Managed Kafka clusters in
 * one VPC, with every Google Cloud option reachable through `transform`.
 *
 * Cost: each member is billed by the hour (tiers in {@link GCP_SQL_TIERS}); REGIONAL Cloud SQL
 * and STANDARD_HA Memorystore cost about twice their zonal counterparts.
 */
export class GcpDataFleet extends pulumi.ComponentResource {
    readonly members: Record<string, DataFleetMemberOutputs>;

    constructor(name: string, args: GcpDataFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:data-fleet:GcpDataFleet", name, {}, opts);
        this.members = buildGcpDataFleet(name, args, this).members;
        this.registerOutputs({ members: this.members });
    }
}
