import { resourceRule, copyProps } from "../../core/define";
import { cisAws } from "../../core/rule";
import { obj } from "../../core/props";

const TYPES = ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance", "aws:ec2/launchConfiguration:LaunchConfiguration"];

/** IMDSv1 answers any GET from the host, so an SSRF bug leaks the instance role's credentials. */
export const awsEc2EnableImdsv2 = resourceRule({
    name: "aws-ec2-enable-imdsv2",
    description: "EC2 instances, launch templates and launch configurations require IMDSv2 session tokens (metadataOptions.httpTokens = \"required\").",
    severity: "high",
    remediation: "Set `metadataOptions: { httpTokens: \"required\", httpPutResponseHopLimit: 1 }` (or `httpEndpoint: \"disabled\"` when the instance never needs metadata).",
    topics: ["instance-hardening"],
    frameworks: [cisAws("5.7")],
    checkov: ["CKV_AWS_79"],
    trivy: ["AWS-0028", "AWS-0130"],
    enforcementLevel: "mandatory",
    resourceTypes: TYPES,
    check: ({ props }, report) => {
        const options = obj(props.metadataOptions);
        if (options.httpEndpoint === "disabled") return;
        if (options.httpTokens !== "required") {
            const value = options.httpTokens === undefined ? "unset (the provider default \"optional\" allows IMDSv1)" : `"${options.httpTokens}"`;
            report(`metadataOptions.httpTokens is ${value}; set it to "required" so only IMDSv2 session requests get instance credentials.`);
        }
    },
    remediate: ({ props }) => {
        const options = obj(props.metadataOptions);
        if (options.httpEndpoint === "disabled" || options.httpTokens === "required") return undefined;
        const fixed = copyProps(props);
        fixed.metadataOptions = { ...obj(fixed.metadataOptions), httpTokens: "required" };
        return fixed;
    },
});
