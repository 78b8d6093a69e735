import { Graphviz } from "@hpcc-js/wasm-graphviz";
import * as fs from "fs";
import * as path from "path";
import { Finding } from "../../policies";
import { RecordedResource } from "../../testing";
import { PlanResult, blockingFindings } from "./index";

/**
 * Pictures of a plan: the resource graph grouped by component, the critical path in red,
 * resources with findings filled (red: mandatory, amber: advisory). Laid out by Graphviz
 * (compiled to WebAssembly, so no system install), never by hand.
 */

const CRITICAL = "#c0392b";
const MANDATORY_FILL = "#f8d7da";
const ADVISORY_FILL = "#fff3cd";

/** DOT source for a plan. Exported for tests and for users who want to style it themselves. */
export function toDot(result: PlanResult): string {
    const { resources } = result.run;
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const critical = new Set(result.criticalPath.urns);
    const findingsByUrn = groupFindings(result.findings);
    const ids = new Map(resources.map((r, i) => [r.urn, `n${i}`]));
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of resources) {
        const parent = r.parent && byUrn.has(r.parent) ? r.parent : undefined;
        const list = children.get(parent) ?? [];
        list.push(r);
        children.set(parent, list);
    }

    // A node that stands for a component when an edge points at the component itself.
    const anchor = new Map<string, string>();
    const firstCustomInside = (urn: string): string | undefined => {
        if (anchor.has(urn)) return anchor.get(urn);
        for (const child of children.get(urn) ?? []) {
            const found = child.custom ? ids.get(child.urn) : firstCustomInside(child.urn);
            if (found) {
                anchor.set(urn, found);
                return found;
            }
        }
        return undefined;
    };

    const lines: string[] = [
        "digraph plan {",
        '  graph [rankdir=LR, compound=true, fontname="Helvetica", fontsize=11, nodesep=0.25, ranksep=0.6];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10, color="#5f6b7a"];',
        '  edge [color="#8a94a3", arrowsize=0.6];',
    ];
    const emit = (r: RecordedResource, indent: string) => {
        if (r.custom) {
            const findings = findingsByUrn.get(r.urn) ?? [];
            const mandatory = findings.some((f) => f.enforcement === "mandatory");
            const fill = findings.length === 0 ? "#ffffff" : mandatory ? MANDATORY_FILL : ADVISORY_FILL;
            const marks = findings.length > 0 ? `\n${mandatory ? "✖" : "!"} ${[...new Set(findings.map((f) => f.policy))].join(", ")}` : "";
            const border = critical.has(r.urn) ? `, color="${CRITICAL}", penwidth=2.2` : "";
            lines.push(`${indent}${ids.get(r.urn)} [label=${quote(`${r.name}\n${shortType(r.type)}${marks}`)}, fillcolor="${fill}"${border}, tooltip=${quote(r.urn)}];`);
            return;
        }
        const kids = children.get(r.urn) ?? [];
        if (kids.length === 0) return;
        lines.push(`${indent}subgraph cluster_${ids.get(r.urn)} {`);
        lines.push(`${indent}  label=${quote(`${r.name} (${r.type})`)}; style="rounded"; color="#b8c2cc"; fontcolor="#34495e";`);
        for (const k of kids) emit(k, indent + "  ");
        lines.push(`${indent}}`);
    };
    for (const r of children.get(undefined) ?? []) {
        if (r.type === "pulumi:pulumi:Stack") (children.get(r.urn) ?? []).forEach((k) => emit(k, "  "));
        else emit(r, "  ");
    }

    const criticalOrder = result.criticalPath.urns;
    const criticalEdges = new Set(criticalOrder.slice(1).map((urn, i) => `${criticalOrder[i]}->${urn}`));
    for (const r of resources) {
        if (!r.custom) continue;
        for (const dep of new Set(r.dependencies)) {
            const target = byUrn.get(dep);
            if (!target) continue;
            const from = target.custom ? ids.get(dep) : firstCustomInside(dep);
            if (!from) continue;
            const attrs = [
                target.custom ? "" : `ltail=cluster_${ids.get(dep)}`,
                criticalEdges.has(`${dep}->${r.urn}`) ? `color="${CRITICAL}", penwidth=2.2` : "",
            ].filter(Boolean);
            lines.push(`  ${from} -> ${ids.get(r.urn)}${attrs.length ? ` [${attrs.join(", ")}]` : ""};`);
        }
    }
    const minutes = Math.ceil(result.criticalPath.seconds / 60);
    const blocking = blockingFindings(result.findings).length;
    lines.push(
        `  label=${quote(`${result.project.name} (${result.project.stack}): ${resources.filter((r) => r.custom).length} resources. Red border: critical path, about ${minutes} min. Red fill: mandatory finding (${blocking}). Amber: advisory.`)};`,
    );
    lines.push('  labelloc="b";');
    lines.push("}");
    return lines.join("\n");
}

/** Renders the plan to `file`: `.svg` or `.html` (the SVG inside a page with the findings). */
export async function writePicture(result: PlanResult, file: string): Promise<void> {
    const ext = path.extname(file).toLowerCase();
    if (ext !== ".svg" && ext !== ".html") throw new Error(`--out ${file}: the picture must be a .svg or .html file`);
    const graphviz = await Graphviz.load();
    const svg = graphviz.dot(toDot(result), "svg");
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, ext === ".svg" ? svg : toHtml(result, svg));
}

function toHtml(result: PlanResult, svg: string): string {
    const findings = result.findings
        .map((f) => `<li class="${f.exemption ? "exempt" : f.enforcement}"><b>${escapeHtml(f.pack)}/${escapeHtml(f.policy)}</b> (${f.severity}, ${f.exemption ? `exempted: ${escapeHtml(f.exemption.reason)}` : f.enforcement}) on ${escapeHtml(f.resourceName ?? "the stack")}: ${escapeHtml(f.message)}</li>`)
        .join("\n");
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(result.project.name)}: offline plan</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:1.5rem;color:#2c3e50}li.mandatory{color:#c0392b}li.advisory{color:#8a6d00}li.exempt{color:#7f8c8d}.graph{overflow:auto;border:1px solid #dfe4ea;padding:.5rem}</style>
</head><body>
<h1>${escapeHtml(result.project.name)} <small>(stack ${escapeHtml(result.project.stack)})</small></h1>
<p>${result.run.resources.filter((r) => r.custom).length} resources; critical path about ${Math.ceil(result.criticalPath.seconds / 60)} min; ${result.findings.length} policy findings.</p>
<div class="graph">${svg.replace(/^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>/s, "")}</div>
<h2>Policy findings</h2><ul>${findings || "<li>none</li>"}</ul>
</body></html>
`;
}

function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
    const map = new Map<string, Finding[]>();
    for (const f of findings) {
        if (!f.urn || f.exemption) continue;
        const list = map.get(f.urn) ?? [];
        list.push(f);
        map.set(f.urn, list);
    }
    return map;
}

/** `aws:ec2/securityGroup:SecurityGroup` reads better as `aws ec2 SecurityGroup`. */
function shortType(type: string): string {
    const [provider, module, kind] = type.split(":");
    return `${provider} ${(module ?? "").split("/")[0]} ${kind ?? ""}`.trim();
}

function quote(text: string): string {
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function escapeHtml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
