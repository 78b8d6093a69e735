import { resourceRule } from "../../core/define";
import { FUNCTION_TYPES, functionEnvironment } from "../../core/functions";
import { plaintextSecretEnv } from "../../core/props";

/** Function configuration is readable by anyone with read access to the function (and in its console). */
export const functionDisallowSecretsInEnvironment = resourceRule({
    name: "function-disallow-secrets-in-environment",
    description: "Functions (Lambda, Cloud Functions, Cloud Run, Azure Functions, Knative) keep no credentials in plain environment variables.",
    severity: "high",
    remediation: "Store the secret in Secrets Manager / Secret Manager / Key Vault and pass a reference: Lambda reads it by ARN at start, Cloud Functions `secretEnvironmentVariables`, Cloud Run `valueSource.secretKeyRef`, Azure `@Microsoft.KeyVault(...)`, Knative `valueFrom.secretKeyRef`.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AWS_45"],
    trivy: [],
    enforcementLevel: "mandatory",
    resourceTypes: FUNCTION_TYPES,
    check: ({ type, props }, report) => {
        for (const env of functionEnvironment(type, props)) {
            const why = plaintextSecretEnv(env.name, env.value);
            if (why) report(`${env.field}: ${why}; use a secret reference instead.`);
        }
    },
});
