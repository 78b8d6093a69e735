import { stableHash } from "./naming";
import { Problem } from "./errors";

/** Tags as users give them: one map, merged into every child (AWS tags, GCP labels, Azure tags). */
export type Tags = Record<string, string>;

export const MANAGED_BY_KEY = "managed-by";
export const MANAGED_BY_VALUE = "platform-kit";
export const COMPONENT_KEY = "platform-kit-component";

/** The tags every platform-kit resource carries: who manages it and which component made it. */
export function standardTags(component: string, userTags: Tags = {}): Tags {
    return { ...userTags, [MANAGED_BY_KEY]: MANAGED_BY_VALUE, [COMPONENT_KEY]: component };
}

/**
 * Problems with user tags under AWS's rules: keys 1-128 characters, values up to 256,
 * at most 50 tags a resource, and the `aws:` prefix reserved.
 */
export function awsTagProblems(tags: Tags, field = "tags"): Problem[] {
    const problems: Problem[] = [];
    const keys = Object.keys(tags);
    if (keys.length > 48) {
        problems.push({ field, value: `${keys.length} tags`, allowed: "at most 48 tags (AWS allows 50; platform-kit adds 2)" });
    }
    for (const key of keys) {
        if (key.length < 1 || key.length > 128) {
            problems.push({ field: `${field}.${key}`, value: key, allowed: "a key of 1 to 128 characters" });
        }
        if (key.toLowerCase().startsWith("aws:")) {
            problems.push({ field: `${field}.${key}`, value: key, allowed: 'a key not starting with "aws:" (reserved by AWS)' });
        }
        if (tags[key].length > 256) {
            problems.push({ field: `${field}.${key}`, value: `${tags[key].length} characters`, allowed: "a value of at most 256 characters" });
        }
    }
    return problems;
}

/**
 * Problems with user tags under Azure's rules: names up to 512 characters without
 * `< > % & \ ? /`, values up to 256, at most 50 tags.
 */
export function azureTagProblems(tags: Tags, field = "tags"): Problem[] {
    const problems: Problem[] = [];
    const keys = Object.keys(tags);
    if (keys.length > 48) {
        problems.push({ field, value: `${keys.length} tags`, allowed: "at most 48 tags (Azure allows 50; platform-kit adds 2)" });
    }
    for (const key of keys) {
        if (key.length < 1 || key.length > 512 || /[<>%&\\?/]/.test(key)) {
            problems.push({ field: `${field}.${key}`, value: key, allowed: "a name of 1 to 512 characters without < > % & \\ ? /" });
        }
        if (tags[key].length > 256) {
            problems.push({ field: `${field}.${key}`, value: `${tags[key].length} characters`, allowed: "a value of at most 256 characters" });
        }
    }
    return problems;
}

/**
 * Turns tags into Google Cloud labels, which allow only lower-case letters, digits, `_`
 * and `-`, keys starting with a letter, and at most 63 characters each. Keys and values
 * are folded rather than refused (`Team: "Platform Eng"` becomes `team: platform_eng`);
 * two keys that fold to the same label are a problem, reported by {@link gcpLabelProblems}.
 */
export function gcpLabels(tags: Tags): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(tags)) {
        labels[gcpLabelKey(key)] = gcpLabelValue(value);
    }
    return labels;
}

export function gcpLabelProblems(tags: Tags, field = "tags"): Problem[] {
    const problems: Problem[] = [];
    const seen = new Map<string, string>();
    for (const key of Object.keys(tags)) {
        const label = gcpLabelKey(key);
        const first = seen.get(label);
        if (first !== undefined) {
            problems.push({ field: `${field}.${key}`, value: key, allowed: `a key that does not fold to the same Google Cloud label as "${first}" ("${label}")` });
        }
        seen.set(label, key);
    }
    if (seen.size > 62) {
        problems.push({ field, value: `${seen.size} labels`, allowed: "at most 62 labels (Google Cloud allows 64; platform-kit adds 2)" });
    }
    return problems;
}

function gcpLabelKey(key: string): string {
    let k = key.toLowerCase().replace(/[^a-z0-9_-]/g, "_");
    if (!/^[a-z]/.test(k)) k = `k${k}`;
    return fold63(k, key);
}

function gcpLabelValue(value: string): string {
    return fold63(value.toLowerCase().replace(/[^a-z0-9_-]/g, "_"), value);
}

function fold63(text: string, original: string): string {
    return text.length <= 63 ? text : `${text.slice(0, 55)}_${stableHash(original, 7)}`;
}

/** Kubernetes labels in the well-known `app.kubernetes.io` form. */
export function kubernetesLabels(component: string, name: string): Record<string, string> {
    return {
        "app.kubernetes.io/managed-by": MANAGED_BY_VALUE,
        "app.kubernetes.io/part-of": component,
        "app.kubernetes.io/name": name,
    };
}
