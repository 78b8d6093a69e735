import { resourceRule, copyProps } from "../../core/define";
import { obj } from "../../core/props";

const TYPES = ["aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance", "aws:ec2/launchConfiguration:LaunchConfiguration"];

interface Config {
    maxHopLimit: number;
}

/** Hop limit 1: a container on the host (one more network hop) cannot reach the instance credentials. */
export const awsEc2ConfigureImdsHopLimit = resourceRule<Config>({
    name: "aws-ec2-configure-imds-hop-limit",
    description: "The instance metadata response hop limit is at most `maxHopLimit` (default 1), so containers on the host cannot read the instance role's credentials.",
    severity: "medium",
    remediation: "Set `metadataOptions.httpPutResponseHopLimit: 1`; give pods their own identity (EKS Pod Identity / IRSA) instead of the node role.",
    topics: ["instance-hardening"],
    frameworks: [],
    checkov: ["CKV_AWS_341"],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { maxHopLimit: { type: "integer", minimum: 1, maximum: 64, default: 1, description: "Highest allowed httpPutResponseHopLimit." } } },
    resourceTypes: TYPES,
    check: ({ props, config }, report) => {
        const options = obj(props.metadataOptions);
        if (options.httpEndpoint === "disabled") return;
        const limit = options.httpPutResponseHopLimit;
        if (limit === undefined) {
            report(`metadataOptions.httpPutResponseHopLimit is unset, so the AMI's default applies (2 on Amazon Linux 2023); set it to ${config.maxHopLimit}.`);
        } else if (Number(limit) > config.maxHopLimit) {
            report(`metadataOptions.httpPutResponseHopLimit is ${limit}; the most allowed is ${config.maxHopLimit}.`);
        }
    },
    remediate: ({ props, config }) => {
        const options = obj(props.metadataOptions);
        if (options.httpEndpoint === "disabled") return undefined;
        const limit = options.httpPutResponseHopLimit;
        if (limit !== undefined && Number(limit) <= config.maxHopLimit) return undefined;
        const fixed = copyProps(props);
        fixed.metadataOptions = { ...obj(fixed.metadataOptions), httpPutResponseHopLimit: config.maxHopLimit };
        return fixed;
    },
});
