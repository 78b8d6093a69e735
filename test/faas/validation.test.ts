import * as assert from "node:assert/strict";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { PlatformKitError } from "../../components/core";
import {
    FUNCTION_RUNTIMES,
    FunctionServiceArgsBase,
    KnativeTargetArgs,
    RUNTIME_TABLE,
    codeProblems,
    gcpEntryPoint,
    imageProblem,
    parseSchedule,
    resolveRuntime,
    scheduleExpression,
    supportedRuntimes,
    validateFunctionArgs,
} from "../../components/faas";
import { Cloud } from "../../components/core";

const HELLO = path.join(__dirname, "fixtures", "hello");
const NOV_2026 = new Date("2026-11-25T00:00:00Z");
const base: FunctionServiceArgsBase = { code: HELLO, runtime: "nodejs22", handler: "index.handler" };
const fakeCluster = { provider: {} as pulumi.ProviderResource, clusterName: "dev" };

function problemsOf(cloud: Cloud, args: FunctionServiceArgsBase & KnativeTargetArgs, asOf = NOV_2026): PlatformKitError {
    try {
        validateFunctionArgs("FunctionService", "fn", cloud, args, { asOf });
    } catch (e) {
        if (e instanceof PlatformKitError) return e;
        throw e;
    }
    assert.fail("expected a PlatformKitError");
}

describe("faas: runtime table", () => {
    it("maps each portable id to each cloud's own identifier", () => {
        assert.equal(RUNTIME_TABLE.nodejs22.aws?.id, "nodejs22.x");
        assert.equal(RUNTIME_TABLE.nodejs22.gcp?.id, "nodejs22");
        assert.deepEqual([RUNTIME_TABLE.nodejs22.azure?.id, RUNTIME_TABLE.nodejs22.azure?.version], ["node", "22"]);
        assert.equal(RUNTIME_TABLE["python3.12"].gcp?.id, "python312");
        assert.deepEqual([RUNTIME_TABLE.dotnet8.azure?.id, RUNTIME_TABLE.dotnet8.azure?.version], ["dotnet-isolated", "8.0"]);
        assert.equal(RUNTIME_TABLE.go.aws?.id, "provided.al2023");
        assert.match(RUNTIME_TABLE.go.aws?.note ?? "", /bootstrap/);
    });

    it("lists what each cloud supports on a given day, without retired runtimes", () => {
        assert.deepEqual(supportedRuntimes("aws", NOV_2026), ["nodejs22", "nodejs24", "python3.12", "python3.13", "java21", "go"]);
        assert.deepEqual(supportedRuntimes("gcp", NOV_2026), ["nodejs22", "nodejs24", "python3.11", "python3.12", "python3.13", "java17", "java21", "go"]);
        assert.deepEqual(supportedRuntimes("azure", NOV_2026), ["nodejs22", "python3.11", "python3.12", "python3.13", "java17", "java21", "go"]);
    });

    it("every retirement date is a real calendar date", () => {
        for (const id of FUNCTION_RUNTIMES) {
            for (const entry of Object.values(RUNTIME_TABLE[id])) {
                if (entry.retiredOn) assert.ok(!Number.isNaN(Date.parse(`${entry.retiredOn}T00:00:00Z`)), `${id}: ${entry.retiredOn}`);
            }
        }
    });

    it("refuses an unknown runtime, naming what the cloud supports", () => {
        const problem = resolveRuntime("aws", "cobol85", NOV_2026);
        assert.ok("field" in problem);
        assert.equal(problem.field, "runtime");
        assert.match(problem.allowed, /on aws: "nodejs22", "nodejs24", "python3.12"/);
    });

    it("refuses a runtime a cloud lacks", () => {
        const problem = resolveRuntime("azure", "nodejs24", NOV_2026);
        assert.ok("field" in problem);
        assert.match(problem.allowed, /azure offers \(it has no nodejs24\)/);
    });

    it("refuses a runtime the cloud retired, with the date, but not before that date", () => {
        const retired = resolveRuntime("aws", "java17", NOV_2026);
        assert.ok("field" in retired);
        assert.match(retired.allowed, /java17 was retired on 2026-06-30/);
        const before = resolveRuntime("aws", "java17", new Date("2026-06-29T12:00:00Z"));
        assert.deepEqual(before, RUNTIME_TABLE.java17.aws);
        // The same language version is still supported on Google Cloud that day.
        assert.deepEqual(resolveRuntime("gcp", "java17", NOV_2026), RUNTIME_TABLE.java17.gcp);
    });
});

describe("faas: schedules", () => {
    it("parses rates and five-field crons, refusing the rest with the accepted forms", () => {
        assert.deepEqual(parseSchedule("rate(5 minutes)"), { kind: "rate", amount: 5, unit: "minute" });
        assert.deepEqual(parseSchedule("rate(1 hour)"), { kind: "rate", amount: 1, unit: "hour" });
        assert.deepEqual(parseSchedule("cron(0 3 * * 1-5)"), { kind: "cron", fields: ["0", "3", "*", "*", "1-5"] });
        assert.match(parseSchedule("rate(90 minutes)") as string, /1 to 59 minutes/);
        assert.match(parseSchedule("cron(0 12 * * ? *)") as string, /six-field AWS form/);
        assert.match(parseSchedule("every day") as string, /rate\(N minutes/);
    });

    it("translates to each cloud's syntax", () => {
        const every5 = parseSchedule("rate(5 minutes)");
        const weekdays = parseSchedule("cron(30 6 * * 1-5)");
        const monthly = parseSchedule("cron(0 0 1 * *)");
        assert.ok(typeof every5 !== "string" && typeof weekdays !== "string" && typeof monthly !== "string");
        assert.equal(scheduleExpression("aws", every5), "rate(5 minutes)");
        assert.equal(scheduleExpression("gcp", every5), "*/5 * * * *");
        assert.equal(scheduleExpression("azure", every5), "0 */5 * * * *");
        assert.equal(scheduleExpression("kubernetes", every5), "*/5 * * * *");
        // EventBridge counts days of the week from Sunday = 1 and needs "?" in one day field.
        assert.equal(scheduleExpression("aws", weekdays), "cron(30 6 ? * 2-6 *)");
        assert.equal(scheduleExpression("aws", monthly), "cron(0 0 1 * ? *)");
        assert.equal(scheduleExpression("gcp", weekdays), "30 6 * * 1-5");
        assert.equal(scheduleExpression("azure", weekdays), "0 30 6 * * 1-5");
        const hourly = parseSchedule("rate(1 hour)");
        assert.ok(typeof hourly !== "string");
        assert.equal(scheduleExpression("aws", hourly), "rate(1 hour)");
        assert.equal(scheduleExpression("gcp", hourly), "0 * * * *");
    });
});

describe("faas: validateFunctionArgs", () => {
    it("applies the defaults", () => {
        const r = validateFunctionArgs("FunctionService", "fn", "aws", base, { asOf: NOV_2026 });
        assert.equal(r.memoryMb, 512);
        assert.equal(r.timeoutSeconds, 30);
        assert.equal(r.architecture, "arm64");
        assert.equal(r.http, true, "a function with no trigger gets a private HTTP trigger");
        assert.equal(r.publicHttp, false);
        assert.equal(r.runtime?.id, "nodejs22.x");
    });

    it("refuses a secret passed as plain env, with a hint to use secrets", () => {
        const e = problemsOf("aws", { ...base, env: { DB_PASSWORD: "hunter2", STRIPE_API_KEY: "sk", LOG_LEVEL: "info" } });
        assert.deepEqual(
            e.problems.map((p) => p.field),
            ["env.DB_PASSWORD", "env.STRIPE_API_KEY"],
        );
        assert.match(e.message, /looks like a secret: move it to `secrets`/);
        assert.doesNotMatch(e.message, /hunter2/, "the value never reaches the message");
    });

    it("refuses a key in both env and secrets", () => {
        const e = problemsOf("gcp", { ...base, env: { REGION_NAME: "x" }, secrets: { REGION_NAME: "y" } });
        assert.deepEqual(e.problems.map((p) => p.field), ["env.REGION_NAME"]);
        assert.match(e.message, /either `env` or `secrets`, not both/);
    });

    it("refuses names the cloud reserves", () => {
        const e = problemsOf("aws", { ...base, env: { AWS_REGION: "eu-west-1" }, secrets: { SECRET_ARN_X: "v" } });
        assert.deepEqual(e.problems.map((p) => p.field), ["env.AWS_REGION", "secrets.SECRET_ARN_X"]);
    });

    it("refuses a timeout over each cloud's limit", () => {
        assert.match(problemsOf("aws", { ...base, timeoutSeconds: 901 }).message, /timeoutSeconds: got 901; allowed: a whole number from 1 to 900 \(seconds; Lambda stops a run after 900 s\)/);
        assert.match(problemsOf("gcp", { ...base, timeoutSeconds: 3601 }).message, /from 1 to 3600/);
        assert.match(problemsOf("gcp", { ...base, timeoutSeconds: 600, queue: true }).message, /from 1 to 540 \(seconds; event-driven/);
        assert.match(problemsOf("azure", { ...base, timeoutSeconds: 3700 }).message, /from 1 to 3600/);
        assert.match(problemsOf("kubernetes", { image: "ghcr.io/acme/hello:1.0.0", cluster: fakeCluster, timeoutSeconds: 601 }).message, /max-revision-timeout-seconds \(600\)/);
        assert.doesNotThrow(() => validateFunctionArgs("FunctionService", "fn", "kubernetes", { image: "ghcr.io/acme/hello:1.0.0", cluster: fakeCluster, timeoutSeconds: 900 }, { maxTimeoutSeconds: 1200 }));
    });

    it("refuses a missing code folder, a file, and no code", () => {
        assert.match(problemsOf("aws", { ...base, code: "./no/such/folder" }).message, /code: got "\.\/no\/such\/folder"; allowed: an existing folder/);
        assert.match(codeProblems(path.join(HELLO, "index.js"))[0].allowed, /is a file/);
        assert.match(problemsOf("gcp", { ...base, code: undefined }).message, /code: got nothing/);
        assert.deepEqual(codeProblems(new pulumi.asset.FileArchive(HELLO)), []);
    });

    it("refuses latest and untagged images on Kubernetes, and accepts pinned ones", () => {
        assert.match(imageProblem("ghcr.io/acme/hello:latest") ?? "", /other than latest/);
        assert.match(imageProblem("ghcr.io/acme/hello") ?? "", /untagged means latest/);
        assert.match(imageProblem("localhost:5000/hello") ?? "", /untagged/);
        assert.equal(imageProblem("localhost:5000/hello:2.1"), undefined);
        assert.equal(imageProblem(`ghcr.io/acme/hello@sha256:${"a".repeat(64)}`), undefined);
        const e = problemsOf("kubernetes", { image: "nginx", cluster: fakeCluster });
        assert.deepEqual(e.problems.map((p) => p.field), ["image"]);
    });

    it("collects every problem of one call at once", () => {
        const e = problemsOf("aws", { code: "./missing", runtime: "nodejs18", timeoutSeconds: 5000, memoryMb: 64, env: { API_TOKEN: "t" } });
        assert.deepEqual(e.problems.map((p) => p.field), ["code", "runtime", "handler", "memoryMb", "timeoutSeconds", "env.API_TOKEN"]);
        assert.match(e.message, /nodejs18 was retired on 2025-09-01/);
    });

    it("refuses a canary where the cloud cannot split, and needs the stable revision on Knative", () => {
        assert.match(problemsOf("gcp", { ...base, traffic: { canaryPercent: 10 } }).message, /allTrafficOnLatestRevision/);
        assert.match(problemsOf("azure", { ...base, traffic: { canaryPercent: 10 } }).message, /no deployment slots/);
        assert.match(problemsOf("kubernetes", { image: "a/b:1", cluster: fakeCluster, traffic: { canaryPercent: 10 } }).message, /traffic\.stableRevision/);
        assert.match(problemsOf("aws", { ...base, traffic: { canaryPercent: 100 } }).message, /from 1 to 99/);
    });

    it("refuses a queue on Kubernetes and a queue beside HTTP on Google Cloud", () => {
        assert.match(problemsOf("kubernetes", { image: "a/b:1", cluster: fakeCluster, queue: true }).message, /no queue on cloud "kubernetes"/);
        assert.match(problemsOf("gcp", { ...base, queue: true, http: {} }).message, /event-driven Cloud Function has no HTTP trigger/);
    });

    it("refuses Azure memory sizes Flex Consumption lacks and warm instances above max", () => {
        assert.match(problemsOf("azure", { ...base, memoryMb: 1024 }).message, /one of 512, 2048, 4096/);
        assert.match(problemsOf("aws", { ...base, concurrency: { max: 2, warm: 3 } }).message, /at most concurrency.max \(2\)/);
        assert.match(problemsOf("aws", { ...base, schedule: "cron(0 0 1 * 1)" }).message, /EventBridge cannot combine both/);
    });

    it("refuses Kubernetes settings on a cloud, and code or a network on Kubernetes", () => {
        const e = problemsOf("aws", { ...base, namespace: "apps", installKnative: true });
        assert.deepEqual(e.problems.map((p) => p.field), ["namespace", "installKnative"]);
        const k = problemsOf("kubernetes", { image: "a/b:1", cluster: fakeCluster, code: HELLO });
        assert.deepEqual(k.problems.map((p) => p.field), ["code"]);
    });

    it("derives Google Cloud entry points from handlers", () => {
        assert.equal(gcpEntryPoint("nodejs22", "index.handler"), "handler");
        assert.equal(gcpEntryPoint("python3.12", "main.handle"), "handle");
        assert.equal(gcpEntryPoint("java21", "com.acme.Hello::handleRequest"), "com.acme.Hello");
        assert.equal(gcpEntryPoint("go", "Hello"), "Hello");
    });
});
