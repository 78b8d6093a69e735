import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { blockingFindings, plan } from "../cli/plan";

/**
 * The README's examples are programs a new user pastes into a folder and plans: each one
 * is run here exactly as written, so the README cannot drift from the code.
 */
const root = path.join(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const examples = [...readme.matchAll(/```ts\n\/\/ example: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], code: m[2] }));

describe("README examples", () => {
    const work = path.join(root, ".platform-kit", "readme");
    before(() => fs.mkdirSync(work, { recursive: true }));
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("cover every component on every cloud it serves", () => {
        assert.deepEqual(examples.map((e) => e.name).sort(), [
            "container-runtime-aws",
            "container-runtime-kubernetes",
            "data-fleet-aws",
            "data-fleet-kubernetes",
            "function-aws",
            "function-azure",
            "function-gcp",
            "function-kubernetes",
            "immutable-group-aws",
            "immutable-group-azure",
            "immutable-group-gcp",
            "network-aws",
        ]);
    });

    for (const example of examples) {
        it(`${example.name} plans with zero mandatory policy violations`, async () => {
            // The folder the README's set-up commands make: Pulumi.yaml, hello/index.js, index.ts.
            const dir = path.join(work, example.name);
            fs.mkdirSync(path.join(dir, "hello"), { recursive: true });
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: try-platform-kit\nruntime: nodejs\n");
            fs.writeFileSync(path.join(dir, "hello", "index.js"), 'exports.handler = async () => ({ statusCode: 200, body: "hello" });\n');
            fs.writeFileSync(path.join(dir, "index.ts"), example.code);
            const result = await plan(dir);
            assert.ok(result.run.resources.filter((r) => r.custom).length > 3, "builds cloud resources");
            assert.deepEqual(blockingFindings(result.findings).map((f) => `${f.policy} on ${f.resourceName}: ${f.message}`), []);
        });
    }
});
