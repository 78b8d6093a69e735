import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, CLOUDS, Cloud, ClusterTarget, Problem, Tags, checkCloud, loadCloudModule } from "../core";
import type { NetworkInfo } from "../network";

/**
 * FunctionService: the FaaS layer. A function from a code folder (or a container image on
 * Kubernetes), private and least-privileged by default, with tracing and logs, optional
 * HTTP, schedule and queue triggers, warm instances and a canary split where the cloud has one.
 *
 * This file holds the shared contract, the portable runtime table, the pure validation and
 * schedule translation, and the portable facade. Each cloud's builder lives beside it.
 */

export const FUNCTION_SERVICE = "FunctionService";

/** Clouds whose functions are built from a zip archive of a code folder. */
export type ZipCloud = Exclude<Cloud, "kubernetes">;
export const ZIP_CLOUDS: readonly ZipCloud[] = ["aws", "gcp", "azure"];

// ---------------------------------------------------------------------------------------
// Runtimes
// ---------------------------------------------------------------------------------------

/** Portable runtime ids: one language version, named the same on every cloud. */
export type FunctionRuntime =
    | "nodejs18"
    | "nodejs20"
    | "nodejs22"
    | "nodejs24"
    | "python3.10"
    | "python3.11"
    | "python3.12"
    | "python3.13"
    | "java17"
    | "java21"
    | "dotnet8"
    | "go";

/** One runtime on one cloud: the identifier the cloud takes, and when it stopped being patched. */
export interface CloudRuntime {
    /** Lambda `runtime`, Cloud Functions `buildConfig.runtime`, or Azure Functions stack name. */
    readonly id: string;
    /** Azure Functions only: the stack version (`functionAppConfig.runtime.version`). */
    readonly version?: string;
    /**
     * The date (UTC, `YYYY-MM-DD`) the cloud deprecates the runtime: no more security
     * patches, and creating functions on it is blocked soon after. From this day on the
     * runtime is refused.
     */
    readonly retiredOn?: string;
    /** Something a user should know about this mapping. */
    readonly note?: string;
}

/**
 * The portable runtime table: each portable id mapped to each cloud's identifier.
 * A missing cell means the cloud does not offer the language version for zip deployment.
 *
 * Sources (as of 2026-11): AWS "Lambda runtimes" (deprecation column), Google Cloud
 * "Cloud Run functions runtime support" schedule, Microsoft "Languages by runtime version"
 * for Azure Functions on Flex Consumption. Lambda's Amazon Linux 2 runtimes (python3.10,
 * python3.11, java17) follow Amazon Linux 2's end of support. Update this table when a
 * cloud publishes a new schedule; a concrete class's `transform.function` can set any
 * identifier the cloud accepts in the meantime.
 */
export const RUNTIME_TABLE: Readonly<Record<FunctionRuntime, Readonly<Partial<Record<ZipCloud, CloudRuntime>>>>> = {
    nodejs18: {
        aws: { id: "nodejs18.x", retiredOn: "2025-09-01" },
        gcp: { id: "nodejs18", retiredOn: "2025-04-30" },
        azure: { id: "node", version: "18", retiredOn: "2025-04-30" },
    },
    nodejs20: {
        aws: { id: "nodejs20.x", retiredOn: "2026-04-30" },
        gcp: { id: "nodejs20", retiredOn: "2026-04-30" },
        azure: { id: "node", version: "20", retiredOn: "2026-04-30" },
    },
    nodejs22: {
        aws: { id: "nodejs22.x", retiredOn: "2027-04-30" },
        gcp: { id: "nodejs22", retiredOn: "2027-04-30" },
        azure: { id: "node", version: "22", retiredOn: "2027-04-30" },
    },
    nodejs24: {
        aws: { id: "nodejs24.x", retiredOn: "2028-04-30" },
        gcp: { id: "nodejs24", retiredOn: "2028-04-30" },
    },
    "python3.10": {
        aws: { id: "python3.10", retiredOn: "2026-06-30" },
        gcp: { id: "python310", retiredOn: "2026-10-04" },
        azure: { id: "python", version: "3.10", retiredOn: "2026-10-31" },
    },
    "python3.11": {
        aws: { id: "python3.11", retiredOn: "2026-06-30" },
        gcp: { id: "python311", retiredOn: "2027-10-24" },
        azure: { id: "python", version: "3.11", retiredOn: "2027-10-31" },
    },
    "python3.12": {
        aws: { id: "python3.12", retiredOn: "2028-10-31" },
        gcp: { id: "python312", retiredOn: "2028-10-02" },
        azure: { id: "python", version: "3.12", retiredOn: "2028-10-31" },
    },
    "python3.13": {
        aws: { id: "python3.13", retiredOn: "2029-06-30" },
        gcp: { id: "python313", retiredOn: "2029-10-10" },
        azure: { id: "python", version: "3.13", retiredOn: "2029-10-31" },
    },
    java17: {
        aws: { id: "java17", retiredOn: "2026-06-30" },
        gcp: { id: "java17", retiredOn: "2029-09-30" },
        azure: { id: "java", version: "17", retiredOn: "2029-09-30" },
    },
    java21: {
        aws: { id: "java21", retiredOn: "2029-06-30" },
        gcp: { id: "java21", retiredOn: "2031-09-30" },
        azure: { id: "java", version: "21", retiredOn: "2031-09-30" },
    },
    dotnet8: {
        aws: { id: "dotnet8", retiredOn: "2026-11-10" },
        gcp: { id: "dotnet8", retiredOn: "2026-11-10" },
        azure: { id: "dotnet-isolated", version: "8.0", retiredOn: "2026-11-10" },
    },
    go: {
        aws: {
            id: "provided.al2023",
            retiredOn: "2029-06-30",
            note: "Lambda has no managed Go runtime since go1.x: the OS-only provided.al2023 runtime runs a binary named bootstrap at the root of the archive (GOOS=linux, GOARCH matching `architecture`)",
        },
        gcp: { id: "go125", retiredOn: "2027-02-28", note: "Go 1.25: Google Cloud follows Go's own support window (the two newest releases) plus a grace period" },
        azure: {
            id: "custom",
            version: "1.0",
            note: "Azure Functions runs Go as a custom handler: host.json names the executable",
        },
    },
};

export const FUNCTION_RUNTIMES = Object.keys(RUNTIME_TABLE) as FunctionRuntime[];

/** The runtimes `cloud` offers and has not retired on `asOf`, in table order. */
export function supportedRuntimes(cloud: ZipCloud, asOf: Date = new Date()): FunctionRuntime[] {
    return FUNCTION_RUNTIMES.filter((r) => {
        const entry = RUNTIME_TABLE[r][cloud];
        return entry !== undefined && !isRetired(entry, asOf);
    });
}

function isRetired(entry: CloudRuntime, asOf: Date): boolean {
    return entry.retiredOn !== undefined && asOf.getTime() >= Date.parse(`${entry.retiredOn}T00:00:00Z`);
}

/**
 * The cloud's runtime for a portable id, or a problem naming what the cloud supports:
 * an unknown id, a language version the cloud lacks, or one it has retired.
 */
export function resolveRuntime(cloud: ZipCloud, runtime: unknown, asOf: Date = new Date()): CloudRuntime | Problem {
    const supported = supportedRuntimes(cloud, asOf).map((r) => `"${r}"`).join(", ");
    if (typeof runtime !== "string" || !(FUNCTION_RUNTIMES as string[]).includes(runtime)) {
        return { field: "runtime", value: runtime, allowed: `a portable runtime id; on ${cloud}: ${supported}` };
    }
    const entry = RUNTIME_TABLE[runtime as FunctionRuntime][cloud];
    if (entry === undefined) {
        return { field: "runtime", value: runtime, allowed: `a runtime ${cloud} offers (it has no ${runtime}): ${supported}` };
    }
    if (isRetired(entry, asOf)) {
        return { field: "runtime", value: runtime, allowed: `a runtime ${cloud} still supports (${runtime} was retired on ${entry.retiredOn}): ${supported}` };
    }
    return entry;
}

// ---------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------

/**
 * The longest run a cloud allows one invocation, in seconds.
 * - AWS Lambda: 900 s.
 * - Cloud Functions 2nd gen: 3,600 s for HTTP functions, 540 s for event-driven ones
 *   (a `queue` trigger makes the function event-driven).
 * - Azure Functions on Flex Consumption: unbounded but only 60 minutes are guaranteed
 *   (a scale-in may stop a longer run), so 3,600 s; HTTP responses still end at 230 s at
 *   the front end.
 * - Knative: the cluster's `max-revision-timeout-seconds` (600 s unless the cluster
 *   operator raised it; `KnativeFunctionServiceArgs.maxTimeoutSeconds` tells the component).
 */
export const TIMEOUT_LIMITS = {
    aws: 900,
    gcp: 3600,
    gcpEvent: 540,
    azure: 3600,
    kubernetes: 600,
} as const;

/** Memory range (MB) each cloud accepts for one instance. Azure Flex Consumption offers fixed sizes. */
export const MEMORY_LIMITS: Readonly<Record<Cloud, { min: number; max: number; sizes?: readonly number[] }>> = {
    aws: { min: 128, max: 10240 },
    gcp: { min: 128, max: 32768 },
    azure: { min: 512, max: 4096, sizes: [512, 2048, 4096] },
    kubernetes: { min: 32, max: 65536 },
};

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_LOG_RETENTION_DAYS = 30;

// ---------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------

/** Processor architecture of the function's instances. */
export type FunctionArchitecture = "arm64" | "x86_64";
export const FUNCTION_ARCHITECTURES: readonly FunctionArchitecture[] = ["arm64", "x86_64"];

/** Cross-origin rules for browsers calling the function's URL. */
export interface FunctionCors {
    /**
     * Origins allowed to call, e.g. `["https://app.example.com"]`. `["*"]` allows any.
     * @example ["https://app.example.com"]
     */
    allowOrigins: string[];
    /**
     * HTTP methods allowed. AWS and Azure honour it; Cloud Functions and Knative leave CORS
     * to the function's code.
     * @default ["GET", "POST"]
     */
    allowMethods?: string[];
    /**
     * Request headers allowed (AWS).
     * @default ["content-type", "authorization"]
     */
    allowHeaders?: string[];
    /**
     * How long browsers may cache the preflight answer, in seconds (AWS).
     * @default 300
     */
    maxAgeSeconds?: number;
}

/** The HTTP trigger. */
export interface FunctionHttp {
    /**
     * Anyone on the internet may call the function, unauthenticated.
     * AWS: a function URL with auth type NONE; Google Cloud: ingress ALLOW_ALL and
     * `roles/run.invoker` for `allUsers`; Azure: public network access on; Knative: the
     * service is exposed on the cluster's ingress domain. Leave off unless the function
     * checks callers itself: a public function is billed for every call anyone makes.
     * @default false (private: IAM-authenticated URL on AWS, internal ingress on Google
     * Cloud, no public network access on Azure, cluster-local on Knative)
     */
    public?: boolean;
    /** Cross-origin rules for browsers. @default none */
    cors?: FunctionCors;
}

/** The queue trigger: a queue (or topic) the component creates and the function consumes. */
export interface FunctionQueue {
    /**
     * Messages handed to one invocation (AWS SQS event source: 1-10).
     * @default 10
     */
    batchSize?: number;
    /**
     * Deliveries before a message goes to the dead-letter queue (AWS SQS redrive,
     * Azure Service Bus max delivery count).
     * @default 5
     */
    maxReceiveCount?: number;
}

/** Instance limits. Cost: warm instances are billed while idle. */
export interface FunctionConcurrency {
    /**
     * The most instances (AWS: reserved concurrency, which also takes that many from the
     * account's pool; Google Cloud: max instances; Azure: maximum instance count, 40-1000
     * on Flex Consumption; Knative: max-scale).
     * @default the cloud's default (AWS unreserved, Google Cloud 100, Azure 100, Knative unlimited)
     */
    max?: number;
    /**
     * Instances kept warm to avoid cold starts: "hot" functions (AWS: provisioned concurrency
     * on the `live` alias; Google Cloud: min instances; Azure: always-ready HTTP instances;
     * Knative: min-scale). Cost: billed while idle.
     * @default 0 (scale to zero)
     */
    warm?: number;
    /**
     * Requests one instance serves at once (Google Cloud max instance request concurrency,
     * Knative containerConcurrency and target, Azure HTTP per-instance concurrency).
     * Lambda always serves one request per execution environment and ignores it.
     * @default 1 on Google Cloud and Knative (one request per instance, like Lambda); the cloud's default on Azure
     */
    perInstance?: number;
}

/** A weighted split between the last two versions. */
export interface FunctionTraffic {
    /**
     * Percent of requests (1-99) sent to the newest version; the rest stay on the previous one.
     * AWS: the `live` alias's additional version weight; Knative: the service's traffic block.
     * Refused on Google Cloud (the Cloud Functions API pins all traffic to the latest
     * revision) and Azure (Flex Consumption has no deployment slots).
     * @example 10
     */
    canaryPercent?: number;
    /**
     * Knative only: the revision that serves the rest of the traffic (`kubectl get
     * revisions`), since revision names are given by the cluster.
     * @example "checkout-00007"
     */
    stableRevision?: string;
}

/** The arguments every cloud's function service shares. */
export interface FunctionServiceArgsBase {
    /**
     * The function's code: a folder (zipped when the program runs; relative paths are
     * taken from the Pulumi project directory) or a Pulumi archive. AWS, Google Cloud and
     * Azure; Kubernetes takes `image`.
     * @example "./functions/hello"
     */
    code?: string | pulumi.asset.Archive;
    /**
     * Kubernetes only: the container image, pinned by tag or digest (`latest` and untagged
     * images are refused: a restart could run different code).
     * @example "ghcr.io/acme/hello:1.4.2"
     */
    image?: string;
    /**
     * The language runtime, as a portable id mapped to each cloud's identifier
     * ({@link RUNTIME_TABLE}). Required on AWS, Google Cloud and Azure; ignored on Kubernetes.
     * @example "nodejs22"
     */
    runtime?: FunctionRuntime;
    /**
     * The entry point. AWS: the Lambda handler (`index.handler`, `pkg.Class::method`; Go's
     * `provided.al2023` defaults to `bootstrap`). Google Cloud: the exported function's name,
     * taken from the part after the last `.` for Node.js and Python, and before `::` for
     * Java. Azure functions declare their entry points in code and ignore it.
     * @example "index.handler"
     */
    handler?: string;
    /**
     * Memory per instance, in MB. Azure Flex Consumption offers 512, 2048 or 4096.
     * Cost: billed by memory times duration on every cloud.
     * @default 512
     */
    memoryMb?: number;
    /**
     * The longest one invocation may run, in seconds; over the cloud's limit
     * ({@link TIMEOUT_LIMITS}) is refused.
     * @default 30
     */
    timeoutSeconds?: number;
    /**
     * Processor architecture. AWS honours it (arm64 is about 20% cheaper per GB-second);
     * the other clouds choose for you.
     * @default "arm64"
     */
    architecture?: FunctionArchitecture;
    /**
     * Plain settings, visible to anyone who can read the function's configuration. Keys that
     * look like secrets (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, CREDENTIAL) are
     * refused: put those in `secrets`.
     * @example { LOG_LEVEL: "info" }
     */
    env?: Record<string, pulumi.Input<string>>;
    /**
     * Secret settings, stored in the cloud's secret store and referenced, never placed in
     * plain environment variables or outputs. AWS: one Secrets Manager secret per key,
     * passed as `SECRET_ARN_<KEY>` for the code to read; Google Cloud: Secret Manager,
     * exposed as the environment variable `<KEY>`; Azure: Key Vault references in app
     * settings, resolved to `<KEY>`; Knative: a Kubernetes Secret read through `secretKeyRef`.
     * Values become Pulumi secrets in state. Cost: AWS and Google Cloud bill per secret a month.
     * @example { DATABASE_PASSWORD: config.requireSecret("dbPassword") }
     */
    secrets?: Record<string, pulumi.Input<string>>;
    /**
     * The HTTP trigger. With no trigger at all, a private HTTP trigger is made.
     * @default private HTTP when neither `schedule` nor `queue` is set; otherwise none
     */
    http?: FunctionHttp;
    /**
     * Run on a schedule: `rate(5 minutes)` (minutes 1-59, hours 1-23, days 1-31) or a
     * five-field cron in UTC wrapped as `cron(0 3 * * *)` (minute hour day-of-month month
     * day-of-week). AWS: an EventBridge Scheduler schedule; Google Cloud: a Cloud Scheduler
     * job with an OIDC token; Azure: the app setting `PLATFORM_KIT_SCHEDULE` (NCRONTAB) that
     * the code's timer trigger binds to as `%PLATFORM_KIT_SCHEDULE%`; Knative: a PingSource
     * (needs Knative Eventing).
     * @example "rate(5 minutes)"
     */
    schedule?: string;
    /**
     * Consume a queue the component creates: AWS SQS with a dead-letter queue; Google Cloud
     * a Pub/Sub topic through Eventarc; Azure a Service Bus queue (the connection is the
     * app setting prefix `ServiceBusConnection`, the queue name `PLATFORM_KIT_QUEUE`).
     * Refused on Kubernetes. `true` takes the defaults.
     * @default no queue
     */
    queue?: boolean | FunctionQueue;
    /** Instance limits and warm instances. @default scale from zero to the cloud's default */
    concurrency?: FunctionConcurrency;
    /**
     * Private egress into a network: Lambda in the private subnets with its own security
     * group (egress only); Cloud Functions direct VPC egress in the first private subnet;
     * Azure VNet integration in the first private subnet (delegated to Microsoft.App/environments).
     * Not used on Kubernetes (the cluster's network applies).
     * @default no network (the cloud's shared egress)
     */
    network?: NetworkInfo;
    /** A weighted split between the last two versions. @default all traffic on the newest */
    traffic?: FunctionTraffic;
    /**
     * Days logs are kept (AWS CloudWatch log group, Azure Log Analytics workspace).
     * @default 30
     */
    logRetentionDays?: number;
    /**
     * The region (AWS, Google Cloud) or location (Azure) for every child. Unset: the
     * network's region, else the provider's configured one.
     * @example "eu-west-1"
     */
    region?: string;
    /** Tags (AWS, Azure), labels (Google Cloud, Kubernetes) for every child. */
    tags?: Tags;
}

/** What a Kubernetes function service needs besides the shared arguments. */
export interface KnativeTargetArgs {
    /**
     * The cluster to deploy on: a ContainerRuntime, or `{ provider, clusterName }` for a
     * cluster platform-kit did not create.
     */
    cluster?: ClusterTarget;
    /**
     * An existing namespace to deploy into. Unset: a namespace named after the function is
     * created, with the `restricted` Pod Security Standard enforced.
     */
    namespace?: string;
    /**
     * Install Knative Serving (and Eventing, for `schedule`) through the Knative Operator's
     * Helm chart at a pinned version, with Kourier as its ingress. Leave off when the
     * cluster already runs Knative (one install per cluster).
     * @default false
     */
    installKnative?: boolean;
    /**
     * The domain Knative serves public services under (`<name>.<namespace>.<domain>`).
     * Required with `http.public` on Kubernetes.
     * @example "fn.example.com"
     */
    domain?: string;
}

export interface FunctionServiceArgs extends FunctionServiceArgsBase, KnativeTargetArgs {
    /** Which cloud to build on: Lambda, Cloud Functions 2nd gen, Azure Functions, or Knative on Kubernetes. */
    cloud: Cloud;
}

/** The outputs every concrete function service exposes. */
export interface FunctionServiceOutputs {
    /**
     * The HTTP endpoint: the function URL of the `live` alias (AWS; undefined without an HTTP
     * trigger), the Cloud Run URL (Google Cloud), `https://<app>.azurewebsites.net` (Azure) or
     * the Knative URL.
     */
    readonly url: pulumi.Output<string | undefined>;
    /** The function's name as the cloud shows it (Lambda function, Cloud Function, Function App, Knative Service). */
    readonly functionName: pulumi.Output<string>;
    /**
     * What the function runs as: the IAM role ARN (AWS), the service account email (Google
     * Cloud), the user-assigned managed identity's principal id (Azure) or the Kubernetes
     * service account name.
     */
    readonly identity: pulumi.Output<string>;
}

// ---------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------

/** Environment variable names that look like they hold a secret. */
export const SECRET_LIKE_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** Environment names each cloud reserves for itself. */
const RESERVED_ENV: Readonly<Record<Cloud, RegExp>> = {
    aws: /^(AWS_|LAMBDA_|_HANDLER$|_X_AMZN_TRACE_ID$|TZ$|SECRET_ARN_)/,
    gcp: /^(X_GOOGLE_|K_SERVICE$|K_REVISION$|K_CONFIGURATION$|PORT$|FUNCTION_TARGET$|FUNCTION_SIGNATURE_TYPE$)/,
    azure: /^(FUNCTIONS_|AzureWebJobs|AzureFunctionsJobHost|WEBSITE_|APPLICATIONINSIGHTS_|ServiceBusConnection|PLATFORM_KIT_)/,
    kubernetes: /^(K_SERVICE$|K_REVISION$|K_CONFIGURATION$|PORT$)/,
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems with an image reference for Knative: it must be pinned. */
export function imageProblem(image: string): string | undefined {
    if (/@sha256:[a-f0-9]{64}$/.test(image)) return undefined;
    const lastSegment = image.split("/").pop() ?? image;
    const colon = lastSegment.lastIndexOf(":");
    if (colon < 0) return "an image pinned by tag or digest (untagged means latest): e.g. ghcr.io/acme/hello:1.4.2";
    const tag = lastSegment.slice(colon + 1);
    if (tag === "" || tag === "latest") return "an image pinned by a tag other than latest, or by @sha256 digest";
    return undefined;
}

/** The portable schedule, parsed. */
export type ParsedSchedule =
    | { kind: "rate"; amount: number; unit: "minute" | "hour" | "day" }
    | { kind: "cron"; fields: [string, string, string, string, string] };

const CRON_FIELD = /^[0-9A-Za-z*,/-]+$/;

/** Parses `rate(N unit)` or `cron(m h dom mon dow)`; returns what is wrong as a string. */
export function parseSchedule(schedule: string): ParsedSchedule | string {
    const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(schedule.trim());
    if (rate) {
        const amount = Number(rate[1]);
        const unit = rate[2].replace(/s$/, "") as "minute" | "hour" | "day";
        const max = { minute: 59, hour: 23, day: 31 }[unit];
        if (amount < 1 || amount > max) return `a rate of 1 to ${max} ${unit}s (use the next larger unit beyond)`;
        return { kind: "rate", amount, unit };
    }
    const cron = /^cron\((.*)\)$/.exec(schedule.trim());
    if (cron) {
        const fields = cron[1].trim().split(/\s+/);
        if (fields.length !== 5) {
            return "a five-field cron: cron(minute hour day-of-month month day-of-week); the six-field AWS form with a year is not portable";
        }
        if (!fields.every((f) => CRON_FIELD.test(f))) return "cron fields of digits, names, and * , / - only";
        return { kind: "cron", fields: fields as [string, string, string, string, string] };
    }
    return 'rate(N minutes|hours|days) or cron(minute hour day-of-month month day-of-week), e.g. "rate(5 minutes)" or "cron(0 3 * * *)"';
}

/**
 * The schedule in each cloud's own syntax: EventBridge Scheduler `rate()`/`cron()` (AWS),
 * unix cron (Google Cloud Scheduler, Knative PingSource), NCRONTAB with seconds (Azure).
 */
export function scheduleExpression(cloud: Cloud, parsed: ParsedSchedule): string {
    if (parsed.kind === "rate") {
        const { amount, unit } = parsed;
        if (cloud === "aws") return `rate(${amount} ${unit}${amount === 1 ? "" : "s"})`;
        const step = (n: number) => (n === 1 ? "*" : `*/${n}`);
        const five = unit === "minute" ? `${step(amount)} * * * *` : unit === "hour" ? `0 ${step(amount)} * * *` : `0 0 ${step(amount)} * *`;
        return cloud === "azure" ? `0 ${five}` : five;
    }
    const [minute, hour, dom, month, dow] = parsed.fields;
    if (cloud === "aws") {
        // EventBridge wants exactly one of day-of-month / day-of-week as "?", and numbers
        // days of the week 1-7 from Sunday where unix cron counts 0-6.
        const awsDow = dow === "*" ? "?" : dow.replace(/(^|[^/\d])(\d)/g, (_m, pre: string, d: string) => `${pre}${(Number(d) % 7) + 1}`);
        const awsDom = dow === "*" ? dom : "?";
        return `cron(${minute} ${hour} ${awsDom} ${month} ${awsDow} *)`;
    }
    const five = parsed.fields.join(" ");
    return cloud === "azure" ? `0 ${five}` : five;
}

/** The queue settings with defaults, or undefined when there is no queue. */
export function queueSettings(queue: boolean | FunctionQueue | undefined): Required<FunctionQueue> | undefined {
    if (queue === undefined || queue === false) return undefined;
    const given = queue === true ? {} : queue;
    return { batchSize: given.batchSize ?? 10, maxReceiveCount: given.maxReceiveCount ?? 5 };
}

/** The arguments after validation, with defaults applied. */
export interface ResolvedFunctionArgs {
    cloud: Cloud;
    /** The cloud's runtime (zip clouds only). */
    runtime?: CloudRuntime;
    /** The portable id it came from. */
    portableRuntime?: FunctionRuntime;
    /** Memory per instance, MB. */
    memoryMb: number;
    /** Longest run, seconds. */
    timeoutSeconds: number;
    architecture: FunctionArchitecture;
    /** Days logs are kept. */
    logRetentionDays: number;
    /** The schedule in the target cloud's syntax. */
    schedule?: string;
    queue?: Required<FunctionQueue>;
    /** Whether an HTTP trigger exists (given, or the default when no trigger is). */
    http: boolean;
    /** Whether the HTTP trigger is open to the internet. */
    publicHttp: boolean;
    /** Plain settings, checked. */
    env: Record<string, pulumi.Input<string>>;
    /** Secret settings, checked. */
    secrets: Record<string, pulumi.Input<string>>;
    /** User tags (platform-kit's are added by each builder). */
    tags: Tags;
}

export interface ValidationOptions {
    /** The day runtime retirement is judged on. @default today */
    asOf?: Date;
    /** Knative: the cluster's revision timeout limit. @default 600 */
    maxTimeoutSeconds?: number;
    /** Azure: the hosting plan; Consumption (Y1) caps runs at 600 s. @default "FlexConsumption" */
    azurePlan?: "FlexConsumption" | "Consumption";
    /** Directory relative code paths are taken from. @default process.cwd() */
    baseDir?: string;
}

/**
 * Validates FunctionService arguments for one cloud and applies the defaults. Pure apart
 * from checking the code folder exists. Every problem is reported at once.
 */
export function validateFunctionArgs(
    kind: string,
    name: string,
    cloud: Cloud,
    args: FunctionServiceArgsBase & KnativeTargetArgs,
    options: ValidationOptions = {},
): ResolvedFunctionArgs {
    const check = new ArgsChecker(kind, name);
    const asOf = options.asOf ?? new Date();
    const queue = queueSettings(args.queue);

    // Code or image.
    let runtime: CloudRuntime | undefined;
    if (cloud === "kubernetes") {
        check.require(args.code === undefined, "code", "a code folder or archive", 'nothing on cloud "kubernetes": build a container image and pass `image`');
        if (check.require(typeof args.image === "string" && args.image.length > 0, "image", args.image, "a container image reference, e.g. ghcr.io/acme/hello:1.4.2")) {
            const problem = imageProblem(args.image!);
            check.require(problem === undefined, "image", args.image, problem ?? "");
        }
        check.require(args.cluster !== undefined, "cluster", args.cluster, 'a ClusterTarget (a ContainerRuntime, or { provider, clusterName }) with cloud "kubernetes"');
        if (args.namespace !== undefined) {
            check.require(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(args.namespace), "namespace", args.namespace, "a Kubernetes namespace name (lower-case letters, digits, -)");
        }
    } else {
        check.require(args.image === undefined, "image", args.image, `nothing on cloud "${cloud}": pass the code folder as \`code\``);
        for (const field of ["cluster", "namespace", "installKnative", "domain"] as const) {
            if (args[field] !== undefined) check.add({ field, value: field === "cluster" ? "a cluster" : args[field], allowed: `nothing on cloud "${cloud}" (Kubernetes only)` });
        }
        check.addAll(codeProblems(args.code, options.baseDir));
        if (check.require(args.runtime !== undefined, "runtime", args.runtime, `a portable runtime id; on ${cloud}: ${supportedRuntimes(cloud, asOf).map((r) => `"${r}"`).join(", ")}`)) {
            const resolved = resolveRuntime(cloud, args.runtime, asOf);
            if ("field" in resolved) check.add(resolved);
            else runtime = resolved;
        }
        if (cloud === "aws" || cloud === "gcp") {
            const needsHandler = !(cloud === "aws" && args.runtime === "go");
            if (needsHandler) check.require(typeof args.handler === "string" && args.handler.length > 0, "handler", args.handler, cloud === "aws" ? 'the Lambda handler, e.g. "index.handler"' : 'the entry point, e.g. "index.handler" (the part after the last "." names the exported function)');
        }
    }

    // Sizes and limits.
    const memoryMb = args.memoryMb ?? DEFAULT_MEMORY_MB;
    const memory = MEMORY_LIMITS[cloud];
    if (memory.sizes) {
        check.require(memory.sizes.includes(memoryMb), "memoryMb", memoryMb, `one of ${memory.sizes.join(", ")} (MB; Azure Flex Consumption instance sizes)`);
    } else {
        check.integer("memoryMb", memoryMb, memory.min, memory.max, "MB");
    }
    const timeoutSeconds = args.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const timeoutLimit = timeoutLimitFor(cloud, queue !== undefined, options);
    check.integer("timeoutSeconds", timeoutSeconds, 1, timeoutLimit.seconds, `seconds; ${timeoutLimit.why}`);
    const architecture = args.architecture ?? "arm64";
    check.oneOf("architecture", architecture, FUNCTION_ARCHITECTURES);
    const logRetentionDays = args.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    check.integer("logRetentionDays", logRetentionDays, 1, 3653, "days");

    // Settings and secrets.
    const env = args.env ?? {};
    const secrets = args.secrets ?? {};
    for (const key of Object.keys(env)) {
        if (!check.require(ENV_NAME.test(key), `env.${key}`, key, "a name of letters, digits and _ not starting with a digit")) continue;
        if (!check.require(!RESERVED_ENV[cloud].test(key), `env.${key}`, key, `a name ${cloud} does not reserve (${RESERVED_ENV[cloud].source})`)) continue;
        if (key in secrets) {
            check.add({ field: `env.${key}`, value: key, allowed: "a key in either `env` or `secrets`, not both: keep it only in `secrets`" });
        } else if (SECRET_LIKE_NAME.test(key)) {
            check.add({ field: `env.${key}`, value: key, allowed: "a plain setting; this name looks like a secret: move it to `secrets` so it is kept in the cloud's secret store and never shown in plain configuration" });
        }
    }
    for (const key of Object.keys(secrets)) {
        if (!check.require(ENV_NAME.test(key), `secrets.${key}`, key, "a name of letters, digits and _ not starting with a digit")) continue;
        check.require(!RESERVED_ENV[cloud].test(key), `secrets.${key}`, key, `a name ${cloud} does not reserve (${RESERVED_ENV[cloud].source})`);
    }

    // Triggers.
    let schedule: string | undefined;
    if (args.schedule !== undefined) {
        const parsed = typeof args.schedule === "string" ? parseSchedule(args.schedule) : "a schedule string";
        if (typeof parsed === "string") check.add({ field: "schedule", value: args.schedule, allowed: parsed });
        else if (cloud === "aws" && parsed.kind === "cron" && parsed.fields[2] !== "*" && parsed.fields[4] !== "*") {
            check.add({ field: "schedule", value: args.schedule, allowed: "a cron with day-of-month or day-of-week as * (EventBridge cannot combine both)" });
        } else schedule = scheduleExpression(cloud, parsed);
    }
    if (queue) {
        check.require(cloud !== "kubernetes", "queue", args.queue, 'no queue on cloud "kubernetes" (Knative Eventing sources such as KafkaSource are out of scope): trigger it over HTTP, or use a cloud');
        check.integer("queue.batchSize", queue.batchSize, 1, 10);
        check.integer("queue.maxReceiveCount", queue.maxReceiveCount, 1, 1000);
        if (cloud === "gcp") {
            check.require(args.http === undefined && args.schedule === undefined, "queue", "a queue with http or schedule", "a queue alone on Google Cloud: an event-driven Cloud Function has no HTTP trigger; make a second FunctionService for HTTP");
        }
    }
    const http = args.http !== undefined || (args.schedule === undefined && !queue);
    const publicHttp = args.http?.public === true;
    if (publicHttp && cloud === "kubernetes") {
        check.require(typeof args.domain === "string" && args.domain.length > 0, "domain", args.domain, "the Knative domain public services are served under, with http.public on Kubernetes");
    }
    if (args.http?.cors) {
        check.require(Array.isArray(args.http.cors.allowOrigins) && args.http.cors.allowOrigins.length > 0, "http.cors.allowOrigins", args.http.cors.allowOrigins, 'at least one origin, e.g. ["https://app.example.com"]');
        check.integer("http.cors.maxAgeSeconds", args.http.cors.maxAgeSeconds, 0, 86400, "seconds");
    }

    // Concurrency.
    const c = args.concurrency ?? {};
    const maxLimit = cloud === "azure" ? 1000 : cloud === "aws" ? 10000 : 1000;
    const maxMin = cloud === "azure" ? 40 : 1;
    check.integer("concurrency.max", c.max, maxMin, maxLimit, cloud === "azure" ? "instances; Flex Consumption allows 40 to 1000" : "instances");
    check.integer("concurrency.warm", c.warm, 0, maxLimit, "instances");
    check.integer("concurrency.perInstance", c.perInstance, 1, 1000, "requests");
    if (c.max !== undefined && c.warm !== undefined) {
        check.require(c.warm <= c.max, "concurrency.warm", c.warm, `at most concurrency.max (${c.max})`);
    }
    if (cloud === "azure" && c.warm !== undefined && c.warm > 0) {
        check.require(http, "concurrency.warm", c.warm, "warm instances with an HTTP trigger on Azure (always-ready instances are kept for the http group)");
    }

    // Traffic.
    const canary = args.traffic?.canaryPercent;
    if (canary !== undefined) {
        if (check.integer("traffic.canaryPercent", canary, 1, 99, "percent")) {
            if (cloud === "gcp") {
                check.add({ field: "traffic.canaryPercent", value: canary, allowed: "nothing on Google Cloud: the Cloud Functions 2nd gen API sends all traffic to the latest revision (allTrafficOnLatestRevision) and cannot split it; deploy as a Cloud Run service for revision splits" });
            } else if (cloud === "azure") {
                check.add({ field: "traffic.canaryPercent", value: canary, allowed: "nothing on Azure: Flex Consumption function apps have no deployment slots to split traffic between" });
            } else if (cloud === "kubernetes") {
                check.require(typeof args.traffic?.stableRevision === "string" && args.traffic.stableRevision.length > 0, "traffic.stableRevision", args.traffic?.stableRevision, "the name of the Knative revision serving now (kubectl get revisions), which keeps the rest of the traffic");
            }
        }
    }
    if (args.traffic?.stableRevision !== undefined && cloud !== "kubernetes") {
        check.add({ field: "traffic.stableRevision", value: args.traffic.stableRevision, allowed: 'nothing except on cloud "kubernetes" (other clouds track versions themselves)' });
    }
    if (args.network !== undefined && cloud !== "kubernetes") {
        check.require(args.network.cloud === cloud, "network", `a ${args.network.cloud} network`, `a network of cloud "${cloud}"`);
    }
    if (args.network !== undefined && cloud === "kubernetes") {
        check.add({ field: "network", value: "a network", allowed: 'nothing on cloud "kubernetes": the cluster\'s network applies' });
    }
    if (args.region !== undefined) {
        check.require(typeof args.region === "string" && /^[a-z][a-z0-9-]+$/.test(args.region), "region", args.region, 'a region or location name such as "eu-west-1", "europe-west1" or "westeurope"');
    }
    check.done();
    return {
        cloud,
        runtime,
        portableRuntime: args.runtime,
        memoryMb,
        timeoutSeconds,
        architecture,
        logRetentionDays,
        schedule,
        queue,
        http,
        publicHttp,
        env,
        secrets,
        tags: args.tags ?? {},
    };
}

function timeoutLimitFor(cloud: Cloud, eventDriven: boolean, options: ValidationOptions): { seconds: number; why: string } {
    switch (cloud) {
        case "aws":
            return { seconds: TIMEOUT_LIMITS.aws, why: "Lambda stops a run after 900 s" };
        case "gcp":
            return eventDriven
                ? { seconds: TIMEOUT_LIMITS.gcpEvent, why: "event-driven Cloud Functions (2nd gen) stop after 540 s" }
                : { seconds: TIMEOUT_LIMITS.gcp, why: "HTTP Cloud Functions (2nd gen) stop after 3600 s" };
        case "azure":
            return options.azurePlan === "Consumption"
                ? { seconds: 600, why: "the Consumption plan stops a run after 10 minutes" }
                : { seconds: TIMEOUT_LIMITS.azure, why: "Flex Consumption guarantees 60 minutes" };
        case "kubernetes": {
            const seconds = options.maxTimeoutSeconds ?? TIMEOUT_LIMITS.kubernetes;
            return { seconds, why: `the cluster's Knative max-revision-timeout-seconds (${seconds})` };
        }
    }
}

/** Problems with `code`: a missing folder, a file, or nothing at all. */
export function codeProblems(code: unknown, baseDir: string = process.cwd()): Problem[] {
    if (code === undefined) return [{ field: "code", value: code, allowed: "a folder with the function's code, or a pulumi.asset.Archive" }];
    if (code instanceof pulumi.asset.Archive) return [];
    if (typeof code !== "string" || code.length === 0) return [{ field: "code", value: code, allowed: "a folder path or a pulumi.asset.Archive" }];
    const full = path.resolve(baseDir, code);
    let stat: fs.Stats | undefined;
    try {
        stat = fs.statSync(full);
    } catch {
        return [{ field: "code", value: code, allowed: `an existing folder (${full} does not exist)` }];
    }
    if (!stat.isDirectory()) return [{ field: "code", value: code, allowed: `a folder (${full} is a file; pass its folder, or a pulumi.asset.FileArchive for a zip)` }];
    return [];
}

/** The archive for `code`: folders are zipped by the engine when the program runs. */
export function codeArchive(code: string | pulumi.asset.Archive, baseDir: string = process.cwd()): pulumi.asset.Archive {
    return typeof code === "string" ? new pulumi.asset.FileArchive(path.resolve(baseDir, code)) : code;
}

/**
 * Warns when a plain `env` value is a Pulumi secret: the cloud would show it to anyone who
 * can read the function's configuration. The check is asynchronous (whether an Output is
 * secret is known only when it resolves), so it warns rather than refuses.
 */
export function warnSecretValuesInEnv(kind: string, name: string, env: Record<string, pulumi.Input<string>>, resource: pulumi.Resource): void {
    for (const [key, value] of Object.entries(env)) {
        if (!pulumi.Output.isInstance(value)) continue;
        void pulumi.isSecret(pulumi.output(value)).then((secret) => {
            if (secret) pulumi.log.warn(`${kind} "${name}": env.${key} holds a secret value, which would be stored in plain configuration: move it to \`secrets\`.`, resource);
        });
    }
}

/** Google Cloud's entry point from a portable handler (see `handler`). */
export function gcpEntryPoint(runtime: FunctionRuntime, handler: string): string {
    if (runtime.startsWith("java")) return handler.split("::")[0];
    if (runtime.startsWith("nodejs") || runtime.startsWith("python")) {
        const dot = handler.lastIndexOf(".");
        return dot >= 0 ? handler.slice(dot + 1) : handler;
    }
    return handler;
}

// ---------------------------------------------------------------------------------------
// Facade
// ---------------------------------------------------------------------------------------

/**
 * A function, private and observable by default, on Lambda, Cloud Functions (2nd gen),
 * Azure Functions (Flex Consumption) or Knative Serving: the portable facade. It validates
 * the shared intent and builds that cloud's concrete component, loading only its SDK.
 * For every option a cloud offers, use the concrete class from `platform-kit/aws`, `/gcp`,
 * `/azure` or `/kubernetes`.
 *
 * Cost: billed per request and per GB-second on the clouds; warm instances, provisioned
 * concurrency and secrets are billed while they exist. Knative uses the cluster's nodes.
 *
 * @example
 * const hello = new FunctionService("hello", {
 *     cloud: "aws",
 *     code: "./functions/hello",
 *     runtime: "nodejs22",
 *     handler: "index.handler",
 * });
 * export const url = hello.url;
 */
export class FunctionService extends pulumi.ComponentResource implements FunctionServiceOutputs {
    readonly cloud: Cloud;
    readonly url: pulumi.Output<string | undefined>;
    readonly functionName: pulumi.Output<string>;
    readonly identity: pulumi.Output<string>;

    constructor(name: string, args: FunctionServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:faas:FunctionService", name, {}, opts);
        const component = `${FUNCTION_SERVICE} "${name}"`;
        checkCloud(component, args.cloud, CLOUDS);
        const { cloud, cluster, namespace, installKnative, domain, ...common } = args;
        // Validate the shared intent here so a user of the facade gets every problem at
        // once, before any cloud SDK loads.
        validateFunctionArgs(FUNCTION_SERVICE, name, cloud, args);
        let built: FunctionServiceOutputs;
        switch (cloud) {
            case "aws":
                built = loadCloudModule(cloud, component, () => require("./aws") as typeof import("./aws")).buildAwsFunctionService(name, common, this);
                break;
            case "gcp":
                built = loadCloudModule(cloud, component, () => require("./gcp") as typeof import("./gcp")).buildGcpFunctionService(name, common, this);
                break;
            case "azure":
                built = loadCloudModule(cloud, component, () => require("./azure") as typeof import("./azure")).buildAzureFunctionService(name, common, this);
                break;
            case "kubernetes":
                built = loadCloudModule(cloud, component, () => require("./kubernetes") as typeof import("./kubernetes")).buildKnativeFunctionService(
                    name,
                    { ...common, cluster: cluster!, namespace, installKnative, domain },
                    this,
                );
                break;
        }
        this.cloud = cloud;
        this.url = built.url;
        this.functionName = built.functionName;
        this.identity = built.identity;
        this.registerOutputs({ url: this.url, functionName: this.functionName, identity: this.identity });
    }
}
