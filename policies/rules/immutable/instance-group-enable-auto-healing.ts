import { resourceRule } from "../../core/define";
import { asList, isTrue, list, obj } from "../../core/props";

/** Replace hosts that fail the application's health check, not only the hypervisor's. */
export const instanceGroupEnableAutoHealing = resourceRule({
    name: "instance-group-enable-auto-healing",
    description: "Instance groups replace unhealthy hosts by application health: AWS `healthCheckType: \"ELB\"` when behind a load balancer, Google Cloud `autoHealingPolicies`, Azure `automaticRepairsPolicy`.",
    severity: "medium",
    remediation: "AWS: `healthCheckType: \"ELB\"` with a `healthCheckGracePeriod`; Google Cloud: `autoHealingPolicies: [{ healthCheck, initialDelaySec }]`; Azure: `automaticRepairsPolicy: { enabled: true, gracePeriod: \"PT10M\" }`.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: ["CKV2_AWS_15"],
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
            const behindLoadBalancer = asList(props.targetGroupArns).length > 0 || asList(props.loadBalancers).length > 0;
            if (behindLoadBalancer && props.healthCheckType !== "ELB") report("the group serves a load balancer but healthCheckType is not \"ELB\"; instances failing health checks stay in service.");
        } else if (type.startsWith("gcp:")) {
            if (props.autoHealingPolicies === undefined || (Array.isArray(props.autoHealingPolicies) && list(props.autoHealingPolicies).length === 0)) report("autoHealingPolicies is unset; instances failing health checks are not recreated.");
        } else if (!isTrue(obj(props.automaticRepairsPolicy).enabled)) {
            report("automaticRepairsPolicy.enabled is not true; unhealthy instances are not repaired.");
        }
    },
});
