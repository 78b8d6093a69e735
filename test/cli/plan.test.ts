import * as assert from "node:assert/strict";
import * as path from "path";
import { stripVTControlCharacters } from "util";
import { EXIT, main } from "../../cli";
import { PlanJson, plan, toJson } from "../../cli/plan";
import { renderText } from "../../cli/plan/report";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", "plan", name);

/** Runs the CLI in this process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const write = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
        const code = await main(["node", "platform-kit", ...args]);
        return { code, stdout: out.join(""), stderr: err.join("") };
    } finally {
        process.stdout.write = write.out;
        process.stderr.write = write.err;
    }
}

const types = (result: Awaited<ReturnType<typeof plan>>) => result.run.resources.map((r) => r.type);

describe("platform-kit plan", () => {
    it("plans a plain AWS program with its stack config, realistic ids and the critical path", async () => {
        const result = await plan(fixture("aws"));
        assert.deepEqual(
            types(result).filter((t) => t.startsWith("aws:")).sort(),
            ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/subnet:Subnet", "aws:ec2/subnet:Subnet", "aws:ec2/vpc:Vpc", "aws:s3/bucketV2:BucketV2", "aws:ssm/parameter:Parameter"],
        );
        const subnet = result.run.resources.find((r) => r.name === "private-1");
        assert.equal(subnet?.inputs.availabilityZone, "eu-west-1b");
        assert.match(String(result.run.outputs.groupArn), /^arn:aws:ec2:eu-west-1:123456789012:/);
        // VPC then subnet: the chain the deploy waits on.
        assert.equal(result.criticalPath.urns.length, 2);
        assert.match(result.criticalPath.urns[0], /aws:ec2\/vpc:Vpc::main$/);
    });

    it("plans Google Cloud, Azure and Kubernetes programs", async () => {
        const gcp = await plan(fixture("gcp"));
        assert.match(String(gcp.run.outputs.serviceAccount), /^runner-sa@acme-prod-123\.iam\.gserviceaccount\.com$/);
        assert.match(String(gcp.run.outputs.subnetLink), /projects\/acme-prod-123\/regions\/europe-west1\/subnetworks\//);

        const azure = await plan(fixture("azure"));
        assert.match(String(azure.run.outputs.groupId), /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg/);
        assert.ok(types(azure).includes("azure-native:storage:StorageAccount"));

        const k8s = await plan(fixture("kubernetes"));
        assert.deepEqual(types(k8s).filter((t) => t.startsWith("kubernetes:")).sort(), ["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Namespace", "kubernetes:core/v1:Service"]);
    });

    it("runs a JavaScript program whose default export is an async function", async () => {
        const result = await plan(fixture("js-default"));
        assert.deepEqual(Object.keys(result.run.outputs).sort(), ["account", "roleArn"]);
        assert.equal(result.run.outputs.account, "123456789012");
    });

    it("prints one JSON object with secrets masked", async () => {
        const { code, stdout } = await cli("plan", fixture("aws"), "--json");
        assert.equal(code, EXIT.ok);
        const json = JSON.parse(stdout) as PlanJson;
        assert.deepEqual(Object.keys(json).sort(), ["criticalPath", "findings", "project", "resources", "stack", "warnings"]);
        const parameter = json.resources.find((r) => r.type === "aws:ssm/parameter:Parameter");
        assert.equal(parameter?.inputs.value, "[secret]");
        assert.ok(!stdout.includes("offline-placeholder"), "the secret placeholder never reaches the output");
        assert.ok(json.resources.every((r) => typeof r.urn === "string" && Array.isArray(r.dependencies)));
        assert.ok(json.warnings.some((w) => /fixture-aws:dbPassword is encrypted/.test(w)));
    });

    it("prints the tree, counts, findings and critical path as text", async () => {
        // Colours are on wherever the terminal (or CI) supports them; read it as a person would.
        const text = stripVTControlCharacters(renderText(await plan(fixture("kubernetes"))));
        assert.match(text, /^Resources$/m);
        assert.match(text, /kubernetes:core\/v1:Namespace.* shop/);
        assert.match(text, /^Counts$/m);
        assert.match(text, /Policy findings: \d+/);
        assert.match(text, /Critical path: about \d+ min/);
    });

    it("exits 3 with the program's own message when the program throws", async () => {
        const { code, stderr } = await cli("plan", fixture("throws"));
        assert.equal(code, EXIT.programFailed);
        assert.match(stderr, /the program .*index\.ts failed: the database size must be set in config/);
    });

    it("names a package the program imports but nobody installed", async () => {
        const { code, stderr } = await cli("plan", fixture("missing-module"));
        assert.equal(code, EXIT.programFailed);
        assert.match(stderr, /it imports @pulumi\/random, which is not installed: run npm install in the project folder/);
    });

    it("exits 2 with a clear message for a folder that is not a Pulumi project", async () => {
        const { code, stderr } = await cli("plan", fixture("not-a-project"));
        assert.equal(code, EXIT.badInput);
        assert.match(stderr, /is not a Pulumi project: it has no Pulumi\.yaml/);
    });

    it("warns about data sources it cannot answer instead of failing", async () => {
        const result = await plan(fixture("bare"));
        assert.ok(result.run.warnings.some((w) => w.includes("aws:dynamodb/getTable:getTable")));
        assert.equal(toJson(result).resources.length, 1);
    });
});
