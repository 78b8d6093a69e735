import { createHash } from "crypto";

/**
 * The naming rules of one kind of cloud resource name.
 * Sources: each provider's naming-rules documentation (AWS resource quotas pages,
 * Google Cloud "resource naming convention", Azure "naming rules and restrictions").
 */
export interface NameRule {
    /** Longest accepted name. */
    maxLength: number;
    /** Shortest accepted name (names are padded with a hash when shorter). */
    minLength: number;
    /** Characters allowed besides ASCII letters and digits. */
    extraChars: string;
    /** `lower`: the cloud refuses upper case. */
    case: "lower" | "any";
    /** The name must start with a letter. */
    startsWithLetter: boolean;
    /** The name must end with a letter or digit. */
    endsAlphanumeric: boolean;
    /** What joins the parts of a name; must be in `extraChars` or empty. */
    separator: string;
}

const rule = (r: Partial<NameRule> & Pick<NameRule, "maxLength">): NameRule => ({
    minLength: 1,
    extraChars: "-",
    case: "any",
    startsWithLetter: false,
    endsAlphanumeric: true,
    separator: "-",
    ...r,
});

/** The name kinds platform-kit creates, with their cloud's real limits. */
export const NAME_RULES = {
    /** AWS ALB / NLB and target group names: 32 characters, letters, digits and hyphens. */
    "aws-load-balancer": rule({ maxLength: 32, startsWithLetter: true }),
    /** IAM role and policy names: 64 characters. */
    "aws-iam": rule({ maxLength: 64, extraChars: "+=,.@_-" }),
    /** RDS instance, cluster and parameter group identifiers. */
    "aws-rds": rule({ maxLength: 63, case: "lower", startsWithLetter: true }),
    /** ElastiCache replication group ids. */
    "aws-elasticache": rule({ maxLength: 40, case: "lower", startsWithLetter: true }),
    /** MSK cluster names. */
    "aws-msk": rule({ maxLength: 64, startsWithLetter: true }),
    /** Lambda function names. */
    "aws-lambda": rule({ maxLength: 64, extraChars: "-_" }),
    /** EKS cluster and node group names. */
    "aws-eks": rule({ maxLength: 100, extraChars: "-_", startsWithLetter: true }),
    /** S3 bucket names (global). */
    "aws-s3": rule({ maxLength: 63, minLength: 3, case: "lower", extraChars: "-" }),
    /** Auto Scaling group, launch template and security group names. */
    "aws-generic": rule({ maxLength: 128, extraChars: "-_." }),
    /** CloudWatch log group name segments. */
    "aws-log-group": rule({ maxLength: 512, extraChars: "-_./#" }),
    /** Most Google Cloud resource names (RFC 1035). */
    "gcp-resource": rule({ maxLength: 63, case: "lower", startsWithLetter: true }),
    /** Service account ids. */
    "gcp-service-account": rule({ maxLength: 30, minLength: 6, case: "lower", startsWithLetter: true }),
    /** GKE cluster names. */
    "gcp-gke": rule({ maxLength: 40, case: "lower", startsWithLetter: true }),
    /** Cloud Storage bucket names (global). */
    "gcp-bucket": rule({ maxLength: 63, minLength: 3, case: "lower", extraChars: "-_" }),
    /** Azure resource groups. */
    "azure-resource-group": rule({ maxLength: 90, extraChars: "-_.()" }),
    /** Most Azure resources (VNets, NSGs, VM scale sets, load balancers). */
    "azure-resource": rule({ maxLength: 64, extraChars: "-_.", startsWithLetter: true }),
    /** Storage accounts: 3 to 24 lower-case letters and digits, globally unique. */
    "azure-storage": rule({ maxLength: 24, minLength: 3, case: "lower", extraChars: "", separator: "" }),
    /** Key Vaults: 3 to 24 letters, digits and hyphens, starting with a letter. */
    "azure-key-vault": rule({ maxLength: 24, minLength: 3, startsWithLetter: true }),
    /** PostgreSQL flexible servers, Redis caches, AKS clusters. */
    "azure-service": rule({ maxLength: 63, minLength: 3, case: "lower", startsWithLetter: true }),
    /** Event Hubs namespaces: 6 to 50 characters. */
    "azure-event-hubs": rule({ maxLength: 50, minLength: 6, startsWithLetter: true }),
    /** Function apps and web apps: 2 to 60 characters (global host name). */
    "azure-web": rule({ maxLength: 60, minLength: 2, case: "lower" }),
    /** Linux VM computer name prefixes in a scale set. */
    "azure-computer-prefix": rule({ maxLength: 9, case: "lower", startsWithLetter: true, separator: "" }),
    /** Kubernetes object names (DNS-1123 label). */
    "kubernetes": rule({ maxLength: 63, case: "lower", startsWithLetter: true }),
} satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/** A short, stable hash of `text`: the same input always gives the same letters. */
export function stableHash(text: string, length = 8): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

export interface CloudNameOptions {
    /**
     * Characters to leave free for a suffix the provider adds (Pulumi auto-naming appends 8).
     * @default 0
     */
    reserve?: number;
}

/**
 * Builds a valid cloud name of `kind` from a user's name and parts, e.g.
 * `cloudName("aws-load-balancer", "checkout-web", "alb")`.
 *
 * Invalid characters become the separator, case is folded where the cloud wants it, and a
 * name that is too long is cut and ends in a stable hash of the whole, so two long names
 * that share a prefix still differ, and the same input names the same resource forever.
 */
export function cloudName(kind: NameKind, ...parts: Array<string | CloudNameOptions>): string {
    const r: NameRule = NAME_RULES[kind];
    const options = parts.find((p): p is CloudNameOptions => typeof p === "object") ?? {};
    const words = parts.filter((p): p is string => typeof p === "string" && p.length > 0);
    const limit = r.maxLength - (options.reserve ?? 0);
    if (limit < 4) throw new Error(`cloudName: ${kind} leaves ${limit} characters after reserve`);
    const original = words.join("/");

    const allowed = new RegExp(`[^a-zA-Z0-9${escapeClass(r.extraChars)}]+`, "g");
    const sep = r.separator;
    let name = words
        .map((w) => (r.case === "lower" ? w.toLowerCase() : w).replace(allowed, sep))
        .join(sep);
    if (sep) {
        const run = new RegExp(`${escapeRegex(sep)}{2,}`, "g");
        name = name.replace(run, sep);
        name = trimChars(name, sep);
    }
    if (r.startsWithLetter && !/^[a-zA-Z]/.test(name)) name = `n${sep}${name}`;
    if (r.endsAlphanumeric) name = name.replace(/[^a-zA-Z0-9]+$/, "");

    if (name.length > limit) {
        // A tight limit (after `reserve`) still keeps one character of the name.
        const hash = stableHash(original, Math.min(7, limit - sep.length - 1));
        const keep = limit - hash.length - sep.length;
        let head = name.slice(0, keep);
        if (sep) head = head.replace(/[^a-zA-Z0-9]+$/, "");
        name = `${head}${sep}${hash}`;
    } else if (name.length < r.minLength) {
        // A name that folded to nothing becomes the hash alone: no leading separator.
        const joint = name ? sep : "";
        name = `${name}${joint}${stableHash(original, Math.max(r.minLength - name.length - joint.length, 4))}`;
        name = name.slice(0, limit);
    }
    return name;
}

/** Checks `name` against `kind`'s rules; returns what is wrong, or `undefined`. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
    const r: NameRule = NAME_RULES[kind];
    if (name.length < r.minLength || name.length > r.maxLength) {
        return `${r.minLength} to ${r.maxLength} characters`;
    }
    const chars = new RegExp(`^[a-zA-Z0-9${escapeClass(r.extraChars)}]+$`);
    if (!chars.test(name)) return `letters, digits${r.extraChars ? ` and "${r.extraChars}"` : ""} only`;
    if (r.case === "lower" && name !== name.toLowerCase()) return "lower case only";
    if (r.startsWithLetter && !/^[a-zA-Z]/.test(name)) return "a name that starts with a letter";
    if (r.endsAlphanumeric && !/[a-zA-Z0-9]$/.test(name)) return "a name that ends with a letter or digit";
    return undefined;
}

function escapeClass(chars: string): string {
    return chars.replace(/[-\\\]^]/g, "\\$&");
}

function escapeRegex(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function trimChars(text: string, ch: string): string {
    let start = 0;
    let end = text.length;
    while (text.startsWith(ch, start)) start += ch.length;
    while (end > start && text.endsWith(ch, end)) end -= ch.length;
    return text.slice(start, end);
}
