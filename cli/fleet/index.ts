/**
 * `platform-kit fleet`: rolls one change (config values, e.g. an engine version bump) across
 * many stacks with the Pulumi Automation API: a plan first, then a canary wave and waves of
 * N with a concurrency limit, a health gate between waves, a halt on the first failure,
 * `--resume` from the audit log, and one JSON line per action in that log.
 */
import * as fs from "fs";
import * as path from "path";
import pc = require("picocolors");
import { FileAuditLog } from "./audit";
import { FLEET_TESTED_PULUMI_SDK, createAutomationWorkspace, installedPulumiSdk } from "./automation";
import { FleetEvent, FleetResult, commandHealthGate, runFleet } from "./orchestrator";
import { FleetStack, FleetWorkspace } from "./workspace";

export * from "./audit";
export * from "./automation";
export * from "./orchestrator";
export * from "./plan";
export * from "./workspace";

/** Options of `platform-kit fleet`, as commander parses them. */
export interface FleetCommandOptions {
    /** Stacks, least important first: `name` (in `dir`) or `<project dir>:<name>`. */
    stacks: string[];
    /** Config to set on every stack, `key=value` (repeatable): the change. */
    set: string[];
    /** The Pulumi project folder of stacks given by name. @default "." */
    dir?: string;
    /** The change in words, for the plan and the audit log. @default the `--set` values */
    description?: string;
    /** @default 1 */
    canary?: number;
    /** @default 5 */
    waveSize?: number;
    /** @default 1 */
    concurrency?: number;
    /** A shell command run after each wave; exit status 0 means healthy. */
    healthCheck?: string;
    /** Health check time limit, seconds. @default 600 */
    healthTimeout?: number;
    /** The audit log (JSON lines). @default ".platform-kit/fleet-audit.jsonl" */
    audit?: string;
    /** Previews only: print the plan, change nothing. */
    dryRun?: boolean;
    /** Continue a halted roll of the same change from the audit log. */
    resume?: boolean;
    /** Print the result as one JSON object. */
    json?: boolean;
}

/** Exit statuses of `platform-kit fleet`. */
export const FLEET_EXIT = { ok: 0, halted: 1, badInput: 2 } as const;

export class FleetInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FleetInputError";
    }
}

/** Parses `--stacks` entries: `name` in `dir`, or `<project dir>:<name>` when that folder exists. */
export function parseStacks(entries: readonly string[], dir = "."): FleetStack[] {
    const stacks: FleetStack[] = [];
    for (const raw of entries.flatMap((e) => e.split(",")).map((e) => e.trim()).filter(Boolean)) {
        const colon = raw.indexOf(":");
        const prefix = colon > 0 ? raw.slice(0, colon) : "";
        if (prefix && fs.existsSync(path.join(prefix, "Pulumi.yaml"))) {
            stacks.push({ id: raw, workDir: path.resolve(prefix), stackName: raw.slice(colon + 1) });
        } else {
            stacks.push({ id: raw, workDir: path.resolve(dir), stackName: raw });
        }
    }
    return stacks;
}

/** Parses `--set key=value` entries into the change's config. */
export function parseSettings(entries: readonly string[]): Record<string, string> {
    const config: Record<string, string> = {};
    for (const entry of entries) {
        const eq = entry.indexOf("=");
        if (eq <= 0) throw new FleetInputError(`--set ${entry}: expected key=value, e.g. --set data:postgresVersion=17`);
        config[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return config;
}

/** Renders progress events as lines for a terminal. */
export function renderEvent(event: FleetEvent, waveNames: Map<number, string>): string | undefined {
    const wave = (index: number) => pc.dim(`[${waveNames.get(index) ?? `wave ${index}`}]`);
    switch (event.kind) {
        case "stack-started":
            return `${wave(event.wave)} ${event.action} ${event.stack} ...`;
        case "stack-finished":
            return event.outcome === "succeeded"
                ? `${wave(event.wave)} ${event.action} ${event.stack} ${pc.green("ok")}: ${event.summary}`
                : `${wave(event.wave)} ${event.action} ${event.stack} ${pc.red("FAILED")}: ${event.error}`;
        case "planned": {
            const lines = [pc.bold("Plan")];
            for (const w of event.waves) {
                lines.push(`  ${pc.bold(w.name)}`);
                for (const stack of w.stacks) {
                    const p = event.plan[stack];
                    if (event.alreadyUpdated.includes(stack)) lines.push(`    ${stack}: ${pc.dim("already updated (resume)")}`);
                    else if (!p) lines.push(`    ${stack}: ${pc.dim("not previewed")}`);
                    else if (p.outcome === "failed") lines.push(`    ${stack}: ${pc.red(`preview failed: ${p.error}`)}`);
                    else lines.push(`    ${stack}: ${p.destructive ? pc.yellow(`${p.summary} (replaces or deletes resources)`) : p.summary}`);
                }
            }
            return lines.join("\n");
        }
        case "gate":
            return event.outcome === "succeeded" ? `${wave(event.wave)} health gate ${pc.green("passed")}` : `${wave(event.wave)} health gate ${pc.red("FAILED")}: ${event.error}`;
        case "halted":
            return `${pc.red(pc.bold("Halted"))} at ${waveNames.get(event.failure.wave) ?? event.failure.wave}${event.failure.stack ? ` (${event.failure.stack})` : ""}: ${event.failure.error}\n` +
                `Untouched: ${event.untouched.join(", ") || "none"}. Fix the cause, then run the same command with --resume.`;
        case "completed":
            return `${pc.green(pc.bold("Completed"))}: ${event.updated.length} stacks updated.`;
    }
}

/**
 * The `platform-kit fleet` command. Resolves to its exit status ({@link FLEET_EXIT}).
 * `workspace` replaces the Automation API adapter (tests); `write` replaces stdout.
 */
export async function fleetCommand(
    options: FleetCommandOptions,
    io: { workspace?: FleetWorkspace; write?: (text: string) => void } = {},
): Promise<number> {
    const write = io.write ?? ((text: string) => process.stdout.write(text + "\n"));
    let result: FleetResult;
    try {
        const stacks = parseStacks(options.stacks, options.dir);
        if (stacks.length === 0) throw new FleetInputError("--stacks: name at least one stack");
        const config = parseSettings(options.set ?? []);
        if (Object.keys(config).length === 0) throw new FleetInputError("--set: give the change as at least one key=value");
        for (const [flag, value] of [["--canary", options.canary], ["--wave-size", options.waveSize], ["--concurrency", options.concurrency]] as const) {
            if (value !== undefined && (!Number.isInteger(value) || value < (flag === "--canary" ? 0 : 1))) {
                throw new FleetInputError(`${flag} ${value}: expected a whole number of at least ${flag === "--canary" ? 0 : 1}`);
            }
        }
        const workspace = io.workspace ?? createAutomationWorkspace();
        if (!io.workspace && installedPulumiSdk() !== FLEET_TESTED_PULUMI_SDK && !options.json) {
            write(pc.yellow(`Note: fleet is tested with @pulumi/pulumi ${FLEET_TESTED_PULUMI_SDK}; this project has ${installedPulumiSdk()}.`));
        }
        const change = { description: options.description ?? Object.entries(config).map(([k, v]) => `${k}=${v}`).join(", "), config };
        const waveNames = new Map<number, string>();
        result = await runFleet({
            stacks,
            change,
            workspace,
            audit: new FileAuditLog(options.audit ?? path.join(".platform-kit", "fleet-audit.jsonl")),
            canary: options.canary,
            waveSize: options.waveSize,
            concurrency: options.concurrency,
            healthGate: options.healthCheck ? commandHealthGate(options.healthCheck, { timeoutMs: (options.healthTimeout ?? 600) * 1000 }) : undefined,
            dryRun: options.dryRun,
            resume: options.resume,
            onEvent: (event) => {
                if (event.kind === "planned") for (const w of event.waves) waveNames.set(w.index, w.name);
                if (options.json) return;
                const line = renderEvent(event, waveNames);
                if (line) write(line);
            },
        });
    } catch (error) {
        if (error instanceof FleetInputError || error instanceof RangeError || (error instanceof Error && error.name === "PulumiCliMissingError")) {
            write(pc.red(error.message));
            return FLEET_EXIT.badInput;
        }
        throw error;
    }
    if (options.json) write(JSON.stringify(result, null, 2));
    else if (result.status === "planned") write(pc.bold("Dry run: nothing was changed."));
    return result.status === "halted" ? FLEET_EXIT.halted : FLEET_EXIT.ok;
}
