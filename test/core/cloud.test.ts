import assert from "node:assert/strict";
import { CLOUDS, CLOUD_SDK, MissingCloudSdkError, PlatformKitError, VM_CLOUDS, checkCloud, loadCloudModule } from "../../components/core";

const missing = (id: string): string => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
};

describe("core cloud", () => {
    it("names the SDK package of every target", () => {
        assert.deepEqual(CLOUD_SDK, { aws: "@pulumi/aws", gcp: "@pulumi/gcp", azure: "@pulumi/azure-native", kubernetes: "@pulumi/kubernetes" });
        assert.deepEqual([...CLOUDS], ["aws", "gcp", "azure", "kubernetes"]);
        assert.deepEqual([...VM_CLOUDS], ["aws", "gcp", "azure"]);
    });

    describe("loadCloudModule", () => {
        it("names the missing package and the command that installs it", () => {
            for (const cloud of CLOUDS) {
                let loaded = false;
                assert.throws(
                    () => loadCloudModule(cloud, 'Network "core"', () => (loaded = true), missing),
                    (e: unknown) =>
                        e instanceof MissingCloudSdkError &&
                        e.cloud === cloud &&
                        e.packageName === CLOUD_SDK[cloud] &&
                        e.message ===
                            `Network "core" targets cloud "${cloud}", which needs the package ${CLOUD_SDK[cloud]}. ` +
                                `Install it in your Pulumi project: npm install ${CLOUD_SDK[cloud]}`,
                );
                assert.equal(loaded, false, "the cloud's module must not load without its SDK");
            }
        });

        it("loads the module once the SDK resolves, asking for the right package", () => {
            const asked: string[] = [];
            const result = loadCloudModule("gcp", "FunctionService \"api\"", () => "gcp module", (id) => (asked.push(id), `/node_modules/${id}`));
            assert.equal(result, "gcp module");
            assert.deepEqual(asked, ["@pulumi/gcp"]);
        });

        it("resolves with node's require by default (the dev dependencies are installed here)", () => {
            assert.equal(loadCloudModule("aws", "x", () => 42), 42);
        });
    });

    describe("checkCloud", () => {
        it("accepts an allowed cloud", () => {
            checkCloud('Network "core"', "azure", VM_CLOUDS);
        });

        it("refuses another with the allowed list and the hint", () => {
            assert.throws(
                () => checkCloud('Network "core"', "kubernetes", VM_CLOUDS, "a cluster brings its own network"),
                (e: unknown) =>
                    e instanceof PlatformKitError &&
                    e.message === 'Network "core": invalid arguments:\n  - cloud: got "kubernetes"; allowed: one of "aws", "gcp", "azure"; a cluster brings its own network',
            );
        });

        it("refuses values that are not clouds", () => {
            for (const bad of ["AWS", "", undefined, 3]) {
                assert.throws(() => checkCloud("X", bad, CLOUDS), (e: unknown) => e instanceof PlatformKitError && e.problems[0].field === "cloud");
            }
        });
    });
});
