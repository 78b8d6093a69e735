import * as assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT, main } from "../../cli";

/** The pictures `plan --out` draws: valid documents that name what the plan holds. */
describe("platform-kit plan --out", () => {
    const stack = path.join(__dirname, "..", "..", "stacks", "kubernetes");
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-kit-graph-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function run(...args: string[]): Promise<number> {
        const write = process.stdout.write;
        const errWrite = process.stderr.write;
        process.stdout.write = (() => true) as typeof process.stdout.write;
        process.stderr.write = (() => true) as typeof process.stderr.write;
        try {
            return await main(["node", "platform-kit", ...args]);
        } finally {
            process.stdout.write = write;
            process.stderr.write = errWrite;
        }
    }

    it("draws a valid SVG with a cluster for every component and the critical path in red", async () => {
        const file = path.join(dir, "plan.svg");
        assert.equal(await run("plan", stack, "--out", file), EXIT.ok);
        const svg = fs.readFileSync(file, "utf8");
        assert.equal(XMLValidator.validate(svg), true);
        // Graphviz writes "-" as "&#45;"; compare the text as it is displayed.
        const text = svg.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
        for (const component of ["platform-kit:platform:Platform", "platform-kit:container-runtime:ContainerRuntime", "platform-kit:data-fleet:DataFleet", "platform-kit:faas:FunctionService"]) {
            assert.ok(text.includes(component), `the picture names ${component}`);
        }
        assert.ok((svg.match(/stroke="#c0392b"/g) ?? []).length >= 2, "the critical path is drawn in red");
        assert.match(svg, /fill="#fff3cd"/, "resources with advisory findings are filled amber");
    });

    it("wraps the picture in an HTML page with the findings", async () => {
        const file = path.join(dir, "plan.html");
        assert.equal(await run("plan", stack, "--out", file), EXIT.ok);
        const html = fs.readFileSync(file, "utf8");
        assert.match(html, /^<!doctype html>/);
        assert.match(html, /<svg[\s\S]*<\/svg>/);
        assert.match(html, /<h2>Policy findings<\/h2><ul><li class="advisory">/);
    });

    it("refuses a picture format it cannot draw", async () => {
        assert.equal(await run("plan", stack, "--out", path.join(dir, "plan.png")), EXIT.badInput);
        assert.equal(fs.existsSync(path.join(dir, "plan.png")), false);
    });
});
