import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    FileAuditLog,
    FleetChange,
    FleetEvent,
    FleetStack,
    FleetWorkspace,
    MemoryAuditLog,
    StackOperationResult,
    changeId,
    commandHealthGate,
    describeChanges,
    findPulumiCli,
    fleetCommand,
    planWaves,
    runFleet,
    runLimited,
    AutomationWorkspace,
} from "../../cli/fleet";

/** The engine boundary, faked: records every call, the highest concurrency, and fails on demand. */
class FakeWorkspace implements FleetWorkspace {
    readonly calls: Array<{ op: "preview" | "up"; stack: string }> = [];
    inFlight = 0;
    maxInFlight = 0;
    constructor(
        private readonly failing: { preview?: string[]; up?: string[] } = {},
        private readonly delayMs = 5,
    ) {}

    preview(stack: FleetStack, change: FleetChange): Promise<StackOperationResult> {
        return this.op("preview", stack, change);
    }

    up(stack: FleetStack, change: FleetChange): Promise<StackOperationResult> {
        return this.op("up", stack, change);
    }

    ups(): string[] {
        return this.calls.filter((c) => c.op === "up").map((c) => c.stack);
    }

    private async op(op: "preview" | "up", stack: FleetStack, _change: FleetChange): Promise<StackOperationResult> {
        this.calls.push({ op, stack: stack.id });
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
            await new Promise((r) => setTimeout(r, this.delayMs));
            if (this.failing[op]?.includes(stack.id)) throw new Error(`${op} of ${stack.id} failed: update conflict`);
            return { changes: op === "preview" ? { update: 1, same: 12 } : { update: 1, same: 12 } };
        } finally {
            this.inFlight--;
        }
    }
}

const stacks = (n: number): FleetStack[] => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, workDir: "/work/app", stackName: `s${i + 1}` }));
const change: FleetChange = { description: "PostgreSQL 16 -> 17", config: { "data:postgresVersion": "17" } };
const fixedClock = () => new Date("2026-11-25T00:00:00.000Z");

describe("fleet: wave plan", () => {
    it("puts a canary first, then waves of N, in the order given", () => {
        assert.deepEqual(planWaves(["a", "b", "c", "d", "e", "f"], { canary: 1, waveSize: 2 }), [
            { index: 0, name: "canary", stacks: ["a"] },
            { index: 1, name: "wave 1", stacks: ["b", "c"] },
            { index: 2, name: "wave 2", stacks: ["d", "e"] },
            { index: 3, name: "wave 3", stacks: ["f"] },
        ]);
        assert.deepEqual(planWaves(["a", "b"], { canary: 0, waveSize: 5 }), [{ index: 1, name: "wave 1", stacks: ["a", "b"] }]);
        assert.throws(() => planWaves(["a", "a"]), /listed twice/);
        assert.throws(() => planWaves(["a"], { waveSize: 0 }), RangeError);
    });

    it("identifies a change by its config, whatever the order", () => {
        assert.equal(changeId({ description: "x", config: { a: "1", b: "2" } }), changeId({ description: "y", config: { b: "2", a: "1" } }));
        assert.notEqual(changeId({ description: "x", config: { a: "1" } }), changeId({ description: "x", config: { a: "2" } }));
    });

    it("describes what a preview would change, worst first", () => {
        assert.equal(describeChanges({ same: 10, update: 2, replace: 1 }), "1 to replace, 2 to update, 10 unchanged");
        assert.equal(describeChanges({}), "no changes");
    });
});

describe("fleet: orchestration against a fake workspace", () => {
    it("previews every stack first, then rolls wave by wave with a gate after each", async () => {
        const workspace = new FakeWorkspace();
        const audit = new MemoryAuditLog();
        const gates: string[] = [];
        const result = await runFleet({
            stacks: stacks(5),
            change,
            workspace,
            audit,
            canary: 1,
            waveSize: 2,
            concurrency: 2,
            healthGate: ({ wave }) => {
                gates.push(`${wave.name}:${workspace.ups().join(",")}`);
                return true;
            },
            clock: fixedClock,
        });
        assert.equal(result.status, "completed");
        assert.deepEqual(result.updated.sort(), ["s1", "s2", "s3", "s4", "s5"]);
        const firstUp = workspace.calls.findIndex((c) => c.op === "up");
        assert.deepEqual(workspace.calls.slice(0, firstUp).map((c) => c.op), ["preview", "preview", "preview", "preview", "preview"]);
        assert.deepEqual(gates, ["canary:s1", "wave 1:s1,s2,s3", "wave 2:s1,s2,s3,s4,s5"]);
        assert.equal(result.plan.s3.summary, "1 to update, 12 unchanged");
    });

    it("never runs more stacks at once than the concurrency limit", async () => {
        for (const concurrency of [1, 3]) {
            const workspace = new FakeWorkspace({}, 15);
            await runFleet({ stacks: stacks(10), change, workspace, audit: new MemoryAuditLog(), canary: 1, waveSize: 9, concurrency });
            assert.equal(workspace.maxInFlight, concurrency, `concurrency ${concurrency}`);
        }
    });

    it("a dry run previews every stack and never calls up", async () => {
        const workspace = new FakeWorkspace();
        const audit = new MemoryAuditLog();
        const result = await runFleet({ stacks: stacks(4), change, workspace, audit, dryRun: true, healthGate: () => assert.fail("no gate in a dry run") });
        assert.equal(result.status, "planned");
        assert.deepEqual(workspace.ups(), []);
        assert.equal(workspace.calls.length, 4);
        assert.deepEqual(result.untouched, ["s1", "s2", "s3", "s4"]);
        assert.ok(audit.entries().every((e) => e.dryRun === true));
    });

    it("halts on the first failed update and leaves later stacks untouched", async () => {
        const workspace = new FakeWorkspace({ up: ["s3"] });
        const events: FleetEvent[] = [];
        const result = await runFleet({ stacks: stacks(7), change, workspace, audit: new MemoryAuditLog(), canary: 1, waveSize: 3, concurrency: 1, onEvent: (e) => events.push(e) });
        assert.equal(result.status, "halted");
        assert.deepEqual(result.failure, { action: "up", wave: 1, stack: "s3", error: "up of s3 failed: update conflict" });
        assert.deepEqual(workspace.ups(), ["s1", "s2", "s3"], "s4 (same wave, not started) and later waves are never updated");
        assert.deepEqual(result.updated, ["s1", "s2"]);
        assert.deepEqual(result.untouched, ["s3", "s4", "s5", "s6", "s7"]);
        assert.ok(events.some((e) => e.kind === "halted"));
    });

    it("halts before any update when a preview fails", async () => {
        const workspace = new FakeWorkspace({ preview: ["s4"] });
        const result = await runFleet({ stacks: stacks(5), change, workspace, audit: new MemoryAuditLog() });
        assert.equal(result.status, "halted");
        assert.equal(result.failure?.action, "preview");
        assert.deepEqual(workspace.ups(), []);
    });

    it("halts when the health gate fails after a wave", async () => {
        const workspace = new FakeWorkspace();
        const result = await runFleet({
            stacks: stacks(5),
            change,
            workspace,
            audit: new MemoryAuditLog(),
            canary: 1,
            waveSize: 2,
            healthGate: ({ wave }) => {
                if (wave.index === 1) throw new Error("p99 latency 900 ms");
                return true;
            },
        });
        assert.equal(result.status, "halted");
        assert.deepEqual(result.failure, { action: "health-gate", wave: 1, error: "p99 latency 900 ms" });
        assert.deepEqual(workspace.ups(), ["s1", "s2", "s3"]);
    });

    it("resumes from the audit log: skips updated stacks, reruns the failed gate, finishes the rest", async () => {
        const audit = new MemoryAuditLog();
        let healthy = false;
        const gate = ({ wave }: { wave: { index: number } }) => wave.index === 0 || healthy;
        const first = await runFleet({ stacks: stacks(5), change, workspace: new FakeWorkspace(), audit, canary: 1, waveSize: 2, healthGate: gate });
        assert.equal(first.status, "halted");

        healthy = true;
        const workspace = new FakeWorkspace();
        const second = await runFleet({ stacks: stacks(5), change, workspace, audit, canary: 1, waveSize: 2, healthGate: gate, resume: true });
        assert.equal(second.status, "completed");
        assert.deepEqual(second.alreadyUpdated, ["s1", "s2", "s3"]);
        assert.deepEqual(workspace.ups(), ["s4", "s5"]);
        assert.deepEqual(workspace.calls.filter((c) => c.op === "preview").map((c) => c.stack), ["s4", "s5"]);

        const other = await runFleet({ stacks: stacks(2), change: { description: "other", config: { "data:postgresVersion": "18" } }, workspace: new FakeWorkspace(), audit, resume: true, dryRun: true });
        assert.deepEqual(other.alreadyUpdated, [], "a different change starts from scratch");
    });

    it("writes one JSON line per action with stack, wave, action, outcome and time", async () => {
        const audit = new MemoryAuditLog();
        await runFleet({ stacks: stacks(2), change, workspace: new FakeWorkspace({ up: ["s2"] }), audit, canary: 1, waveSize: 1, healthGate: () => true, clock: fixedClock });
        const id = changeId(change);
        const strip = audit.entries().map(({ durationMs: _d, ...e }) => e);
        assert.deepEqual(strip, [
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "preview", outcome: "succeeded", stack: "s1", wave: 0, summary: "1 to update, 12 unchanged" },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "preview", outcome: "succeeded", stack: "s2", wave: 1, summary: "1 to update, 12 unchanged" },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "plan", outcome: "succeeded", summary: "2 stacks to roll in 2 waves: PostgreSQL 16 -> 17" },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "up", outcome: "succeeded", stack: "s1", wave: 0, summary: "1 to update, 12 unchanged" },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "health-gate", outcome: "succeeded", wave: 0, error: undefined },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "up", outcome: "failed", stack: "s2", wave: 1, error: "up of s2 failed: update conflict" },
            { time: "2026-11-25T00:00:00.000Z", change: id, action: "halt", outcome: "failed", wave: 1, stack: "s2", error: "up of s2 failed: update conflict" },
        ].map((e) => JSON.parse(JSON.stringify(e))));
        assert.ok(audit.lines.every((line) => !line.includes("\n")));
    });

    it("stops starting new work after a failure while letting running work finish", async () => {
        const started: number[] = [];
        const ok = await runLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
            started.push(n);
            await new Promise((r) => setTimeout(r, n === 2 ? 1 : 10));
            return n !== 2;
        });
        assert.equal(ok, false);
        assert.deepEqual(started, [1, 2]);
    });
});

describe("fleet: command, audit file, health command, CLI detection", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-"));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("appends audit lines to a file and reads them back, ignoring a torn last line", () => {
        const file = path.join(tmp, "audit", "fleet.jsonl");
        const log = new FileAuditLog(file);
        log.append({ time: "t", change: "c", action: "up", outcome: "succeeded", stack: "a", wave: 0 });
        fs.appendFileSync(file, '{"time":"t","cha');
        assert.deepEqual(log.entries(), [{ time: "t", change: "c", action: "up", outcome: "succeeded", stack: "a", wave: 0 }]);
    });

    it("runs a shell health gate with the wave in its environment", async () => {
        const gate = commandHealthGate('test "$FLEET_WAVE_NAME" = canary && test "$FLEET_STACKS" = a,b');
        assert.equal(await gate({ wave: { index: 0, name: "canary", stacks: ["a", "b"] }, stacks: [] }), true);
        await assert.rejects(async () => gate({ wave: { index: 1, name: "wave 1", stacks: ["c"] }, stacks: [] }), /exited with 1/);
    });

    it("finds the pulumi CLI only on the PATH, and says clearly when it is missing", () => {
        const bin = path.join(tmp, "bin");
        fs.mkdirSync(bin, { recursive: true });
        assert.equal(findPulumiCli(bin, "linux"), undefined);
        assert.throws(() => AutomationWorkspace.create(bin), /needs the pulumi CLI on the PATH/);
        fs.writeFileSync(path.join(bin, "pulumi"), "#!/bin/sh\n", { mode: 0o755 });
        assert.equal(findPulumiCli(`/nonexistent${path.delimiter}${bin}`, "linux"), path.join(bin, "pulumi"));
    });

    it("fleetCommand plans, rolls and reports with exit statuses", async () => {
        const lines: string[] = [];
        const audit = path.join(tmp, "cmd.jsonl");
        const workspace = new FakeWorkspace({ up: ["prod-eu"] });
        const code = await fleetCommand(
            { stacks: ["dev,staging", "prod-eu", "prod-us"], set: ["data:postgresVersion=17"], canary: 1, waveSize: 2, audit },
            { workspace, write: (t) => lines.push(t) },
        );
        assert.equal(code, 1);
        assert.deepEqual(workspace.ups(), ["dev", "staging", "prod-eu"]);
        const text = lines.join("\n");
        assert.match(text, /Plan/);
        assert.match(text, /Halted/);
        assert.match(text, /Untouched: prod-eu, prod-us/);
        assert.equal(fs.readFileSync(audit, "utf8").trim().split("\n").length, 4 + 1 + 3 + 1);

        const dry = await fleetCommand({ stacks: ["dev"], set: ["a=b"], dryRun: true, audit }, { workspace: new FakeWorkspace(), write: () => undefined });
        assert.equal(dry, 0);
        const bad = await fleetCommand({ stacks: ["dev"], set: ["no-equals"], audit }, { workspace: new FakeWorkspace(), write: (t) => lines.push(t) });
        assert.equal(bad, 2);
        assert.match(lines[lines.length - 1], /--set no-equals: expected key=value/);
    });
});
