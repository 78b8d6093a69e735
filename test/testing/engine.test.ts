import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { MASKED_SECRET, maskedInputs, only, runProgram } from "../../testing";

class Box extends pulumi.ComponentResource {
    readonly vpc: aws.ec2.Vpc;
    constructor(name: string) {
        super("test:index:Box", name);
        this.vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.0.0.0/16" }, { parent: this, protect: true });
        this.registerOutputs({});
    }
}

describe("the in-process engine", () => {
    it("records parents, dependencies and resource options", async () => {
        const run = await runProgram(() => {
            const box = new Box("b");
            new aws.ec2.Subnet("s", { vpcId: box.vpc.id, cidrBlock: "10.0.0.0/24" }, { ignoreChanges: ["tags"] });
        });
        const vpc = only(run.resources, "aws:ec2/vpc:Vpc");
        const subnet = only(run.resources, "aws:ec2/subnet:Subnet");
        const box = only(run.resources, "test:index:Box");
        assert.equal(vpc.parent, box.urn);
        assert.equal(vpc.protect, true);
        assert.equal(box.custom, false);
        assert.deepEqual(subnet.dependencies, [vpc.urn]);
        assert.deepEqual(subnet.ignoreChanges, ["tags"]);
        assert.match(String(subnet.inputs.vpcId), /^vpc-[0-9a-f]{17}$/);
    });

    it("gives realistic ARNs and names from the configured region", async () => {
        const run = await runProgram(
            () => {
                new aws.iam.Role("r", { assumeRolePolicy: "{}" });
                new aws.sqs.Queue("q");
            },
            { config: { "aws:region": "eu-central-1" } },
        );
        assert.match(String(only(run.resources, "aws:iam/role:Role").outputs.arn), /^arn:aws:iam::123456789012:role\/r-[0-9a-f]{7}$/);
        assert.match(String(only(run.resources, "aws:sqs/queue:Queue").outputs.url), /^https:\/\/sqs\.eu-central-1\.amazonaws\.com\/123456789012\/q-/);
    });

    it("masks secrets in inputs and stack outputs", async () => {
        const run = await runProgram(() => {
            const p = new aws.ssm.Parameter("p", { type: "SecureString", value: pulumi.secret("hunter2") });
            return { value: p.value, plain: "visible" };
        });
        const parameter = only(run.resources, "aws:ssm/parameter:Parameter");
        assert.equal(parameter.inputs.value, "hunter2");
        assert.deepEqual(parameter.secretPaths, ["value"]);
        assert.equal(maskedInputs(parameter).value, MASKED_SECRET);
        assert.deepEqual(run.outputs, { plain: "visible", value: MASKED_SECRET });
        assert.ok(!JSON.stringify(run.outputs).includes("hunter2"));
    });

    it("answers unknown data sources empty and warns instead of failing", async () => {
        const run = await runProgram(async () => {
            await aws.dynamodb.getTable({ name: "orders" }).catch(() => undefined);
        });
        assert.equal(run.invokes[0].answered, false);
        assert.match(run.warnings[0], /no realistic answer for data source aws:dynamodb\/getTable:getTable/);
    });

    it("rejects, instead of hanging, when a value computed inside an apply throws", async () => {
        await assert.rejects(
            runProgram(() => {
                const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });
                new aws.ec2.Subnet("s", {
                    vpcId: vpc.id,
                    cidrBlock: vpc.id.apply((): string => {
                        throw new Error("no block left for this subnet");
                    }),
                });
            }),
            /no block left for this subnet/,
        );
        // The next run is not stuck behind the failed one.
        const next = await runProgram(() => new aws.sqs.Queue("q"));
        assert.equal(next.resources.filter((r) => r.custom).length, 1);
    });

    it("rejects with the program's own error", async () => {
        await assert.rejects(
            runProgram(() => {
                throw new Error("size missing");
            }),
            /size missing/,
        );
    });
});
