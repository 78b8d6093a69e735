import { resourceRule } from "../../core/define";
import { cisAzure } from "../../core/rule";
import { isFalse, isTrue } from "../../core/props";

/** A deleted key or secret makes every piece of data encrypted with it unreadable. */
export const secretsStoreEnableDeletionProtection = resourceRule({
    name: "secrets-store-enable-deletion-protection",
    description: "Key and secret stores keep deleted items recoverable: Azure Key Vault soft delete and purge protection, AWS Secrets Manager recovery window, AWS KMS deletion window of at least 7 days.",
    severity: "high",
    remediation: "Azure: `properties.enablePurgeProtection: true` (and soft delete on); AWS Secrets Manager: leave `recoveryWindowInDays` at 7-30 (not 0); AWS KMS: `deletionWindowInDays` 7-30.",
    topics: ["keys"],
    frameworks: [cisAzure("8.5")],
    checkov: ["CKV_AZURE_110", "CKV_AZURE_42"],
    trivy: ["AZU-0016"],
    enforcementLevel: "advisory",
    resourceTypes: ["azure-native:keyvault:Vault", "aws:secretsmanager/secret:Secret", "aws:kms/key:Key"],
    check: ({ type, props }, report) => {
        if (type === "azure-native:keyvault:Vault") {
            const p = props.properties ?? {};
            if (!isTrue(p.enablePurgeProtection)) report("properties.enablePurgeProtection is not true; deleted keys and secrets can be purged at once.");
            if (isFalse(p.enableSoftDelete)) report("properties.enableSoftDelete is false.");
        } else if (type === "aws:secretsmanager/secret:Secret") {
            if (props.recoveryWindowInDays !== undefined && Number(props.recoveryWindowInDays) === 0) report("recoveryWindowInDays is 0; a deleted secret is gone immediately.");
        } else if (props.deletionWindowInDays !== undefined && Number(props.deletionWindowInDays) < 7) {
            report(`deletionWindowInDays is ${props.deletionWindowInDays}; use at least 7.`);
        }
    },
});
