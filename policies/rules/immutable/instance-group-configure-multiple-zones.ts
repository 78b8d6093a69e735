import { resourceRule } from "../../core/define";
import { asList } from "../../core/props";

interface Config {
    minZones: number;
}

/** A group in one zone goes down with that zone. */
export const instanceGroupConfigureMultipleZones = resourceRule<Config>({
    name: "instance-group-configure-multiple-zones",
    description: "Instance groups spread over at least `minZones` (default 2) zones: ASG subnets/zones, regional (not zonal) MIGs, VMSS zones.",
    severity: "medium",
    remediation: "AWS: `vpcZoneIdentifiers` with subnets in two or more zones; Google Cloud: a `RegionInstanceGroupManager`; Azure: `zones: [\"1\", \"2\", \"3\"]`.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { minZones: { type: "integer", minimum: 1, default: 2, description: "Fewest zones a group must span." } } },
    resourceTypes: ["aws:autoscaling/group:Group", "gcp:compute/instanceGroupManager:InstanceGroupManager", "azure-native:compute:VirtualMachineScaleSet"],
    check: ({ type, props, config }, report) => {
        if (type === "aws:autoscaling/group:Group") {
            const spread = Math.max(asList(props.vpcZoneIdentifiers).length, asList(props.availabilityZones).length);
            if (spread < config.minZones) report(`the group spans ${spread} subnet(s)/zone(s); use at least ${config.minZones}.`);
        } else if (type === "gcp:compute/instanceGroupManager:InstanceGroupManager") {
            if (config.minZones > 1) report(`a zonal instance group manager runs in one zone (${props.zone ?? "the provider's zone"}); use a RegionInstanceGroupManager.`);
        } else {
            const zones = asList(props.zones).length;
            if (zones < config.minZones) report(`zones lists ${zones} zone(s); use at least ${config.minZones}.`);
        }
    },
});
