/**
 * `platform-kit lab`: the workshop. `list` shows the labs, `start` copies a lab's starter
 * into a folder of the attendee's, `check` plans a program offline and reports every
 * objective of the lab as met or not, with a hint for each one that is not.
 */
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import pc = require("picocolors");
import { PlanResult, plan } from "../plan";
import { KIT_ROOT, installLoader } from "../plan/loader";
import { LabDefinition, Objective } from "./objectives";

export * from "./objectives";

/** Where the labs live: `labs/NN-name/` in the kit. */
export const LABS_ROOT = path.join(KIT_ROOT, "labs");

/** Exit statuses of `lab check` (and of `lab start` / `lab list` on bad input). */
export const LAB_EXIT = { ok: 0, notMet: 1, badInput: 2 } as const;

/** A mistake in what was asked of `lab`: printed as is, exit status 2. */
export class LabInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "LabInputError";
    }
}

export interface LabInfo {
    /** Two digits: `"01"`. */
    id: string;
    /** The folder name: `01-offline-plan`. */
    slug: string;
    dir: string;
    title: string;
    minutes: number;
}

/** Files of a lab folder that belong to the guide, not to the attendee's starter. */
const NOT_STARTER = new Set(["solution", "checks.ts", "solution.svg", "node_modules"]);

/** Every lab, in order. */
export function listLabs(root = LABS_ROOT): LabInfo[] {
    if (!fs.existsSync(root)) return [];
    return fs
        .readdirSync(root)
        .filter((entry) => /^\d{2}-[a-z0-9-]+$/.test(entry) && fs.existsSync(path.join(root, entry, "checks.ts")))
        .sort()
        .map((slug) => {
            const dir = path.join(root, slug);
            const definition = loadDefinition(dir);
            return { id: slug.slice(0, 2), slug, dir, title: definition.title, minutes: definition.minutes };
        });
}

/** The lab for `01`, `1` or `01-offline-plan`. */
export function findLab(idArg: string, root = LABS_ROOT): LabInfo {
    const labs = listLabs(root);
    const wanted = /^\d+$/.test(idArg) ? idArg.padStart(2, "0") : idArg;
    const lab = labs.find((l) => l.id === wanted || l.slug === wanted);
    if (!lab) {
        throw new LabInputError(`there is no lab "${idArg}". The labs are ${labs.map((l) => l.id).join(", ")} (see: platform-kit lab list)`);
    }
    return lab;
}

/** A lab's `checks.ts`. */
export function loadDefinition(labDir: string): LabDefinition {
    installLoader();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(labDir, "checks.ts")) as { default?: LabDefinition };
    if (!loaded.default || !Array.isArray(loaded.default.objectives)) {
        throw new Error(`${path.join(labDir, "checks.ts")} must export default a LabDefinition ({ title, minutes, objectives })`);
    }
    return loaded.default;
}

/** The starter's files, relative to the lab folder (everything but the solution and the checks). */
export function starterFiles(lab: LabInfo): string[] {
    const files: string[] = [];
    const walk = (rel: string) => {
        for (const entry of fs.readdirSync(path.join(lab.dir, rel), { withFileTypes: true })) {
            const relPath = path.join(rel, entry.name);
            if (rel === "" && NOT_STARTER.has(entry.name)) continue;
            if (entry.isDirectory()) walk(relPath);
            else files.push(relPath);
        }
    };
    walk("");
    return files.sort();
}

/**
 * Copies a lab's starter into `target`, which must not exist yet or be empty: an attendee's
 * work is never overwritten. Returns the files copied.
 */
export function startLab(idArg: string, target: string): { lab: LabInfo; dir: string; files: string[] } {
    const lab = findLab(idArg);
    const dir = path.resolve(target);
    if (fs.existsSync(dir)) {
        if (!fs.statSync(dir).isDirectory()) throw new LabInputError(`${target} is a file; give a new or empty folder`);
        const present = fs.readdirSync(dir);
        if (present.length > 0) {
            throw new LabInputError(`${target} is not empty (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", ..." : ""}); give a new or empty folder so nothing of yours is overwritten`);
        }
    }
    const files = starterFiles(lab);
    for (const rel of files) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.copyFileSync(path.join(lab.dir, rel), path.join(dir, rel));
    }
    return { lab, dir, files };
}

export interface ObjectiveOutcome {
    objective: Objective;
    /** `true`, or what the plan shows instead. */
    outcome: true | string;
}

export interface LabCheck {
    lab: LabInfo;
    dir: string;
    result: PlanResult;
    outcomes: ObjectiveOutcome[];
    passed: boolean;
}

/** Judges a plan against a lab's objectives; an objective that throws is reported as not met. */
export async function judge(lab: LabInfo, result: PlanResult): Promise<ObjectiveOutcome[]> {
    const definition = loadDefinition(lab.dir);
    const outcomes: ObjectiveOutcome[] = [];
    for (const objective of definition.objectives) {
        let outcome: true | string;
        try {
            outcome = await objective.check(result);
        } catch (err) {
            outcome = `the check could not read the plan: ${err instanceof Error ? err.message : String(err)}`;
        }
        outcomes.push({ objective, outcome });
    }
    return outcomes;
}

/** Plans the program in `dir` (default: the lab's own starter) offline and judges it. */
export async function checkLab(idArg: string, dirArg?: string): Promise<LabCheck> {
    const lab = findLab(idArg);
    const dir = path.resolve(dirArg ?? lab.dir);
    const result = await plan(dir);
    const outcomes = await judge(lab, result);
    return { lab, dir, result, outcomes, passed: outcomes.every((o) => o.outcome === true) };
}

/** The report `lab check` prints. */
export function renderCheck(check: LabCheck): string {
    const lines = [pc.bold(`Lab ${check.lab.id}: ${check.lab.title}`), pc.dim(`  program ${path.relative(process.cwd(), check.dir) || "."}`), ""];
    for (const { objective, outcome } of check.outcomes) {
        if (outcome === true) {
            lines.push(`  ${pc.green("✔ passed")}  ${objective.title}`);
        } else {
            lines.push(`  ${pc.red("✖ failed")}  ${objective.title}`);
            lines.push(`      ${pc.dim("found:")} ${outcome}`);
            lines.push(`      ${pc.yellow("hint:")}  ${objective.hint}`);
        }
    }
    const met = check.outcomes.filter((o) => o.outcome === true).length;
    lines.push("");
    lines.push(
        check.passed
            ? pc.green(pc.bold(`All ${met} objectives met. Lab ${check.lab.id} complete.`))
            : pc.red(pc.bold(`${met} of ${check.outcomes.length} objectives met.`)) + " Fix the ones marked ✖ and run the check again.",
    );
    return lines.join("\n");
}

/** The report `lab list` prints. */
export function renderList(labs: readonly LabInfo[]): string {
    const width = Math.max(...labs.map((l) => l.title.length));
    const lines = labs.map((l) => `  ${pc.bold(l.id)}  ${l.title.padEnd(width)}  ${pc.dim(`${l.minutes} min`)}`);
    return [pc.bold("Labs"), ...lines, "", `Start one: ${pc.cyan("npx platform-kit lab start 01 my-lab-01")}, then read labs/<NN-name>/README.md.`].join("\n");
}

function nextSteps(lab: LabInfo, dir: string, files: readonly string[]): string {
    const shown = path.relative(process.cwd(), dir) || ".";
    const guide = path.relative(process.cwd(), path.join(lab.dir, "README.md"));
    return [
        `${pc.green("Copied")} the starter of lab ${lab.id} (${lab.title}) to ${shown}: ${files.join(", ")}`,
        "",
        "Next:",
        `  1. Read the guide: ${guide}`,
        `  2. Edit ${path.join(shown, "index.ts")} (look for TODO)`,
        `  3. Check your work offline: ${pc.cyan(`npx platform-kit lab check ${lab.id} ${shown}`)}`,
    ].join("\n");
}

/**
 * Adds `lab list | start | check` to the CLI. Bad input (an unknown lab, a non-empty folder)
 * is printed and leaves exit status 2; a plan's own errors propagate to the CLI's handler.
 */
export function addLabCommands(program: Command, state: { exitCode: number }, write: (text: string) => void = (t) => process.stdout.write(t + "\n")): Command {
    const lab = program.command("lab").description("Workshop labs: list them, start one in a folder of yours, check your work offline.");
    /** Runs a sub-command, leaving its exit status in `state`; bad input is printed, status 2. */
    const run = async (work: () => Promise<number> | number): Promise<void> => {
        try {
            state.exitCode = await work();
        } catch (err) {
            if (!(err instanceof LabInputError)) throw err;
            process.stderr.write(`${pc.red("error:")} ${err.message}\n`);
            state.exitCode = LAB_EXIT.badInput;
        }
    };

    lab.command("list")
        .description("The labs: id, title and time.")
        .action(() =>
            run(() => {
                write(renderList(listLabs()));
                return LAB_EXIT.ok;
            }),
        );

    lab.command("start")
        .description("Copy a lab's starter program (not its solution) into a new or empty folder.")
        .argument("<lab>", "the lab's number, e.g. 03")
        .argument("<dir>", "a new or empty folder for your work")
        .action((id: string, dir: string) =>
            run(() => {
                const started = startLab(id, dir);
                write(nextSteps(started.lab, started.dir, started.files));
                return LAB_EXIT.ok;
            }),
        );

    lab.command("check")
        .description("Plan a lab program offline and report every objective as passed or failed, with hints.")
        .argument("<lab>", "the lab's number, e.g. 03")
        .argument("[dir]", "the folder of your program (default: the lab's own starter)")
        .action((id: string, dir: string | undefined) =>
            run(async () => {
                if (dir !== undefined && !fs.existsSync(dir)) throw new LabInputError(`${dir} does not exist; give the folder you started the lab in`);
                const check = await checkLab(id, dir);
                write(renderCheck(check));
                return check.passed ? LAB_EXIT.ok : LAB_EXIT.notMet;
            }),
        );
    return lab;
}
