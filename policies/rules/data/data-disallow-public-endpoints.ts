import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { cisGcp } from "../../core/rule";
import { isFalse, isTrue, isWorld, list, obj } from "../../core/props";

const EXTERNAL_LISTENERS = ["loadbalancer", "nodeport", "route", "ingress"];

/** Data stores are reached from the private network only. */
export const dataDisallowPublicEndpoints = resourceRule({
    name: "data-disallow-public-endpoints",
    description: "Databases, caches and brokers have no public endpoint: RDS/Redshift not publicly accessible, MSK without public access, Cloud SQL without a public IP, Azure PostgreSQL/Redis/Event Hubs with public network access disabled and no allow-all firewall rules, operator clusters without external listeners or LoadBalancer services.",
    severity: "critical",
    remediation: "RDS: `publiclyAccessible: false`; Cloud SQL: `ipConfiguration: { ipv4Enabled: false, privateNetwork }`; Azure: `publicNetworkAccess: \"Disabled\"` with private endpoints or VNet integration; Strimzi: `internal` listeners; CloudNativePG: ClusterIP services.",
    topics: ["data-protection"],
    frameworks: [cisGcp("6.6")],
    checkov: ["CKV_AWS_17", "CKV_GCP_60", "CKV_GCP_11", "CKV_AZURE_68", "CKV_AZURE_89"],
    trivy: ["AWS-0180", "GCP-0017", "AZU-0022", "AZU-0029"],
    enforcementLevel: "mandatory",
    resourceTypes: [
        d.RDS_INSTANCE, d.RDS_CLUSTER_INSTANCE, d.REDSHIFT, d.MSK, d.CLOUD_SQL, d.AZURE_POSTGRES, d.AZURE_POSTGRES_FIREWALL,
        ...d.AZURE_REDIS_TYPES, d.EVENT_HUBS, d.CNPG_CLUSTER, ...d.STRIMZI_KAFKA,
    ],
    check: ({ type, props }, report) => {
        switch (type) {
            case d.RDS_INSTANCE:
            case d.RDS_CLUSTER_INSTANCE:
                if (isTrue(props.publiclyAccessible)) report("publiclyAccessible is true; the database gets a public endpoint.");
                return;
            case d.REDSHIFT:
                if (!isFalse(props.publiclyAccessible)) report(`publiclyAccessible is ${props.publiclyAccessible === undefined ? "unset (defaults to true)" : "true"}.`);
                return;
            case d.MSK: {
                const access = obj(obj(obj(props.brokerNodeGroupInfo).connectivityInfo).publicAccess).type;
                if (access === "SERVICE_PROVIDED_EIPS") report("brokerNodeGroupInfo.connectivityInfo.publicAccess.type is SERVICE_PROVIDED_EIPS; brokers are public.");
                return;
            }
            case d.CLOUD_SQL: {
                const ip = obj(obj(props.settings).ipConfiguration);
                if (!isFalse(ip.ipv4Enabled)) report(`settings.ipConfiguration.ipv4Enabled is ${ip.ipv4Enabled === undefined ? "unset (defaults to true)" : "true"}; the instance has a public IP.`);
                list(ip.authorizedNetworks).forEach((n, i) => {
                    if (isWorld(n.value)) report(`settings.ipConfiguration.authorizedNetworks[${i}] allows ${n.value}.`);
                });
                return;
            }
            case d.AZURE_POSTGRES: {
                const network = obj(props.network);
                if (network.publicNetworkAccess === "Enabled" || (network.publicNetworkAccess === undefined && !network.delegatedSubnetResourceId)) {
                    report(`network.publicNetworkAccess is ${network.publicNetworkAccess === undefined ? "unset (Enabled without a delegated subnet)" : "\"Enabled\""}.`);
                }
                return;
            }
            case d.AZURE_POSTGRES_FIREWALL:
                if (props.startIpAddress === "0.0.0.0" && (props.endIpAddress === "255.255.255.255" || props.endIpAddress === "0.0.0.0")) {
                    report(`the rule allows ${props.startIpAddress}-${props.endIpAddress} (${props.endIpAddress === "0.0.0.0" ? "every Azure tenant" : "the whole internet"}).`);
                }
                return;
            case d.EVENT_HUBS:
                if (props.publicNetworkAccess !== "Disabled" && props.publicNetworkAccess !== "SecuredByPerimeter") report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"}.`);
                return;
            case d.CNPG_CLUSTER:
                list(obj(obj(obj(props.spec).managed).services).additional).forEach((s, i) => {
                    const svcType = obj(obj(s.serviceTemplate).spec).type;
                    if (svcType === "LoadBalancer" || svcType === "NodePort") report(`spec.managed.services.additional[${i}] is a ${svcType} service.`);
                });
                return;
            default:
                if (d.AZURE_REDIS_TYPES.includes(type)) {
                    if (props.publicNetworkAccess !== "Disabled" && !props.subnetId) report(`publicNetworkAccess is ${props.publicNetworkAccess ?? "unset (Enabled)"} and the cache is not VNet-injected.`);
                    return;
                }
                d.strimziListeners(props).forEach((l, i) => {
                    if (EXTERNAL_LISTENERS.includes(String(l.type).toLowerCase())) report(`spec.kafka.listeners[${i}] (${l.name}) is of type ${l.type}; brokers are exposed outside the cluster.`);
                });
        }
    },
});
