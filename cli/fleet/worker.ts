/**
 * One fleet operation in its own process: the parent (`AutomationWorkspace`) forks this file
 * per stack and operation, because concurrent updates in one Node process have had bugs in
 * the Automation API. It receives one {@link WorkerRequest}, answers one {@link WorkerReply}
 * and exits.
 */
import { ConfigMap, LocalWorkspace } from "@pulumi/pulumi/automation";
import type { FleetChange, FleetStack } from "./workspace";

export interface WorkerRequest {
    op: "preview" | "up";
    stack: FleetStack;
    change: FleetChange;
}

export type WorkerReply = { ok: true; changes: Record<string, number> } | { ok: false; error: string };

export async function runOperation(request: WorkerRequest): Promise<Record<string, number>> {
    const stack = await LocalWorkspace.selectStack({ stackName: request.stack.stackName, workDir: request.stack.workDir });
    const before = await stack.getAllConfig();
    const config: ConfigMap = {};
    for (const [key, value] of Object.entries(request.change.config)) config[key] = { value };
    await stack.setAllConfig(config);
    if (request.op === "up") {
        // The change stays in Pulumi.<stack>.yaml: it is what the stack now runs.
        const result = await stack.up();
        return { ...(result.summary.resourceChanges ?? {}) };
    }
    try {
        const result = await stack.preview();
        return { ...result.changeSummary };
    } finally {
        // A preview leaves the stack's config as it found it.
        for (const key of Object.keys(request.change.config)) {
            const old = before[key];
            if (old) await stack.setConfig(key, old);
            else await stack.removeConfig(key);
        }
    }
}

if (require.main === module && process.send) {
    process.once("message", (request: WorkerRequest) => {
        runOperation(request).then(
            (changes) => process.send!({ ok: true, changes } satisfies WorkerReply, () => process.exit(0)),
            (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply, () => process.exit(0)),
        );
    });
}
