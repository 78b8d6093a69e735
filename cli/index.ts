import { Command, CommanderError } from "commander";
import pc = require("picocolors");
import { PlanInputError, ProgramError, blockingFindings, plan, toJson } from "./plan";
import { addLabCommands } from "./lab";
import { writePicture } from "./plan/graph";
import { renderText } from "./plan/report";

/** Exit statuses, documented in the README. */
export const EXIT = { ok: 0, violations: 1, badInput: 2, programFailed: 3 } as const;

function collect(value: string, previous: string[] = []): string[] {
    return [...previous, value];
}

/** Where a command leaves its exit status; `main` returns it, the bin script sets it. */
export interface CliState {
    exitCode: number;
}

export function buildCli(state: CliState = { exitCode: EXIT.ok }): Command {
    const program = new Command("platform-kit")
        .description("Offline plans, policy checks, workshop labs and fleet rollouts for platform-kit stacks.")
        .showHelpAfterError()
        .exitOverride();

    program
        .command("plan")
        .description("Run a Pulumi TypeScript program offline under mocks: resource tree, policy findings, critical path.")
        .argument("<dir>", "folder of a Pulumi project (the one with Pulumi.yaml)")
        .option("-s, --stack <name>", "stack whose Pulumi.<stack>.yaml config to use (default: the only one, else dev)")
        .option("-c, --config <key=value>", "set a config value (repeatable), e.g. aws:region=eu-west-1", collect)
        .option("-p, --pack <name>", "run only this policy pack (repeatable)", collect)
        .option("--json", "print one JSON object (resources, findings, criticalPath, warnings)")
        .option("-o, --out <file>", "also draw the resource graph to a .svg or .html file")
        .action(async (dir: string, opts: { stack?: string; config?: string[]; pack?: string[]; json?: boolean; out?: string }) => {
            if (opts.out && !/\.(svg|html)$/i.test(opts.out)) throw new PlanInputError(`--out ${opts.out}: the picture must be a .svg or .html file`);
            const result = await withStdoutFor(opts.json ? "json" : "text", () => plan(dir, { stack: opts.stack, config: opts.config, packs: opts.pack }));
            process.stdout.write((opts.json ? JSON.stringify(toJson(result), null, 2) : renderText(result)) + "\n");
            if (opts.out) {
                await writePicture(result, opts.out);
                if (!opts.json) process.stdout.write(`Picture written to ${opts.out}\n`);
            }
            state.exitCode = blockingFindings(result.findings).length > 0 ? EXIT.violations : EXIT.ok;
        });

    program
        .command("fleet")
        .description("Roll one config change across many stacks: plan, canary wave, waves of N, health gates, audit log, resume.")
        .requiredOption("--stacks <list>", "stacks, least important first: name, or <project dir>:<name>; comma-separated, repeatable", collect)
        .requiredOption("--set <key=value>", "config to set on every stack: the change (repeatable)", collect)
        .option("--dir <path>", "Pulumi project folder of stacks given by name", ".")
        .option("--description <text>", "the change in words, for the plan and the audit log")
        .option("--canary <n>", "stacks in the canary wave", Number, 1)
        .option("--wave-size <n>", "stacks per later wave", Number, 5)
        .option("--concurrency <n>", "stacks updated at once within a wave (each in its own process)", Number, 1)
        .option("--health-check <command>", "shell command after each wave; exit 0 means healthy (env FLEET_WAVE, FLEET_WAVE_NAME, FLEET_STACKS)")
        .option("--health-timeout <seconds>", "health check time limit", Number, 600)
        .option("--audit <file>", "JSON-lines audit log", ".platform-kit/fleet-audit.jsonl")
        .option("--dry-run", "previews only: print the plan, change nothing")
        .option("--resume", "continue a halted roll of the same change from the audit log")
        .option("--json", "print the result as one JSON object")
        .action(async (opts: import("./fleet").FleetCommandOptions) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { fleetCommand } = require("./fleet") as typeof import("./fleet");
            state.exitCode = await fleetCommand(opts);
        });

    program
        .command("bench")
        .description("Measure plan throughput for 100, 1,000 and 5,000 resources against a bare mock run.")
        .option("--sizes <list>", "comma-separated resource counts", "100,1000,5000")
        .action(async (opts: { sizes: string }) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { runBench } = require("./bench") as typeof import("./bench");
            await runBench(opts.sizes.split(",").map((s) => Number(s.trim())));
        });

    addLabCommands(program, state);

    return program;
}

/**
 * With --json, stdout carries exactly one JSON object: whatever the program itself logs
 * while it runs goes to stderr instead.
 */
async function withStdoutFor<T>(mode: "json" | "text", work: () => Promise<T>): Promise<T> {
    if (mode === "text") return work();
    const log = console.log;
    const info = console.info;
    console.log = console.info = (...args: unknown[]) => console.error(...args);
    try {
        return await work();
    } finally {
        console.log = log;
        console.info = info;
    }
}

/** Runs the CLI; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
    const state: CliState = { exitCode: EXIT.ok };
    try {
        await buildCli(state).parseAsync(argv);
        return state.exitCode;
    } catch (err) {
        if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
        if (err instanceof PlanInputError) {
            process.stderr.write(`${pc.red("error:")} ${err.message}\n`);
            return EXIT.badInput;
        }
        if (err instanceof ProgramError) {
            process.stderr.write(`${pc.red("error:")} ${err.message}\n`);
            const stack = err.cause instanceof Error && process.env.PLATFORM_KIT_DEBUG ? `${err.cause.stack}\n` : "";
            process.stderr.write(stack);
            return EXIT.programFailed;
        }
        throw err;
    }
}
