/**
 * What a lab's `checks.ts` exports, and the small readers its objectives use to look at a
 * plan: resources by type, one input by path, findings by policy.
 */
import { Finding } from "../../policies";
import { RecordedResource } from "../../testing";
import type { PlanResult } from "../plan";
import { blockingFindings } from "../plan";

/** One thing the attendee's program must do, proven from what the offline plan recorded. */
export interface Objective {
    /** Short, stable, kebab-case: `three-zones`. */
    id: string;
    /** What is asked, as a sentence the attendee can tick off. */
    title: string;
    /** How to get there, printed when the objective is not met. */
    hint: string;
    /** `true` when met, else what the plan shows instead (one line). */
    check(result: PlanResult): true | string | Promise<true | string>;
}

/** A lab's `checks.ts` default export. */
export interface LabDefinition {
    /** The guide's title, as `lab list` shows it. */
    title: string;
    /** Minutes an attendee needs, roughly. */
    minutes: number;
    objectives: Objective[];
}

/** Resources of one type, in the order the program declared them. */
export function resourcesOfType(result: PlanResult, type: string): RecordedResource[] {
    return result.run.resources.filter((r) => r.type === type);
}

/** The resource of `type` named `name`, if the program declared it. */
export function resourceNamed(result: PlanResult, type: string, name: string): RecordedResource | undefined {
    return result.run.resources.find((r) => r.type === type && r.name === name);
}

/**
 * An input at a path: dotted (`metadata.annotations.x`, array indexes as numbers: `spec.0`),
 * or a list of keys when a key holds a dot itself (`["spec", "hard", "requests.cpu"]`).
 */
export function inputAt(resource: RecordedResource | undefined, path: string | readonly string[]): unknown {
    return valueAt(resource?.inputs, path);
}

/** The value at a path inside any plain value; see {@link inputAt}. */
export function valueAt(root: unknown, path: string | readonly string[]): unknown {
    let value: unknown = root;
    for (const key of typeof path === "string" ? path.split(".") : path) {
        if (value === null || typeof value !== "object") return undefined;
        value = (value as Record<string, unknown>)[key];
    }
    return value;
}

/** Findings of one policy (exempted ones included). */
export function findingsOf(result: PlanResult, policy: string): Finding[] {
    return result.findings.filter((f) => f.policy === policy);
}

/** The objective every solution must meet: nothing that would stop a deploy. */
export function noBlockingFindings(hint = "Run `npx platform-kit plan <dir>` and fix each ✖ mandatory finding: its message names the resource and the setting."): Objective {
    return {
        id: "no-mandatory-violations",
        title: "The plan has no mandatory policy violations",
        hint,
        check: (result) => {
            const blocking = blockingFindings(result.findings);
            if (blocking.length === 0) return true;
            const first = blocking[0];
            return `${blocking.length} mandatory violation(s), e.g. ${first.policy} on ${first.resourceName ?? "the stack"}`;
        },
    };
}
