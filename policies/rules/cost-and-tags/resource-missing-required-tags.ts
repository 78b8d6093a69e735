import { resourceRule } from "../../core/define";
import { TAGGABLE_TYPES, tagField, tagsOf } from "../../core/tags";

interface Config {
    requiredTags: string[];
}

/** Untagged resources cannot be attributed to a team or a cost centre, or cleaned up safely. */
export const resourceMissingRequiredTags = resourceRule<Config>({
    name: "resource-missing-required-tags",
    description: "Taggable AWS, Azure and Google Cloud resources carry tags (labels on Google Cloud), including every key in `requiredTags` (set it to your cost-allocation keys, e.g. [\"team\", \"environment\"]; platform-kit components always add `managed-by`).",
    severity: "low",
    remediation: "Pass `tags` to the component (it merges them into every child, as labels on Google Cloud) or set `tags`/`labels` on the resource; add the missing keys.",
    topics: ["tagging"],
    frameworks: [],
    checkov: [],
    trivy: ["GCP-0051"],
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            requiredTags: { type: "array", items: { type: "string" }, default: [], description: "Tag keys every taggable resource must carry (label keys on Google Cloud, compared case-insensitively there); empty means at least one tag." },
        },
    },
    resourceTypes: TAGGABLE_TYPES,
    check: ({ type, props, config }, report) => {
        const tags = tagsOf(type, props);
        const field = tagField(type);
        const keys = Object.keys(tags).map((k) => (type.startsWith("gcp:") ? k.toLowerCase() : k));
        if (keys.length === 0) {
            report(`${field} is empty; the resource carries no ${type.startsWith("gcp:") ? "labels" : "tags"} (required: ${config.requiredTags.join(", ") || "any"}).`);
            return;
        }
        const missing = config.requiredTags.filter((t) => !keys.includes(type.startsWith("gcp:") ? t.toLowerCase() : t));
        if (missing.length > 0) report(`${field} is missing ${missing.join(", ")}.`);
    },
});
