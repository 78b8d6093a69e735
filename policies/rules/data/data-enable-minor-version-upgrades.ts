import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isFalse } from "../../core/props";

export const dataEnableMinorVersionUpgrades = resourceRule({
    name: "data-enable-minor-version-upgrades",
    description: "Managed databases and caches take minor-version (security) upgrades in their maintenance window.",
    severity: "low",
    remediation: "Leave `autoMinorVersionUpgrade` at its default (true) and set a `maintenanceWindow`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_226"],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [d.RDS_INSTANCE, d.RDS_CLUSTER_INSTANCE, d.ELASTICACHE],
    check: ({ props }, report) => {
        if (isFalse(props.autoMinorVersionUpgrade)) report("autoMinorVersionUpgrade is false; security patches are not applied.");
    },
});
