import { resourceRule } from "../../core/define";
import * as d from "../../core/data";

/**
 * Stores with no native deletion protection rely on Pulumi's: `protect` refuses a delete,
 * `retainOnDelete` leaves the cloud resource in place when Pulumi deletes or replaces it.
 */
export const dataEnableResourceProtection = resourceRule({
    name: "data-enable-resource-protection",
    description: "Data stores without a native deletion-protection switch (ElastiCache, MSK, Memorystore, Azure PostgreSQL/Redis/Event Hubs, CloudNativePG and Strimzi clusters) are created with Pulumi `protect` or `retainOnDelete`.",
    severity: "medium",
    remediation: "Pass `{ protect: true }` (or `retainOnDelete: true`) in the resource options of the data store.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [d.ELASTICACHE, d.MSK, d.MEMORYSTORE, d.AZURE_POSTGRES, ...d.AZURE_REDIS_TYPES, d.EVENT_HUBS, d.CNPG_CLUSTER, ...d.STRIMZI_KAFKA],
    check: ({ args }, report) => {
        const opts = args.opts as typeof args.opts & { retainOnDelete?: boolean };
        if (!opts.protect && !opts.retainOnDelete) report("neither protect nor retainOnDelete is set; a destroy or replacement deletes the data.");
    },
});
