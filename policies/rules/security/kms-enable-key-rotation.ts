import { resourceRule } from "../../core/define";
import { cisAws, cisGcp } from "../../core/rule";
import { isTrue, obj } from "../../core/props";

interface Config {
    maxRotationDays: number;
}

function durationDays(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const s = /^(\d+(?:\.\d+)?)s$/.exec(value);
    if (s) return Number(s[1]) / 86400;
    const iso = /^P(\d+)D$/.exec(value);
    return iso ? Number(iso[1]) : undefined;
}

export const kmsEnableKeyRotation = resourceRule<Config>({
    name: "kms-enable-key-rotation",
    description: "Customer-managed encryption keys rotate automatically at least every `maxRotationDays` (default 365).",
    severity: "medium",
    remediation: "AWS: `enableKeyRotation: true` (optionally `rotationPeriodInDays`); Google Cloud: `rotationPeriod: \"7776000s\"`; Azure Key Vault keys: a `rotationPolicy` with a Rotate action.",
    topics: ["keys"],
    frameworks: [cisAws("3.6"), cisGcp("1.10")],
    checkov: ["CKV_AWS_7", "CKV_GCP_43"],
    trivy: ["AWS-0065", "GCP-0065"],
    enforcementLevel: "advisory",
    configSchema: { properties: { maxRotationDays: { type: "integer", minimum: 1, default: 365, description: "Longest allowed rotation period in days." } } },
    resourceTypes: ["aws:kms/key:Key", "gcp:kms/cryptoKey:CryptoKey", "azure-native:keyvault:Key"],
    check: ({ type, props, config }, report) => {
        if (type === "aws:kms/key:Key") {
            const spec = props.customerMasterKeySpec ?? props.keySpec ?? "SYMMETRIC_DEFAULT";
            if (spec !== "SYMMETRIC_DEFAULT") return; // AWS rotates only symmetric keys
            if (!isTrue(props.enableKeyRotation)) report("enableKeyRotation is not true.");
            else if (props.rotationPeriodInDays !== undefined && Number(props.rotationPeriodInDays) > config.maxRotationDays) report(`rotationPeriodInDays is ${props.rotationPeriodInDays}; at most ${config.maxRotationDays}.`);
        } else if (type === "gcp:kms/cryptoKey:CryptoKey") {
            if (props.purpose !== undefined && props.purpose !== "ENCRYPT_DECRYPT") return;
            const days = durationDays(props.rotationPeriod);
            if (days === undefined) report("rotationPeriod is unset; the key never rotates.");
            else if (days > config.maxRotationDays) report(`rotationPeriod is ${Math.round(days)} days; at most ${config.maxRotationDays}.`);
        } else {
            const actions = (obj(props.rotationPolicy).lifetimeActions ?? []) as Array<Record<string, unknown>>;
            if (!actions.some((a) => obj(a.action).type === "rotate" || obj(a.action).type === "Rotate")) report("rotationPolicy has no Rotate lifetime action; the key never rotates.");
        }
    },
});
