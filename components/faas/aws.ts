import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgsChecker, Transform, cloudName, nameProblem, standardTags, transformed } from "../core";
import { FUNCTION_SERVICE, FunctionServiceArgsBase, FunctionServiceOutputs, codeArchive, validateFunctionArgs, warnSecretValuesInEnv } from "./index";

/** AWS Lambda function service: the shared arguments plus the rest of Lambda. */
export interface AwsFunctionServiceArgs extends FunctionServiceArgsBase {
    /**
     * The Lambda function's name, also naming its log group `/aws/lambda/<name>`.
     * @default `<name>-<stack>`, shortened to Lambda's 64 characters
     */
    functionName?: string;
    /** Lambda layer ARNs (at most 5). @default none */
    layers?: pulumi.Input<string>[];
    /**
     * Ephemeral `/tmp` storage, in MB (512-10240). Cost: above 512 MB it is billed.
     * @default 512
     */
    ephemeralStorageMb?: number;
    /** Escape hatches: change any child's arguments before it is created. */
    transform?: {
        logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
        role?: Transform<aws.iam.RoleArgs>;
        function?: Transform<aws.lambda.FunctionArgs>;
        alias?: Transform<aws.lambda.AliasArgs>;
        functionUrl?: Transform<aws.lambda.FunctionUrlArgs>;
        securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
        schedule?: Transform<aws.scheduler.ScheduleArgs>;
        queue?: Transform<aws.sqs.QueueArgs>;
        deadLetterQueue?: Transform<aws.sqs.QueueArgs>;
        eventSourceMapping?: Transform<aws.lambda.EventSourceMappingArgs>;
    };
}

/** What the AWS builder made, for the concrete class and for tests. */
export interface AwsFunctionServiceResources extends FunctionServiceOutputs {
    readonly role: aws.iam.Role;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly function: aws.lambda.Function;
    readonly alias: aws.lambda.Alias;
    readonly functionUrl?: aws.lambda.FunctionUrl;
    readonly queue?: aws.sqs.Queue;
    readonly deadLetterQueue?: aws.sqs.Queue;
    readonly secrets: Record<string, aws.secretsmanager.Secret>;
}

/** The alias every trigger and URL points at; its version moves on each deploy. */
export const LIVE_ALIAS = "live";

/** The environment variable carrying a secret's ARN: `SECRET_ARN_<KEY>`. */
export function secretArnVariable(key: string): string {
    return `SECRET_ARN_${key.toUpperCase()}`;
}

/** An IAM policy document for one statement list, as JSON. */
function policy(statements: Array<Record<string, unknown>>): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * Alias weights for a canary: the alias points at the previous version and sends
 * `canaryPercent` to the newest. Lambda numbers published versions 1, 2, 3..., and this
 * function publishes on every change, so the previous version is the newest minus one.
 */
export function canaryRouting(version: string, canaryPercent: number | undefined): { functionVersion: string; weights?: Record<string, number> } {
    const n = Number(version);
    if (canaryPercent === undefined || !Number.isInteger(n) || n <= 1) return { functionVersion: version };
    return { functionVersion: String(n - 1), weights: { [version]: canaryPercent / 100 } };
}

export function buildAwsFunctionService(name: string, args: AwsFunctionServiceArgs, parent: pulumi.Resource): AwsFunctionServiceResources {
    const r = validateFunctionArgs(`Aws${FUNCTION_SERVICE}`, name, "aws", args);
    const check = new ArgsChecker(`Aws${FUNCTION_SERVICE}`, name);
    check.integer("ephemeralStorageMb", args.ephemeralStorageMb, 512, 10240, "MB");
    check.require((args.layers ?? []).length <= 5, "layers", `${(args.layers ?? []).length} layers`, "at most 5 layers (Lambda's limit)");
    if (args.functionName !== undefined) {
        const problem = nameProblem("aws-lambda", args.functionName);
        check.require(problem === undefined, "functionName", args.functionName, problem ?? "");
    }
    check.done();
    const transform = args.transform ?? {};
    const tags = standardTags(FUNCTION_SERVICE, r.tags);
    const region = args.region;
    const opts = { parent };
    const functionName = args.functionName ?? cloudName("aws-lambda", name, pulumi.getStack());
    const accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
    warnSecretValuesInEnv(`Aws${FUNCTION_SERVICE}`, name, r.env, parent);

    // The log group exists before the function, so Lambda never creates one without retention.
    const logGroup = new aws.cloudwatch.LogGroup(
        `${name}-logs`,
        ...transformed<aws.cloudwatch.LogGroupArgs, pulumi.CustomResourceOptions>(
            { name: `/aws/lambda/${functionName}`, retentionInDays: r.logRetentionDays, region, tags },
            { ...opts },
            transform.logGroup,
        ),
    );

    const role = new aws.iam.Role(
        `${name}-role`,
        ...transformed<aws.iam.RoleArgs, pulumi.CustomResourceOptions>(
            {
                description: `Runs the ${functionName} Lambda function (platform-kit FunctionService)`,
                assumeRolePolicy: policy([
                    {
                        Effect: "Allow",
                        Principal: { Service: "lambda.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                    },
                ]),
                tags,
            },
            { ...opts },
            transform.role,
        ),
    );

    // Least privilege, written out instead of AWSLambdaBasicExecutionRole (which may write to
    // every log group in the account): this function's log group only.
    const policies: aws.iam.RolePolicy[] = [];
    policies.push(
        new aws.iam.RolePolicy(`${name}-logs`, { role: role.name, policy: policy([{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:*` }]) }, opts),
    );
    // X-Ray takes no resource-level permissions: the daemon-write actions on "*", as AWSXRayDaemonWriteAccess.
    policies.push(
        new aws.iam.RolePolicy(
            `${name}-tracing`,
            { role: role.name, policy: policy([{ Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"], Resource: "*" }]) },
            opts,
        ),
    );

    // Secrets: one Secrets Manager secret per key; the function gets the ARN, never the value.
    const secrets: Record<string, aws.secretsmanager.Secret> = {};
    const secretEnv: Record<string, pulumi.Input<string>> = {};
    for (const [key, value] of Object.entries(r.secrets)) {
        const secret = new aws.secretsmanager.Secret(
            `${name}-secret-${key.toLowerCase()}`,
            { name: `${functionName}/${key}`, description: `${key} for the ${functionName} Lambda function`, recoveryWindowInDays: 30, region, tags },
            opts,
        );
        new aws.secretsmanager.SecretVersion(`${name}-secret-${key.toLowerCase()}`, { secretId: secret.id, secretString: pulumi.secret(value), region }, opts);
        secrets[key] = secret;
        secretEnv[secretArnVariable(key)] = secret.arn;
    }
    if (Object.keys(secrets).length > 0) {
        policies.push(
            new aws.iam.RolePolicy(
                `${name}-secrets`,
                { role: role.name, policy: policy([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: Object.values(secrets).map((s) => s.arn) }]) },
                opts,
            ),
        );
    }

    // Private egress: in the network's private subnets, with a security group that only sends.
    let vpcConfig: aws.types.input.lambda.FunctionVpcConfig | undefined;
    if (args.network) {
        policies.push(
            new aws.iam.RolePolicy(
                `${name}-vpc`,
                {
                    role: role.name,
                    // The network-interface actions of AWSLambdaVPCAccessExecutionRole; EC2 scopes them no further.
                    policy: policy([
                        {
                            Effect: "Allow",
                            Action: ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
                            Resource: "*",
                        },
                    ]),
                },
                opts,
            ),
        );
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            ...transformed<aws.ec2.SecurityGroupArgs, pulumi.CustomResourceOptions>(
                {
                    description: `Egress of the ${functionName} Lambda function`,
                    vpcId: args.network.networkId,
                    ingress: [],
                    // HTTPS anywhere (AWS APIs, SaaS) and anything inside the network; no ingress.
                    egress: [
                        { description: "HTTPS", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                        { description: "Inside the network", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [args.network.cidr] },
                    ],
                    region,
                    tags,
                },
                { ...opts },
                transform.securityGroup,
            ),
        );
        vpcConfig = { subnetIds: args.network.privateSubnetIds, securityGroupIds: [securityGroup.id] };
    }

    // The queue and its dead-letter queue; the role may read and delete from this queue only.
    let queue: aws.sqs.Queue | undefined;
    let deadLetterQueue: aws.sqs.Queue | undefined;
    let queuePolicy: aws.iam.RolePolicy | undefined;
    if (r.queue) {
        deadLetterQueue = new aws.sqs.Queue(
            `${name}-dlq`,
            ...transformed<aws.sqs.QueueArgs, pulumi.CustomResourceOptions>(
                { sqsManagedSseEnabled: true, messageRetentionSeconds: 14 * 24 * 3600, region, tags },
                { ...opts },
                transform.deadLetterQueue,
            ),
        );
        queue = new aws.sqs.Queue(
            `${name}-queue`,
            ...transformed<aws.sqs.QueueArgs, pulumi.CustomResourceOptions>(
                {
                    sqsManagedSseEnabled: true,
                    // AWS's advice: at least six times the function timeout, so a retried batch is not redelivered mid-run.
                    visibilityTimeoutSeconds: Math.max(30, 6 * r.timeoutSeconds),
                    redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: r.queue.maxReceiveCount }),
                    region,
                    tags,
                },
                { ...opts },
                transform.queue,
            ),
        );
        queuePolicy = new aws.iam.RolePolicy(
            `${name}-queue`,
            { role: role.name, policy: policy([{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource: queue.arn }]) },
            opts,
        );
        policies.push(queuePolicy);
    }

    const fn = new aws.lambda.Function(
        `${name}-function`,
        ...transformed<aws.lambda.FunctionArgs, pulumi.CustomResourceOptions>(
            {
                name: functionName,
                role: role.arn,
                code: codeArchive(args.code!),
                runtime: r.runtime!.id,
                handler: args.handler ?? "bootstrap",
                architectures: [r.architecture],
                memorySize: r.memoryMb,
                timeout: r.timeoutSeconds,
                ephemeralStorage: args.ephemeralStorageMb !== undefined ? { size: args.ephemeralStorageMb } : undefined,
                layers: args.layers,
                environment: { variables: { ...r.env, ...secretEnv } },
                loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
                tracingConfig: { mode: "Active" },
                publish: true,
                reservedConcurrentExecutions: args.concurrency?.max,
                vpcConfig,
                region,
                tags,
            },
            // The role's policies exist before the function runs, so its first logs and traces land.
            { ...opts, dependsOn: [logGroup, ...policies] },
            transform.function,
        ),
    );

    const routing = fn.version.apply((v) => canaryRouting(v, args.traffic?.canaryPercent));
    const alias = new aws.lambda.Alias(
        `${name}-live`,
        ...transformed<aws.lambda.AliasArgs, pulumi.CustomResourceOptions>(
            {
                name: LIVE_ALIAS,
                description: "The version callers use; weighted toward the newest version during a canary",
                functionName: fn.name,
                functionVersion: routing.functionVersion,
                routingConfig: routing.apply((rt) => (rt.weights ? { additionalVersionWeights: rt.weights } : {})),
                region,
            },
            { ...opts },
            transform.alias,
        ),
    );

    const warm = args.concurrency?.warm ?? 0;
    if (warm > 0) {
        new aws.lambda.ProvisionedConcurrencyConfig(`${name}-warm`, { functionName: fn.name, qualifier: alias.name, provisionedConcurrentExecutions: warm, region }, opts);
    }

    let functionUrl: aws.lambda.FunctionUrl | undefined;
    if (r.http) {
        const cors = args.http?.cors;
        functionUrl = new aws.lambda.FunctionUrl(
            `${name}-url`,
            ...transformed<aws.lambda.FunctionUrlArgs, pulumi.CustomResourceOptions>(
                {
                    functionName: fn.name,
                    qualifier: alias.name,
                    authorizationType: r.publicHttp ? "NONE" : "AWS_IAM",
                    cors: cors
                        ? {
                              allowOrigins: cors.allowOrigins,
                              allowMethods: cors.allowMethods ?? ["GET", "POST"],
                              allowHeaders: cors.allowHeaders ?? ["content-type", "authorization"],
                              maxAge: cors.maxAgeSeconds ?? 300,
                          }
                        : undefined,
                    region,
                },
                { ...opts },
                transform.functionUrl,
            ),
        );
        if (r.publicHttp) {
            pulumi.log.warn(`${FUNCTION_SERVICE} "${name}": http.public is set: anyone on the internet can call ${functionName} without credentials, and every call is billed.`, parent);
            // Since October 2025 a public function URL needs both permissions.
            new aws.lambda.Permission(
                `${name}-public-url`,
                { function: fn.name, qualifier: alias.name, action: "lambda:InvokeFunctionUrl", principal: "*", functionUrlAuthType: "NONE", region },
                opts,
            );
            new aws.lambda.Permission(
                `${name}-public-invoke`,
                { function: fn.name, qualifier: alias.name, action: "lambda:InvokeFunction", principal: "*", invokedViaFunctionUrl: true, region },
                opts,
            );
        }
    }

    if (r.schedule) {
        // EventBridge Scheduler assumes its own role, allowed to invoke the live alias only.
        const schedulerRole = new aws.iam.Role(
            `${name}-scheduler`,
            {
                description: `Lets EventBridge Scheduler invoke ${functionName}`,
                assumeRolePolicy: policy([
                    {
                        Effect: "Allow",
                        Principal: { Service: "scheduler.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                    },
                ]),
                tags,
            },
            opts,
        );
        const invoke = new aws.iam.RolePolicy(`${name}-scheduler`, { role: schedulerRole.name, policy: policy([{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: alias.arn }]) }, opts);
        new aws.scheduler.Schedule(
            `${name}-schedule`,
            ...transformed<aws.scheduler.ScheduleArgs, pulumi.CustomResourceOptions>(
                {
                    description: `Runs ${functionName} on ${args.schedule}`,
                    scheduleExpression: r.schedule,
                    scheduleExpressionTimezone: "UTC",
                    flexibleTimeWindow: { mode: "OFF" },
                    target: { arn: alias.arn, roleArn: schedulerRole.arn, input: JSON.stringify({ source: "platform-kit.schedule" }), retryPolicy: { maximumRetryAttempts: 2 } },
                    region,
                },
                { ...opts, dependsOn: [invoke] },
                transform.schedule,
            ),
        );
    }

    if (queue && r.queue) {
        new aws.lambda.EventSourceMapping(
            `${name}-queue-source`,
            ...transformed<aws.lambda.EventSourceMappingArgs, pulumi.CustomResourceOptions>(
                {
                    functionName: alias.arn,
                    eventSourceArn: queue.arn,
                    batchSize: r.queue.batchSize,
                    // Failed messages of a batch are retried alone instead of the whole batch.
                    functionResponseTypes: ["ReportBatchItemFailures"],
                    region,
                },
                { ...opts, dependsOn: queuePolicy ? [queuePolicy] : [] },
                transform.eventSourceMapping,
            ),
        );
    }

    return {
        role,
        logGroup,
        function: fn,
        alias,
        functionUrl,
        queue,
        deadLetterQueue,
        secrets,
        url: functionUrl ? functionUrl.functionUrl.apply((u): string | undefined => u) : pulumi.output<string | undefined>(undefined),
        functionName: fn.name,
        identity: role.arn,
    };
}

/**
 * A Lambda function with its own least-privilege role, a log group with retention,
 * X-Ray tracing, a published version behind the `live` alias, an IAM-authenticated
 * function URL, and optional EventBridge schedule, SQS queue with dead-letter queue,
 * Secrets Manager secrets, reserved and provisioned concurrency and VPC egress.
 *
 * Cost: requests and GB-seconds; provisioned concurrency is billed while configured;
 * each secret is billed monthly; a VPC function needs NAT for internet egress.
 *
 * @example
 * new AwsFunctionService("hello", { code: "./hello", runtime: "nodejs22", handler: "index.handler" });
 */
export class AwsFunctionService extends pulumi.ComponentResource implements FunctionServiceOutputs {
    readonly url: pulumi.Output<string | undefined>;
    readonly functionName: pulumi.Output<string>;
    readonly identity: pulumi.Output<string>;
    readonly role: aws.iam.Role;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly function: aws.lambda.Function;
    readonly alias: aws.lambda.Alias;
    readonly functionUrl?: aws.lambda.FunctionUrl;
    readonly queue?: aws.sqs.Queue;
    readonly deadLetterQueue?: aws.sqs.Queue;

    constructor(name: string, args: AwsFunctionServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:faas:AwsFunctionService", name, {}, opts);
        const built = buildAwsFunctionService(name, args, this);
        this.role = built.role;
        this.logGroup = built.logGroup;
        this.function = built.function;
        this.alias = built.alias;
        this.functionUrl = built.functionUrl;
        this.queue = built.queue;
        this.deadLetterQueue = built.deadLetterQueue;
        this.url = built.url;
        this.functionName = built.functionName;
        this.identity = built.identity;
        this.registerOutputs({ url: this.url, functionName: this.functionName, identity: this.identity });
    }
}
