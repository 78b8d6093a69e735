import { spawn } from "child_process";
import { AuditAction, AuditEntry, AuditOutcome, AuditSink, resumeState } from "./audit";
import { Wave, changeId, planWaves } from "./plan";
import { ChangeCounts, FleetChange, FleetStack, FleetWorkspace, describeChanges, isDestructive } from "./workspace";

export interface HealthGateContext {
    wave: Wave;
    stacks: FleetStack[];
}

/**
 * Decides whether the fleet is healthy after a wave: resolve `true` to go on; `false` or a
 * throw halts the roll (the message is audited).
 */
export type HealthGate = (context: HealthGateContext) => Promise<boolean> | boolean;

/** What the roll reports while it runs. */
export type FleetEvent =
    | { kind: "planned"; waves: Wave[]; plan: Record<string, StackPlan>; alreadyUpdated: string[] }
    | { kind: "stack-started"; action: "preview" | "up"; stack: string; wave: number }
    | { kind: "stack-finished"; action: "preview" | "up"; stack: string; wave: number; outcome: AuditOutcome; summary?: string; error?: string }
    | { kind: "gate"; wave: number; outcome: AuditOutcome; error?: string }
    | { kind: "halted"; failure: FleetFailure; untouched: string[] }
    | { kind: "completed"; updated: string[] };

export interface StackPlan {
    wave: number;
    outcome: AuditOutcome;
    changes?: ChangeCounts;
    /** `describeChanges` of the preview. */
    summary?: string;
    /** The preview would replace or delete something. */
    destructive?: boolean;
    error?: string;
}

export interface FleetFailure {
    action: "preview" | "up" | "health-gate";
    wave: number;
    stack?: string;
    error: string;
}

export interface FleetOptions {
    /** The stacks, least important first: the first `canary` form the canary wave. */
    stacks: FleetStack[];
    change: FleetChange;
    workspace: FleetWorkspace;
    audit: AuditSink;
    /** @default 1 */
    canary?: number;
    /** @default 5 */
    waveSize?: number;
    /**
     * Stacks updated at the same time within a wave.
     * @default 1
     */
    concurrency?: number;
    /** Checked after each wave; a failure halts the roll. */
    healthGate?: HealthGate;
    /** Preview every stack, print the plan, change nothing. */
    dryRun?: boolean;
    /** Skip stacks the audit log shows this change already updated, and waves whose gate passed. */
    resume?: boolean;
    onEvent?: (event: FleetEvent) => void;
    /** @default () => new Date() */
    clock?: () => Date;
}

export interface FleetResult {
    /** `planned`: a dry run; `halted`: stopped at `failure`; `completed`: every stack updated and every gate passed. */
    status: "planned" | "halted" | "completed";
    change: string;
    waves: Wave[];
    plan: Record<string, StackPlan>;
    /** Stacks this run updated. */
    updated: string[];
    /** Stacks an earlier run of the same change had updated (with `resume`). */
    alreadyUpdated: string[];
    /** Stacks nobody updated with this change. */
    untouched: string[];
    failure?: FleetFailure;
}

const MAX_ERROR = 2000;

function message(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}...` : text;
}

/**
 * Runs `work` over `items`, at most `limit` at a time, in order. After the first item whose
 * work resolves `false`, no new item starts; those already running finish.
 */
export async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<boolean>): Promise<boolean> {
    let next = 0;
    let ok = true;
    const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (ok && next < items.length) {
            const item = items[next++];
            if (!(await work(item))) ok = false;
        }
    });
    await Promise.all(runners);
    return ok;
}

/**
 * Rolls one change across many stacks: a plan (a preview of every stack, nothing changed),
 * then wave by wave (canary first) `up` with a concurrency limit and a health gate after each
 * wave. The first failure halts the roll and leaves every later stack untouched; `resume`
 * continues from the audit log.
 */
export async function runFleet(options: FleetOptions): Promise<FleetResult> {
    const { workspace, audit, change } = options;
    const clock = options.clock ?? (() => new Date());
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
    const id = changeId(change);
    const byId = new Map(options.stacks.map((s) => [s.id, s]));
    const waves = planWaves(options.stacks.map((s) => s.id), { canary: options.canary, waveSize: options.waveSize });
    const waveOf = new Map<string, number>();
    for (const wave of waves) for (const stack of wave.stacks) waveOf.set(stack, wave.index);
    const emit = options.onEvent ?? (() => undefined);
    const dryRun = options.dryRun ?? false;

    const record = (action: AuditAction, outcome: AuditOutcome, extra: Partial<AuditEntry> = {}) =>
        audit.append({ time: clock().toISOString(), change: id, action, outcome, ...(dryRun ? { dryRun } : {}), ...extra });

    const previous = options.resume ? resumeState(audit.entries(), id) : { updatedStacks: new Set<string>(), passedWaves: new Set<number>() };
    const alreadyUpdated = options.stacks.map((s) => s.id).filter((s) => previous.updatedStacks.has(s));
    const updated: string[] = [];
    const untouched = () => options.stacks.map((s) => s.id).filter((s) => !previous.updatedStacks.has(s) && !updated.includes(s));
    const result = (status: FleetResult["status"], plan: Record<string, StackPlan>, failure?: FleetFailure): FleetResult => ({
        status,
        change: id,
        waves,
        plan,
        updated: [...updated],
        alreadyUpdated,
        untouched: untouched(),
        failure,
    });
    const halt = (plan: Record<string, StackPlan>, failure: FleetFailure): FleetResult => {
        record("halt", "failed", { wave: failure.wave, stack: failure.stack, error: failure.error });
        emit({ kind: "halted", failure, untouched: untouched() });
        return result("halted", plan, failure);
    };

    // 1. The plan: preview every stack still to update. Previews leave stacks as they were.
    const plan: Record<string, StackPlan> = {};
    const toPreview = options.stacks.filter((s) => !previous.updatedStacks.has(s.id));
    let planFailure: FleetFailure | undefined;
    await runLimited(toPreview, concurrency, async (stack) => {
        const wave = waveOf.get(stack.id)!;
        emit({ kind: "stack-started", action: "preview", stack: stack.id, wave });
        const started = Date.now();
        try {
            const { changes } = await workspace.preview(stack, change);
            const summary = describeChanges(changes);
            plan[stack.id] = { wave, outcome: "succeeded", changes, summary, destructive: isDestructive(changes) };
            record("preview", "succeeded", { stack: stack.id, wave, summary, durationMs: Date.now() - started });
            emit({ kind: "stack-finished", action: "preview", stack: stack.id, wave, outcome: "succeeded", summary });
            return true;
        } catch (error) {
            const text = message(error);
            plan[stack.id] = { wave, outcome: "failed", error: text };
            record("preview", "failed", { stack: stack.id, wave, error: text, durationMs: Date.now() - started });
            emit({ kind: "stack-finished", action: "preview", stack: stack.id, wave, outcome: "failed", error: text });
            planFailure ??= { action: "preview", wave, stack: stack.id, error: text };
            return false;
        }
    });
    record("plan", planFailure ? "failed" : "succeeded", { summary: `${toPreview.length} stacks to roll in ${waves.length} waves: ${change.description}` });
    emit({ kind: "planned", waves, plan, alreadyUpdated });
    if (planFailure) return halt(plan, planFailure);
    if (dryRun) return result("planned", plan);

    // 2. Wave by wave: up, then the health gate.
    for (const wave of waves) {
        const pending = wave.stacks.filter((s) => !previous.updatedStacks.has(s));
        let failure: FleetFailure | undefined;
        await runLimited(pending, concurrency, async (stackId) => {
            const stack = byId.get(stackId)!;
            emit({ kind: "stack-started", action: "up", stack: stackId, wave: wave.index });
            const started = Date.now();
            try {
                const { changes } = await workspace.up(stack, change);
                const summary = describeChanges(changes);
                updated.push(stackId);
                record("up", "succeeded", { stack: stackId, wave: wave.index, summary, durationMs: Date.now() - started });
                emit({ kind: "stack-finished", action: "up", stack: stackId, wave: wave.index, outcome: "succeeded", summary });
                return true;
            } catch (error) {
                const text = message(error);
                record("up", "failed", { stack: stackId, wave: wave.index, error: text, durationMs: Date.now() - started });
                emit({ kind: "stack-finished", action: "up", stack: stackId, wave: wave.index, outcome: "failed", error: text });
                failure ??= { action: "up", wave: wave.index, stack: stackId, error: text };
                return false;
            }
        });
        if (failure) return halt(plan, failure);

        if (!options.healthGate) continue;
        if (pending.length === 0 && previous.passedWaves.has(wave.index)) continue;
        const started = Date.now();
        let healthy = false;
        let gateError: string | undefined;
        try {
            healthy = (await options.healthGate({ wave, stacks: wave.stacks.map((s) => byId.get(s)!) })) === true;
            if (!healthy) gateError = `health gate reported unhealthy after ${wave.name}`;
        } catch (error) {
            gateError = message(error);
        }
        record("health-gate", healthy ? "succeeded" : "failed", { wave: wave.index, error: gateError, durationMs: Date.now() - started });
        emit({ kind: "gate", wave: wave.index, outcome: healthy ? "succeeded" : "failed", error: gateError });
        if (!healthy) return halt(plan, { action: "health-gate", wave: wave.index, error: gateError! });
    }
    record("complete", "succeeded", { summary: `${updated.length} stacks updated, ${alreadyUpdated.length} already done` });
    emit({ kind: "completed", updated: [...updated] });
    return result("completed", plan);
}

/**
 * A health gate that runs a shell command after each wave: exit status 0 is healthy.
 * The command sees `FLEET_WAVE` (index), `FLEET_WAVE_NAME` and `FLEET_STACKS` (comma-separated ids).
 */
export function commandHealthGate(command: string, options: { cwd?: string; timeoutMs?: number } = {}): HealthGate {
    return ({ wave }) =>
        new Promise<boolean>((resolve, reject) => {
            const child = spawn(command, {
                shell: true,
                cwd: options.cwd,
                stdio: ["ignore", "pipe", "pipe"],
                env: { ...process.env, FLEET_WAVE: String(wave.index), FLEET_WAVE_NAME: wave.name, FLEET_STACKS: wave.stacks.join(",") },
            });
            let output = "";
            child.stdout.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-MAX_ERROR)));
            child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-MAX_ERROR)));
            const timer = setTimeout(() => {
                child.kill("SIGTERM");
                reject(new Error(`health gate "${command}" did not finish within ${options.timeoutMs} ms`));
            }, options.timeoutMs ?? 600_000);
            child.on("error", (error) => {
                clearTimeout(timer);
                reject(error);
            });
            child.on("close", (code) => {
                clearTimeout(timer);
                if (code === 0) resolve(true);
                else reject(new Error(`health gate "${command}" exited with ${code}${output ? `: ${output.trim()}` : ""}`));
            });
        });
}
