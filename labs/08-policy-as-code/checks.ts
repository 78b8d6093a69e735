import * as path from "path";
import { LabDefinition, Objective, inputAt, resourcesOfType } from "../../cli/lab/objectives";
import { PlanResult, blockingFindings } from "../../cli/plan";
import { RuleDefinition, tagExemption, toPolicy } from "../../policies";
import { RecordedResource } from "../../testing";
import { resource, validateResource } from "../../testing/policy";
import type { ResourceValidationPolicy } from "@pulumi/policy";

const RULE_NAME = "s3-bucket-missing-owner-tag";
const BUCKET = "aws:s3/bucket:Bucket";

/** The attendee's rule, from rule.ts beside the program being checked. */
function ownRule(result: PlanResult): RuleDefinition {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(result.project.dir, "rule.ts")) as Record<string, unknown>;
    const rule = Object.values(loaded).find((v): v is RuleDefinition => typeof v === "object" && v !== null && (v as RuleDefinition).name === RULE_NAME);
    if (!rule) throw new Error(`rule.ts exports no rule named ${RULE_NAME}`);
    return rule;
}

async function violations(rule: RuleDefinition, r: RecordedResource): Promise<string[]> {
    const outcome = await validateResource(toPolicy(rule) as ResourceValidationPolicy, r);
    return outcome.violations.map((v) => v.message);
}

const bucket = (tags: Record<string, string> | undefined) => resource(BUCKET, tags === undefined ? {} : { tags });

const lab: LabDefinition = {
    title: "Policy as code",
    minutes: 30,
    objectives: [
        {
            id: "rule-reports-unowned",
            title: "Your rule reports a bucket without an owner tag",
            hint: "In rule.ts, call report(...) when props.tags has no `owner`. Run its test: npx mocha --no-config --require tsx/cjs <dir>/rule.test.ts",
            check: async (result) => {
                const rule = ownRule(result);
                const untagged = await violations(rule, bucket(undefined));
                const teamOnly = await violations(rule, bucket({ team: "finance" }));
                return (untagged.length > 0 && teamOnly.length > 0) || "a bucket with no owner tag passes the rule";
            },
        },
        {
            id: "rule-wants-email",
            title: "Your rule wants an email address, and accepts one",
            hint: 'Report `owner: "finance"`, accept `owner: "finance@example.com"`.',
            check: async (result) => {
                const rule = ownRule(result);
                if ((await violations(rule, bucket({ owner: "finance" }))).length === 0) return 'owner "finance" passes the rule';
                const good = await violations(rule, bucket({ owner: "finance@example.com" }));
                return good.length === 0 || `owner "finance@example.com" is reported: ${good[0]}`;
            },
        },
        {
            id: "rule-enforced",
            title: "Your rule is enforced (mandatory)",
            hint: 'Set `enforcementLevel: "mandatory"` in rule.ts: a violation then stops pulumi preview and pulumi up.',
            check: (result) => ownRule(result).enforcementLevel === "mandatory" || `enforcementLevel is "${ownRule(result).enforcementLevel}"`,
        },
        {
            id: "reports-owned",
            title: "The reports bucket names its owner",
            hint: 'Add `owner: "finance@example.com"` to the reports bucket\'s tags.',
            check: (result) => {
                const reports = resourcesOfType(result, BUCKET).find((b) => b.name === "reports");
                if (!reports) return "no bucket named reports";
                const owner = inputAt(reports, "tags.owner");
                return (typeof owner === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(owner)) || `its owner tag is ${String(owner)}`;
            },
        },
        {
            id: "scratch-exempt",
            title: "The scratch bucket is exempted, with its reason written on it",
            hint: `Add the tag "platform-kit.exempt/${RULE_NAME}": "<why>" to the scratch bucket (an empty reason does not exempt).`,
            check: (result) => {
                const scratch = resourcesOfType(result, BUCKET).find((b) => b.name === "scratch");
                if (!scratch) return "no bucket named scratch";
                return tagExemption(scratch, RULE_NAME) !== undefined || `scratch carries no "platform-kit.exempt/${RULE_NAME}" tag with a reason`;
            },
        },
        noViolationsWithOwnRule(),
    ],
};

/** The kit's packs and the attendee's rule together: nothing mandatory left un-exempted. */
function noViolationsWithOwnRule(): Objective {
    return {
        id: "no-mandatory-violations",
        title: "The plan, with your rule, has no mandatory policy violations",
        hint: "Every bucket either names its owner or carries an exemption; fix any ✖ mandatory finding `npx platform-kit plan <dir>` shows.",
        check: async (result) => {
            const kit = blockingFindings(result.findings);
            if (kit.length > 0) return `${kit.length} mandatory violation(s), e.g. ${kit[0].policy} on ${kit[0].resourceName ?? "the stack"}`;
            const rule = ownRule(result);
            if (rule.enforcementLevel !== "mandatory") return true;
            for (const b of resourcesOfType(result, BUCKET)) {
                const found = await violations(rule, b);
                if (found.length > 0 && tagExemption(b, RULE_NAME) === undefined) return `${RULE_NAME} on ${b.name}: ${found[0]}`;
            }
            return true;
        },
    };
}

export default lab;
