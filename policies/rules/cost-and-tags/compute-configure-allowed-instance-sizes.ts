import { resourceRule } from "../../core/define";
import { Props, asList, list, obj } from "../../core/props";
import { isAccelerated, vcpusFor } from "../../core/sizes";

interface Config {
    maxVcpus: number;
    allowedInstanceTypes: string[];
    allowAccelerators: boolean;
}

/** The machine types a resource asks for, with the field each comes from. */
export function machineTypes(type: string, p: Props): Array<{ cloud: "aws" | "gcp" | "azure"; field: string; machine: string }> {
    const out: Array<{ cloud: "aws" | "gcp" | "azure"; field: string; machine: string }> = [];
    const add = (cloud: "aws" | "gcp" | "azure", field: string, machine: unknown) => {
        if (typeof machine === "string" && machine !== "") out.push({ cloud, field, machine });
    };
    switch (type) {
        case "aws:ec2/launchTemplate:LaunchTemplate":
        case "aws:ec2/instance:Instance":
        case "aws:ec2/launchConfiguration:LaunchConfiguration":
            add("aws", "instanceType", p.instanceType);
            break;
        case "aws:eks/nodeGroup:NodeGroup":
            asList(p.instanceTypes).forEach((t, i) => add("aws", `instanceTypes[${i}]`, t));
            break;
        case "aws:autoscaling/group:Group":
            list(obj(obj(p.mixedInstancesPolicy).launchTemplate).overrides).forEach((o, i) => add("aws", `mixedInstancesPolicy.launchTemplate.overrides[${i}].instanceType`, o.instanceType));
            break;
        case "gcp:compute/instanceTemplate:InstanceTemplate":
        case "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate":
        case "gcp:compute/instance:Instance":
            add("gcp", "machineType", p.machineType);
            break;
        case "gcp:container/nodePool:NodePool":
        case "gcp:container/cluster:Cluster":
            add("gcp", "nodeConfig.machineType", obj(p.nodeConfig).machineType);
            break;
        case "azure-native:compute:VirtualMachineScaleSet":
            add("azure", "sku.name", obj(p.sku).name);
            break;
        case "azure-native:compute:VirtualMachine":
            add("azure", "hardwareProfile.vmSize", obj(p.hardwareProfile).vmSize);
            break;
        case "azure-native:containerservice:ManagedCluster":
            list(p.agentPoolProfiles).forEach((pool, i) => add("azure", `agentPoolProfiles[${i}].vmSize`, pool.vmSize));
            break;
        case "azure-native:containerservice:AgentPool":
            add("azure", "vmSize", p.vmSize);
            break;
    }
    return out;
}

export const COMPUTE_SIZE_TYPES = [
    "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance", "aws:ec2/launchConfiguration:LaunchConfiguration", "aws:eks/nodeGroup:NodeGroup", "aws:autoscaling/group:Group",
    "gcp:compute/instanceTemplate:InstanceTemplate", "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "gcp:compute/instance:Instance", "gcp:container/nodePool:NodePool", "gcp:container/cluster:Cluster",
    "azure-native:compute:VirtualMachineScaleSet", "azure-native:compute:VirtualMachine", "azure-native:containerservice:ManagedCluster", "azure-native:containerservice:AgentPool",
];

function globMatch(pattern: string, value: string): boolean {
    return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(value);
}

export const computeConfigureAllowedInstanceSizes = resourceRule<Config>({
    name: "compute-configure-allowed-instance-sizes",
    description: "VMs, node pools and templates use allowed machine types: at most `maxVcpus` (default 16) vCPUs, no GPU/accelerator families unless `allowAccelerators`, and only `allowedInstanceTypes` (globs) when that list is set.",
    severity: "medium",
    remediation: "Use a platform-kit `size` (small..xlarge) or a type within the limit; ask for an exception (pack config or an exemption tag) for bigger or GPU machines.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            maxVcpus: { type: "integer", minimum: 1, default: 16, description: "Largest vCPU count accepted." },
            allowedInstanceTypes: { type: "array", items: { type: "string" }, default: [], description: "Allow-list of machine types (globs like \"m7i.*\"); empty means any within maxVcpus." },
            allowAccelerators: { type: "boolean", default: false, description: "Accept GPU / accelerator families." },
        },
    },
    resourceTypes: COMPUTE_SIZE_TYPES,
    check: ({ type, props, config }, report) => {
        for (const { cloud, field, machine } of machineTypes(type, props)) {
            if (config.allowedInstanceTypes.length > 0 && !config.allowedInstanceTypes.some((p) => globMatch(p, machine))) {
                report(`${field} "${machine}" is not in the allowed machine types (${config.allowedInstanceTypes.join(", ")}).`);
                continue;
            }
            if (!config.allowAccelerators && isAccelerated(cloud, machine)) report(`${field} "${machine}" is a GPU / accelerator type.`);
            const vcpus = vcpusFor(cloud, machine);
            if (vcpus !== undefined && vcpus > config.maxVcpus) report(`${field} "${machine}" has ${vcpus} vCPUs; the most allowed is ${config.maxVcpus}.`);
        }
    },
});
