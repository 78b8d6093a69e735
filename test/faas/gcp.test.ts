import * as assert from "node:assert/strict";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { PlatformKitError } from "../../components/core";
import { FunctionService } from "../../components/faas";
import { GcpFunctionService, gcpCpuFor } from "../../components/faas/gcp";
import { NetworkInfo } from "../../components/network";
import { inventory, ofType, only, runProgram } from "../../testing";

const HELLO = path.join(__dirname, "fixtures", "hello");
const config = { "gcp:project": "acme-prod", "gcp:region": "europe-west1" };

const network: NetworkInfo = {
    cloud: "gcp",
    cidr: "10.10.0.0/16",
    networkId: "projects/acme-prod/global/networks/core",
    networkName: "core",
    region: "europe-west1",
    privateSubnetIds: ["projects/acme-prod/regions/europe-west1/subnetworks/core-private"],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
};

describe("faas: Google Cloud Functions (2nd gen)", () => {
    it("a private HTTP function: every child, by type and name, and its settings", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "gcp", code: HELLO, runtime: "nodejs22", handler: "index.handler" }), { config });
        assert.deepEqual(inventory(run.resources), [
            ["gcp:cloudfunctionsv2/function:Function", "hello-function"],
            ["gcp:serviceaccount/account:Account", "hello-sa"],
            ["gcp:storage/bucket:Bucket", "hello-source"],
            ["gcp:storage/bucketObject:BucketObject", "hello-archive"],
        ]);
        const bucket = only(run.resources, "gcp:storage/bucket:Bucket");
        assert.equal(bucket.inputs.uniformBucketLevelAccess, true);
        assert.equal(bucket.inputs.publicAccessPrevention, "enforced");
        assert.deepEqual(bucket.inputs.versioning, { enabled: true });
        assert.equal(bucket.inputs.location, "europe-west1");

        const fn = only(run.resources, "gcp:cloudfunctionsv2/function:Function");
        assert.equal(fn.inputs.name, "hello-dev");
        assert.equal(fn.inputs.location, "europe-west1");
        const build = fn.inputs.buildConfig as Record<string, unknown>;
        assert.equal(build.runtime, "nodejs22");
        assert.equal(build.entryPoint, "handler");
        const service = fn.inputs.serviceConfig as Record<string, unknown>;
        assert.equal(service.ingressSettings, "ALLOW_INTERNAL_ONLY");
        assert.equal(service.serviceAccountEmail, "hello-fn@acme-prod.iam.gserviceaccount.com");
        assert.equal(service.availableMemory, "512Mi");
        assert.equal(service.timeoutSeconds, 30);
        assert.equal(service.minInstanceCount, 0);
        assert.equal(service.maxInstanceRequestConcurrency, 1);
        assert.equal(service.allTrafficOnLatestRevision, true);
        assert.equal(fn.inputs.eventTrigger, undefined);
        assert.equal(ofType(run.resources, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember").length, 0, "no invoker binding for a private function");
    });

    it("a scheduled function with secrets, network and instance limits", async () => {
        const run = await runProgram(
            () =>
                new GcpFunctionService("jobs", {
                    code: HELLO,
                    runtime: "python3.12",
                    handler: "main.run",
                    memoryMb: 1024,
                    schedule: "cron(0 3 * * *)",
                    secrets: { DB_PASSWORD: "hunter2" },
                    env: { LOG_LEVEL: "info" },
                    network,
                    concurrency: { max: 10, warm: 1, perInstance: 4 },
                }),
            { config },
        );
        assert.deepEqual(inventory(run.resources), [
            ["gcp:cloudfunctionsv2/function:Function", "jobs-function"],
            ["gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "jobs-invoker"],
            ["gcp:cloudscheduler/job:Job", "jobs-schedule"],
            ["gcp:secretmanager/secret:Secret", "jobs-secret-db-password"],
            ["gcp:secretmanager/secretIamMember:SecretIamMember", "jobs-secret-db-password-accessor"],
            ["gcp:secretmanager/secretVersion:SecretVersion", "jobs-secret-db-password"],
            ["gcp:serviceaccount/account:Account", "jobs-invoker"],
            ["gcp:serviceaccount/account:Account", "jobs-sa"],
            ["gcp:storage/bucket:Bucket", "jobs-source"],
            ["gcp:storage/bucketObject:BucketObject", "jobs-archive"],
        ]);
        const fn = only(run.resources, "gcp:cloudfunctionsv2/function:Function");
        const service = fn.inputs.serviceConfig as Record<string, unknown>;
        assert.deepEqual(service.environmentVariables, { LOG_LEVEL: "info" });
        const secret = only(run.resources, "gcp:secretmanager/secret:Secret");
        assert.deepEqual(secret.inputs.replication, { auto: {} });
        assert.equal(secret.inputs.secretId, "jobs-dev-db-password");
        assert.deepEqual(service.secretEnvironmentVariables, [{ key: "DB_PASSWORD", projectId: "acme-prod", secret: "jobs-dev-db-password", version: "1" }]);
        assert.ok(!JSON.stringify(fn.inputs).includes("hunter2"));
        assert.deepEqual(only(run.resources, "gcp:secretmanager/secretVersion:SecretVersion").secretPaths, ["secretData"]);
        const accessor = only(run.resources, "gcp:secretmanager/secretIamMember:SecretIamMember");
        assert.equal(accessor.inputs.role, "roles/secretmanager.secretAccessor");
        assert.equal(accessor.inputs.member, "serviceAccount:jobs-fn@acme-prod.iam.gserviceaccount.com");
        assert.ok(fn.dependencies.includes(accessor.urn), "the accessor binding exists before the function reads its secret");

        assert.equal(service.minInstanceCount, 1);
        assert.equal(service.maxInstanceCount, 10);
        assert.equal(service.maxInstanceRequestConcurrency, 4);
        assert.equal(service.availableCpu, "1");
        assert.deepEqual(service.directVpcNetworkInterfaces, [{ network: "projects/acme-prod/global/networks/core", subnetwork: "projects/acme-prod/regions/europe-west1/subnetworks/core-private" }]);
        assert.equal(service.directVpcEgress, "VPC_EGRESS_PRIVATE_RANGES_ONLY");

        const job = only(run.resources, "gcp:cloudscheduler/job:Job");
        assert.equal(job.inputs.schedule, "0 3 * * *");
        assert.equal(job.inputs.timeZone, "Etc/UTC");
        const target = job.inputs.httpTarget as { uri: string; oidcToken: { serviceAccountEmail: string; audience: string } };
        assert.equal(target.uri, fn.outputs.url);
        assert.deepEqual(target.oidcToken, { serviceAccountEmail: "jobs-invoker@acme-prod.iam.gserviceaccount.com", audience: fn.outputs.url });
        const invoker = only(run.resources, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember");
        assert.deepEqual([invoker.inputs.role, invoker.inputs.member], ["roles/run.invoker", "serviceAccount:jobs-invoker@acme-prod.iam.gserviceaccount.com"]);
    });

    it("a Pub/Sub-triggered function is event-driven through its own invoker", async () => {
        const run = await runProgram(() => new FunctionService("events", { cloud: "gcp", code: HELLO, runtime: "nodejs22", handler: "index.handler", queue: true, timeoutSeconds: 540 }), { config });
        const topic = only(run.resources, "gcp:pubsub/topic:Topic");
        assert.equal(topic.name, "events-queue");
        const fn = only(run.resources, "gcp:cloudfunctionsv2/function:Function");
        assert.deepEqual(fn.inputs.eventTrigger, {
            triggerRegion: "europe-west1",
            eventType: "google.cloud.pubsub.topic.v1.messagePublished",
            pubsubTopic: topic.outputs.id,
            retryPolicy: "RETRY_POLICY_RETRY",
            serviceAccountEmail: "events-invoker@acme-prod.iam.gserviceaccount.com",
        });
    });

    it("a public function: ingress ALLOW_ALL and run.invoker for allUsers only then", async () => {
        const run = await runProgram(() => new FunctionService("site", { cloud: "gcp", code: HELLO, runtime: "nodejs22", handler: "index.handler", http: { public: true } }), { config });
        const fn = only(run.resources, "gcp:cloudfunctionsv2/function:Function");
        assert.equal((fn.inputs.serviceConfig as Record<string, unknown>).ingressSettings, "ALLOW_ALL");
        const binding = only(run.resources, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember");
        assert.deepEqual([binding.name, binding.inputs.role, binding.inputs.member, binding.inputs.name], ["site-public", "roles/run.invoker", "allUsers", "site-dev"]);
        assert.ok(run.warnings.some((w) => /http\.public is set/.test(w)));
    });

    it("outputs the URL, function name and service account", async () => {
        const seen: Record<string, unknown> = {};
        await runProgram(
            () => {
                const fn = new FunctionService("hello", { cloud: "gcp", code: HELLO, runtime: "nodejs22", handler: "index.handler" });
                fn.url.apply((u) => (seen.url = u));
                fn.functionName.apply((n) => (seen.functionName = n));
                fn.identity.apply((i) => (seen.identity = i));
            },
            { config },
        );
        assert.match(String(seen.url), /^https:\/\/hello-dev-[a-f0-9]{10}\.europe-west1\.run\.app$/);
        assert.equal(seen.functionName, "hello-dev");
        assert.equal(seen.identity, "hello-fn@acme-prod.iam.gserviceaccount.com");
    });

    it("warns when a plain env value is a Pulumi secret", async () => {
        const run = await runProgram(
            () => new FunctionService("leaky", { cloud: "gcp", code: HELLO, runtime: "nodejs22", handler: "index.handler", env: { DATABASE_URL: pulumi.secret("postgres://u:p@db/app"), MODE: "fast" } }),
            { config },
        );
        const warnings = run.warnings.filter((w) => /holds a secret value/.test(w));
        assert.equal(warnings.length, 1, run.warnings.join("\n"));
        assert.match(warnings[0], /env\.DATABASE_URL holds a secret value/);
    });

    it("sizes vCPUs to the memory Cloud Run requires", () => {
        assert.deepEqual([512, 4096, 8192, 16384, 32768].map(gcpCpuFor), ["1", "1", "2", "4", "8"]);
    });

    it("refuses a canary split and a runtime Google Cloud retired", async () => {
        await assert.rejects(
            runProgram(() => new FunctionService("bad", { cloud: "gcp", code: HELLO, runtime: "nodejs20", handler: "index.handler", traffic: { canaryPercent: 10 } }), { config }),
            (e) => e instanceof PlatformKitError && /traffic\.canaryPercent/.test(e.message) && /nodejs20 was retired on 2026-04-30/.test(e.message),
        );
    });
});
