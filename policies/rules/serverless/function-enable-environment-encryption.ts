import { resourceRule } from "../../core/define";
import { GCF2, LAMBDA } from "../../core/functions";
import { obj } from "../../core/props";

export const functionEnableEnvironmentEncryption = resourceRule({
    name: "function-enable-environment-encryption",
    description: "Functions with environment variables encrypt them (and their source) with a customer-managed key: Lambda `kmsKeyArn`, Cloud Functions `kmsKeyName`.",
    severity: "low",
    remediation: "Lambda: `kmsKeyArn: key.arn`; Cloud Functions (2nd gen): `kmsKeyName` with a key the service agent may use.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AWS_173"],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [LAMBDA, GCF2],
    check: ({ type, props }, report) => {
        if (type === LAMBDA) {
            if (Object.keys(obj(obj(props.environment).variables)).length > 0 && !props.kmsKeyArn) report("environment variables are set but kmsKeyArn is unset; they are encrypted with the AWS-managed key only.");
        } else if (Object.keys(obj(obj(props.serviceConfig).environmentVariables)).length > 0 && !props.kmsKeyName) {
            report("serviceConfig.environmentVariables are set but kmsKeyName is unset.");
        }
    },
});
