/**
 * The engine boundary of `platform-kit fleet`: what the orchestrator asks of Pulumi. The
 * real adapter ({@link AutomationWorkspace} in `automation.ts`) drives the Automation API;
 * tests drive the orchestration with a fake.
 */

/** One stack of the fleet. */
export interface FleetStack {
    /** How the stack is named in the plan, the audit log and progress lines; unique. */
    id: string;
    /** The Pulumi project folder (the one with Pulumi.yaml). */
    workDir: string;
    /** The stack name as `pulumi stack select` takes it (`dev`, `org/project/dev`). */
    stackName: string;
}

/** The one change rolled across the fleet: config values to set on every stack, then update. */
export interface FleetChange {
    /** What it is, in words, for the plan and the audit log: "PostgreSQL 16 -> 17". */
    description: string;
    /** Stack config to set, keyed as in Pulumi.<stack>.yaml (`data:postgresVersion`). */
    config: Record<string, string>;
}

/** Resource operations counted by kind, as Pulumi reports them (`same`, `update`, `replace`...). */
export type ChangeCounts = Record<string, number>;

export interface StackOperationResult {
    changes: ChangeCounts;
}

/**
 * The operations the fleet needs on one stack. `preview` must leave the stack exactly as it
 * was (config included); `up` applies the change and keeps it.
 */
export interface FleetWorkspace {
    preview(stack: FleetStack, change: FleetChange): Promise<StackOperationResult>;
    up(stack: FleetStack, change: FleetChange): Promise<StackOperationResult>;
}

/** `{ update: 2, same: 10 }` -> `"2 to update, 10 unchanged"`; replacements and deletes first, they matter most. */
export function describeChanges(changes: ChangeCounts): string {
    const order: Array<[string, string]> = [
        ["replace", "to replace"],
        ["create-replacement", "replacement to create"],
        ["delete-replaced", "replaced to delete"],
        ["delete", "to delete"],
        ["create", "to create"],
        ["update", "to update"],
        ["same", "unchanged"],
    ];
    const parts = order.filter(([key]) => (changes[key] ?? 0) > 0).map(([key, words]) => `${changes[key]} ${words}`);
    for (const [key, count] of Object.entries(changes)) {
        if (!order.some(([k]) => k === key) && count > 0) parts.push(`${count} ${key}`);
    }
    return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** True when the change would delete or replace a resource: worth a second look before `up`. */
export function isDestructive(changes: ChangeCounts): boolean {
    return ["replace", "delete", "delete-replaced", "create-replacement", "discard"].some((key) => (changes[key] ?? 0) > 0);
}
