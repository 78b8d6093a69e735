import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Table = require("cli-table3");
import { KIT_ROOT } from "./plan/loader";

/**
 * `platform-kit bench`: plans generated programs of N resources in fresh processes (node's
 * start included, as a user would run it) and compares them with a bare program that
 * registers the same resources under the same kind of mocks without the planner.
 */

/** A program of `count` AWS resources: VPCs, each with a subnet, security group and route table. */
export function benchProgram(count: number): string {
    return `import * as aws from "@pulumi/aws";
const groups = ${Math.ceil(count / 4)};
let made = 0;
for (let i = 0; i < groups && made < ${count}; i++) {
    const tags = { team: "bench", group: String(i) };
    const vpc = new aws.ec2.Vpc(\`vpc-\${i}\`, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags });
    made++;
    if (made < ${count}) { new aws.ec2.Subnet(\`subnet-\${i}\`, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", tags }); made++; }
    if (made < ${count}) { new aws.ec2.SecurityGroup(\`sg-\${i}\`, { vpcId: vpc.id, description: "bench", egress: [], ingress: [], tags }); made++; }
    if (made < ${count}) { new aws.ec2.RouteTable(\`rt-\${i}\`, { vpcId: vpc.id, tags }); made++; }
}
`;
}

// The same runtime settings as the planner (see runProject), so the ratio is the planner's
// own cost: recording, policies, critical path and report.
const BARE_RUNNER = `
require("tsx/cjs/api").register();
process.setSourceMapsEnabled(false);
Error.stackTraceLimit = 1;
const pulumi = require("@pulumi/pulumi");
(async () => {
    await pulumi.runtime.setMocks({
        newResource: (args) => ({ id: args.name + "-id", state: args.inputs }),
        call: () => ({}),
    }, "bench", "dev", false);
    await pulumi.runtime.runInPulumiStack(async () => require(process.argv[2]));
    await pulumi.runtime.disconnect();
})().catch((e) => { console.error(e); process.exit(1); });
`;

function timeCommand(args: string[], cwd: string): number {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1) {
        throw new Error(`bench: ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    }
    return seconds;
}

export async function runBench(sizes: number[]): Promise<void> {
    // Inside the kit so the programs resolve the kit's node_modules, as a user's project would its own.
    fs.mkdirSync(path.join(KIT_ROOT, ".platform-kit"), { recursive: true });
    const root = fs.mkdtempSync(path.join(KIT_ROOT, ".platform-kit", "bench-"));
    const runner = path.join(root, "bare-runner.js");
    fs.writeFileSync(runner, BARE_RUNNER);
    const table = new Table({ head: ["resources", "plan wall (s)", "resources/s", "bare wall (s)", "plan / bare"], style: { head: [], border: [] } });
    try {
        for (const size of sizes) {
            const dir = path.join(root, `program-${size}`);
            fs.mkdirSync(dir);
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: bench-${size}\nruntime: nodejs\n`);
            fs.writeFileSync(path.join(dir, "index.ts"), benchProgram(size));
            const planSeconds = timeCommand([path.join(KIT_ROOT, "bin", "platform-kit.js"), "plan", dir, "--json"], KIT_ROOT);
            const bareSeconds = timeCommand([runner, path.join(dir, "index.ts")], KIT_ROOT);
            table.push([size.toLocaleString("en"), planSeconds.toFixed(2), Math.round(size / planSeconds).toLocaleString("en"), bareSeconds.toFixed(2), (planSeconds / bareSeconds).toFixed(2)]);
            process.stdout.write(`planned ${size} resources\n`);
        }
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
    process.stdout.write(`${table.toString()}\n`);
    process.stdout.write(`node ${process.version}, ${os.cpus().length} cores; each figure is one fresh process, node's start included;\n`);
    process.stdout.write("bare: plain setMocks over the same program, same stack-trace settings, no recording, policies or report.\n");
}
