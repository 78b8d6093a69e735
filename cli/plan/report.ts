import * as path from "path";
import Table = require("cli-table3");
import pc = require("picocolors");
import { Finding } from "../../policies";
import { RecordedResource } from "../../testing";
import { PlanResult, blockingFindings } from "./index";
import { secondsFor } from "./critical-path";

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** The human form of a plan: tree, counts, findings, critical path, warnings. */
export function renderText(result: PlanResult): string {
    const { project, run } = result;
    const custom = run.resources.filter((r) => r.custom);
    const out: string[] = [];
    out.push(pc.bold(`platform-kit plan: ${project.name} (stack ${project.stack})`));
    out.push(`  program ${path.relative(process.cwd(), project.entry) || project.entry}`);
    out.push(`  ${custom.length} cloud resources, ${run.resources.length - custom.length} components, planned offline in ${(result.millis / 1000).toFixed(1)} s`);
    out.push("");
    out.push(pc.bold("Resources"));
    out.push(...renderTree(run.resources));
    out.push("");
    out.push(pc.bold("Counts"));
    out.push(renderCounts(custom));
    out.push("");
    out.push(...renderFindings(result.findings));
    out.push("");
    out.push(...renderCriticalPath(result));
    if (run.warnings.length > 0) {
        out.push("");
        out.push(pc.bold(`Warnings (${run.warnings.length})`));
        for (const w of run.warnings) out.push(`  ${pc.yellow("!")} ${w}`);
    }
    const blocking = blockingFindings(result.findings);
    out.push("");
    out.push(
        blocking.length > 0
            ? pc.red(pc.bold(`${blocking.length} mandatory policy violation${blocking.length === 1 ? "" : "s"}: a deploy of this program would be refused.`))
            : pc.green("No mandatory policy violations."),
    );
    return out.join("\n");
}

function renderTree(resources: readonly RecordedResource[]): string[] {
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const lines: string[] = [];
    const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean) => {
        const branch = root ? "" : last ? "└─ " : "├─ ";
        const label = r.custom ? `${pc.dim(r.type)} ${r.name}` : `${pc.cyan(r.type)} ${pc.bold(r.name)}`;
        lines.push(`  ${prefix}${branch}${label}`);
        const kids = children.get(r.urn) ?? [];
        const nextPrefix = root ? "" : prefix + (last ? "   " : "│  ");
        kids.forEach((k, i) => walk(k, nextPrefix, i === kids.length - 1, false));
    };
    const urns = new Set(resources.map((r) => r.urn));
    const roots = resources.filter((r) => !r.parent || !urns.has(r.parent));
    roots.forEach((r) => walk(r, "", true, true));
    return lines;
}

function renderCounts(custom: readonly RecordedResource[]): string {
    const byCloud = new Map<string, number>();
    const byType = new Map<string, number>();
    for (const r of custom) {
        const cloud = r.type.startsWith("pulumi:providers:") ? "providers" : r.type.split(":")[0];
        byCloud.set(cloud, (byCloud.get(cloud) ?? 0) + 1);
        byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    }
    const table = new Table({ head: ["cloud", "type", "count"], style: { head: [], border: [] } });
    for (const [cloud, total] of [...byCloud].sort()) {
        table.push([pc.bold(cloud), pc.bold("all"), pc.bold(String(total))]);
        for (const [type, n] of [...byType].filter(([t]) => t.split(":")[0] === cloud || (cloud === "providers" && t.startsWith("pulumi:providers:"))).sort()) {
            table.push(["", type, String(n)]);
        }
    }
    return table.toString().split("\n").map((l) => `  ${l}`).join("\n");
}

function renderFindings(findings: readonly Finding[]): string[] {
    const lines: string[] = [];
    const exempted = findings.filter((f) => f.exemption);
    const active = findings.filter((f) => !f.exemption);
    const mandatory = active.filter((f) => f.enforcement === "mandatory").length;
    lines.push(pc.bold(`Policy findings: ${active.length} (${mandatory} mandatory), ${exempted.length} exempted`));
    const sorted = [...active].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.policy.localeCompare(b.policy));
    for (const f of sorted) {
        const mark = f.enforcement === "mandatory" ? pc.red("✖ mandatory") : f.enforcement === "remediate" ? pc.blue("↺ remediate") : pc.yellow("! advisory ");
        lines.push(`  ${mark} ${f.severity.padEnd(8)} ${f.pack}/${f.policy}${f.resourceName ? ` on ${f.resourceName}` : ""}`);
        lines.push(`      ${f.message}`);
    }
    for (const f of exempted) {
        lines.push(`  ${pc.dim("○ exempted")}  ${f.pack}/${f.policy}${f.resourceName ? ` on ${f.resourceName}` : ""}: ${f.exemption?.reason} (by ${f.exemption?.source})`);
    }
    return lines;
}

function renderCriticalPath(result: PlanResult): string[] {
    const { seconds, urns } = result.criticalPath;
    const byUrn = new Map(result.run.resources.map((r) => [r.urn, r]));
    const lines = [pc.bold(`Critical path: about ${Math.ceil(seconds / 60)} min (${seconds} s) over ${urns.length} resources`)];
    for (const urn of urns) {
        const r = byUrn.get(urn);
        if (r) lines.push(`  ${String(secondsFor(r.type)).padStart(5)} s  ${pc.dim(r.type)} ${r.name}`);
    }
    return lines;
}
