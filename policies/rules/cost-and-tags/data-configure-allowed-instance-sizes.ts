import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { obj } from "../../core/props";
import { cloudSqlVcpus, vcpusFor } from "../../core/sizes";

interface Config {
    maxVcpus: number;
    maxCacheMemoryGb: number;
}

export const DATA_SIZE_TYPES = [d.RDS_INSTANCE, d.RDS_CLUSTER_INSTANCE, d.ELASTICACHE, d.MSK, d.CLOUD_SQL, d.AZURE_POSTGRES];

export function dataMachineTypes(type: string, props: Record<string, unknown>): Array<{ cloud: "aws" | "gcp" | "azure"; field: string; machine: string }> {
    const pick = (cloud: "aws" | "gcp" | "azure", field: string, machine: unknown) => (typeof machine === "string" && machine !== "" ? [{ cloud, field, machine }] : []);
    switch (type) {
        case d.RDS_INSTANCE:
        case d.RDS_CLUSTER_INSTANCE:
            return pick("aws", "instanceClass", props.instanceClass);
        case d.ELASTICACHE:
            return pick("aws", "nodeType", props.nodeType);
        case d.MSK:
            return pick("aws", "brokerNodeGroupInfo.instanceType", obj(props.brokerNodeGroupInfo).instanceType);
        case d.CLOUD_SQL:
            return pick("gcp", "settings.tier", obj(props.settings).tier);
        case d.AZURE_POSTGRES:
            return pick("azure", "sku.name", obj(props.sku).name);
    }
    return [];
}

export const dataConfigureAllowedInstanceSizes = resourceRule<Config>({
    name: "data-configure-allowed-instance-sizes",
    description: "Database, cache and broker instances stay within `maxVcpus` (default 16) and Memorystore within `maxCacheMemoryGb` (default 64).",
    severity: "medium",
    remediation: "Pick a smaller instance class / tier or raise the limit in the pack config for this stack.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            maxVcpus: { type: "integer", minimum: 1, default: 16, description: "Largest vCPU count accepted." },
            maxCacheMemoryGb: { type: "integer", minimum: 1, default: 64, description: "Largest Memorystore size in GB." },
        },
    },
    resourceTypes: [...DATA_SIZE_TYPES, d.MEMORYSTORE],
    check: ({ type, props, config }, report) => {
        if (type === d.MEMORYSTORE) {
            if (Number(props.memorySizeGb) > config.maxCacheMemoryGb) report(`memorySizeGb is ${props.memorySizeGb}; the most allowed is ${config.maxCacheMemoryGb}.`);
            return;
        }
        for (const { cloud, field, machine } of dataMachineTypes(type, props)) {
            const vcpus = type === d.CLOUD_SQL ? cloudSqlVcpus(machine) : vcpusFor(cloud, machine);
            if (vcpus !== undefined && vcpus > config.maxVcpus) report(`${field} "${machine}" has ${vcpus} vCPUs; the most allowed is ${config.maxVcpus}.`);
        }
    },
});
