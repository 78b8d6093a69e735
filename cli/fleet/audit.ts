import * as fs from "fs";
import * as path from "path";

export type AuditAction = "plan" | "preview" | "up" | "health-gate" | "halt" | "complete";
export type AuditOutcome = "succeeded" | "failed" | "skipped";

/** One line of the audit log. */
export interface AuditEntry {
    /** ISO 8601 time the action finished. */
    time: string;
    /** The change's stable id (see `changeId`), so `resume` matches only its own roll. */
    change: string;
    action: AuditAction;
    outcome: AuditOutcome;
    /** The stack acted on; absent for wave- and roll-level actions. */
    stack?: string;
    /** The wave's index (0 is the canary). */
    wave?: number;
    /** What Pulumi reported, in words ("1 to update, 12 unchanged"). */
    summary?: string;
    /** Why it failed. */
    error?: string;
    durationMs?: number;
    dryRun?: boolean;
}

/** Where audit entries go: a JSON-lines file, or memory in tests. */
export interface AuditSink {
    append(entry: AuditEntry): void;
    entries(): AuditEntry[];
}

/**
 * An append-only JSON-lines audit log: one line per action, written as the action ends,
 * so a crash loses at most the action in flight. Lines that do not parse are ignored when
 * read back (a line cut short by a crash).
 */
export class FileAuditLog implements AuditSink {
    constructor(readonly file: string) {}

    append(entry: AuditEntry): void {
        fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
        fs.appendFileSync(this.file, JSON.stringify(entry) + "\n", "utf8");
    }

    entries(): AuditEntry[] {
        if (!fs.existsSync(this.file)) return [];
        const out: AuditEntry[] = [];
        for (const line of fs.readFileSync(this.file, "utf8").split("\n")) {
            if (line.trim() === "") continue;
            try {
                out.push(JSON.parse(line) as AuditEntry);
            } catch {
                // A torn last line: the action it describes did not finish.
            }
        }
        return out;
    }
}

export class MemoryAuditLog implements AuditSink {
    readonly lines: string[] = [];

    append(entry: AuditEntry): void {
        this.lines.push(JSON.stringify(entry));
    }

    entries(): AuditEntry[] {
        return this.lines.map((line) => JSON.parse(line) as AuditEntry);
    }
}

/** What an earlier run of the same change finished: stacks updated and waves whose gate passed. */
export interface ResumeState {
    updatedStacks: Set<string>;
    passedWaves: Set<number>;
}

export function resumeState(entries: readonly AuditEntry[], change: string): ResumeState {
    const updatedStacks = new Set<string>();
    const passedWaves = new Set<number>();
    for (const entry of entries) {
        if (entry.change !== change || entry.dryRun || entry.outcome !== "succeeded") continue;
        if (entry.action === "up" && entry.stack !== undefined) updatedStacks.add(entry.stack);
        if (entry.action === "health-gate" && entry.wave !== undefined) passedWaves.add(entry.wave);
    }
    return { updatedStacks, passedWaves };
}
