import { resourceRule } from "../../core/define";
import { list, obj } from "../../core/props";

interface Config {
    maxInstances: number;
}

/** A runaway autoscaler (or a typo) should hit a ceiling, not the monthly bill. */
export const instanceGroupConfigureMaxSize = resourceRule<Config>({
    name: "instance-group-configure-max-size",
    description: "Instance groups and node pools scale to at most `maxInstances` (default 50) machines.",
    severity: "medium",
    remediation: "Lower `maxSize` / `maxReplicas` / `maxCount`, or raise the limit in the pack config for this stack.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { maxInstances: { type: "integer", minimum: 1, default: 50, description: "Largest group size accepted." } } },
    resourceTypes: [
        "aws:autoscaling/group:Group", "aws:eks/nodeGroup:NodeGroup", "gcp:compute/autoscaler:Autoscaler", "gcp:compute/regionAutoscaler:RegionAutoscaler",
        "gcp:container/nodePool:NodePool", "azure-native:compute:VirtualMachineScaleSet", "azure-native:containerservice:ManagedCluster", "azure-native:containerservice:AgentPool",
    ],
    check: ({ type, props, config }, report) => {
        const sizes: Array<[string, unknown]> = [];
        switch (type) {
            case "aws:autoscaling/group:Group":
                sizes.push(["maxSize", props.maxSize]);
                break;
            case "aws:eks/nodeGroup:NodeGroup":
                sizes.push(["scalingConfig.maxSize", obj(props.scalingConfig).maxSize]);
                break;
            case "gcp:compute/autoscaler:Autoscaler":
            case "gcp:compute/regionAutoscaler:RegionAutoscaler":
                sizes.push(["autoscalingPolicy.maxReplicas", obj(props.autoscalingPolicy).maxReplicas]);
                break;
            case "gcp:container/nodePool:NodePool":
                sizes.push(["autoscaling.maxNodeCount", obj(props.autoscaling).maxNodeCount], ["autoscaling.totalMaxNodeCount", obj(props.autoscaling).totalMaxNodeCount], ["nodeCount", props.nodeCount]);
                break;
            case "azure-native:compute:VirtualMachineScaleSet":
                sizes.push(["sku.capacity", obj(props.sku).capacity]);
                break;
            case "azure-native:containerservice:ManagedCluster":
                list(props.agentPoolProfiles).forEach((p, i) => sizes.push([`agentPoolProfiles[${i}].maxCount`, p.maxCount], [`agentPoolProfiles[${i}].count`, p.count]));
                break;
            default:
                sizes.push(["maxCount", props.maxCount], ["count", props.count]);
        }
        for (const [field, value] of sizes) {
            if (value !== undefined && value !== null && Number(value) > config.maxInstances) report(`${field} is ${value}; the most allowed is ${config.maxInstances}.`);
        }
    },
});
