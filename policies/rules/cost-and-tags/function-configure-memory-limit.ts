import { resourceRule } from "../../core/define";
import { CLOUD_RUN, GCF1, GCF2, LAMBDA } from "../../core/functions";
import { list, obj } from "../../core/props";

interface Config {
    maxMemoryMb: number;
}

/** Memory sizes of Kubernetes / Cloud Functions quantities ("512M", "1Gi", "2G") in MiB. */
export function memoryMb(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|K|M|G|T|k)?$/.exec(value.trim());
    if (!m) return undefined;
    const factor: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024, k: 1 / 1000, K: 1 / 1000, M: 1, G: 1000, T: 1000 * 1000 };
    return Number(m[1]) * (m[2] ? factor[m[2]] : 1 / (1024 * 1024));
}

/** Function memory is billed per GB-second: an oversized function multiplies its whole bill. */
export const functionConfigureMemoryLimit = resourceRule<Config>({
    name: "function-configure-memory-limit",
    description: "Functions request at most `maxMemoryMb` (default 4096) of memory: Lambda `memorySize`, Cloud Functions `availableMemory`, Cloud Run container memory limits.",
    severity: "low",
    remediation: "Lower the memory size to what the function needs (measure with Lambda Power Tuning or Cloud Monitoring), or raise the limit in the pack config.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { maxMemoryMb: { type: "integer", minimum: 128, default: 4096, description: "Largest function memory in MB." } } },
    resourceTypes: [LAMBDA, GCF2, GCF1, CLOUD_RUN],
    check: ({ type, props, config }, report) => {
        const sizes: Array<[string, unknown]> =
            type === LAMBDA
                ? [["memorySize", props.memorySize]]
                : type === GCF2
                  ? [["serviceConfig.availableMemory", obj(props.serviceConfig).availableMemory]]
                  : type === GCF1
                    ? [["availableMemoryMb", props.availableMemoryMb]]
                    : list(obj(props.template).containers).map((c, i): [string, unknown] => [`template.containers[${i}].resources.limits.memory`, obj(obj(c.resources).limits).memory]);
        for (const [field, value] of sizes) {
            const mb = memoryMb(value);
            if (mb !== undefined && mb > config.maxMemoryMb) report(`${field} is ${value}; the most allowed is ${config.maxMemoryMb} MB.`);
        }
    },
});
