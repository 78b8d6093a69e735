/**
 * platform-kit/policies: the rule registry, the six packs' selections and the offline
 * evaluator the `plan` command runs. Nothing here constructs a PolicyPack (that starts a
 * server); the packs' own `policies/<pack>/index.ts` do, for `pulumi preview --policy-pack`.
 *
 * Exemptions are reported, never silent. Two ways to grant one:
 * - pack config: `{ security: { exemptions: [{ policy: "compute-disallow-public-ip", namePattern: "bastion-*", reason: "..." }] } }`
 *   (`policy` may be "*"; `namePattern` is a glob on the resource's logical name, or `/regex/`);
 * - on the resource itself, naming the rule and a reason:
 *   - AWS tags, Kubernetes labels/annotations: `platform-kit.exempt/<policy>: "<reason>"`;
 *   - Azure tags (no `/` allowed in names): `platform-kit.exempt.<policy>: "<reason>"`;
 *   - Google Cloud labels (lower-case, no `/` or spaces, 63 characters):
 *     `pk-exempt-<policy>: "<reason_with_underscores>"` (underscores read as spaces).
 *   Every form is accepted on every cloud; an empty reason does not exempt.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import Ajv from "ajv";
import { RecordedResource } from "../testing/engine";
import { policyConfig, remediateResource, validateResource, validateStack, withInputs } from "../testing/policy";
import { PackName, RuleDefinition, Severity } from "./core/rule";
import { tagsOf } from "./core/tags";
import { PACKS, PACK_NAMES, rulesFor, toPolicy } from "./packs";
import { RULES } from "./rules";

export type { Severity, PackName, RuleDefinition, FrameworkReference } from "./core/rule";
export { PACKS, PACK_NAMES, rulesFor, toPolicy, policiesFor } from "./packs";
export type { PackDefinition } from "./packs";
export { RULES } from "./rules";
export { resourceRule, stackRule } from "./core/define";

export type Enforcement = "advisory" | "mandatory" | "remediate" | "disabled";

export interface Finding {
    pack: string;
    policy: string;
    severity: Severity;
    enforcement: Enforcement;
    urn?: string;
    resourceName?: string;
    message: string;
    /** Set when the finding is exempted; exempted findings never fail a plan. */
    exemption?: { reason: string; source: "config" | "tag" };
}

export interface Exemption {
    /** A rule name, or "*" for every rule of the pack. */
    policy: string;
    /** Glob (`*`, `?`) on the resource's logical name, or `/regex/`. */
    namePattern: string;
    reason: string;
}

export interface EvaluateOptions {
    /** Packs to run. @default every pack */
    packs?: string[];
    /**
     * Per pack: `{ exemptions?: Exemption[], <policyName>: { enforcementLevel?, ...knobs } }`
     * (a policy's value may also be just an enforcement level string).
     */
    config?: Record<string, Record<string, unknown>>;
    /**
     * The resources come from a preview: inputs still unknown (recorded as `undefined`) make
     * a rule that reads them report an advisory "cannot be evaluated during preview" finding,
     * as the engine does, instead of passing or failing.
     * @default false
     */
    preview?: boolean;
}

/** Exemption tag/label prefixes, in the forms each cloud's key rules allow. */
export const EXEMPTION_PREFIXES = ["platform-kit.exempt/", "platform-kit.exempt.", "pk-exempt-"] as const;

/** The exemption a resource's tags, labels or annotations grant for `policy`, if any. */
export function tagExemption(resource: Pick<RecordedResource, "type" | "inputs">, policy: string): string | undefined {
    const tags = tagsOf(resource.type, resource.inputs);
    for (const prefix of EXEMPTION_PREFIXES) {
        const reason = tags[`${prefix}${policy}`];
        if (typeof reason === "string" && reason.trim() !== "") return prefix === "pk-exempt-" ? reason.replace(/_/g, " ") : reason;
    }
    return undefined;
}

function patternMatches(pattern: string, name: string): boolean {
    const regex = /^\/(.*)\/([a-z]*)$/.exec(pattern);
    if (regex) return new RegExp(regex[1], regex[2]).test(name);
    const glob = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${glob}$`).test(name);
}

function configExemption(exemptions: readonly Exemption[], policy: string, name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    return exemptions.find((e) => (e.policy === policy || e.policy === "*") && patternMatches(e.namePattern, name))?.reason;
}

function readExemptions(packConfig: Record<string, unknown>, pack: string): Exemption[] {
    const raw = packConfig.exemptions;
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) throw new Error(`policy config for pack "${pack}": exemptions must be a list of { policy, namePattern, reason }`);
    return raw.map((e, i) => {
        const x = (e ?? {}) as Partial<Exemption>;
        if (typeof x.policy !== "string" || typeof x.namePattern !== "string" || typeof x.reason !== "string" || x.reason.trim() === "") {
            throw new Error(`policy config for pack "${pack}": exemptions[${i}] needs string policy, namePattern and a non-empty reason`);
        }
        return { policy: x.policy, namePattern: x.namePattern, reason: x.reason };
    });
}

const ajv = new Ajv({ strict: false, allErrors: true });

/** The level and knobs of one rule; knobs are checked against the rule's schema, as the engine does. */
function ruleConfig(pack: string, packConfig: Record<string, unknown>, rule: RuleDefinition): { level: Enforcement; knobs: Record<string, unknown> } {
    const raw = packConfig[rule.name];
    if (typeof raw === "string") return { level: raw as Enforcement, knobs: {} };
    const { enforcementLevel, ...knobs } = (raw ?? {}) as Record<string, unknown>;
    if (rule.configSchema && Object.keys(knobs).length > 0) {
        const schema = { type: "object", ...rule.configSchema };
        if (!ajv.validate(schema, policyConfig(rule.configSchema, knobs))) {
            throw new Error(`policy config for ${pack}/${rule.name}: ${ajv.errorsText(ajv.errors, { dataVar: "config" })}`);
        }
    }
    return { level: (enforcementLevel as Enforcement | undefined) ?? rule.enforcementLevel, knobs };
}

const LEVELS: readonly Enforcement[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Runs the packs' rules over recorded resources (from `runProgram`) and returns every
 * finding, exempted ones included. Only non-exempt `mandatory` findings should fail a plan
 * (see {@link failsPlan}).
 */
export async function evaluatePolicies(resources: readonly RecordedResource[], options: EvaluateOptions = {}): Promise<Finding[]> {
    const packs = options.packs ?? [...PACK_NAMES];
    for (const pack of packs) {
        if (!(PACK_NAMES as readonly string[]).includes(pack)) throw new Error(`unknown policy pack "${pack}"; the packs are ${PACK_NAMES.join(", ")}`);
    }
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const findings: Finding[] = [];

    for (const pack of packs as PackName[]) {
        const packConfig = options.config?.[pack] ?? {};
        const exemptions = readExemptions(packConfig, pack);
        for (const rule of rulesFor(pack)) {
            const { level, knobs } = ruleConfig(pack, packConfig, rule);
            if (!LEVELS.includes(level)) throw new Error(`policy config for ${pack}/${rule.name}: enforcementLevel "${level}" is not one of ${LEVELS.join(", ")}`);
            if (level === "disabled") continue;
            const policy = toPolicy(rule);
            const add = (message: string, urn: string | undefined, enforcement: Enforcement) => {
                const subject = urn ? byUrn.get(urn) : undefined;
                const name = subject?.name ?? (urn ? urn.split("::").pop() : undefined);
                const finding: Finding = { pack, policy: rule.name, severity: rule.severity, enforcement, urn, resourceName: name, message };
                const byConfig = configExemption(exemptions, rule.name, name);
                const byTag = subject ? tagExemption(subject, rule.name) : undefined;
                if (byConfig !== undefined) finding.exemption = { reason: byConfig, source: "config" };
                else if (byTag !== undefined) finding.exemption = { reason: byTag, source: "tag" };
                findings.push(finding);
            };
            const unknownMessage = (detail: string) =>
                options.preview ? `can't run policy ${rule.name} during preview: ${detail}` : `can't evaluate policy ${rule.name}: ${detail} (an input was never resolved)`;

            // A rule that throws on an input it did not expect must not take the whole plan down,
            // nor pass silently: it becomes an advisory finding naming the rule and the error.
            const guarded = async <T>(urn: string | undefined, run: () => Promise<T>): Promise<T | undefined> => {
                try {
                    return await run();
                } catch (e) {
                    add(`policy ${rule.name} could not evaluate this resource: ${e instanceof Error ? e.message : String(e)}`, urn, "advisory");
                    return undefined;
                }
            };

            if (rule.validateStack) {
                const outcome = await guarded(undefined, () => validateStack(policy as StackValidationPolicy, resources, { config: knobs }));
                if (!outcome) continue;
                if (outcome.unknown) add(unknownMessage(outcome.unknown), undefined, "advisory");
                for (const v of outcome.violations) add(v.message, v.urn, level === "remediate" ? "mandatory" : level);
                continue;
            }
            const applies = new Set(rule.resourceTypes);
            for (const r of resources) {
                if (!r.custom || !applies.has(r.type)) continue;
                const outcome = await guarded(r.urn, () => validateResource(policy as ResourceValidationPolicy, r, { config: knobs, resources }));
                if (!outcome) continue;
                if (outcome.unknown) add(unknownMessage(outcome.unknown), r.urn, "advisory");
                if (outcome.violations.length === 0) continue;
                if (level === "remediate") {
                    const fixed = (await guarded(r.urn, () => remediateResource(policy as ResourceValidationPolicy, r, { config: knobs, resources }))) ?? {};
                    const after = fixed.props ? await validateResource(policy as ResourceValidationPolicy, withInputs(r, fixed.props), { config: knobs, resources }) : undefined;
                    if (after && after.violations.length === 0 && !after.unknown) {
                        for (const v of outcome.violations) add(`${v.message} (remediated)`, r.urn, "remediate");
                        continue;
                    }
                }
                for (const v of outcome.violations) add(v.message, r.urn, level === "remediate" ? "mandatory" : level);
            }
        }
    }
    return findings;
}

/** True when a finding should fail the plan: mandatory and not exempted. */
export function failsPlan(finding: Finding): boolean {
    return finding.enforcement === "mandatory" && finding.exemption === undefined;
}

/** The registry entry of a rule by name. */
export function ruleNamed(name: string): RuleDefinition | undefined {
    return RULES.find((r) => r.name === name);
}

/** Which pack a rule belongs to. */
export function packOf(rule: RuleDefinition): PackName | undefined {
    return PACK_NAMES.find((p) => PACKS[p].topics.some((t) => rule.topics.includes(t)));
}
