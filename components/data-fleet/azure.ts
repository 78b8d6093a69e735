import * as authorization from "@pulumi/azure-native/authorization";
import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as eventhub from "@pulumi/azure-native/eventhub";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as redis from "@pulumi/azure-native/redis";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Size, Transform, cloudName, stableHash, standardTags, transformed } from "../core";
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

/** PostgreSQL flexible server SKUs (General Purpose, Ddsv5) of each portable size. */
export const AZURE_POSTGRES_SKUS: Readonly<Record<Size, string>> = {
    small: "Standard_D2ds_v5",
    medium: "Standard_D4ds_v5",
    large: "Standard_D8ds_v5",
    xlarge: "Standard_D16ds_v5",
};

/** Azure Cache for Redis capacity (C1-C4 Standard, P1-P4 Premium when highly available). */
export const AZURE_REDIS_CAPACITY: Readonly<Record<Size, number>> = { small: 1, medium: 2, large: 3, xlarge: 4 };

/** Event Hubs Standard throughput units of each portable size. */
export const AZURE_EVENT_HUBS_UNITS: Readonly<Record<Size, number>> = { small: 1, medium: 2, large: 4, xlarge: 8 };

export const AZURE_PORTS = { postgres: 5432, redis: 6380, kafka: 9093 } as const;

export interface AzureDataFleetArgs extends DataFleetArgsBase {
    /**
     * The network: PostgreSQL goes to `dataSubnetIds[0]` (delegated to
     * Microsoft.DBforPostgreSQL/flexibleServers), private endpoints to `endpointSubnetIds[0]`,
     * everything to `resourceGroupName`.
     */
    network: NetworkInfo;
    /**
     * Copy PostgreSQL backups to the paired region. Turn off in regions without a pair.
     * Cost: backup storage billed twice.
     * @default true
     */
    geoRedundantBackup?: boolean;
    /**
     * Event Hubs partitions of each Kafka member's event hub (its topic).
     * @default 4
     */
    kafkaPartitions?: number;
    /** Escape hatches, applied to platform-kit's choices before each child is created. */
    transform?: {
        vault?: Transform<keyvault.VaultArgs>;
        postgres?: Transform<dbforpostgresql.ServerArgs>;
        redis?: Transform<redis.RedisArgs>;
        eventHubsNamespace?: Transform<eventhub.NamespaceArgs>;
        eventHub?: Transform<eventhub.EventHubArgs>;
        privateEndpoint?: Transform<network.PrivateEndpointArgs>;
    };
}

/** The private DNS zone each private-endpoint service resolves through. */
const PRIVATE_LINK_ZONES = { redis: "privatelink.redis.cache.windows.net", kafka: "privatelink.servicebus.windows.net" } as const;
const PRIVATE_LINK_GROUPS = { redis: "redisCache", kafka: "namespace" } as const;

/**
 * Builds the fleet's Azure resources under `parent`: PostgreSQL flexible servers in the
 * delegated data subnet, Azure Cache for Redis and Event Hubs namespaces behind private
 * endpoints, and a Key Vault for generated passwords.
 */
export function buildAzureDataFleet(name: string, args: AzureDataFleetArgs, parent: pulumi.Resource): BuiltDataFleet {
    const resolved = validateDataFleetArgs("DataFleet", name, "azure", args);
    const check = new ArgsChecker("DataFleet", name);
    check.require(args.network.resourceGroupName !== undefined, "network.resourceGroupName", args.network.resourceGroupName, "the Azure network's resource group");
    check.integer("kafkaPartitions", args.kafkaPartitions, 1, 32, "partitions (Event Hubs Standard)");
    const dataSubnets = knownCount(args.network.dataSubnetIds);
    if (dataSubnets !== undefined && resolved.members.some((m) => m.engine === "postgres")) {
        check.require(dataSubnets >= 1, "network.dataSubnetIds", [], "a subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers for PostgreSQL members");
    }
    const endpointSubnets = knownCount(args.network.endpointSubnetIds);
    if (endpointSubnets !== undefined && resolved.members.some((m) => m.engine !== "postgres")) {
        check.require(endpointSubnets >= 1, "network.endpointSubnetIds", [], "a subnet for the private endpoints of Redis and Event Hubs members");
    }
    check.done();

    const tags = standardTags("DataFleet", resolved.tags);
    const resourceGroupName = args.network.resourceGroupName!;
    const location = args.network.region;
    const transform = args.transform ?? {};
    const engines = new Set(resolved.members.map((m) => m.engine));
    const shared: Shared = { tags, resourceGroupName, location, zones: {} };

    if (engines.has("postgres")) {
        const client = authorization.getClientConfigOutput({ parent });
        shared.tenantId = client.tenantId;
        const [vaultArgs, vaultOpts] = transformed<keyvault.VaultArgs, pulumi.CustomResourceOptions>(
            {
                // Vault names are global: the hash of project, stack and fleet keeps them apart.
                vaultName: cloudName("azure-key-vault", name, stableHash(`${pulumi.getProject()}/${pulumi.getStack()}/${name}`, 6)),
                resourceGroupName,
                location,
                properties: {
                    tenantId: client.tenantId,
                    sku: { family: "A", name: "standard" },
                    enableRbacAuthorization: true,
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: 90,
                    enablePurgeProtection: true,
                    // Secrets are written through Azure Resource Manager; readers come through
                    // the network or trusted Azure services, never the internet.
                    networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
                },
                tags,
            },
            { parent, retainOnDelete: resolved.deletionProtection },
            transform.vault,
        );
        shared.vault = new keyvault.Vault(`${name}-vault`, vaultArgs, vaultOpts);

        const zone = new privatedns.PrivateZone(
            `${name}-postgres-dns`,
            { privateZoneName: `${cloudName("azure-service", name)}.private.postgres.database.azure.com`, resourceGroupName, location: "global", tags },
            { parent },
        );
        const link = new privatedns.VirtualNetworkLink(
            `${name}-postgres-dns-link`,
            { privateZoneName: zone.name, resourceGroupName, location: "global", virtualNetwork: { id: args.network.networkId }, registrationEnabled: false, tags },
            { parent },
        );
        shared.postgresZone = { zone, link };
    }
    for (const engine of ["redis", "kafka"] as const) {
        if (!engines.has(engine)) continue;
        const zone = new privatedns.PrivateZone(
            `${name}-${engine}-dns`,
            { privateZoneName: PRIVATE_LINK_ZONES[engine], resourceGroupName, location: "global", tags },
            { parent },
        );
        const link = new privatedns.VirtualNetworkLink(
            `${name}-${engine}-dns-link`,
            { privateZoneName: zone.name, resourceGroupName, location: "global", virtualNetwork: { id: args.network.networkId }, registrationEnabled: false, tags },
            { parent },
        );
        shared.zones[engine] = { zone, link };
    }

    const members: Record<string, DataFleetMemberOutputs> = {};
    for (const member of resolved.members) {
        switch (member.engine) {
            case "postgres":
                members[member.name] = azurePostgres(name, member, resolved, args, shared, parent);
                break;
            case "redis":
                members[member.name] = azureRedis(name, member, resolved, args, shared, parent);
                break;
            case "kafka":
                members[member.name] = azureEventHubs(name, member, resolved, args, shared, parent);
                break;
        }
    }
    return { members };
}

interface DnsZone {
    zone: privatedns.PrivateZone;
    link: privatedns.VirtualNetworkLink;
}

interface Shared {
    tags: Record<string, string>;
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    tenantId?: pulumi.Output<string>;
    vault?: keyvault.Vault;
    postgresZone?: DnsZone;
    zones: Partial<Record<"redis" | "kafka", DnsZone>>;
}

/** A lock that makes Azure refuse to delete the resource until it is removed. */
function deleteLock(name: string, scope: pulumi.Input<string>, parent: pulumi.Resource): authorization.ManagementLockByScope {
    return new authorization.ManagementLockByScope(
        `${name}-lock`,
        { scope, level: "CanNotDelete", lockName: "platform-kit-deletion-protection", notes: "DataFleet deletionProtection: remove this lock (deletionProtection: false) before deleting the member." },
        { parent },
    );
}

function azurePostgres(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AzureDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const window = resolved.windows[member.wave];
    const password = generatedPassword(32);
    const dataSubnet = pulumi.output(args.network.dataSubnetIds).apply((ids) => {
        if (ids.length === 0) throw new Error(`DataFleet "${name}": PostgreSQL member "${member.name}" needs a data subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers; the network has none`);
        return ids[0];
    });
    const [serverArgs, serverOpts] = transformed<dbforpostgresql.ServerArgs, pulumi.CustomResourceOptions>(
        {
            serverName: cloudName("azure-service", name, member.name),
            resourceGroupName: shared.resourceGroupName,
            location: shared.location,
            version: member.version,
            sku: { name: AZURE_POSTGRES_SKUS[member.size], tier: "GeneralPurpose" },
            storage: { storageSizeGB: member.storageGb, autoGrow: "Enabled" },
            backup: { backupRetentionDays: resolved.retentionDays, geoRedundantBackup: (args.geoRedundantBackup ?? true) ? "Enabled" : "Disabled" },
            network: {
                delegatedSubnetResourceId: dataSubnet,
                privateDnsZoneArmResourceId: shared.postgresZone!.zone.id,
                publicNetworkAccess: "Disabled",
            },
            highAvailability: { mode: member.highAvailability ? "ZoneRedundant" : "Disabled" },
            maintenanceWindow: { customWindow: "Enabled", ...window.azure },
            authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Enabled", tenantId: shared.tenantId },
            administratorLogin: "fleet_admin",
            administratorLoginPassword: password,
            tags: { ...shared.tags, "platform-kit-member": member.name, "platform-kit-wave": String(window.wave) },
        },
        {
            parent,
            retainOnDelete: resolved.deletionProtection,
            dependsOn: [shared.postgresZone!.link],
            // The password is generated once, at creation, and kept in Key Vault: a later
            // run's new random value must not reset it.
            ignoreChanges: ["administratorLoginPassword"],
        },
        args.transform?.postgres,
    );
    const server = new dbforpostgresql.Server(`${name}-${member.name}`, serverArgs, serverOpts);
    new dbforpostgresql.Configuration(
        `${name}-${member.name}-require-tls`,
        { serverName: server.name, resourceGroupName: shared.resourceGroupName, configurationName: "require_secure_transport", value: "ON", source: "user-override" },
        { parent },
    );
    if (resolved.deletionProtection) deleteLock(`${name}-${member.name}`, server.id, parent);
    const secret = new keyvault.Secret(
        `${name}-${member.name}-password`,
        {
            vaultName: shared.vault!.name,
            resourceGroupName: shared.resourceGroupName,
            secretName: cloudName("azure-resource", member.name, "admin-password"),
            properties: { value: password, contentType: "fleet_admin password" },
            tags: shared.tags,
        },
        { parent, ignoreChanges: ["properties.value"] },
    );
    return {
        endpoint: server.fullyQualifiedDomainName.apply((fqdn) => fqdn ?? ""),
        port: pulumi.output(AZURE_PORTS.postgres),
        credentials: pulumi.secret(secret.id),
    };
}

function privateEndpoint(name: string, engine: "redis" | "kafka", targetId: pulumi.Input<string>, args: AzureDataFleetArgs, shared: Shared, parent: pulumi.Resource): network.PrivateEndpoint {
    const subnet = pulumi.output(args.network.endpointSubnetIds).apply((ids) => {
        if (ids.length === 0) throw new Error(`DataFleet: ${name} needs a private endpoint subnet; the network has none`);
        return ids[0];
    });
    const [endpointArgs, endpointOpts] = transformed<network.PrivateEndpointArgs, pulumi.CustomResourceOptions>(
        {
            resourceGroupName: shared.resourceGroupName,
            location: shared.location,
            subnet: { id: subnet },
            privateLinkServiceConnections: [{ name: `${name}-link`, privateLinkServiceId: targetId, groupIds: [PRIVATE_LINK_GROUPS[engine]] }],
            tags: shared.tags,
        },
        { parent },
        args.transform?.privateEndpoint,
    );
    const endpoint = new network.PrivateEndpoint(`${name}-endpoint`, endpointArgs, endpointOpts);
    const zone = shared.zones[engine]!;
    new network.PrivateDnsZoneGroup(
        `${name}-endpoint-dns`,
        {
            privateEndpointName: endpoint.name,
            resourceGroupName: shared.resourceGroupName,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: [{ name: PRIVATE_LINK_ZONES[engine].replace(/\./g, "-"), privateDnsZoneId: zone.zone.id }],
        },
        { parent },
    );
    return endpoint;
}

function azureRedis(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AzureDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const window = resolved.windows[member.wave];
    const premium = member.highAvailability;
    const [cacheArgs, cacheOpts] = transformed<redis.RedisArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("azure-service", name, member.name),
            resourceGroupName: shared.resourceGroupName,
            location: shared.location,
            // Standard already has a replica; Premium adds zone redundancy and RDB persistence.
            sku: premium ? { name: "Premium", family: "P", capacity: AZURE_REDIS_CAPACITY[member.size] } : { name: "Standard", family: "C", capacity: AZURE_REDIS_CAPACITY[member.size] },
            zonalAllocationPolicy: premium ? "Automatic" : undefined,
            redisVersion: member.version,
            minimumTlsVersion: "1.2",
            enableNonSslPort: false,
            publicNetworkAccess: "Disabled",
            // Entra ID tokens instead of shared access keys: grant access with an access policy assignment.
            disableAccessKeyAuthentication: true,
            redisConfiguration: { aadEnabled: "true" },
            tags: { ...shared.tags, "platform-kit-member": member.name, "platform-kit-wave": String(window.wave) },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.redis,
    );
    const cache = new redis.Redis(`${name}-${member.name}`, cacheArgs, cacheOpts);
    new redis.PatchSchedule(
        `${name}-${member.name}-patching`,
        {
            name: cache.name,
            resourceGroupName: shared.resourceGroupName,
            default: "default",
            scheduleEntries: [{ dayOfWeek: window.azureDayName, startHourUtc: window.hour, maintenanceWindow: "PT5H" }],
        },
        { parent },
    );
    privateEndpoint(`${name}-${member.name}`, "redis", cache.id, args, shared, parent);
    if (resolved.deletionProtection) deleteLock(`${name}-${member.name}`, cache.id, parent);
    return {
        endpoint: cache.hostName,
        port: cache.sslPort,
        credentials: pulumi.secret(cache.id),
    };
}

function azureEventHubs(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: AzureDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const [namespaceArgs, namespaceOpts] = transformed<eventhub.NamespaceArgs, pulumi.CustomResourceOptions>(
        {
            namespaceName: cloudName("azure-event-hubs", name, member.name),
            resourceGroupName: shared.resourceGroupName,
            location: shared.location,
            // Standard is the first tier with the Kafka endpoint and private endpoints.
            sku: { name: "Standard", tier: "Standard", capacity: AZURE_EVENT_HUBS_UNITS[member.size] },
            kafkaEnabled: true,
            zoneRedundant: true,
            minimumTlsVersion: "1.2",
            publicNetworkAccess: "Disabled",
            // Entra ID only: no shared access signatures to leak.
            disableLocalAuth: true,
            tags: { ...shared.tags, "platform-kit-member": member.name },
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.eventHubsNamespace,
    );
    const namespace = new eventhub.Namespace(`${name}-${member.name}`, namespaceArgs, namespaceOpts);
    const [hubArgs, hubOpts] = transformed<eventhub.EventHubArgs, pulumi.CustomResourceOptions>(
        {
            eventHubName: member.name,
            namespaceName: namespace.name,
            resourceGroupName: shared.resourceGroupName,
            partitionCount: args.kafkaPartitions ?? 4,
            messageRetentionInDays: Math.min(resolved.retentionDays, 7),
        },
        { parent, retainOnDelete: resolved.deletionProtection },
        args.transform?.eventHub,
    );
    new eventhub.EventHub(`${name}-${member.name}-events`, hubArgs, hubOpts);
    privateEndpoint(`${name}-${member.name}`, "kafka", namespace.id, args, shared, parent);
    if (resolved.deletionProtection) deleteLock(`${name}-${member.name}`, namespace.id, parent);
    return {
        endpoint: pulumi.interpolate`${namespace.name}.servicebus.windows.net:${AZURE_PORTS.kafka}`,
        port: pulumi.output(AZURE_PORTS.kafka),
        credentials: pulumi.secret(namespace.id),
    };
}

/**
 * A fleet of Azure Database for PostgreSQL flexible servers, Azure Cache for Redis and Event
 * Hubs namespaces (Kafka endpoint) in one VNet, with every Azure option reachable through
 * `transform`.
 *
 * Cost: each member is billed by the hour (SKUs in {@link AZURE_POSTGRES_SKUS}); zone-redundant
 * HA doubles PostgreSQL's compute; Premium Redis costs about 2.5 times Standard.
 */
export class AzureDataFleet extends pulumi.ComponentResource {
    readonly members: Record<string, DataFleetMemberOutputs>;

    constructor(name: string, args: AzureDataFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:data-fleet:AzureDataFleet", name, {}, opts);
        this.members = buildAzureDataFleet(name, args, this).members;
        this.registerOutputs({ members: this.members });
    }
}
