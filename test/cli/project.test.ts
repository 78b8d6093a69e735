import * as assert from "node:assert/strict";
import * as path from "path";
import { PlanInputError, loadProject } from "../../cli/plan/project";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", "plan", name);

describe("loading a Pulumi project", () => {
    it("reads project defaults, the stack file and namespaces bare keys with the project name", () => {
        const project = loadProject(fixture("aws"));
        assert.equal(project.name, "fixture-aws");
        assert.equal(project.stack, "dev");
        assert.equal(project.config["aws:region"], "eu-west-1");
        assert.equal(project.config["fixture-aws:team"], "payments");
        assert.equal(project.config["fixture-aws:bucketPrefix"], "fixture");
        assert.deepEqual(project.config["fixture-aws:cidrs"], ["10.10.0.0/24", "10.10.1.0/24"]);
        assert.equal(path.basename(project.entry), "index.ts");
    });

    it("replaces encrypted values with placeholders marked secret, and says so", () => {
        const project = loadProject(fixture("aws"));
        assert.deepEqual(project.secretKeys, ["fixture-aws:dbPassword"]);
        assert.match(String(project.config["fixture-aws:dbPassword"]), /^offline-placeholder-/);
        assert.match(project.notes[0], /fixture-aws:dbPassword is encrypted/);
    });

    it("lets --config win over the stack file", () => {
        const project = loadProject(fixture("aws"), { config: ["aws:region=ap-southeast-2", "team=search"] });
        assert.equal(project.config["aws:region"], "ap-southeast-2");
        assert.equal(project.config["fixture-aws:team"], "search");
    });

    it("follows main to a folder's package.json main", () => {
        assert.equal(path.relative(fixture("js-default"), loadProject(fixture("js-default")).entry), path.join("src", "main.js"));
    });

    it("refuses a folder without Pulumi.yaml, naming the file it looked for", () => {
        assert.throws(() => loadProject(fixture("not-a-project")), (e: unknown) => e instanceof PlanInputError && /has no Pulumi\.yaml/.test(e.message));
    });

    it("refuses a path that is not a folder, a named stack without its file, and a bad --config", () => {
        assert.throws(() => loadProject(fixture("nowhere")), /is not a directory/);
        assert.throws(() => loadProject(fixture("aws"), { stack: "prod" }), /no Pulumi\.prod\.yaml for stack "prod"/);
        assert.throws(() => loadProject(fixture("aws"), { config: ["region"] }), /write it as key=value/);
    });
});
