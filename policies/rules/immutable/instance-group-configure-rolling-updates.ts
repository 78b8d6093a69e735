import { resourceRule } from "../../core/define";
import { obj } from "../../core/props";

/** A new image only reaches running hosts when the group rolls them; a manual policy leaves old hosts forever. */
export const instanceGroupConfigureRollingUpdates = resourceRule({
    name: "instance-group-configure-rolling-updates",
    description: "Instance groups replace hosts when their template changes: AWS `instanceRefresh`, Google Cloud MIG `updatePolicy.type: PROACTIVE`, Azure `upgradePolicy.mode` Rolling or Automatic.",
    severity: "medium",
    remediation: "AWS: `instanceRefresh: { strategy: \"Rolling\", preferences: { minHealthyPercentage: 90 } }`; Google Cloud: `updatePolicy: { type: \"PROACTIVE\", minimalAction: \"REPLACE\" }`; Azure: `upgradePolicy: { mode: \"Rolling\", rollingUpgradePolicy: {...} }` with a health probe or the Application Health extension.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [
        "aws:autoscaling/group:Group",
        "gcp:compute/instanceGroupManager:InstanceGroupManager",
        "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager",
        "azure-native:compute:VirtualMachineScaleSet",
    ],
    check: ({ type, props }, report) => {
        if (type === "aws:autoscaling/group:Group") {
            if (props.instanceRefresh === undefined) report("instanceRefresh is unset; launch template changes never replace running instances.");
        } else if (type.startsWith("gcp:")) {
            if (obj(props.updatePolicy).type === "OPPORTUNISTIC") report("updatePolicy.type is \"OPPORTUNISTIC\"; template changes wait for instances to be recreated by hand.");
        } else {
            const mode = obj(props.upgradePolicy).mode;
            if (mode === undefined || mode === "Manual") report(`upgradePolicy.mode is ${mode === undefined ? "unset (Manual)" : "\"Manual\""}; model changes never reach running instances.`);
        }
    },
});
