/** Data-store resource types of every cloud and the Kubernetes operators the kit uses. */
export const RDS_INSTANCE = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
export const ELASTICACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
export const MSK = "aws:msk/cluster:Cluster";
export const DYNAMODB = "aws:dynamodb/table:Table";
export const EFS = "aws:efs/fileSystem:FileSystem";
export const REDSHIFT = "aws:redshift/cluster:Cluster";
export const DOCDB = "aws:docdb/cluster:Cluster";
export const SNS_TOPIC = "aws:sns/topic:Topic";
export const KINESIS = "aws:kinesis/stream:Stream";
export const CLOUD_SQL = "gcp:sql/databaseInstance:DatabaseInstance";
export const MEMORYSTORE = "gcp:redis/instance:Instance";
export const MEMORYSTORE_CLUSTER = "gcp:redis/cluster:Cluster";
export const AZURE_POSTGRES = "azure-native:dbforpostgresql:Server";
export const AZURE_POSTGRES_CONFIG = "azure-native:dbforpostgresql:Configuration";
export const AZURE_POSTGRES_FIREWALL = "azure-native:dbforpostgresql:FirewallRule";
export const AZURE_REDIS = "azure-native:redis:Redis";
export const AZURE_CACHE_REDIS = "azure-native:cache:Redis";
export const EVENT_HUBS = "azure-native:eventhub:Namespace";
export const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
export const CNPG_CLUSTER = "kubernetes:postgresql.cnpg.io/v1:Cluster";
export const CNPG_SCHEDULED_BACKUP = "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup";
export const STRIMZI_KAFKA = ["kubernetes:kafka.strimzi.io/v1beta2:Kafka", "kubernetes:kafka.strimzi.io/v1:Kafka"];

export const AZURE_REDIS_TYPES = [AZURE_REDIS, AZURE_CACHE_REDIS];

/** Kafka listeners of a Strimzi Kafka resource. */
export function strimziListeners(props: Record<string, unknown>): Array<Record<string, unknown>> {
    const spec = (props.spec ?? {}) as Record<string, unknown>;
    const kafka = (spec.kafka ?? {}) as Record<string, unknown>;
    return Array.isArray(kafka.listeners) ? (kafka.listeners as Array<Record<string, unknown>>) : [];
}
