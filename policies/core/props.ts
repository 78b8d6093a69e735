/**
 * Helpers that read Pulumi resource inputs the way the provider would: unset means the
 * provider default, booleans sometimes arrive as "true"/"false" strings (launch template
 * block devices), and lists may be absent.
 *
 * Every helper only reads what it needs, so under the engine's unknown-checking proxy a
 * rule throws the engine's `UnknownValueError` exactly when its deciding value is unknown.
 */

/** Resource inputs as @pulumi/policy hands them to a rule. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

export function list<T = Props>(value: unknown): T[] {
    return Array.isArray(value) ? (value as T[]) : [];
}

export function isTrue(value: unknown): boolean {
    return value === true || value === "true" || value === "True";
}

export function isFalse(value: unknown): boolean {
    return value === false || value === "false" || value === "False";
}

export function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}

export function obj(value: unknown): Props {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : {};
}

/** Addresses that mean "anyone on the internet" on some cloud. */
export function isWorld(cidr: unknown): boolean {
    if (typeof cidr !== "string") return false;
    const c = cidr.trim().toLowerCase();
    return ["0.0.0.0/0", "::/0", "0.0.0.0", "*", "internet", "any", "0.0.0.0/0.0.0.0"].includes(c);
}

/** Port ranges in the forms clouds use: 22, "22", "20-30", "*", from/to pairs. */
export function portRangeIncludes(range: unknown, port: number): boolean {
    if (range === undefined || range === null) return false;
    if (typeof range === "number") return range === port;
    const text = String(range).trim();
    if (text === "*" || text === "" || text.toLowerCase() === "all") return true;
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(text);
    if (m) return Number(m[1]) <= port && port <= Number(m[2]);
    return Number(text) === port;
}

/** `fromPort`/`toPort` pairs as AWS writes them; protocol -1 means every port. */
export function awsRuleIncludesPort(protocol: unknown, fromPort: unknown, toPort: unknown, port: number): boolean {
    const p = String(protocol ?? "").toLowerCase();
    if (p === "-1" || p === "all") return true;
    if (p !== "tcp" && p !== "6" && p !== "udp" && p !== "17") return false;
    const from = Number(fromPort ?? 0);
    const to = Number(toPort ?? from);
    return (from <= port && port <= to) || (from === -1 && to === -1);
}

export function awsRuleIsAllPorts(protocol: unknown, fromPort: unknown, toPort: unknown): boolean {
    const p = String(protocol ?? "").toLowerCase();
    if (p === "-1" || p === "all") return true;
    return Number(fromPort ?? 0) <= 0 && Number(toPort ?? 0) >= 65535;
}

/** Base64 user data decoded when it is base64, else as written. */
export function userDataText(value: unknown): string {
    if (typeof value !== "string" || value === "") return "";
    const compact = value.replace(/\s+/g, "");
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0 && compact.length >= 8) {
        const decoded = Buffer.from(compact, "base64").toString("utf8");
        // Printable text after decoding: it was base64; otherwise keep the original.
        if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded)) return decoded;
    }
    return value;
}

/** Well-known credential shapes: cloud keys, private keys, tokens of popular services. */
const CREDENTIAL_PATTERNS: Array<[RegExp, string]> = [
    [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
    [/aws_secret_access_key\s*[=:]\s*\S{20,}/i, "an AWS secret access key"],
    [/-----BEGIN (RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----/, "a private key"],
    [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, "a GitHub token"],
    [/\bxox[baprs]-[A-Za-z0-9-]{10,}/, "a Slack token"],
    [/\bsk_live_[A-Za-z0-9]{16,}/, "a Stripe secret key"],
    [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
    [/"private_key"\s*:\s*"-----BEGIN/, "a Google service account key"],
    [/AccountKey=[A-Za-z0-9+/=]{40,}/, "an Azure storage account key"],
    [/SharedAccessKey=[A-Za-z0-9+/=]{20,}/, "an Azure shared access key"],
    [/:\/\/[^\s:/@]+:[^\s:/@]{3,}@/, "a URL with an embedded password"],
];

/** Assignments in scripts like `DB_PASSWORD=hunter2` or `export API_TOKEN="..."`. */
const SECRET_ASSIGNMENT = /\b([A-Za-z0-9_]*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)[A-Za-z0-9_]*)\s*[=:]\s*["']?([^\s"'$`]{6,})/i;

/** The kind of credential `text` holds in plain sight, or undefined. */
export function findCredential(text: string): string | undefined {
    for (const [pattern, what] of CREDENTIAL_PATTERNS) if (pattern.test(text)) return what;
    const m = SECRET_ASSIGNMENT.exec(text);
    if (m && !isSecretReference(m[3]) && !/^(ARN|NAME|ID|REF|PATH|FILE|URL|URI|ENDPOINT|PARAM|PARAMETER|TYPE|MODE)$/i.test(m[1].split("_").pop() ?? "")) {
        return `a value assigned to ${m[1]}`;
    }
    return undefined;
}

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_?SECRET|CREDENTIALS?)/i;
/** Names that point at a secret, or Azure identity-based connection settings (`AzureWebJobsStorage__credential`). */
const REFERENCE_SUFFIX = /(_(ARN|NAME|ID|REF|PATH|FILE|URL|URI|ENDPOINT|SECRET_ID|VERSION|HEADER|ISSUER|AUDIENCE|TYPE|MODE|PARAM|PARAMETER)|__(credential|clientId|serviceUri|accountName|blobServiceUri|queueServiceUri|tableServiceUri|fullyQualifiedNamespace))$/i;

/** Values that point at a secret store rather than holding the secret. */
export function isSecretReference(value: string): boolean {
    return (
        /^arn:aws[a-z-]*:(secretsmanager|ssm|kms):/.test(value) ||
        /^projects\/[^/]+\/secrets\//.test(value) ||
        /^@Microsoft\.KeyVault\(/i.test(value) ||
        /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\/secrets\//i.test(value) ||
        /^\{\{resolve:(secretsmanager|ssm-secure):/.test(value) ||
        /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value) ||
        /^\/[\w./-]+$/.test(value) ||
        /^(true|false|enabled|disabled|none|managedidentity|keyvault|files|blob|\d+)$/i.test(value)
    );
}

/**
 * Why an environment variable looks like a secret written in plain text, or undefined:
 * a credential-shaped value, or a secret-sounding name with a literal (non-reference) value.
 */
export function plaintextSecretEnv(name: string, value: unknown): string | undefined {
    if (typeof value !== "string" || value === "") return undefined;
    const shaped = CREDENTIAL_PATTERNS.find(([p]) => p.test(value));
    if (shaped) return `${name} holds ${shaped[1]}`;
    if (SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name) && !isSecretReference(value)) {
        return `${name} holds a literal secret value`;
    }
    return undefined;
}

/** An IAM policy document as parsed statements (JSON string or object). */
export interface PolicyStatement {
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    Principal?: unknown;
    Condition?: unknown;
}

export function policyStatements(document: unknown): PolicyStatement[] {
    let doc: unknown = document;
    if (typeof doc === "string") {
        try {
            doc = JSON.parse(doc);
        } catch {
            return [];
        }
    }
    const statement = obj(doc).Statement;
    if (Array.isArray(statement)) return statement as PolicyStatement[];
    return statement && typeof statement === "object" ? [statement as PolicyStatement] : [];
}

export function asList(value: unknown): string[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Principal `"*"` or `{ AWS: "*" }`: anyone. */
export function isAnyonePrincipal(principal: unknown): boolean {
    if (principal === "*") return true;
    const p = obj(principal);
    return asList(p.AWS).includes("*") || asList(p["*"]).length > 0;
}

/** GCP IAM members meaning "the internet". */
export function isPublicMember(member: unknown): boolean {
    return member === "allUsers" || member === "allAuthenticatedUsers";
}

/** Reads `a.b.c` one key at a time (so only the keys on the path are touched). */
export function at(value: unknown, path: string): unknown {
    let node: unknown = value;
    for (const key of path.split(".")) {
        if (node === null || node === undefined || typeof node !== "object") return undefined;
        node = (node as Props)[key];
    }
    return node;
}
