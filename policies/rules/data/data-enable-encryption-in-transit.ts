import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isFalse, isTrue, list, obj } from "../../core/props";

const OLD_TLS = ["1.0", "1.1", "TLS1_0", "TLS1_1"];

/** Clients and replicas talk to data stores over TLS only; a plaintext port is an open door on the network. */
export const dataEnableEncryptionInTransit = resourceRule({
    name: "data-enable-encryption-in-transit",
    description: "Data stores accept only TLS connections on every cloud: ElastiCache transit encryption, MSK TLS, RDS force_ssl, Cloud SQL ENCRYPTED_ONLY, Memorystore server authentication, Azure PostgreSQL require_secure_transport, Azure Redis without the non-TLS port, TLS 1.2+ on Event Hubs and storage accounts, Strimzi TLS listeners.",
    severity: "high",
    remediation: "ElastiCache: `transitEncryptionEnabled: true`; MSK: `encryptionInTransit: { clientBroker: \"TLS\", inCluster: true }`; RDS: parameter `rds.force_ssl=1`; Cloud SQL: `ipConfiguration.sslMode: \"ENCRYPTED_ONLY\"`; Memorystore: `transitEncryptionMode: \"SERVER_AUTHENTICATION\"`; Azure: `enableNonSslPort: false`, `minimumTlsVersion: \"1.2\"`, keep `require_secure_transport` on; Strimzi: `tls: true` on every listener.",
    topics: ["data-protection"],
    frameworks: [],
    checkov: ["CKV_AWS_30", "CKV_AWS_81", "CKV_GCP_6", "CKV_AZURE_91", "CKV_AZURE_148", "CKV_AZURE_3", "CKV_AZURE_44"],
    trivy: ["AWS-0051", "AWS-0073", "GCP-0015", "AZU-0020", "AZU-0011"],
    enforcementLevel: "mandatory",
    resourceTypes: [
        d.ELASTICACHE, d.MSK, "aws:rds/parameterGroup:ParameterGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup",
        d.CLOUD_SQL, d.MEMORYSTORE, d.MEMORYSTORE_CLUSTER, d.AZURE_POSTGRES_CONFIG, ...d.AZURE_REDIS_TYPES, d.EVENT_HUBS, d.STORAGE_ACCOUNT, ...d.STRIMZI_KAFKA,
    ],
    check: ({ type, props }, report) => {
        switch (type) {
            case d.ELASTICACHE:
                if (!isTrue(props.transitEncryptionEnabled)) report("transitEncryptionEnabled is not true; clients connect in plain text.");
                else if (props.transitEncryptionMode === "preferred") report("transitEncryptionMode is \"preferred\"; plaintext connections are still accepted.");
                return;
            case d.MSK: {
                const transit = obj(obj(props.encryptionInfo).encryptionInTransit);
                if (transit.clientBroker === "PLAINTEXT" || transit.clientBroker === "TLS_PLAINTEXT") report(`encryptionInfo.encryptionInTransit.clientBroker is "${transit.clientBroker}"; clients may connect in plain text.`);
                if (isFalse(transit.inCluster)) report("encryptionInfo.encryptionInTransit.inCluster is false; brokers replicate in plain text.");
                return;
            }
            case "aws:rds/parameterGroup:ParameterGroup":
            case "aws:rds/clusterParameterGroup:ClusterParameterGroup":
                list(props.parameters).forEach((p, i) => {
                    const name = String(p.name);
                    if ((name === "rds.force_ssl" || name === "require_secure_transport") && /^(0|off|false)$/i.test(String(p.value))) report(`parameters[${i}] sets ${name}=${p.value}; unencrypted connections are accepted.`);
                });
                return;
            case d.CLOUD_SQL: {
                const ip = obj(obj(props.settings).ipConfiguration);
                if (ip.sslMode !== "ENCRYPTED_ONLY" && ip.sslMode !== "TRUSTED_CLIENT_CERTIFICATE_REQUIRED") report(`settings.ipConfiguration.sslMode is ${ip.sslMode ?? "unset (ALLOW_UNENCRYPTED_AND_ENCRYPTED)"}; unencrypted connections are accepted.`);
                return;
            }
            case d.MEMORYSTORE:
                if (props.transitEncryptionMode !== "SERVER_AUTHENTICATION") report(`transitEncryptionMode is ${props.transitEncryptionMode ?? "unset (DISABLED)"}; clients connect in plain text.`);
                return;
            case d.MEMORYSTORE_CLUSTER:
                if (props.transitEncryptionMode !== "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION") report(`transitEncryptionMode is ${props.transitEncryptionMode ?? "unset (DISABLED)"}; clients connect in plain text.`);
                return;
            case d.AZURE_POSTGRES_CONFIG:
                if (props.configurationName === "require_secure_transport" && /^(off|0|false)$/i.test(String(props.value))) report("require_secure_transport is off; unencrypted connections are accepted.");
                return;
            case d.EVENT_HUBS:
                if (OLD_TLS.includes(String(props.minimumTlsVersion))) report(`minimumTlsVersion is "${props.minimumTlsVersion}"; use "1.2".`);
                return;
            case d.STORAGE_ACCOUNT:
                if (isFalse(props.enableHttpsTrafficOnly)) report("enableHttpsTrafficOnly is false; HTTP requests are accepted.");
                if (OLD_TLS.includes(String(props.minimumTlsVersion))) report(`minimumTlsVersion is "${props.minimumTlsVersion}"; use "TLS1_2".`);
                return;
            default:
                if (d.AZURE_REDIS_TYPES.includes(type)) {
                    if (isTrue(props.enableNonSslPort)) report("enableNonSslPort is true; port 6379 accepts plain text.");
                    if (OLD_TLS.includes(String(props.minimumTlsVersion))) report(`minimumTlsVersion is "${props.minimumTlsVersion}"; use "1.2".`);
                    return;
                }
                d.strimziListeners(props).forEach((l, i) => {
                    if (!isTrue(l.tls)) report(`spec.kafka.listeners[${i}] (${l.name}) has tls ${l.tls === undefined ? "unset (false)" : "false"}; clients connect in plain text.`);
                });
        }
    },
});
