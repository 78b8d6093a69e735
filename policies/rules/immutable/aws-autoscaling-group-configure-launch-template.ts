import { resourceRule } from "../../core/define";
import { obj } from "../../core/props";

/** Launch configurations are deprecated, unversioned and miss every EC2 feature since 2022. */
export const awsAutoscalingGroupConfigureLaunchTemplate = resourceRule({
    name: "aws-autoscaling-group-configure-launch-template",
    description: "Auto Scaling groups launch from a versioned launch template (directly or in a mixed instances policy), never from a launch configuration.",
    severity: "medium",
    remediation: "Create an `aws.ec2.LaunchTemplate` and set `launchTemplate: { id, version }` on the group; delete the `aws.ec2.LaunchConfiguration`.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:autoscaling/group:Group", "aws:ec2/launchConfiguration:LaunchConfiguration"],
    check: ({ type, props }, report) => {
        if (type === "aws:ec2/launchConfiguration:LaunchConfiguration") {
            report("launch configurations are deprecated; use an aws.ec2.LaunchTemplate.");
        } else if (props.launchConfiguration !== undefined) {
            report("launchConfiguration is set; launch from a launch template instead.");
        } else if (props.launchTemplate === undefined && obj(obj(props.mixedInstancesPolicy).launchTemplate).launchTemplateSpecification === undefined) {
            report("the group names no launchTemplate.");
        }
    },
});
