import { performance } from "perf_hooks";
import { Finding, evaluatePolicies } from "../../policies";
import { ProgramRun, RecordedResource, maskedInputs } from "../../testing";
import { CriticalPath, criticalPath } from "./critical-path";
import { runProject } from "./loader";
import { LoadOptions, PulumiProject, loadProject } from "./project";

export { PlanInputError } from "./project";
export { ProgramError } from "./loader";

export interface PlanOptions extends LoadOptions {
    /** Only these policy packs (default: every pack under policies/). */
    packs?: string[];
    /** Per-pack policy configuration, as in a policy pack's config file. */
    policyConfig?: Record<string, Record<string, unknown>>;
}

/** Everything one offline plan found. */
export interface PlanResult {
    project: PulumiProject;
    run: ProgramRun;
    findings: Finding[];
    criticalPath: CriticalPath;
    /** Wall-clock milliseconds spent running the program and evaluating policies. */
    millis: number;
}

/** Runs a Pulumi project offline: program under mocks, every policy pack, critical path. */
export async function plan(dir: string, options: PlanOptions = {}): Promise<PlanResult> {
    const started = performance.now();
    const project = loadProject(dir, options);
    const run = await runProject(project);
    run.warnings.unshift(...project.notes);
    const findings = await evaluatePolicies(run.resources, { packs: options.packs, config: options.policyConfig });
    return { project, run, findings, criticalPath: criticalPath(run.resources), millis: performance.now() - started };
}

/** Non-exempt findings whose enforcement stops a deploy. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
    return findings.filter((f) => f.enforcement === "mandatory" && !f.exemption);
}

/** The `--json` form: one object, secrets masked. */
export interface PlanJson {
    project: string;
    stack: string;
    resources: Array<{ urn: string; type: string; name: string; parent?: string; dependencies: string[]; inputs: Record<string, unknown> }>;
    findings: Finding[];
    criticalPath: CriticalPath;
    warnings: string[];
}

export function toJson(result: PlanResult): PlanJson {
    return {
        project: result.project.name,
        stack: result.project.stack,
        resources: result.run.resources.map((r: RecordedResource) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            dependencies: r.dependencies,
            inputs: maskedInputs(r),
        })),
        findings: result.findings,
        criticalPath: result.criticalPath,
        warnings: result.run.warnings,
    };
}
