import * as k8s from "@pulumi/kubernetes";
import * as assert from "node:assert/strict";
import { Platform, PlatformArgs, PlatformKitError, dataEnvPrefix } from "../components";
import { RecordedResource, ofType, only, runProgram } from "../testing";

const runtime = {
    capacityGroups: [{ name: "general", size: "medium" as const, min: 1, max: 3 }],
    tenants: [{ name: "web" }],
};

async function platform(args: PlatformArgs): Promise<RecordedResource[]> {
    const run = await runProgram(() => {
        new Platform("p", args);
    });
    return run.resources;
}

const componentTypes = (resources: RecordedResource[]) =>
    resources.filter((r) => r.type.startsWith("platform-kit:")).map((r) => `${r.type} ${r.name}`).sort();

describe("Platform", () => {
    it("puts up network, runtime, service, function, group and data fleet on AWS, wired together", async () => {
        const resources = await platform({
            cloud: "aws",
            runtime,
            services: { api: { tenant: "web", image: "ghcr.io/acme/api:1.0.0", port: 8080 } },
            functions: { resize: { code: "test/faas/fixtures/hello", runtime: "nodejs22", handler: "index.handler" } },
            groups: { legacy: { image: "ami-0123456789abcdef0", minSize: 1, maxSize: 2, port: 8080, healthCheckPath: "/healthz" } },
            data: { members: [{ name: "orders", engine: "postgres" }] },
        });
        assert.deepEqual(componentTypes(resources), [
            "platform-kit:container-runtime:ContainerRuntime p-runtime",
            "platform-kit:container-runtime:Service p-runtime-api",
            "platform-kit:data-fleet:DataFleet p-data",
            "platform-kit:faas:FunctionService p-resize",
            "platform-kit:immutable-group:ImmutableGroup p-legacy",
            "platform-kit:network:Network p-net",
            "platform-kit:platform:Platform p",
        ]);

        // The function runs inside the network, with the member's address but not its credentials.
        const fn = only(resources, "aws:lambda/function:Function");
        const vpcConfig = fn.inputs.vpcConfig as { subnetIds: string[] };
        assert.equal(vpcConfig.subnetIds.length, 3);
        const variables = (fn.inputs.environment as { variables: Record<string, string> }).variables;
        assert.match(variables[`${dataEnvPrefix("orders")}_HOST`], /\.rds\.amazonaws\.com$/);
        assert.equal(variables[`${dataEnvPrefix("orders")}_PORT`], "5432");
        assert.ok(!Object.keys(variables).some((k) => /PASSWORD|CREDENTIAL/.test(k)));

        // The service gets the same address, and its tenant may reach the network.
        const deployment = only(resources, "kubernetes:apps/v1:Deployment");
        const containerEnv = ((deployment.inputs.spec as any).template.spec.containers[0].env as Array<{ name: string; value: string }>).map((e) => e.name);
        assert.ok(containerEnv.includes("DATA_ORDERS_HOST"));
        const egress = ofType(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy").flatMap((p) => ((p.inputs.spec as any).egress ?? []) as Array<{ to?: Array<{ ipBlock?: { cidr: string } }> }>);
        assert.ok(egress.some((rule) => rule.to?.some((peer) => peer.ipBlock?.cidr === "10.0.0.0/16")), "tenant egress admits the network block");
    });

    it("keeps functions out of the network when there is no data fleet to reach", async () => {
        const resources = await platform({ cloud: "aws", functions: { resize: { code: "test/faas/fixtures/hello", runtime: "nodejs22", handler: "index.handler" } } });
        assert.equal(only(resources, "aws:lambda/function:Function").inputs.vpcConfig, undefined);
        assert.equal(ofType(resources, "aws:eks/cluster:Cluster").length, 0);
    });

    it("builds on Google Cloud and Azure with the same configuration", async () => {
        for (const cloud of ["gcp", "azure"] as const) {
            const resources = await platform({ cloud, runtime, data: { members: [{ name: "orders", engine: "postgres" }] } });
            assert.deepEqual(componentTypes(resources), [
                "platform-kit:container-runtime:ContainerRuntime p-runtime",
                "platform-kit:data-fleet:DataFleet p-data",
                "platform-kit:network:Network p-net",
                "platform-kit:platform:Platform p",
            ], cloud);
        }
    });

    it("runs everything on an existing cluster for cloud kubernetes", async () => {
        const run = await runProgram(() => {
            const provider = new k8s.Provider("cluster", { renderYamlToDirectory: "out" });
            new Platform("p", {
                cloud: "kubernetes",
                runtime: { tenants: [{ name: "web" }], provider, clusterName: "shared" },
                functions: { thumbs: { image: "ghcr.io/acme/thumbs:1.0.0" } },
                data: { members: [{ name: "orders", engine: "postgres" }], kubernetes: { volumeSnapshotClass: "csi-snapclass" } },
            });
        });
        assert.equal(ofType(run.resources, "platform-kit:network:Network").length, 0);
        assert.equal(ofType(run.resources, "kubernetes:serving.knative.dev/v1:Service").length, 1);
        const cluster = only(run.resources, "kubernetes:postgresql.cnpg.io/v1:Cluster");
        assert.deepEqual((cluster.inputs.spec as any).backup, { volumeSnapshot: { className: "csi-snapclass" } });
    });

    it("refuses, all at once, what a target cannot have", () => {
        assert.throws(
            () =>
                new Platform("p", {
                    cloud: "kubernetes",
                    network: { cidr: "10.1.0.0/16" },
                    groups: { legacy: { image: "ami-0123456789abcdef0", minSize: 1, maxSize: 2, port: 80, healthCheckPath: "/" } },
                    services: { api: { tenant: "web", image: "ghcr.io/acme/api:1.0.0", port: 8080 } },
                }),
            (e: unknown) =>
                e instanceof PlatformKitError &&
                e.problems.map((p) => p.field).join(",") === "network,groups,runtime,runtime" &&
                /Platform "p": invalid arguments/.test(e.message),
        );
        assert.throws(() => new Platform("p", { cloud: "aws", runtime: { ...runtime, clusterName: "x" } }), /runtime\.clusterName: .*only with cloud "kubernetes"/);
        assert.throws(() => new Platform("p", { cloud: "gcp", resourceGroupName: "rg" }), /resourceGroupName: .*only with cloud "azure"/);
    });
});
