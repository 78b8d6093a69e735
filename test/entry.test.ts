import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as path from "path";

/**
 * A user who targets one cloud must not need the other clouds' SDKs: the root entry loads
 * none, and a component loads only its own cloud's. Checked in a fresh process, where
 * require.cache shows exactly what was loaded.
 */
const root = path.resolve(__dirname, "..");

/** The cloud SDKs loaded once `body` (awaited) has run in a fresh process. */
function sdksLoadedBy(body: string): string[] {
    const script = `require("tsx/cjs");
(async () => {
    ${body}
    const sdks = new Set();
    for (const k of Object.keys(require.cache)) {
        const m = /node_modules[\\\\/]@pulumi[\\\\/](aws|gcp|azure-native|kubernetes)[\\\\/]/.exec(k);
        if (m) sdks.add(m[1]);
    }
    process.stdout.write(JSON.stringify([...sdks].sort()));
})();`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" })) as string[];
}

describe("the package's entry points", () => {
    it("platform-kit (the root) loads no cloud SDK", () => {
        assert.deepEqual(sdksLoadedBy('require("./components");'), []);
    });

    it("each cloud's subpath (platform-kit/aws, /gcp, /azure) loads only that cloud's SDK", () => {
        assert.deepEqual(sdksLoadedBy('require("./components/aws");'), ["aws"]);
        assert.deepEqual(sdksLoadedBy('require("./components/gcp");'), ["gcp"]);
        assert.deepEqual(sdksLoadedBy('require("./components/azure");'), ["azure-native"]);
    });

    it("a Google Cloud network loads only @pulumi/gcp", () => {
        const body = `const { Network } = require("./components");
    await require("./testing").runProgram(() => { new Network("core", { cloud: "gcp" }); });`;
        assert.deepEqual(sdksLoadedBy(body), ["gcp"]);
    });

    it("an AWS platform without containers loads only @pulumi/aws", () => {
        const body = `const { Platform } = require("./components");
    await require("./testing").runProgram(() => {
        new Platform("p", { cloud: "aws", groups: { web: { image: "ami-0123456789abcdef0", minSize: 1, maxSize: 2, port: 8080, healthCheckPath: "/" } } });
    });`;
        assert.deepEqual(sdksLoadedBy(body), ["aws"]);
    });
});
