import * as fs from "fs";
import * as path from "path";
import Module = require("module");
import { ProgramRun, RunOptions, runProgram } from "../../testing";
import { PulumiProject } from "./project";

/** The kit's own root: `/repo` from source, `/repo` too from `dist/cli/plan`. */
export const KIT_ROOT = findKitRoot(__dirname);

function findKitRoot(start: string): string {
    for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const pkg = path.join(dir, "package.json");
        if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "platform-kit") return dir;
    }
    throw new Error(`platform-kit: cannot find the kit's package.json above ${start}`);
}

/** Where `platform-kit` and its subpaths point when a program imports them. */
const KIT_ENTRIES: Record<string, string> = {
    "platform-kit": "components/index",
    "platform-kit/aws": "components/aws",
    "platform-kit/gcp": "components/gcp",
    "platform-kit/azure": "components/azure",
    "platform-kit/kubernetes": "components/kubernetes",
    "platform-kit/policies": "policies/index",
    "platform-kit/testing": "testing/index",
};

/**
 * Packages the program must share with the planner: one `@pulumi/pulumi` runtime (the mocks
 * live in its global state), and the kit itself. Provider SDKs the program cannot find are
 * lent from the kit, so a bare folder with only a Pulumi.yaml and index.ts plans too.
 */
const SHARED = /^@pulumi\/pulumi(\/.*)?$/;
const LENDABLE = /^(@pulumi\/(aws|gcp|azure-native|kubernetes|policy)|tsx|yaml)(\/.*)?$/;

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };

let transpilerRegistered = false;

/**
 * Makes `require` of TypeScript work (transpiled by tsx, no type checking: type checks are
 * the test suite's job) and routes the shared packages to the kit's copies.
 * Idempotent; returns nothing to undo because the planner process ends after one plan, and
 * the test suite runs under tsx already.
 */
export function installLoader(): void {
    if (transpilerRegistered) return;
    transpilerRegistered = true;
    if (!require.extensions[".ts"]) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require("tsx/cjs/api") as { register: () => void }).register();
    }
    const original = moduleInternals._resolveFilename;
    const kitSource = fs.existsSync(path.join(KIT_ROOT, "components", "index.ts"));
    moduleInternals._resolveFilename = function (request, parent, isMain, options) {
        const kitEntry = KIT_ENTRIES[request];
        if (kitEntry) {
            const base = kitSource ? path.join(KIT_ROOT, kitEntry) : path.join(KIT_ROOT, "dist", kitEntry);
            return original.call(this, base, parent, isMain, options);
        }
        if (SHARED.test(request)) {
            return original.call(this, request, parent, isMain, { paths: [KIT_ROOT] });
        }
        try {
            return original.call(this, request, parent, isMain, options);
        } catch (err) {
            if (LENDABLE.test(request)) {
                return original.call(this, request, parent, isMain, { paths: [KIT_ROOT] });
            }
            throw err;
        }
    };
}

/** Raised when the user's program throws: the plan reports it and exits non-zero. */
export class ProgramError extends Error {
    constructor(
        readonly project: PulumiProject,
        override readonly cause: unknown,
    ) {
        super(`the program ${path.relative(process.cwd(), project.entry) || project.entry} failed: ${describe(cause)}`);
        this.name = "ProgramError";
    }
}

function describe(err: unknown): string {
    if (!(err instanceof Error)) return String(err);
    const missing = (err as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" ? /Cannot find module '([^']+)'/.exec(err.message)?.[1] : undefined;
    if (missing && !missing.startsWith(".") && !missing.startsWith("/")) {
        const pkg = missing.startsWith("@") ? missing.split("/").slice(0, 2).join("/") : missing.split("/")[0];
        return `it imports ${pkg}, which is not installed: run npm install in the project folder (plan lends only @pulumi/pulumi, the cloud SDKs and platform-kit)`;
    }
    return err.message;
}

/**
 * Runs a Pulumi project's program in this process under the mock engine, the way the
 * Node.js language host would: working directory set to the project, its module loaded,
 * an exported default function called, its exports (or that function's result) as outputs.
 */
export async function runProject(project: PulumiProject, options: Pick<RunOptions, "catalogue" | "preview"> = {}): Promise<ProgramRun> {
    installLoader();
    forgetProgramModules(project.dir);
    const cwd = process.cwd();
    // The Pulumi SDK captures a stack trace for every promise it makes; capturing and
    // source-mapping them cost more than the program itself (1,000 resources: 5.2 s, 2.4 s
    // without). The planner prints messages, not stacks, so it keeps them only to debug.
    const debug = Boolean(process.env.PLATFORM_KIT_DEBUG);
    const restoreSourceMaps = process.sourceMapsEnabled;
    const restoreStackLimit = Error.stackTraceLimit;
    if (!debug) {
        process.setSourceMapsEnabled(false);
        Error.stackTraceLimit = 1;
    }
    try {
        return await runProgram(
            async () => {
                process.chdir(project.dir);
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const loaded = require(project.entry) as Record<string, unknown> | ((...args: unknown[]) => unknown);
                const main = typeof loaded === "function" ? loaded : typeof loaded?.default === "function" ? (loaded.default as () => unknown) : undefined;
                return main ? await main() : loaded;
            },
            { project: project.name, stack: project.stack, config: project.config, secretKeys: project.secretKeys, ...options },
        );
    } catch (err) {
        throw new ProgramError(project, err);
    } finally {
        process.chdir(cwd);
        process.setSourceMapsEnabled(restoreSourceMaps);
        Error.stackTraceLimit = restoreStackLimit;
    }
}

/** A program's top level must run again on every plan (tests plan the same folder twice). */
function forgetProgramModules(dir: string): void {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const key of Object.keys(require.cache)) {
        if (key.startsWith(prefix) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
    }
}
