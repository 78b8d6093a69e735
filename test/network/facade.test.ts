import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { PlatformKitError } from "../../components/core";
import { Network, NetworkInfo } from "../../components/network";
import { runProgram } from "../../testing";
import { rejection } from "./helpers";

describe("Network facade", () => {
    it("refuses cloud kubernetes: a cluster brings its own network", async () => {
        const e = await rejection(runProgram(() => new Network("core", { cloud: "kubernetes" as "aws" })));
        assert.ok(e instanceof PlatformKitError);
        assert.equal(
            e.message,
            'Network "core": invalid arguments:\n  - cloud: got "kubernetes"; allowed: one of "aws", "gcp", "azure"; a Kubernetes cluster brings its own network, so ContainerRuntime with cloud "kubernetes" takes none',
        );
    });

    it("refuses an unknown cloud", async () => {
        const e = await rejection(runProgram(() => new Network("core", { cloud: "oracle" as "aws" })));
        assert.ok(e instanceof PlatformKitError);
        assert.deepEqual(e.problems.map((p) => [p.field, p.value]), [["cloud", "oracle"]]);
    });

    it("refuses resourceGroupName outside Azure", async () => {
        for (const cloud of ["aws", "gcp"] as const) {
            const e = await rejection(runProgram(() => new Network("core", { cloud, resourceGroupName: "rg" })));
            assert.ok(e instanceof PlatformKitError, cloud);
            assert.equal(e.message, 'Network "core": invalid arguments:\n  - resourceGroupName: got "a resource group"; allowed: only with cloud "azure"');
        }
    });

    it("is a NetworkInfo other components can take, on every cloud", async () => {
        for (const cloud of ["aws", "gcp", "azure"] as const) {
            let info: NetworkInfo | undefined;
            const run = await runProgram(() => {
                info = new Network("core", { cloud, cidr: "10.20.0.0/16" });
            });
            assert.equal(info?.cloud, cloud);
            assert.equal(info?.cidr, "10.20.0.0/16");
            assert.ok(run.resources.some((r) => r.type === "platform-kit:network:Network" && r.name === "core"));
        }
    });

    it("loads no cloud SDK until a cloud is asked for", () => {
        const root = path.resolve(__dirname, "../..");
        const script = [
            'require("tsx/cjs");',
            'require("./components/network");',
            'const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/]@pulumi[\\\\/](aws|gcp|azure-native|kubernetes)[\\\\/]/.test(k));',
            "process.stdout.write(JSON.stringify(loaded.length));",
        ].join("\n");
        const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
        assert.equal(out, "0");
    });
});
