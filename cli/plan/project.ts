import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";

/** A problem with what the user asked `plan` to run: printed as is, exit status 2. */
export class PlanInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PlanInputError";
    }
}

/** A Pulumi project as `plan` runs it. */
export interface PulumiProject {
    dir: string;
    name: string;
    stack: string;
    /** The file Node loads: `main` from Pulumi.yaml, or the folder's package.json main / index. */
    entry: string;
    /** Config keyed `namespace:key`, plain or structured values. */
    config: Record<string, unknown>;
    /** Keys whose values are secrets (`secure:` in the stack file); their values are placeholders. */
    secretKeys: string[];
    /** Notes for the report, e.g. secure values replaced by placeholders. */
    notes: string[];
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

export interface LoadOptions {
    stack?: string;
    /** `key=value` pairs from the command line; they win over the stack file. */
    config?: string[];
}

/** Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the Pulumi CLI does. */
export function loadProject(dirArg: string, options: LoadOptions = {}): PulumiProject {
    const dir = path.resolve(dirArg);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new PlanInputError(`${dirArg} is not a directory. Give the folder of a Pulumi project (the one with Pulumi.yaml).`);
    }
    const projectFile = PROJECT_FILES.map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new PlanInputError(`${dirArg} is not a Pulumi project: it has no Pulumi.yaml. Give the folder that holds Pulumi.yaml.`);
    }
    const project = readYaml(projectFile) as Record<string, unknown> | null;
    if (!project || typeof project.name !== "string") {
        throw new PlanInputError(`${projectFile} has no project name (a "name:" line).`);
    }
    const runtime = typeof project.runtime === "string" ? project.runtime : (project.runtime as { name?: string } | undefined)?.name;
    if (runtime !== "nodejs") {
        throw new PlanInputError(`${projectFile} declares runtime "${String(runtime)}"; plan runs Node.js (TypeScript or JavaScript) programs only.`);
    }

    const stack = options.stack ?? defaultStack(dir);
    const notes: string[] = [];
    const secretKeys: string[] = [];
    const config: Record<string, unknown> = {};
    const namespaced = (key: string) => (key.includes(":") ? key : `${project.name}:${key}`);

    // Project-level config: `config: { key: { default: v } }` or `config: { key: v }`.
    const projectConfig = (project.config ?? {}) as Record<string, unknown>;
    for (const [key, spec] of Object.entries(projectConfig)) {
        const value = spec !== null && typeof spec === "object" && !Array.isArray(spec) && ("default" in spec || "type" in spec || "value" in spec)
            ? ((spec as Record<string, unknown>).value ?? (spec as Record<string, unknown>).default)
            : spec;
        if (value !== undefined) config[namespaced(key)] = value;
    }

    const stackFile = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (stackFile) {
        const stackDoc = (readYaml(stackFile) ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries((stackDoc.config ?? {}) as Record<string, unknown>)) {
            const full = namespaced(key);
            if (value !== null && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
                config[full] = `offline-placeholder-for-${full.replace(/[^A-Za-z0-9]+/g, "-")}`;
                secretKeys.push(full);
                notes.push(`${full} is encrypted in ${path.basename(stackFile)}; plan used a placeholder secret`);
            } else {
                config[full] = value;
            }
        }
    } else if (options.stack !== undefined) {
        throw new PlanInputError(`${dirArg} has no Pulumi.${stack}.yaml for stack "${stack}".`);
    }

    for (const pair of options.config ?? []) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new PlanInputError(`--config ${pair}: write it as key=value, e.g. --config aws:region=eu-west-1`);
        config[namespaced(pair.slice(0, eq))] = pair.slice(eq + 1);
    }

    return { dir, name: project.name, stack, entry: resolveEntry(dir, project.main), config, secretKeys, notes };
}

function readYaml(file: string): unknown {
    try {
        return parseYaml(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new PlanInputError(`${file} is not valid YAML: ${(err as Error).message}`);
    }
}

/** The stack to plan when none is named: the only stack file, else `dev`. */
function defaultStack(dir: string): string {
    const stacks = fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined);
    if (stacks.length === 1) return stacks[0];
    return stacks.includes("dev") || stacks.length === 0 ? "dev" : stacks.sort()[0];
}

function resolveEntry(dir: string, main: unknown): string {
    const base = typeof main === "string" ? path.resolve(dir, main) : dir;
    if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
    const pkgFile = path.join(base, "package.json");
    if (fs.existsSync(pkgFile)) {
        const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: string };
        if (pkg.main) {
            const candidate = findFile(path.resolve(base, pkg.main));
            if (candidate) return candidate;
        }
    }
    const index = findFile(path.join(base, "index"));
    if (!index) throw new PlanInputError(`${dir} has no program to run: no index.ts or index.js (or "main" in Pulumi.yaml / package.json).`);
    return index;
}

function findFile(stem: string): string | undefined {
    if (fs.existsSync(stem) && fs.statSync(stem).isFile()) return stem;
    for (const ext of [".ts", ".js", ".mts", ".cts", ".mjs", ".cjs"]) {
        if (fs.existsSync(stem + ext)) return stem + ext;
    }
    const stripped = stem.replace(/\.js$/, "");
    if (stripped !== stem && fs.existsSync(stripped + ".ts")) return stripped + ".ts";
    return undefined;
}
