import { resourceRule } from "../../core/define";
import { obj } from "../../core/props";

/**
 * `$Latest`/`$Default` resolve at launch: the group's definition does not change when the
 * template does, so instance refresh never starts and new instances silently differ from old ones.
 */
export const awsAutoscalingGroupDisallowFloatingVersion = resourceRule({
    name: "aws-autoscaling-group-disallow-floating-version",
    description: "Auto Scaling groups pin the launch template version (the template's `latestVersion` output), not `$Latest` or `$Default`.",
    severity: "medium",
    remediation: "Set `launchTemplate: { id: template.id, version: pulumi.interpolate`${template.latestVersion}` }` so each template change rolls the group through instance refresh.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:autoscaling/group:Group"],
    check: ({ props }, report) => {
        const specs: Array<[string, unknown]> = [
            ["launchTemplate", props.launchTemplate],
            ["mixedInstancesPolicy.launchTemplate.launchTemplateSpecification", obj(obj(props.mixedInstancesPolicy).launchTemplate).launchTemplateSpecification],
        ];
        for (const [field, spec] of specs) {
            if (spec === undefined) continue;
            const version = obj(spec).version;
            if (version === undefined) report(`${field}.version is unset (uses $Default); pin the template's latestVersion.`);
            else if (version === "$Latest" || version === "$Default") report(`${field}.version is "${version}"; pin the template's latestVersion.`);
        }
    },
});
