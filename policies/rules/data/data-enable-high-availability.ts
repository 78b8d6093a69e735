import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue, obj } from "../../core/props";

interface Config {
    minOperatorInstances: number;
}

/** A zone or node failure should cost a failover, not an outage and a restore. */
export const dataEnableHighAvailability = resourceRule<Config>({
    name: "data-enable-high-availability",
    description: "Data stores run with a standby in another zone: RDS Multi-AZ, ElastiCache automatic failover, Cloud SQL REGIONAL, Memorystore STANDARD_HA, Azure PostgreSQL high availability, Azure Redis Standard or above, CloudNativePG with at least `minOperatorInstances` instances.",
    severity: "medium",
    remediation: "RDS: `multiAz: true`; ElastiCache: `automaticFailoverEnabled: true, multiAzEnabled: true` with 2+ nodes; Cloud SQL: `settings.availabilityType: \"REGIONAL\"`; Memorystore: `tier: \"STANDARD_HA\"`; Azure PostgreSQL: `highAvailability: { mode: \"ZoneRedundant\" }`; CloudNativePG: `spec.instances: 3`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_157"],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { minOperatorInstances: { type: "integer", minimum: 1, default: 2, description: "Fewest CloudNativePG instances accepted." } } },
    resourceTypes: [d.RDS_INSTANCE, d.ELASTICACHE, d.CLOUD_SQL, d.MEMORYSTORE, d.AZURE_POSTGRES, ...d.AZURE_REDIS_TYPES, d.CNPG_CLUSTER],
    check: ({ type, props, config }, report) => {
        switch (type) {
            case d.RDS_INSTANCE:
                if (!isTrue(props.multiAz) && props.replicateSourceDb === undefined) report("multiAz is not true; a zone failure takes the database down.");
                return;
            case d.ELASTICACHE:
                if (!isTrue(props.automaticFailoverEnabled)) report("automaticFailoverEnabled is not true.");
                else if (!isTrue(props.multiAzEnabled)) report("multiAzEnabled is not true; replicas may share the primary's zone.");
                return;
            case d.CLOUD_SQL:
                if (obj(props.settings).availabilityType !== "REGIONAL") report(`settings.availabilityType is ${obj(props.settings).availabilityType ?? "unset (ZONAL)"}.`);
                return;
            case d.MEMORYSTORE:
                if (props.tier !== "STANDARD_HA") report(`tier is ${props.tier ?? "unset (BASIC)"}; there is no replica to fail over to.`);
                return;
            case d.AZURE_POSTGRES: {
                const mode = obj(props.highAvailability).mode;
                if (mode === undefined || mode === "Disabled") report(`highAvailability.mode is ${mode ?? "unset (Disabled)"}.`);
                return;
            }
            case d.CNPG_CLUSTER: {
                const instances = Number(obj(props.spec).instances ?? 1);
                if (instances < config.minOperatorInstances) report(`spec.instances is ${instances}; run at least ${config.minOperatorInstances} for a standby.`);
                return;
            }
            default:
                if (obj(props.sku).name === "Basic") report("sku.name is Basic; a single node with no replica or SLA.");
        }
    },
});
