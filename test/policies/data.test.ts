import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import type * as redis from "@pulumi/azure-native/redis";
import type * as eventhub from "@pulumi/azure-native/eventhub";
import type * as storage from "@pulumi/azure-native/storage";
import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

const rds = (args: Partial<Unwrap<aws.rds.InstanceArgs>> = {}) =>
    resource<aws.rds.InstanceArgs>("aws:rds/instance:Instance", {
        instanceClass: "db.m7g.large",
        engine: "postgres",
        storageEncrypted: true,
        publiclyAccessible: false,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        finalSnapshotIdentifier: "orders-final",
        multiAz: true,
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ["postgresql"],
        storageType: "gp3",
        ...args,
    });
const cache = (args: Partial<Unwrap<aws.elasticache.ReplicationGroupArgs>> = {}) =>
    resource<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", {
        description: "cache",
        nodeType: "cache.m7g.large",
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
        authToken: "generated-by-random-password-0123456789",
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        numCacheClusters: 2,
        snapshotRetentionLimit: 7,
        finalSnapshotIdentifier: "cache-final",
        ...args,
    });
const msk = (args: Partial<Unwrap<aws.msk.ClusterArgs>> = {}) =>
    resource<aws.msk.ClusterArgs>("aws:msk/cluster:Cluster", {
        kafkaVersion: "3.8.x",
        numberOfBrokerNodes: 3,
        brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a", "b", "c"], securityGroups: ["sg"] },
        encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
        clientAuthentication: { sasl: { iam: true } },
        loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "msk" } } },
        ...args,
    });
const sqlSettings = (over: Partial<Unwrap<gcp.types.input.sql.DatabaseInstanceSettings>> = {}): Unwrap<gcp.types.input.sql.DatabaseInstanceSettings> => ({
    tier: "db-custom-2-8192",
    availabilityType: "REGIONAL",
    ipConfiguration: { ipv4Enabled: false, privateNetwork: "projects/p/global/networks/n", sslMode: "ENCRYPTED_ONLY" },
    backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
    databaseFlags: [{ name: "cloudsql.iam_authentication", value: "on" }],
    ...over,
});
const cloudSql = (settings = sqlSettings(), args: Partial<Unwrap<gcp.sql.DatabaseInstanceArgs>> = {}) =>
    resource<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", { databaseVersion: "POSTGRES_17", settings, ...args });
const memorystore = (args: Partial<Unwrap<gcp.redis.InstanceArgs>> = {}) =>
    resource<gcp.redis.InstanceArgs>("gcp:redis/instance:Instance", {
        memorySizeGb: 5,
        tier: "STANDARD_HA",
        authEnabled: true,
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        persistenceConfig: { persistenceMode: "RDB" },
        ...args,
    });
const azurePg = (args: Partial<Unwrap<dbforpostgresql.ServerArgs>> = {}) =>
    resource<dbforpostgresql.ServerArgs>("azure-native:dbforpostgresql:Server", {
        resourceGroupName: "rg",
        network: { publicNetworkAccess: "Disabled", delegatedSubnetResourceId: "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/data" },
        backup: { backupRetentionDays: 14 },
        highAvailability: { mode: "ZoneRedundant" },
        authConfig: { activeDirectoryAuth: "Enabled" },
        ...args,
    });
const azureRedis = (args: Partial<Unwrap<redis.RedisArgs>> = {}) =>
    resource<redis.RedisArgs>("azure-native:redis:Redis", { resourceGroupName: "rg", sku: { name: "Premium", family: "P", capacity: 1 }, publicNetworkAccess: "Disabled", minimumTlsVersion: "1.2", ...args });
const cnpg = (spec: Record<string, unknown>, name = "orders") =>
    resource<k8s.apiextensions.CustomResourceArgs>("kubernetes:postgresql.cnpg.io/v1:Cluster", { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", metadata: { name, namespace: "data" }, spec }, { name });
const goodCnpgSpec = {
    instances: 3,
    storage: { size: "20Gi", storageClass: "gp3-encrypted" },
    backup: { barmanObjectStore: { destinationPath: "s3://backups/orders", data: { encryption: "AES256" }, wal: { encryption: "AES256" } }, retentionPolicy: "14d" },
};
const strimzi = (kafka: Record<string, unknown>) =>
    resource<k8s.apiextensions.CustomResourceArgs>("kubernetes:kafka.strimzi.io/v1beta2:Kafka", {
        apiVersion: "kafka.strimzi.io/v1beta2",
        kind: "Kafka",
        metadata: { name: "events", namespace: "data" },
        spec: {
            kafka: {
                replicas: 3,
                listeners: [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: { type: "scram-sha-512" } }],
                config: { "default.replication.factor": 3, "min.insync.replicas": 2 },
                storage: { type: "persistent-claim", size: "100Gi", class: "gp3-encrypted" },
                ...kafka,
            },
        },
    });
const fleet = "platform-kit:data-fleet:DataFleet";
const fleetUrn = `urn:pulumi:test::platform-kit::${fleet}::fleet`;
const fleetComponent = resource<Record<string, never>>(fleet, {}, { name: "fleet", custom: false, urn: fleetUrn });

describePack("data", {
    "data-enable-encryption-at-rest": {
        good: [rds(), cache(), msk(), cloudSql(), cnpg(goodCnpgSpec)],
        bad: [
            [rds({ storageEncrypted: false }), ["storageEncrypted is not true; the database storage and its snapshots are unencrypted."]],
            [cache({ atRestEncryptionEnabled: undefined }), ["atRestEncryptionEnabled is not true; cache data and backups are unencrypted."]],
            [resource<aws.efs.FileSystemArgs>("aws:efs/fileSystem:FileSystem", {}), ["encrypted is not true; stored data is unencrypted."]],
            [cnpg({ ...goodCnpgSpec, backup: { barmanObjectStore: { destinationPath: "s3://b", wal: { encryption: "AES256" } } } }), ["spec.backup.barmanObjectStore.data.encryption is unset; base backups are stored unencrypted."]],
        ],
    },
    "data-enable-encryption-in-transit": {
        good: [cache(), msk(), cloudSql(), memorystore(), azureRedis(), strimzi({})],
        bad: [
            [cache({ transitEncryptionEnabled: false }), ["transitEncryptionEnabled is not true; clients connect in plain text."]],
            [msk({ encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } }), ['encryptionInfo.encryptionInTransit.clientBroker is "TLS_PLAINTEXT"; clients may connect in plain text.']],
            [cloudSql(sqlSettings({ ipConfiguration: { ipv4Enabled: false, privateNetwork: "n" } })), ["settings.ipConfiguration.sslMode is unset (ALLOW_UNENCRYPTED_AND_ENCRYPTED); unencrypted connections are accepted."]],
            [memorystore({ transitEncryptionMode: undefined }), ["transitEncryptionMode is unset (DISABLED); clients connect in plain text."]],
            [resource<dbforpostgresql.ConfigurationArgs>("azure-native:dbforpostgresql:Configuration", { resourceGroupName: "rg", serverName: "pg", configurationName: "require_secure_transport", value: "off", source: "user-override" }), ["require_secure_transport is off; unencrypted connections are accepted."]],
            [azureRedis({ enableNonSslPort: true }), ["enableNonSslPort is true; port 6379 accepts plain text."]],
            [resource<aws.rds.ParameterGroupArgs>("aws:rds/parameterGroup:ParameterGroup", { family: "postgres17", parameters: [{ name: "rds.force_ssl", value: "0" }] }), ["parameters[0] sets rds.force_ssl=0; unencrypted connections are accepted."]],
            [strimzi({ listeners: [{ name: "plain", port: 9092, type: "internal", tls: false, authentication: { type: "scram-sha-512" } }] }), ["spec.kafka.listeners[0] (plain) has tls false; clients connect in plain text."]],
        ],
    },
    "data-disallow-public-endpoints": {
        good: [rds(), msk(), cloudSql(), azurePg(), azureRedis(), strimzi({}), cnpg(goodCnpgSpec)],
        bad: [
            [rds({ publiclyAccessible: true }), ["publiclyAccessible is true; the database gets a public endpoint."]],
            [cloudSql(sqlSettings({ ipConfiguration: { sslMode: "ENCRYPTED_ONLY", authorizedNetworks: [{ value: "0.0.0.0/0" }] } })), ["settings.ipConfiguration.ipv4Enabled is unset (defaults to true); the instance has a public IP.", "settings.ipConfiguration.authorizedNetworks[0] allows 0.0.0.0/0."]],
            [azurePg({ network: {} }), ["network.publicNetworkAccess is unset (Enabled without a delegated subnet)."]],
            [resource<dbforpostgresql.FirewallRuleArgs>("azure-native:dbforpostgresql:FirewallRule", { resourceGroupName: "rg", serverName: "pg", startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" }), ["the rule allows 0.0.0.0-255.255.255.255 (the whole internet)."]],
            [resource<eventhub.NamespaceArgs>("azure-native:eventhub:Namespace", { resourceGroupName: "rg" }), ["publicNetworkAccess is unset (Enabled)."]],
            [strimzi({ listeners: [{ name: "external", port: 9094, type: "loadbalancer", tls: true, authentication: { type: "tls" } }] }), ["spec.kafka.listeners[0] (external) is of type loadbalancer; brokers are exposed outside the cluster."]],
        ],
    },
    "data-enable-backups": {
        good: [rds(), cache(), cloudSql(), memorystore(), azurePg(), cnpg(goodCnpgSpec), resource<aws.dynamodb.TableArgs>("aws:dynamodb/table:Table", { hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true } })],
        bad: [
            [rds({ backupRetentionPeriod: undefined }), ["backupRetentionPeriod is unset (0, no backups); keep at least 7 days."]],
            [cache({ snapshotRetentionLimit: undefined }), ["snapshotRetentionLimit is unset (0, no snapshots); keep at least 7."]],
            [cloudSql(sqlSettings({ backupConfiguration: { enabled: false } })), ["settings.backupConfiguration.enabled is not true."]],
            [cnpg({ instances: 3 }), ["spec.backup is unset; no base backups or WAL archive are kept."]],
        ],
    },
    "data-enable-deletion-protection": {
        good: [rds(), cloudSql()],
        bad: [
            [rds({ deletionProtection: undefined }), ["deletionProtection is unset (false)."]],
            [cloudSql(sqlSettings(), { deletionProtection: false }), ["deletionProtection is false; Pulumi will delete the instance on destroy or replace."]],
        ],
    },
    "data-enable-resource-protection": {
        good: [resource<aws.msk.ClusterArgs>("aws:msk/cluster:Cluster", { kafkaVersion: "3.8.x", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a"], securityGroups: ["s"] } }, { protect: true }), resource<redis.RedisArgs>("azure-native:redis:Redis", { resourceGroupName: "rg", sku: { name: "Premium", family: "P", capacity: 1 } }, { retainOnDelete: true })],
        bad: [[msk(), ["neither protect nor retainOnDelete is set; a destroy or replacement deletes the data."]]],
    },
    "data-configure-final-snapshot": {
        good: [rds(), cache()],
        bad: [
            [rds({ skipFinalSnapshot: true }), ["skipFinalSnapshot is true; deleting it keeps no snapshot."]],
            [cache({ finalSnapshotIdentifier: undefined }), ["finalSnapshotIdentifier is unset; deleting the group keeps no snapshot."]],
        ],
    },
    "data-enable-high-availability": {
        good: [rds(), cache(), cloudSql(), memorystore(), azurePg(), azureRedis(), cnpg(goodCnpgSpec)],
        bad: [
            [rds({ multiAz: false }), ["multiAz is not true; a zone failure takes the database down."]],
            [cloudSql(sqlSettings({ availabilityType: "ZONAL" })), ["settings.availabilityType is ZONAL."]],
            [memorystore({ tier: "BASIC" }), ["tier is BASIC; there is no replica to fail over to."]],
            [cnpg({ ...goodCnpgSpec, instances: 1 }), ["spec.instances is 1; run at least 2 for a standby."]],
        ],
    },
    "data-enable-authentication": {
        good: [cache(), memorystore(), msk(), strimzi({})],
        bad: [
            [cache({ authToken: undefined }), ["neither authToken (or authTokenWo) nor userGroupIds is set; any client on the network can connect."]],
            [memorystore({ authEnabled: false }), ["authEnabled is not true; any client on the network can connect."]],
            [msk({ clientAuthentication: { unauthenticated: true } }), ["clientAuthentication.unauthenticated is true."]],
            [strimzi({ listeners: [{ name: "tls", port: 9093, type: "internal", tls: true }] }), ["spec.kafka.listeners[0] (tls) has no authentication."]],
        ],
    },
    "data-enable-minor-version-upgrades": {
        good: [rds(), cache()],
        bad: [[rds({ autoMinorVersionUpgrade: false }), ["autoMinorVersionUpgrade is false; security patches are not applied."]]],
    },
    "data-enable-iam-authentication": {
        good: [rds(), cloudSql(), azurePg()],
        bad: [
            [rds({ iamDatabaseAuthenticationEnabled: undefined }), ["iamDatabaseAuthenticationEnabled is not true."]],
            [cloudSql(sqlSettings({ databaseFlags: [] })), ["settings.databaseFlags has no cloudsql.iam_authentication=on."]],
        ],
    },
    "data-enable-log-exports": {
        good: [rds(), msk()],
        bad: [
            [rds({ enabledCloudwatchLogsExports: undefined }), ["enabledCloudwatchLogsExports is empty; database logs stay on the instance."]],
            [msk({ loggingInfo: undefined }), ["loggingInfo.brokerLogs sends broker logs nowhere."]],
        ],
    },
    "data-configure-kafka-replication": {
        good: [msk(), strimzi({})],
        bad: [
            [msk({ numberOfBrokerNodes: 2 }), ["numberOfBrokerNodes is 2; run at least 3."]],
            [strimzi({ config: { "default.replication.factor": 1, "min.insync.replicas": 2 } }), ['spec.kafka.config["default.replication.factor"] is 1; use 3.']],
        ],
    },
    "storage-enable-versioning": {
        good: [
            [
                resource<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", {}, { name: "assets", outputs: { id: "assets-1a2b", bucket: "assets-1a2b" } }),
                resource<aws.s3.BucketVersioningArgs>("aws:s3/bucketVersioning:BucketVersioning", { bucket: "assets-1a2b", versioningConfiguration: { status: "Enabled" } }, { name: "assets-versioning" }),
            ],
            resource<gcp.storage.BucketArgs>("gcp:storage/bucket:Bucket", { location: "EU", versioning: { enabled: true } }),
        ],
        bad: [
            [[resource<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", {}, { name: "assets", outputs: { id: "assets-1a2b", bucket: "assets-1a2b" } })], ["S3 bucket assets has no BucketVersioning with status Enabled."]],
            [[resource<storage.BlobServicePropertiesArgs>("azure-native:storage:BlobServiceProperties", { resourceGroupName: "rg", accountName: "a" }, { name: "blobs" })], ["blob service blobs has isVersioningEnabled unset."]],
        ],
    },
    "data-fleet-members-enable-backups": {
        good: [
            [
                fleetComponent,
                { ...rds(), name: "orders", parent: fleetUrn, urn: "urn:pulumi:test::platform-kit::aws:rds/instance:Instance::orders" },
            ],
            [
                fleetComponent,
                { ...cnpg(goodCnpgSpec), parent: fleetUrn, outputs: { metadata: { name: "orders", namespace: "data" } } },
                resource<k8s.apiextensions.CustomResourceArgs>("kubernetes:postgresql.cnpg.io/v1:ScheduledBackup", { apiVersion: "postgresql.cnpg.io/v1", kind: "ScheduledBackup", metadata: { name: "orders-daily", namespace: "data" }, spec: { schedule: "0 0 3 * * *", cluster: { name: "orders" } } }, { name: "orders-daily" }),
            ],
        ],
        bad: [
            [[fleetComponent, { ...rds({ backupRetentionPeriod: 0 }), name: "orders", parent: fleetUrn }], ["DataFleet fleet member orders: backupRetentionPeriod is 0; keep at least 7 days."]],
            [[fleetComponent, { ...cnpg(goodCnpgSpec), parent: fleetUrn }], ["DataFleet fleet member orders: no ScheduledBackup targets CloudNativePG cluster orders."]],
        ],
    },
});
