import assert from "node:assert/strict";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { RULES, rulesFor, toPolicy } from "../../policies";
import type { PackName, RuleDefinition } from "../../policies";
import { RecordedResource } from "../../testing/engine";
import { validateResource, validateStack } from "../../testing/policy";

export function rule(name: string): RuleDefinition {
    const found = RULES.find((r) => r.name === name);
    if (!found) throw new Error(`no rule named ${name}`);
    return found;
}

/** The violation messages a rule reports for a resource (or, for stack rules, a list of them). */
export async function messages(name: string, subject: RecordedResource | RecordedResource[], config: Record<string, unknown> = {}): Promise<string[]> {
    const r = rule(name);
    const policy = toPolicy(r);
    if (r.validateStack) {
        const outcome = await validateStack(policy as StackValidationPolicy, Array.isArray(subject) ? subject : [subject], { config });
        assert.equal(outcome.unknown, undefined, `unexpected unknown: ${outcome.unknown}`);
        return outcome.violations.map((v) => v.message);
    }
    const outcome = await validateResource(policy as ResourceValidationPolicy, Array.isArray(subject) ? subject[0] : subject, { config });
    assert.equal(outcome.unknown, undefined, `unexpected unknown: ${outcome.unknown}`);
    return outcome.violations.map((v) => v.message);
}

export interface RuleCases {
    /** Resources (or stacks) the rule must leave alone. */
    good: Array<RecordedResource | RecordedResource[]>;
    /** Resources (or stacks) with the exact messages the rule must report. */
    bad: Array<[RecordedResource | RecordedResource[], string[]]>;
    config?: Record<string, unknown>;
}

const tested = new Map<PackName, Set<string>>();

/** Table-driven cases for one pack: every rule passes its good resources and flags its bad ones with exact messages. */
export function describePack(pack: PackName, table: Record<string, RuleCases>): void {
    const seen = tested.get(pack) ?? new Set<string>();
    tested.set(pack, seen);
    describe(`${pack} pack rules`, () => {
        for (const [name, cases] of Object.entries(table)) {
            seen.add(name);
            describe(name, () => {
                cases.good.forEach((subject, i) => {
                    it(`passes good case ${i + 1}`, async () => {
                        assert.deepEqual(await messages(name, subject, cases.config), []);
                    });
                });
                cases.bad.forEach(([subject, expected], i) => {
                    it(`flags bad case ${i + 1}: ${expected[0] ?? ""}`, async () => {
                        assert.deepEqual(await messages(name, subject, cases.config), expected);
                    });
                });
                it("has at least one good and one bad case", () => {
                    assert.ok(cases.good.length > 0 && cases.bad.length > 0);
                });
            });
        }
        it("tests every rule the pack selects", () => {
            assert.deepEqual([...seen].sort(), rulesFor(pack).map((r) => r.name).sort());
        });
    });
}
