import assert from "node:assert/strict";
import { DataFleet } from "../../components/data-fleet";
import { AzureDataFleet } from "../../components/data-fleet/azure";
import { inventory, only, ofType, runProgram } from "../../testing";
import { AZURE_NETWORK, MEMBERS } from "./fixtures";

describe("data-fleet: Azure", () => {
    const fleet = () =>
        runProgram(() => {
            const data = new DataFleet("data", { cloud: "azure", network: AZURE_NETWORK, members: MEMBERS, maintenance: { window: "sun:03:00", waves: 2 }, backups: { retentionDays: 21 } });
            return { orders: data.members.orders, sessions: data.members.sessions, events: data.members.events };
        });

    it("creates exactly these children", async () => {
        const run = await fleet();
        assert.deepEqual(inventory(run.resources), [
            ["azure-native:authorization:ManagementLockByScope", "data-events-lock"],
            ["azure-native:authorization:ManagementLockByScope", "data-orders-lock"],
            ["azure-native:authorization:ManagementLockByScope", "data-sessions-lock"],
            ["azure-native:dbforpostgresql:Configuration", "data-orders-require-tls"],
            ["azure-native:dbforpostgresql:Server", "data-orders"],
            ["azure-native:eventhub:EventHub", "data-events-events"],
            ["azure-native:eventhub:Namespace", "data-events"],
            ["azure-native:keyvault:Secret", "data-orders-password"],
            ["azure-native:keyvault:Vault", "data-vault"],
            ["azure-native:network:PrivateDnsZoneGroup", "data-events-endpoint-dns"],
            ["azure-native:network:PrivateDnsZoneGroup", "data-sessions-endpoint-dns"],
            ["azure-native:network:PrivateEndpoint", "data-events-endpoint"],
            ["azure-native:network:PrivateEndpoint", "data-sessions-endpoint"],
            ["azure-native:privatedns:PrivateZone", "data-kafka-dns"],
            ["azure-native:privatedns:PrivateZone", "data-postgres-dns"],
            ["azure-native:privatedns:PrivateZone", "data-redis-dns"],
            ["azure-native:privatedns:VirtualNetworkLink", "data-kafka-dns-link"],
            ["azure-native:privatedns:VirtualNetworkLink", "data-postgres-dns-link"],
            ["azure-native:privatedns:VirtualNetworkLink", "data-redis-dns-link"],
            ["azure-native:redis:PatchSchedule", "data-sessions-patching"],
            ["azure-native:redis:Redis", "data-sessions"],
        ]);
    });

    it("builds PostgreSQL flexible server in the delegated subnet with private DNS, zone-redundant HA, backups, window and Entra", async () => {
        const run = await fleet();
        const server = only(run.resources, "azure-native:dbforpostgresql:Server");
        const i = server.inputs as Record<string, any>;
        const zone = only(run.resources, "azure-native:privatedns:PrivateZone", "data-postgres-dns");
        assert.equal(zone.inputs.privateZoneName, "data.private.postgres.database.azure.com");
        assert.equal(i.serverName, "data-orders");
        assert.equal(i.resourceGroupName, "core-rg");
        assert.equal(i.location, "westeurope");
        assert.equal(i.version, "16");
        assert.deepEqual(i.sku, { name: "Standard_D4ds_v5", tier: "GeneralPurpose" });
        assert.deepEqual(i.storage, { storageSizeGB: 64, autoGrow: "Enabled" });
        assert.deepEqual(i.network, { delegatedSubnetResourceId: AZURE_NETWORK.dataSubnetIds[0], privateDnsZoneArmResourceId: zone.id, publicNetworkAccess: "Disabled" });
        assert.equal(i.highAvailability.mode, "ZoneRedundant");
        assert.deepEqual(i.backup, { backupRetentionDays: 21, geoRedundantBackup: "Enabled" });
        assert.deepEqual(i.maintenanceWindow, { customWindow: "Enabled", dayOfWeek: 0, startHour: 3, startMinute: 0 });
        assert.equal(i.authConfig.activeDirectoryAuth, "Enabled");
        assert.equal(i.authConfig.tenantId, "99999999-8888-7777-6666-555555555555");
        assert.ok(server.secretPaths.includes("administratorLoginPassword"));
        assert.deepEqual(server.ignoreChanges, ["administratorLoginPassword"]);
        assert.equal(server.retainOnDelete, true);
        const tls = only(run.resources, "azure-native:dbforpostgresql:Configuration");
        assert.equal(tls.inputs.configurationName, "require_secure_transport");
        assert.equal(tls.inputs.value, "ON");
        const lock = only(run.resources, "azure-native:authorization:ManagementLockByScope", "data-orders-lock");
        assert.equal(lock.inputs.scope, server.id);
        assert.equal(lock.inputs.level, "CanNotDelete");
        const secret = only(run.resources, "azure-native:keyvault:Secret");
        assert.ok(secret.secretPaths.includes("properties.value"));
        const vault = only(run.resources, "azure-native:keyvault:Vault");
        assert.deepEqual((vault.inputs.properties as Record<string, unknown>).networkAcls, { defaultAction: "Deny", bypass: "AzureServices" });
    });

    it("builds Azure Cache for Redis TLS 1.2 only, private, behind a private endpoint, patched in its wave", async () => {
        const run = await fleet();
        const cache = only(run.resources, "azure-native:redis:Redis");
        const i = cache.inputs as Record<string, any>;
        assert.equal(i.minimumTlsVersion, "1.2");
        assert.equal(i.enableNonSslPort, false);
        assert.equal(i.publicNetworkAccess, "Disabled");
        assert.equal(i.disableAccessKeyAuthentication, true);
        assert.deepEqual(i.sku, { name: "Premium", family: "P", capacity: 1 });
        assert.equal(i.redisVersion, "6");
        const endpoint = only(run.resources, "azure-native:network:PrivateEndpoint", "data-sessions-endpoint");
        assert.equal((endpoint.inputs.subnet as Record<string, unknown>).id, AZURE_NETWORK.endpointSubnetIds[0]);
        assert.deepEqual(endpoint.inputs.privateLinkServiceConnections, [{ name: "data-sessions-link", privateLinkServiceId: cache.id, groupIds: ["redisCache"] }]);
        const patch = only(run.resources, "azure-native:redis:PatchSchedule");
        assert.deepEqual(patch.inputs.scheduleEntries, [{ dayOfWeek: "Monday", startHourUtc: 3, maintenanceWindow: "PT5H" }]);
        const out = run.outputs as Record<string, Record<string, unknown>>;
        assert.equal(out.sessions.endpoint, "data-sessions.redis.cache.windows.net");
        assert.equal(out.sessions.port, 6380);
    });

    it("builds an Event Hubs namespace with its Kafka endpoint, TLS 1.2, no public access, Entra only, and a hub", async () => {
        const run = await fleet();
        const ns = only(run.resources, "azure-native:eventhub:Namespace");
        const i = ns.inputs as Record<string, any>;
        assert.deepEqual(i.sku, { name: "Standard", tier: "Standard", capacity: 1 });
        assert.equal(i.kafkaEnabled, true);
        assert.equal(i.minimumTlsVersion, "1.2");
        assert.equal(i.publicNetworkAccess, "Disabled");
        assert.equal(i.disableLocalAuth, true);
        const hub = only(run.resources, "azure-native:eventhub:EventHub");
        assert.equal(hub.inputs.eventHubName, "events");
        assert.equal(hub.inputs.messageRetentionInDays, 7);
        const out = run.outputs as Record<string, Record<string, unknown>>;
        assert.equal(out.events.endpoint, "data-events.servicebus.windows.net:9093");
        assert.equal(out.events.credentials, "[secret]");
    });

    it("drops the locks only when deletion protection is turned off", async () => {
        const run = await runProgram(() => new AzureDataFleet("data", { network: AZURE_NETWORK, members: [{ name: "db", engine: "postgres" }], deletionProtection: false, geoRedundantBackup: false }));
        assert.deepEqual(ofType(run.resources, "azure-native:authorization:ManagementLockByScope"), []);
        assert.equal(only(run.resources, "azure-native:dbforpostgresql:Server").retainOnDelete, false);
    });
});
