import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Runs the real Pulumi CLI (built by scripts/engine/build.sh) on fixture projects.
 *
 * A fixture is copied into `<repo>/.platform-kit/e2e/` (ignored by git) before it runs:
 * `pulumi stack init` writes the stack's config file (the passphrase salt) into the
 * project, and inside the repository Node still resolves `@pulumi/*` and `tsx` from the
 * repository's node_modules. State lives in a file backend in the same folder.
 */

export const repoRoot = path.resolve(__dirname, "../..");
export const fixturesDir = path.join(__dirname, "fixtures");
const envScript = path.join(repoRoot, "scripts", "engine", "env.sh");
const workRoot = path.join(repoRoot, ".platform-kit", "e2e");

export interface Workspace {
    /** The copied project, where `pulumi` runs. */
    projectDir: string;
    /** Where the Kubernetes provider renders manifests. */
    renderDir: string;
    backendUrl: string;
    /** Removes everything the workspace created. */
    dispose(): void;
}

export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
    /** stdout and stderr together, for messages that may land in either. */
    output: string;
}

/** Copies `fixture` (a folder under fixtures/, or any project folder given by path) to run it. */
export function createWorkspace(fixture: string): Workspace {
    fs.mkdirSync(workRoot, { recursive: true });
    const source = path.isAbsolute(fixture) ? fixture : path.join(fixturesDir, fixture);
    const root = fs.mkdtempSync(path.join(workRoot, `${path.basename(fixture)}-`));
    const projectDir = path.join(root, "project");
    fs.cpSync(source, projectDir, { recursive: true });
    const stateDir = path.join(root, "state");
    const renderDir = path.join(root, "rendered");
    fs.mkdirSync(stateDir);
    return {
        projectDir,
        renderDir,
        backendUrl: `file://${stateDir}`,
        dispose: () => fs.rmSync(root, { recursive: true, force: true }),
    };
}

/** Runs `pulumi <args>` in the workspace, offline, through scripts/engine/env.sh. */
export function pulumi(ws: Workspace, args: string[], env: Record<string, string> = {}): CliResult {
    return withEngine(ws, ["pulumi", ...args, "--non-interactive", "--color=never"], env);
}

/** Runs any command in the workspace with the engine's tools on the PATH, offline. */
export function withEngine(ws: Workspace, command: string[], env: Record<string, string> = {}): CliResult {
    const result = spawnSync("bash", [envScript, ...command], {
        cwd: ws.projectDir,
        encoding: "utf8",
        timeout: 240_000,
        maxBuffer: 64 * 1024 * 1024,
        env: {
            ...process.env,
            PULUMI_BACKEND_URL: ws.backendUrl,
            PLATFORM_KIT_E2E_RENDER_DIR: ws.renderDir,
            ...env,
        },
    });
    if (result.error) {
        throw result.error;
    }
    return {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        output: `${result.stdout}\n${result.stderr}`,
    };
}

/** Fails with the CLI's whole output, which is what one needs to see when it fails. */
export function expectSuccess(result: CliResult, what: string): CliResult {
    if (result.status !== 0) {
        throw new Error(`${what} exited with ${result.status}:\n${result.output}`);
    }
    return result;
}

/** Policy pack directories: every `policies/<pack>/` that has a PulumiPolicy.yaml. */
export function projectPolicyPacks(): string[] {
    const policiesDir = path.join(repoRoot, "policies");
    if (!fs.existsSync(policiesDir)) {
        return [];
    }
    return fs
        .readdirSync(policiesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(policiesDir, entry.name))
        .filter((dir) => fs.existsSync(path.join(dir, "PulumiPolicy.yaml")))
        .sort();
}
