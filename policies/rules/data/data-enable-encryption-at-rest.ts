import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue, obj } from "../../core/props";

interface Config {
    requireCustomerManagedKeys: boolean;
    encryptedStorageClasses: string[];
}

/** One rule for every data store: what is stored is encrypted, with your key when required. */
export const dataEnableEncryptionAtRest = resourceRule<Config>({
    name: "data-enable-encryption-at-rest",
    description: "Databases, caches, streams and file systems encrypt data at rest on every cloud (RDS, Aurora, ElastiCache, MSK, DynamoDB, EFS, Redshift, DocumentDB, SNS, Kinesis, Cloud SQL, Memorystore, Azure PostgreSQL, Event Hubs, CloudNativePG backups, operator storage classes); with `requireCustomerManagedKeys`, with a customer-managed key.",
    severity: "high",
    remediation: "AWS: `storageEncrypted: true` (RDS/Aurora/DocumentDB), `atRestEncryptionEnabled: true` (ElastiCache), `encrypted: true` (EFS/Redshift), `kmsMasterKeyId` (SNS), `encryptionType: \"KMS\"` (Kinesis); CloudNativePG: `backup.barmanObjectStore.data/wal.encryption: \"AES256\"`; operators: an encrypted StorageClass. With customer keys: `kmsKeyId`/`encryptionKeyName`/`customerManagedKey`/`dataEncryption`.",
    topics: ["data-protection"],
    frameworks: [],
    checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_29", "CKV_AWS_81", "CKV_AWS_42", "CKV_AWS_64", "CKV_AWS_74", "CKV_AWS_26", "CKV_AWS_43"],
    trivy: ["AWS-0080", "AWS-0079", "AWS-0045", "AWS-0179", "AWS-0037", "AWS-0021", "AWS-0095", "AWS-0023"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireCustomerManagedKeys: { type: "boolean", default: false, description: "Also require customer-managed keys where the service encrypts with a provider key by default." },
            encryptedStorageClasses: { type: "array", items: { type: "string" }, default: [], description: "StorageClasses known to encrypt volumes; when set, operator clusters must use one." },
        },
    },
    resourceTypes: [
        d.RDS_INSTANCE, d.RDS_CLUSTER, d.ELASTICACHE, d.MSK, d.DYNAMODB, d.EFS, d.REDSHIFT, d.DOCDB, d.SNS_TOPIC, d.KINESIS,
        d.CLOUD_SQL, d.MEMORYSTORE, d.MEMORYSTORE_CLUSTER, d.AZURE_POSTGRES, d.EVENT_HUBS, d.CNPG_CLUSTER, ...d.STRIMZI_KAFKA,
    ],
    check: ({ type, props, config }, report) => {
        const cmk = (present: unknown, field: string) => {
            if (config.requireCustomerManagedKeys && !present) report(`${field} is unset; data is encrypted with a provider-managed key, not yours.`);
        };
        switch (type) {
            case d.RDS_INSTANCE:
                if (!isTrue(props.storageEncrypted) && props.replicateSourceDb === undefined) report("storageEncrypted is not true; the database storage and its snapshots are unencrypted.");
                else cmk(props.kmsKeyId, "kmsKeyId");
                return;
            case d.RDS_CLUSTER:
            case d.DOCDB:
                if (!isTrue(props.storageEncrypted) && props.engineMode !== "serverless") report("storageEncrypted is not true; the cluster storage and its snapshots are unencrypted.");
                else cmk(props.kmsKeyId, "kmsKeyId");
                return;
            case d.ELASTICACHE:
                if (!isTrue(props.atRestEncryptionEnabled)) report("atRestEncryptionEnabled is not true; cache data and backups are unencrypted.");
                else cmk(props.kmsKeyId, "kmsKeyId");
                return;
            case d.MSK:
                cmk(obj(props.encryptionInfo).encryptionAtRestKmsKeyArn, "encryptionInfo.encryptionAtRestKmsKeyArn");
                return;
            case d.DYNAMODB:
                cmk(obj(props.serverSideEncryption).kmsKeyArn, "serverSideEncryption.kmsKeyArn");
                return;
            case d.EFS:
            case d.REDSHIFT:
                if (!isTrue(props.encrypted)) report("encrypted is not true; stored data is unencrypted.");
                else cmk(props.kmsKeyId, "kmsKeyId");
                return;
            case d.SNS_TOPIC:
                if (!props.kmsMasterKeyId) report("kmsMasterKeyId is unset; messages are stored unencrypted.");
                return;
            case d.KINESIS:
                if (props.encryptionType !== "KMS") report(`encryptionType is ${props.encryptionType ?? "unset (NONE)"}; records are stored unencrypted.`);
                return;
            case d.CLOUD_SQL:
                cmk(props.encryptionKeyName, "encryptionKeyName");
                return;
            case d.MEMORYSTORE:
                cmk(props.customerManagedKey, "customerManagedKey");
                return;
            case d.MEMORYSTORE_CLUSTER:
                cmk(props.kmsKey, "kmsKey");
                return;
            case d.AZURE_POSTGRES:
                cmk(obj(props.dataEncryption).type === "AzureKeyVault" ? "yes" : undefined, "dataEncryption (type AzureKeyVault)");
                return;
            case d.EVENT_HUBS:
                cmk(obj(props.encryption).keySource === "Microsoft.KeyVault" ? "yes" : undefined, "encryption.keySource Microsoft.KeyVault");
                return;
            case d.CNPG_CLUSTER: {
                const spec = obj(props.spec);
                const store = obj(obj(spec.backup).barmanObjectStore);
                if (obj(spec.backup).barmanObjectStore !== undefined) {
                    if (!obj(store.data).encryption) report("spec.backup.barmanObjectStore.data.encryption is unset; base backups are stored unencrypted.");
                    if (!obj(store.wal).encryption) report("spec.backup.barmanObjectStore.wal.encryption is unset; WAL archives are stored unencrypted.");
                }
                storageClass(obj(spec.storage).storageClass, "spec.storage.storageClass");
                return;
            }
            default: {
                const storage = obj(obj(obj(props.spec).kafka).storage);
                const volumes = Array.isArray(storage.volumes) ? (storage.volumes as Array<Record<string, unknown>>) : [storage];
                volumes.forEach((v, i) => storageClass(v.class, Array.isArray(storage.volumes) ? `spec.kafka.storage.volumes[${i}].class` : "spec.kafka.storage.class"));
            }
        }
        function storageClass(value: unknown, field: string): void {
            if (config.encryptedStorageClasses.length > 0 && !config.encryptedStorageClasses.includes(String(value))) {
                report(`${field} is ${value === undefined ? "unset (the cluster default)" : `"${value}"`}, not one of the encrypted StorageClasses (${config.encryptedStorageClasses.join(", ")}).`);
            }
        }
    },
});
