import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { LabCheck, LabInputError, addLabCommands, checkLab, listLabs, renderCheck, startLab, starterFiles } from "../../cli/lab";
import { buildCli } from "../../cli/index";
import { blockingFindings, plan } from "../../cli/plan";
import { renderText } from "../../cli/plan/report";

const SLUGS = [
    "01-offline-plan",
    "02-immutable-infrastructure",
    "03-container-runtime",
    "04-functions-safely",
    "05-serverless-beside-containers",
    "06-functions-on-kubernetes",
    "07-data-fleets",
    "08-policy-as-code",
];

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

const tempDirs: string[] = [];

function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-kit-lab-"));
    tempDirs.push(dir);
    return dir;
}

after(() => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `platform-kit lab ...` in-process; resolves to the exit status and what it printed. */
async function runLab(args: string[]): Promise<{ exitCode: number; output: string }> {
    const state = { exitCode: 0 };
    const printed: string[] = [];
    const program = new Command("platform-kit").exitOverride();
    addLabCommands(program, state, (text) => printed.push(text));
    const stderr = process.stderr.write;
    process.stderr.write = ((chunk: string) => {
        printed.push(String(chunk));
        return true;
    }) as typeof process.stderr.write;
    try {
        await program.parseAsync(["node", "platform-kit", "lab", ...args]);
    } finally {
        process.stderr.write = stderr;
    }
    return { exitCode: state.exitCode, output: stripAnsi(printed.join("\n")) };
}

describe("labs", function () {
    const starters = new Map<string, LabCheck>();
    const solutions = new Map<string, LabCheck>();

    before(async function () {
        this.timeout(120000);
        for (const slug of SLUGS) {
            const id = slug.slice(0, 2);
            starters.set(id, await checkLab(id));
            solutions.set(id, await checkLab(id, path.join("labs", slug, "solution")));
        }
    });

    it("lists the eight labs in order, each with a title and a time", () => {
        const labs = listLabs();
        assert.deepEqual(
            labs.map((l) => l.slug),
            SLUGS,
        );
        for (const lab of labs) {
            assert.ok(lab.title.length > 5, lab.slug);
            assert.ok(lab.minutes >= 10 && lab.minutes <= 60, `${lab.slug}: ${lab.minutes} min`);
        }
    });

    for (const slug of SLUGS) {
        const id = slug.slice(0, 2);
        describe(slug, () => {
            it("the starter runs but fails at least one objective", () => {
                const check = starters.get(id)!;
                assert.equal(check.passed, false);
                assert.ok(check.outcomes.some((o) => o.outcome !== true));
                for (const o of check.outcomes.filter((x) => x.outcome !== true)) {
                    assert.ok(typeof o.outcome === "string" && o.outcome.length > 0, `${o.objective.id} says what it found`);
                    assert.ok(o.objective.hint.length > 10, `${o.objective.id} has a hint`);
                }
            });

            it("the solution meets every objective", () => {
                const failed = solutions.get(id)!.outcomes.filter((o) => o.outcome !== true).map((o) => `${o.objective.id}: ${String(o.outcome)}`);
                assert.deepEqual(failed, []);
            });

            it("the solution plans with zero mandatory policy violations", () => {
                assert.deepEqual(
                    blockingFindings(solutions.get(id)!.result.findings).map((f) => `${f.policy} on ${f.resourceName}`),
                    [],
                );
            });

            it("objective ids are unique", () => {
                const ids = solutions.get(id)!.outcomes.map((o) => o.objective.id);
                assert.equal(new Set(ids).size, ids.length);
            });

            it("the solution's picture is committed beside the guide", () => {
                const svg = fs.readFileSync(path.join("labs", slug, "solution.svg"), "utf8");
                assert.match(svg, /<svg[\s>]/);
                assert.match(svg, /<\/svg>\s*$/);
            });
        });
    }

    describe("lab start", () => {
        it("copies the starter (not the solution or the checks) into an empty folder, and the copy plans", async () => {
            const dir = tempDir();
            const started = startLab("04", dir);
            assert.deepEqual(started.files, ["Pulumi.dev.yaml", "Pulumi.yaml", "README.md", "functions/orders/index.js", "index.ts"]);
            for (const file of started.files) {
                assert.equal(fs.readFileSync(path.join(dir, file), "utf8"), fs.readFileSync(path.join("labs", "04-functions-safely", file), "utf8"), file);
            }
            assert.equal(fs.existsSync(path.join(dir, "solution")), false);
            assert.equal(fs.existsSync(path.join(dir, "checks.ts")), false);
            const result = await plan(dir);
            assert.ok(result.run.resources.some((r) => r.type === "aws:lambda/function:Function"));
            assert.equal(result.project.name, "lab-04-functions-safely");
        });

        it("a started lab 08 is checked with the rule in the attendee's folder", async () => {
            const dir = path.join(tempDir(), "my-lab");
            startLab("8", dir);
            assert.deepEqual(starterFiles(listLabs()[7]).filter((f) => f.startsWith("solution")), []);
            const check = await checkLab("08", dir);
            const before = check.outcomes.find((o) => o.objective.id === "rule-enforced")!.outcome;
            assert.equal(before, 'enforcementLevel is "advisory"');
            fs.writeFileSync(path.join(dir, "rule.ts"), fs.readFileSync(path.join("labs", "08-policy-as-code", "solution", "rule.ts"), "utf8"));
            const after = await checkLab("08", dir);
            assert.equal(after.outcomes.find((o) => o.objective.id === "rule-enforced")!.outcome, true);
            assert.equal(after.outcomes.find((o) => o.objective.id === "rule-reports-unowned")!.outcome, true);
        });

        // Following a guide means editing the started copy until it matches the solution:
        // the copy, with the solution's files laid over it, must pass where the attendee works.
        for (const slug of SLUGS) {
            it(`${slug}: a started copy with the solution's edits passes every objective`, async () => {
                const dir = tempDir();
                startLab(slug.slice(0, 2), dir);
                const solution = path.join("labs", slug, "solution");
                const overlay = (rel: string) => {
                    for (const entry of fs.readdirSync(path.join(solution, rel), { withFileTypes: true })) {
                        const relPath = path.join(rel, entry.name);
                        if (entry.isDirectory()) overlay(relPath);
                        else if (entry.name !== "package.json") fs.copyFileSync(path.join(solution, relPath), path.join(dir, relPath));
                    }
                };
                overlay("");
                const check = await checkLab(slug.slice(0, 2), dir);
                assert.deepEqual(check.outcomes.filter((o) => o.outcome !== true).map((o) => `${o.objective.id}: ${String(o.outcome)}`), []);
            });
        }

        it("refuses a folder that is not empty, and leaves it untouched", () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, "index.ts"), "// mine");
            assert.throws(() => startLab("01", dir), (e) => e instanceof LabInputError && /not empty/.test(e.message) && /index\.ts/.test(e.message));
            assert.deepEqual(fs.readdirSync(dir), ["index.ts"]);
            assert.equal(fs.readFileSync(path.join(dir, "index.ts"), "utf8"), "// mine");
        });

        it("refuses an unknown lab, naming the labs there are", () => {
            assert.throws(() => startLab("09", tempDir()), (e) => e instanceof LabInputError && /no lab "09"/.test(e.message) && /01, 02, 03, 04, 05, 06, 07, 08/.test(e.message));
        });
    });

    describe("the lab command", () => {
        it("list prints every lab with its id, title and time", async () => {
            const { exitCode, output } = await runLab(["list"]);
            assert.equal(exitCode, 0);
            for (const lab of listLabs()) assert.match(output, new RegExp(`${lab.id}\\s+${lab.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+${lab.minutes} min`));
        });

        it("check exits 0 when every objective is met, 1 otherwise, with a hint per unmet objective", async () => {
            const passed = await runLab(["check", "01", "labs/01-offline-plan/solution"]);
            assert.equal(passed.exitCode, 0);
            assert.match(passed.output, /All 5 objectives met\. Lab 01 complete\./);
            const failed = await runLab(["check", "1"]);
            assert.equal(failed.exitCode, 1);
            const unmet = starters.get("01")!.outcomes.filter((o) => o.outcome !== true);
            assert.equal(failed.output.split("\n").filter((l) => l.trim().startsWith("hint:")).length, unmet.length);
            assert.equal(failed.output.split("\n").filter((l) => l.includes("✖ failed")).length, unmet.length);
        });

        it("check exits 2 for an unknown lab or a folder that does not exist", async () => {
            assert.equal((await runLab(["check", "42"])).exitCode, 2);
            const missing = await runLab(["check", "01", "no-such-folder"]);
            assert.equal(missing.exitCode, 2);
            assert.match(missing.output, /no-such-folder does not exist/);
        });

        it("start exits 2 for a folder that is not empty", async () => {
            const dir = tempDir();
            fs.writeFileSync(path.join(dir, "notes.md"), "mine");
            const { exitCode, output } = await runLab(["start", "02", dir]);
            assert.equal(exitCode, 2);
            assert.match(output, /not empty/);
        });

        it("renders the solution's report as the guides quote it", () => {
            const text = stripAnsi(renderCheck(solutions.get("03")!));
            assert.match(text, /^Lab 03: A container runtime$/m);
            assert.match(text, /^ {2}✔ passed {2}A Spot capacity group for batch$/m);
        });
    });

    // The guides are executable: each `npx platform-kit ...` line names a real command, lab,
    // folder and option, and the output they quote is what the command prints.
    describe("the guides", () => {
        const program = buildCli();
        if (!program.commands.some((c) => c.name() === "lab")) addLabCommands(program, { exitCode: 0 });

        it("the command check itself catches a wrong lab, folder, option or sub-command", () => {
            const started = new Set<string>();
            assert.equal(commandProblem(program, "npx platform-kit lab check 09", started), "no lab 09");
            assert.equal(commandProblem(program, "npx platform-kit lab check 01 labs/01-offline-plan/solutoin", started), "no Pulumi project at labs/01-offline-plan/solutoin");
            assert.equal(commandProblem(program, "npx platform-kit plan labs/01-offline-plan --output x.svg", started), "unknown option --output");
            assert.equal(commandProblem(program, "npx platform-kit lab begin 01 x", started), "unknown sub-command lab begin");
            assert.equal(commandProblem(program, "npx platform-kit plan my-lab", started), "no Pulumi project at my-lab");
            assert.equal(commandProblem(program, "npx platform-kit lab start 01 my-lab", started), undefined);
            assert.equal(commandProblem(program, "npx platform-kit plan my-lab --out my-lab.svg", started), undefined);
        });

        it("the quoted-output reader finds the text block after the command", () => {
            const markdown = ["```sh", "npx platform-kit lab check 01 x", "```", "", "```text", "  ✔ passed  A", "", "Done.", "```"].join("\n");
            assert.deepEqual(quotedOutputAfter(markdown, "npx platform-kit lab check 01 x"), ["  ✔ passed  A", "Done."]);
            assert.deepEqual(quotedOutputAfter(markdown, "npx platform-kit lab check 02 x"), []);
        });

        for (const slug of SLUGS) {
            const readme = path.join("labs", slug, "README.md");
            it(`${slug}: every platform-kit command names a real lab, folder and option`, () => {
                const text = fs.readFileSync(readme, "utf8");
                const commands = shellCommands(text).filter((c) => c.startsWith("npx platform-kit "));
                assert.ok(commands.some((c) => c.startsWith(`npx platform-kit lab check ${slug.slice(0, 2)}`)), "the guide runs its lab check");
                const started = new Set<string>();
                for (const line of commands) {
                    const problem = commandProblem(program, line, started);
                    assert.equal(problem, undefined, `${readme}: ${line}`);
                }
            });

            it(`${slug}: the guide has its sections and embeds the solution's picture`, () => {
                const text = fs.readFileSync(readme, "utf8");
                for (const heading of ["## Goal", "## What you learn", "## Steps", "## Stretch goal", "## With a cloud account", "## Clean up"]) {
                    assert.ok(text.includes(heading), `${readme} has ${heading}`);
                }
                assert.match(text, /!\[[^\]]+\]\(solution\.svg\)/);
                assert.match(text, /pulumi destroy/);
                assert.match(text, /pulumi up/);
                assert.match(text, /\*\*Cost warning:\*\*/);
                assert.match(text, /\*\*Time:\*\* about \d+ minutes/);
            });

            it(`${slug}: the output quoted for the starter is what plan and lab check print`, () => {
                const text = fs.readFileSync(readme, "utf8");
                const id = slug.slice(0, 2);
                const starter = starters.get(id)!;
                for (const { commands, quoted } of quotedOutputs(text)) {
                    const last = commands[commands.length - 1];
                    let printed: string;
                    if (commands.some((c) => c.includes("/solution"))) continue;
                    else if (last === `npx platform-kit lab check ${id} my-lab-${id}`) printed = renderCheck(starter);
                    else if (last === `npx platform-kit plan my-lab-${id}`) printed = renderText(starter.result);
                    else continue;
                    const lines = stripAnsi(printed).split("\n").map((l) => l.trimEnd());
                    for (const line of quoted) assert.ok(lines.includes(line), `"${line}" is not in:\n${lines.join("\n")}`);
                }
            });

            it(`${slug}: the output quoted for the solution is what lab check prints`, () => {
                const text = fs.readFileSync(readme, "utf8");
                const quoted = quotedOutputAfter(text, `npx platform-kit lab check ${slug.slice(0, 2)} labs/${slug}/solution`);
                assert.ok(quoted.length > 0, "the guide quotes the solution's check output");
                const printed = stripAnsi(renderCheck(solutions.get(slug.slice(0, 2))!)).split("\n").map((l) => l.trimEnd());
                for (const line of quoted) assert.ok(printed.includes(line), `"${line}" is not in:\n${printed.join("\n")}`);
            });
        }
    });
});

/** The commands of every ```sh block, one a line, comments and prompts dropped. */
function shellCommands(markdown: string): string[] {
    const commands: string[] = [];
    for (const block of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
        for (const raw of block[1].split("\n")) {
            const line = raw.replace(/^\$\s*/, "").replace(/\s+#.*$/, "").trim();
            if (line && !line.startsWith("#")) commands.push(line);
        }
    }
    return commands;
}

/** The lines of the ```text block that follows the ```sh block running `command`. */
function quotedOutputAfter(markdown: string, command: string): string[] {
    const blocks = [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
    for (let i = 0; i < blocks.length - 1; i++) {
        if (blocks[i][1] === "sh" && blocks[i][2].split("\n").some((l) => l.trim() === command) && blocks[i + 1][1] === "text") {
            return blocks[i + 1][2].split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
        }
    }
    return [];
}

/** Every ```sh block directly followed by a ```text block: the commands and the quoted lines. */
function quotedOutputs(markdown: string): Array<{ commands: string[]; quoted: string[] }> {
    const blocks = [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
    const pairs: Array<{ commands: string[]; quoted: string[] }> = [];
    for (let i = 0; i < blocks.length - 1; i++) {
        if (blocks[i][1] !== "sh" || blocks[i + 1][1] !== "text") continue;
        pairs.push({
            commands: shellCommands("```sh\n" + blocks[i][2] + "```"),
            quoted: blocks[i + 1][2].split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== ""),
        });
    }
    return pairs;
}

/** What is wrong with one `npx platform-kit ...` line, if anything. */
function commandProblem(program: Command, line: string, started: Set<string>): string | undefined {
    const words = line.replace(/^npx platform-kit\s+/, "").split(/\s+/);
    let command: Command | undefined = program.commands.find((c) => c.name() === words[0]);
    if (!command) return `unknown command ${words[0]}`;
    let rest = words.slice(1);
    const sub = command.commands.find((c) => c.name() === rest[0]);
    if (sub) {
        command = sub;
        rest = rest.slice(1);
    } else if (command.commands.length > 0) {
        return `unknown sub-command ${command.name()} ${rest[0]}`;
    }
    const known = new Set(command.options.flatMap((o) => [o.long, o.short].filter((x): x is string => x !== undefined)));
    const positional: string[] = [];
    for (let i = 0; i < rest.length; i++) {
        const word = rest[i];
        if (word.startsWith("-")) {
            const flag = word.split("=")[0];
            if (!known.has(flag)) return `unknown option ${flag}`;
            const option = command.options.find((o) => o.long === flag || o.short === flag)!;
            if ((option.required || option.optional) && !word.includes("=")) i++;
        } else {
            positional.push(word);
        }
    }
    const labs = listLabs();
    const labOf = (id: string) => labs.find((l) => l.id === id.padStart(2, "0"));
    const folderOk = (dir: string) => fs.existsSync(path.join(dir, "Pulumi.yaml")) || started.has(dir);
    switch (`${words[0]} ${command.name()}`) {
        case "lab start":
            if (!labOf(positional[0])) return `no lab ${positional[0]}`;
            if (positional[1] === undefined) return "no folder";
            started.add(positional[1]);
            return undefined;
        case "lab check":
            if (!labOf(positional[0])) return `no lab ${positional[0]}`;
            if (positional[1] !== undefined && !folderOk(positional[1])) return `no Pulumi project at ${positional[1]}`;
            return undefined;
        case "plan plan":
            return folderOk(positional[0]) ? undefined : `no Pulumi project at ${positional[0]}`;
        default:
            return undefined;
    }
}
