import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { WorkerReply, WorkerRequest } from "./worker";
import { FleetChange, FleetStack, FleetWorkspace, StackOperationResult } from "./workspace";

/**
 * The @pulumi/pulumi version the fleet tool is tested with. The Automation API has had
 * regressions (a hang in 3.202), so another version is reported before a roll starts.
 */
export const FLEET_TESTED_PULUMI_SDK = "3.248.0";

/** The installed @pulumi/pulumi version. */
export function installedPulumiSdk(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("@pulumi/pulumi/package.json") as { version: string }).version;
}

/** The `pulumi` executable on `searchPath` (the PATH), or undefined. */
export function findPulumiCli(searchPath: string = process.env.PATH ?? "", platform: NodeJS.Platform = process.platform): string | undefined {
    const names = platform === "win32" ? ["pulumi.exe", "pulumi.cmd"] : ["pulumi"];
    for (const dir of searchPath.split(path.delimiter)) {
        if (!dir) continue;
        for (const name of names) {
            const candidate = path.join(dir, name);
            try {
                fs.accessSync(candidate, fs.constants.X_OK);
                if (fs.statSync(candidate).isFile()) return candidate;
            } catch {
                // Not here.
            }
        }
    }
    return undefined;
}

export class PulumiCliMissingError extends Error {
    constructor() {
        super(
            "platform-kit fleet previews and updates real stacks, which needs the pulumi CLI on the PATH " +
                "(install: https://www.pulumi.com/docs/iac/download-install/). Without it, check programs offline with `platform-kit plan <dir>`.",
        );
        this.name = "PulumiCliMissingError";
    }
}

/**
 * The real engine: each preview and update runs in its own child process over the
 * Automation API's LocalWorkspace, so stacks rolled in parallel never share one Node
 * process. Construct it only through {@link createAutomationWorkspace}, which checks the CLI.
 */
export class AutomationWorkspace implements FleetWorkspace {
    private constructor(readonly pulumiCli: string) {}

    static create(searchPath?: string): AutomationWorkspace {
        const cli = findPulumiCli(searchPath);
        if (!cli) throw new PulumiCliMissingError();
        return new AutomationWorkspace(cli);
    }

    preview(stack: FleetStack, change: FleetChange): Promise<StackOperationResult> {
        return this.run({ op: "preview", stack, change });
    }

    up(stack: FleetStack, change: FleetChange): Promise<StackOperationResult> {
        return this.run({ op: "up", stack, change });
    }

    private run(request: WorkerRequest): Promise<StackOperationResult> {
        const fromSource = __filename.endsWith(".ts");
        const worker = path.join(__dirname, `worker${fromSource ? ".ts" : ".js"}`);
        return new Promise((resolve, reject) => {
            const child = fork(worker, [], {
                // Running from the TypeScript sources: the child loads them through tsx too.
                execArgv: fromSource ? ["--require", require.resolve("tsx/cjs")] : [],
                stdio: ["ignore", "ignore", "pipe", "ipc"],
            });
            let stderr = "";
            let replied = false;
            child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
            child.on("message", (reply: WorkerReply) => {
                replied = true;
                if (reply.ok) resolve({ changes: reply.changes });
                else reject(new Error(reply.error));
            });
            child.on("error", reject);
            child.on("exit", (code) => {
                if (!replied) reject(new Error(`the ${request.op} of ${request.stack.id} ended (exit ${code}) without an answer${stderr ? `: ${stderr.trim()}` : ""}`));
            });
            child.send(request);
        });
    }
}

/** The real workspace, after checking the `pulumi` CLI is on the PATH (a clear error otherwise). */
export function createAutomationWorkspace(searchPath?: string): AutomationWorkspace {
    return AutomationWorkspace.create(searchPath);
}
