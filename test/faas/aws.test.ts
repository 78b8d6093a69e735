import * as assert from "node:assert/strict";
import * as path from "path";
import { PlatformKitError } from "../../components/core";
import { FunctionService } from "../../components/faas";
import { AwsFunctionService, canaryRouting } from "../../components/faas/aws";
import { NetworkInfo } from "../../components/network";
import { RecordedResource, inventory, ofType, only, runProgram } from "../../testing";

const HELLO = path.join(__dirname, "fixtures", "hello");
const config = { "aws:region": "eu-west-1" };

const network: NetworkInfo = {
    cloud: "aws",
    cidr: "10.0.0.0/16",
    networkId: "vpc-0123456789abcdef0",
    networkName: "core",
    region: "eu-west-1",
    privateSubnetIds: ["subnet-a", "subnet-b"],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
};

const policyOf = (r: RecordedResource) => JSON.parse(r.inputs.policy as string) as { Statement: Array<Record<string, unknown>> };

describe("faas: AWS Lambda", () => {
    it("a private HTTP function: every child, by type and name", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "aws", code: HELLO, runtime: "nodejs22", handler: "index.handler" }), { config });
        assert.deepEqual(inventory(run.resources), [
            ["aws:cloudwatch/logGroup:LogGroup", "hello-logs"],
            ["aws:iam/role:Role", "hello-role"],
            ["aws:iam/rolePolicy:RolePolicy", "hello-logs"],
            ["aws:iam/rolePolicy:RolePolicy", "hello-tracing"],
            ["aws:lambda/alias:Alias", "hello-live"],
            ["aws:lambda/function:Function", "hello-function"],
            ["aws:lambda/functionUrl:FunctionUrl", "hello-url"],
        ]);
        const fn = only(run.resources, "aws:lambda/function:Function");
        assert.equal(fn.inputs.name, "hello-dev");
        assert.equal(fn.inputs.runtime, "nodejs22.x");
        assert.equal(fn.inputs.handler, "index.handler");
        assert.deepEqual(fn.inputs.architectures, ["arm64"]);
        assert.equal(fn.inputs.memorySize, 512);
        assert.equal(fn.inputs.timeout, 30);
        assert.equal(fn.inputs.publish, true);
        assert.deepEqual(fn.inputs.tracingConfig, { mode: "Active" });
        assert.deepEqual(fn.inputs.loggingConfig, { logFormat: "JSON", logGroup: "/aws/lambda/hello-dev" });
        assert.deepEqual(fn.inputs.code, { archive: HELLO });

        const logs = only(run.resources, "aws:cloudwatch/logGroup:LogGroup");
        assert.equal(logs.inputs.name, "/aws/lambda/hello-dev");
        assert.equal(logs.inputs.retentionInDays, 30);
        assert.ok(fn.dependencies.includes(logs.urn), "the log group exists before the function");

        const url = only(run.resources, "aws:lambda/functionUrl:FunctionUrl");
        assert.equal(url.inputs.authorizationType, "AWS_IAM");
        assert.equal(url.inputs.qualifier, "live");
        assert.equal(ofType(run.resources, "aws:lambda/permission:Permission").length, 0, "no public permission");
        const alias = only(run.resources, "aws:lambda/alias:Alias");
        assert.equal(alias.inputs.name, "live");
        assert.equal(alias.inputs.functionVersion, "1");
    });

    it("gives the role only its own log group and tracing, nothing managed", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "aws", code: HELLO, runtime: "nodejs22", handler: "index.handler" }), { config });
        const role = only(run.resources, "aws:iam/role:Role");
        assert.equal(role.inputs.managedPolicyArns, undefined);
        const trust = JSON.parse(role.inputs.assumeRolePolicy as string);
        assert.deepEqual(trust.Statement, [
            { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } },
        ]);
        const logs = only(run.resources, "aws:iam/rolePolicy:RolePolicy", "hello-logs");
        assert.deepEqual(policyOf(logs).Statement, [
            { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/hello-dev:*" },
        ]);
        const tracing = only(run.resources, "aws:iam/rolePolicy:RolePolicy", "hello-tracing");
        assert.deepEqual(policyOf(tracing).Statement[0].Action, ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"]);
    });

    it("a scheduled function with queue, secrets, network, canary and warm instances", async () => {
        const run = await runProgram(
            () =>
                new AwsFunctionService("jobs", {
                    code: HELLO,
                    runtime: "python3.12",
                    handler: "main.handler",
                    architecture: "x86_64",
                    timeoutSeconds: 120,
                    schedule: "rate(5 minutes)",
                    queue: { batchSize: 5 },
                    env: { LOG_LEVEL: "info" },
                    secrets: { DB_PASSWORD: "hunter2" },
                    network,
                    concurrency: { max: 20, warm: 2 },
                    traffic: { canaryPercent: 10 },
                }),
            { config },
        );
        assert.deepEqual(inventory(run.resources), [
            ["aws:cloudwatch/logGroup:LogGroup", "jobs-logs"],
            ["aws:ec2/securityGroup:SecurityGroup", "jobs-sg"],
            ["aws:iam/role:Role", "jobs-role"],
            ["aws:iam/role:Role", "jobs-scheduler"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-logs"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-queue"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-scheduler"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-secrets"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-tracing"],
            ["aws:iam/rolePolicy:RolePolicy", "jobs-vpc"],
            ["aws:lambda/alias:Alias", "jobs-live"],
            ["aws:lambda/eventSourceMapping:EventSourceMapping", "jobs-queue-source"],
            ["aws:lambda/function:Function", "jobs-function"],
            ["aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig", "jobs-warm"],
            ["aws:scheduler/schedule:Schedule", "jobs-schedule"],
            ["aws:secretsmanager/secret:Secret", "jobs-secret-db_password"],
            ["aws:secretsmanager/secretVersion:SecretVersion", "jobs-secret-db_password"],
            ["aws:sqs/queue:Queue", "jobs-dlq"],
            ["aws:sqs/queue:Queue", "jobs-queue"],
        ]);
        const fn = only(run.resources, "aws:lambda/function:Function");
        const variables = (fn.inputs.environment as { variables: Record<string, string> }).variables;
        assert.deepEqual(variables, { LOG_LEVEL: "info", SECRET_ARN_DB_PASSWORD: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:jobs-dev/DB_PASSWORD-" + variables.SECRET_ARN_DB_PASSWORD.split("-").pop() });
        assert.ok(!JSON.stringify(fn.inputs).includes("hunter2"), "the secret value never reaches the function");
        assert.equal(fn.inputs.reservedConcurrentExecutions, 20);
        assert.deepEqual(fn.inputs.architectures, ["x86_64"]);
        assert.deepEqual(fn.inputs.vpcConfig, { subnetIds: ["subnet-a", "subnet-b"], securityGroupIds: [only(run.resources, "aws:ec2/securityGroup:SecurityGroup").id] });

        const version = only(run.resources, "aws:secretsmanager/secretVersion:SecretVersion");
        assert.deepEqual(version.secretPaths, ["secretString"]);
        const secretsPolicy = policyOf(only(run.resources, "aws:iam/rolePolicy:RolePolicy", "jobs-secrets"));
        assert.deepEqual(secretsPolicy.Statement, [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [variables.SECRET_ARN_DB_PASSWORD] }]);

        const sg = only(run.resources, "aws:ec2/securityGroup:SecurityGroup");
        assert.deepEqual(sg.inputs.ingress, []);
        assert.deepEqual(sg.inputs.egress, [
            { description: "HTTPS", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
            { description: "Inside the network", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] },
        ]);

        const queue = only(run.resources, "aws:sqs/queue:Queue", "jobs-queue");
        const dlq = only(run.resources, "aws:sqs/queue:Queue", "jobs-dlq");
        assert.equal(queue.inputs.sqsManagedSseEnabled, true);
        assert.equal(dlq.inputs.sqsManagedSseEnabled, true);
        assert.equal(queue.inputs.visibilityTimeoutSeconds, 720);
        assert.deepEqual(JSON.parse(queue.inputs.redrivePolicy as string), { deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: 5 });
        assert.deepEqual(policyOf(only(run.resources, "aws:iam/rolePolicy:RolePolicy", "jobs-queue")).Statement, [
            { Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource: queue.outputs.arn },
        ]);
        const mapping = only(run.resources, "aws:lambda/eventSourceMapping:EventSourceMapping");
        assert.equal(mapping.inputs.batchSize, 5);
        assert.equal(mapping.inputs.eventSourceArn, queue.outputs.arn);
        assert.deepEqual(mapping.inputs.functionResponseTypes, ["ReportBatchItemFailures"]);

        const schedule = only(run.resources, "aws:scheduler/schedule:Schedule");
        assert.equal(schedule.inputs.scheduleExpression, "rate(5 minutes)");
        const alias = only(run.resources, "aws:lambda/alias:Alias");
        assert.equal((schedule.inputs.target as { arn: string }).arn, alias.outputs.arn);
        assert.deepEqual(policyOf(only(run.resources, "aws:iam/rolePolicy:RolePolicy", "jobs-scheduler")).Statement, [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: alias.outputs.arn }]);
        const warm = only(run.resources, "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig");
        assert.equal(warm.inputs.provisionedConcurrentExecutions, 2);
        assert.equal(warm.inputs.qualifier, "live");
        assert.equal(ofType(run.resources, "aws:lambda/functionUrl:FunctionUrl").length, 0, "a scheduled function gets no URL unless asked");
    });

    it("splits the alias between the previous and newest version for a canary", () => {
        assert.deepEqual(canaryRouting("7", 10), { functionVersion: "6", weights: { "7": 0.1 } });
        assert.deepEqual(canaryRouting("1", 10), { functionVersion: "1" }, "nothing to split with on the first version");
        assert.deepEqual(canaryRouting("7", undefined), { functionVersion: "7" });
    });

    it("a public function URL has auth NONE, both public permissions, and a warning", async () => {
        const run = await runProgram(
            () => new FunctionService("site", { cloud: "aws", code: HELLO, runtime: "nodejs22", handler: "index.handler", http: { public: true, cors: { allowOrigins: ["https://app.example.com"] } } }),
            { config },
        );
        const url = only(run.resources, "aws:lambda/functionUrl:FunctionUrl");
        assert.equal(url.inputs.authorizationType, "NONE");
        assert.deepEqual(url.inputs.cors, { allowOrigins: ["https://app.example.com"], allowMethods: ["GET", "POST"], allowHeaders: ["content-type", "authorization"], maxAge: 300 });
        const permissions = ofType(run.resources, "aws:lambda/permission:Permission").map((p) => [p.name, p.inputs.action, p.inputs.principal]);
        assert.deepEqual(permissions, [
            ["site-public-url", "lambda:InvokeFunctionUrl", "*"],
            ["site-public-invoke", "lambda:InvokeFunction", "*"],
        ]);
        assert.ok(run.warnings.some((w) => /http\.public is set: anyone on the internet/.test(w)), run.warnings.join("\n"));
    });

    it("outputs the URL, function name and role", async () => {
        const seen: Record<string, unknown> = {};
        await runProgram(
            () => {
                const fn = new FunctionService("hello", { cloud: "aws", code: HELLO, runtime: "nodejs22", handler: "index.handler" });
                fn.url.apply((u) => (seen.url = u));
                fn.functionName.apply((n) => (seen.functionName = n));
                fn.identity.apply((i) => (seen.identity = i));
            },
            { config },
        );
        assert.match(String(seen.url), /^https:\/\/[a-f0-9]{32}\.lambda-url\.eu-west-1\.on\.aws\/$/);
        assert.equal(seen.functionName, "hello-dev");
        assert.match(String(seen.identity), /^arn:aws:iam::123456789012:role\/hello-role-/);
    });

    it("refuses bad input at construction", async () => {
        await assert.rejects(
            runProgram(() => new FunctionService("bad", { cloud: "aws", code: HELLO, runtime: "nodejs22", handler: "index.handler", timeoutSeconds: 1000, env: { API_KEY: "x" } }), { config }),
            (e) => e instanceof PlatformKitError && /timeoutSeconds/.test(e.message) && /env\.API_KEY/.test(e.message),
        );
    });
});

describe("faas: AWS Lambda concrete options", () => {
    it("refuses Lambda-only options out of range", async () => {
        await assert.rejects(
            runProgram(() => new AwsFunctionService("bad", { code: HELLO, runtime: "nodejs22", handler: "index.handler", ephemeralStorageMb: 20000, functionName: "has spaces" }), { config }),
            (e) => e instanceof PlatformKitError && /ephemeralStorageMb/.test(e.message) && /functionName/.test(e.message),
        );
    });

    it("runs Go on the OS-only runtime with the bootstrap handler", async () => {
        const run = await runProgram(() => new AwsFunctionService("gofn", { code: HELLO, runtime: "go", ephemeralStorageMb: 1024 }), { config });
        const fn = only(run.resources, "aws:lambda/function:Function");
        assert.deepEqual([fn.inputs.runtime, fn.inputs.handler, fn.inputs.ephemeralStorage], ["provided.al2023", "bootstrap", { size: 1024 }]);
    });
});
