import * as pulumi from "@pulumi/pulumi";

/** One thing wrong with one argument. */
export interface Problem {
    /** Property path of the argument, e.g. `capacityGroups[1].min`. */
    field: string;
    /** The value the caller gave (rendered in the message; secrets are never passed here). */
    value: unknown;
    /** What would have been accepted, in words: "a number from 1 to 6". */
    allowed: string;
}

/**
 * The error for every bad input to a platform-kit component. It is an
 * `InputPropertiesError`, so the Pulumi engine prints each property path and reason,
 * and it collects every problem of one call so the user fixes them in one pass.
 */
export class PlatformKitError extends pulumi.InputPropertiesError {
    /** `Network "core"`: the component kind and the resource name. */
    readonly component: string;
    readonly problems: readonly Problem[];

    constructor(component: string, problems: Problem[]) {
        const lines = problems.map((p) => `  - ${describeProblem(p)}`);
        super({
            message: `${component}: invalid arguments:\n${lines.join("\n")}`,
            errors: problems.map((p) => ({ propertyPath: p.field, reason: describeProblem(p) })),
        });
        this.name = "PlatformKitError";
        this.component = component;
        this.problems = problems;
    }
}

function describeProblem(p: Problem): string {
    return `${p.field}: got ${renderValue(p.value)}; allowed: ${p.allowed}`;
}

/** Renders a value for an error message: short, unambiguous, never `[object Object]`. */
export function renderValue(value: unknown): string {
    if (value === undefined) return "nothing";
    if (typeof value === "string") return JSON.stringify(value);
    if (pulumi.Output.isInstance(value)) return "an Output (this argument must be a plain value)";
    if (typeof value === "function") return "a function";
    try {
        const json = JSON.stringify(value);
        if (json === undefined) return String(value);
        return json.length > 120 ? `${json.slice(0, 117)}...` : json;
    } catch {
        return typeof value === "object" ? "an object with circular references" : String(value);
    }
}

/**
 * Collects the problems of one component's arguments, then throws them together.
 *
 *     const check = new ArgsChecker("Network", name);
 *     check.require(zones >= 1 && zones <= 6, "zones", zones, "a whole number from 1 to 6");
 *     check.done();
 */
export class ArgsChecker {
    readonly component: string;
    private readonly problems: Problem[] = [];

    constructor(kind: string, resourceName: string) {
        this.component = `${kind} "${resourceName}"`;
    }

    /** Records a problem unless `ok` holds. Returns `ok`, so callers can skip dependent checks. */
    require(ok: boolean, field: string, value: unknown, allowed: string): boolean {
        if (!ok) this.problems.push({ field, value, allowed });
        return ok;
    }

    add(problem: Problem): void {
        this.problems.push(problem);
    }

    addAll(problems: readonly Problem[]): void {
        this.problems.push(...problems);
    }

    /** Checks `value` is one of `allowed` (when given). */
    oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): value is T {
        return this.require(
            typeof value === "string" && (allowed as readonly string[]).includes(value),
            field,
            value,
            `one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
        );
    }

    /** Checks a whole number in `[min, max]`; `undefined` passes (the default applies). */
    integer(field: string, value: number | undefined, min: number, max: number, unit = ""): boolean {
        if (value === undefined) return true;
        const suffix = unit ? ` (${unit})` : "";
        return this.require(
            typeof value === "number" && Number.isInteger(value) && value >= min && value <= max,
            field,
            value,
            `a whole number from ${min} to ${max}${suffix}`,
        );
    }

    /** Checks an argument that decides which children exist is not an Output. */
    plain(field: string, value: unknown): boolean {
        return this.require(!pulumi.Output.isInstance(value), field, value, "a plain value, known when the program runs");
    }

    /** Checks names are unique; `names` are `[field, name]` pairs. */
    unique(names: ReadonlyArray<readonly [string, string]>, what: string): void {
        const seen = new Map<string, string>();
        for (const [field, n] of names) {
            const first = seen.get(n);
            if (first !== undefined) {
                this.add({ field, value: n, allowed: `a ${what} not already used (${first} has it)` });
            } else {
                seen.set(n, field);
            }
        }
    }

    get hasProblems(): boolean {
        return this.problems.length > 0;
    }

    /** Throws a {@link PlatformKitError} with every problem recorded, if any. */
    done(): void {
        if (this.problems.length > 0) throw new PlatformKitError(this.component, [...this.problems]);
    }
}
