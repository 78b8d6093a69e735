import * as assert from "node:assert/strict";
import * as path from "path";
import { blockingFindings, plan, PlanResult } from "../../cli/plan";
import { platformStackConfigProblems } from "../../components";

const stack = (cloud: string) => path.join(__dirname, "..", "..", "stacks", cloud);

describe("the ready stacks", () => {
    const results: Record<string, PlanResult> = {};
    before(async () => {
        for (const cloud of ["aws", "gcp", "azure", "kubernetes"]) results[cloud] = await plan(stack(cloud));
    });

    for (const cloud of ["aws", "gcp", "azure", "kubernetes"]) {
        it(`${cloud}: plans offline with zero mandatory policy violations`, () => {
            const blocking = blockingFindings(results[cloud].findings);
            assert.deepEqual(blocking.map((f) => `${f.policy} on ${f.resourceName}: ${f.message}`), []);
        });
    }

    it("build the whole platform on each cloud", () => {
        const expected: Record<string, string[]> = {
            aws: ["aws:eks/cluster:Cluster", "aws:lambda/function:Function", "aws:autoscaling/group:Group", "aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:msk/cluster:Cluster"],
            gcp: ["gcp:container/cluster:Cluster", "gcp:cloudfunctionsv2/function:Function", "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", "gcp:sql/databaseInstance:DatabaseInstance", "gcp:redis/instance:Instance"],
            azure: ["azure-native:containerservice:ManagedCluster", "azure-native:web:WebApp", "azure-native:compute:VirtualMachineScaleSet", "azure-native:dbforpostgresql:Server", "azure-native:eventhub:Namespace"],
            kubernetes: ["kubernetes:serving.knative.dev/v1:Service", "kubernetes:postgresql.cnpg.io/v1:Cluster", "kubernetes:kafka.strimzi.io/v1beta2:Kafka", "kubernetes:batch/v1:CronJob"],
        };
        for (const [cloud, types] of Object.entries(expected)) {
            const have = new Set(results[cloud].run.resources.map((r) => r.type));
            for (const type of types) assert.ok(have.has(type), `${cloud} stack creates a ${type}`);
        }
    });

    it("keep the kubeconfig secret in the outputs", () => {
        assert.equal(results.aws.run.outputs.kubeconfig, "[secret]");
    });

    it("name a misspelt config key and a wrong type, with what is allowed", () => {
        const problems = platformStackConfigProblems("aws", { runtim: {}, network: { zones: "three" }, kubeconfig: "x" }, "platform-aws");
        assert.deepEqual(
            problems.map((p) => p.field),
            ["platform-aws:runtim", "platform-aws:network.zones", "platform-aws:kubeconfig"],
        );
        assert.match(problems[0].allowed, /one of the platform settings: network, runtime/);
        assert.match(problems[1].allowed, /must be integer/);
        assert.match(problems[2].allowed, /only in a "kubernetes" stack/);
    });

    it("refuse a stack whose config is wrong before building anything", async () => {
        await assert.rejects(plan(stack("aws"), { config: ["platform-aws:netwrok={}"] }), /platform-aws:netwrok: got "a value"; allowed: one of the platform settings/);
    });
});
