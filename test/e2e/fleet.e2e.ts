import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { AuditEntry } from "../../cli/fleet/audit";
import { createWorkspace, expectSuccess, pulumi, repoRoot, withEngine, Workspace } from "./harness";

// `platform-kit fleet` driving real local stacks through the Automation API: the built
// `pulumi` CLI on the PATH, a file backend, each stack's ConfigMap rendered to a folder.

const STACKS = ["canary", "eu", "us"];
const KEY = "platform-kit-e2e-fleet:engineVersion";

describe("real engine: platform-kit fleet rolls a change over three local stacks", () => {
    let ws: Workspace;
    let auditFile: string;

    const versionOf = (stack: string): string => {
        const dir = path.join(ws.renderDir, stack);
        const file = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".yaml"));
        assert.ok(file, `stack ${stack} rendered its ConfigMap`);
        return (parse(fs.readFileSync(path.join(dir, file), "utf8")) as { data: { engineVersion: string } }).data.engineVersion;
    };
    const audit = (): AuditEntry[] =>
        fs.existsSync(auditFile) ? fs.readFileSync(auditFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as AuditEntry) : [];
    const fleet = (...args: string[]) =>
        withEngine(ws, [process.execPath, path.join(repoRoot, "bin", "platform-kit.js"), "fleet", "--dir", ws.projectDir, "--stacks", STACKS.join(","), "--audit", auditFile, ...args]);

    before(() => {
        ws = createWorkspace("fleet-app");
        auditFile = path.join(ws.projectDir, "..", "audit.jsonl");
        for (const stack of STACKS) {
            expectSuccess(pulumi(ws, ["stack", "init", stack]), `stack init ${stack}`);
            expectSuccess(pulumi(ws, ["config", "set", "engineVersion", "16", "--stack", stack]), `config set on ${stack}`);
            expectSuccess(pulumi(ws, ["up", "--yes", "--stack", stack]), `first up of ${stack}`);
        }
    });

    after(() => ws?.dispose());

    it("a dry run previews every stack and changes none", () => {
        expectSuccess(fleet("--set", `${KEY}=17`, "--dry-run"), "fleet --dry-run");
        assert.deepEqual(STACKS.map(versionOf), ["16", "16", "16"]);
        const entries = audit();
        assert.deepEqual(entries.filter((e) => e.action === "preview").map((e) => `${e.stack} ${e.outcome}`).sort(), ["canary succeeded", "eu succeeded", "us succeeded"]);
        assert.equal(entries.filter((e) => e.action === "up").length, 0);
    });

    it("halts after the canary wave when its health gate fails, leaving the other stacks untouched", () => {
        const result = fleet("--set", `${KEY}=17`, "--canary", "1", "--wave-size", "2", "--health-check", "exit 1");
        assert.equal(result.status, 1, result.output);
        assert.deepEqual(STACKS.map(versionOf), ["17", "16", "16"]);
        const ups = audit().filter((e) => e.action === "up" && !e.dryRun);
        assert.deepEqual(ups.map((e) => `${e.stack} wave ${e.wave} ${e.outcome}`), ["canary wave 0 succeeded"]);
    });

    it("resumes from the audit log, updates the rest and never repeats the canary", () => {
        expectSuccess(fleet("--set", `${KEY}=17`, "--canary", "1", "--wave-size", "2", "--health-check", "true", "--resume"), "fleet --resume");
        assert.deepEqual(STACKS.map(versionOf), ["17", "17", "17"]);
        const ups = audit().filter((e) => e.action === "up" && e.outcome === "succeeded");
        assert.deepEqual(ups.map((e) => e.stack).sort(), ["canary", "eu", "us"]);
        assert.ok(audit().some((e) => e.action === "complete" && e.outcome === "succeeded"));
    });
});
