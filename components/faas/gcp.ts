import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { Transform, cloudName, gcpLabels, standardTags, transformed } from "../core";
import { FUNCTION_SERVICE, FunctionServiceArgsBase, FunctionServiceOutputs, codeArchive, gcpEntryPoint, validateFunctionArgs, warnSecretValuesInEnv } from "./index";

/** Cloud Functions (2nd gen) function service: the shared arguments plus the rest of Google Cloud. */
export interface GcpFunctionServiceArgs extends FunctionServiceArgsBase {
    /** The project for every child. @default the provider's project */
    project?: string;
    /**
     * Egress through the network (with `network`): only private ranges, or all traffic (then
     * internet egress needs Cloud NAT).
     * @default "privateRangesOnly"
     */
    vpcEgress?: "privateRangesOnly" | "allTraffic";
    /** Escape hatches: change any child's arguments before it is created. */
    transform?: {
        bucket?: Transform<gcp.storage.BucketArgs>;
        serviceAccount?: Transform<gcp.serviceaccount.AccountArgs>;
        function?: Transform<gcp.cloudfunctionsv2.FunctionArgs>;
        schedulerJob?: Transform<gcp.cloudscheduler.JobArgs>;
        topic?: Transform<gcp.pubsub.TopicArgs>;
    };
}

export interface GcpFunctionServiceResources extends FunctionServiceOutputs {
    readonly bucket: gcp.storage.Bucket;
    readonly serviceAccount: gcp.serviceaccount.Account;
    readonly function: gcp.cloudfunctionsv2.Function;
    readonly topic?: gcp.pubsub.Topic;
    readonly secrets: Record<string, gcp.secretmanager.Secret>;
}

export const PUBSUB_EVENT_TYPE = "google.cloud.pubsub.topic.v1.messagePublished";

/** vCPUs Cloud Run functions need for a memory size (its documented minimums), and 1 for concurrency > 1. */
export function gcpCpuFor(memoryMb: number): string {
    if (memoryMb > 16384) return "8";
    if (memoryMb > 8192) return "4";
    if (memoryMb > 4096) return "2";
    return "1";
}

export function buildGcpFunctionService(name: string, args: GcpFunctionServiceArgs, parent: pulumi.Resource): GcpFunctionServiceResources {
    const r = validateFunctionArgs(`Gcp${FUNCTION_SERVICE}`, name, "gcp", args);
    const transform = args.transform ?? {};
    const labels = gcpLabels(standardTags(FUNCTION_SERVICE, r.tags));
    const opts = { parent };
    const project = args.project;
    const region: pulumi.Input<string> = args.region ?? args.network?.region ?? gcp.organizations.getClientConfigOutput({ parent }).region;
    const functionName = cloudName("gcp-resource", name, pulumi.getStack());
    warnSecretValuesInEnv(`Gcp${FUNCTION_SERVICE}`, name, r.env, parent);

    // The source archive lives in a private bucket: no public access, uniform IAM, versioned.
    // It holds only build inputs rebuilt from `code`, so destroying the stack may empty it.
    const bucket = new gcp.storage.Bucket(
        `${name}-source`,
        ...transformed<gcp.storage.BucketArgs, pulumi.CustomResourceOptions>(
            {
                location: region,
                project,
                uniformBucketLevelAccess: true,
                publicAccessPrevention: "enforced",
                versioning: { enabled: true },
                lifecycleRules: [{ action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: 30, withState: "ARCHIVED" } }],
                forceDestroy: true,
                labels,
            },
            { ...opts },
            transform.bucket,
        ),
    );
    const archive = new gcp.storage.BucketObject(`${name}-archive`, { bucket: bucket.name, name: `${functionName}/source.zip`, source: codeArchive(args.code!) }, opts);

    const serviceAccount = new gcp.serviceaccount.Account(
        `${name}-sa`,
        ...transformed<gcp.serviceaccount.AccountArgs, pulumi.CustomResourceOptions>(
            { accountId: cloudName("gcp-service-account", name, "fn"), displayName: `Runs the ${functionName} function`, project },
            { ...opts },
            transform.serviceAccount,
        ),
    );

    // Secret Manager: one secret per key, readable by this function's service account only.
    const secrets: Record<string, gcp.secretmanager.Secret> = {};
    const secretEnvironmentVariables: gcp.types.input.cloudfunctionsv2.FunctionServiceConfigSecretEnvironmentVariable[] = [];
    const accessors: pulumi.Resource[] = [];
    for (const [key, value] of Object.entries(r.secrets)) {
        const id = key.toLowerCase().replace(/_/g, "-");
        const secret = new gcp.secretmanager.Secret(
            `${name}-secret-${id}`,
            { secretId: cloudName("gcp-resource", functionName, id), replication: { auto: {} }, project, labels },
            opts,
        );
        const version = new gcp.secretmanager.SecretVersion(`${name}-secret-${id}`, { secret: secret.id, secretData: pulumi.secret(value) }, opts);
        accessors.push(
            new gcp.secretmanager.SecretIamMember(`${name}-secret-${id}-accessor`, { secretId: secret.id, project, role: "roles/secretmanager.secretAccessor", member: serviceAccount.member }, opts),
        );
        secrets[key] = secret;
        secretEnvironmentVariables.push({ key, projectId: secret.project, secret: secret.secretId, version: version.version });
    }

    // Pub/Sub and Cloud Scheduler call the function as a dedicated invoker identity.
    const triggered = r.queue !== undefined || r.schedule !== undefined;
    const invoker = triggered
        ? new gcp.serviceaccount.Account(`${name}-invoker`, { accountId: cloudName("gcp-service-account", name, "invoker"), displayName: `Invokes the ${functionName} function`, project }, opts)
        : undefined;

    let topic: gcp.pubsub.Topic | undefined;
    if (r.queue && invoker) {
        topic = new gcp.pubsub.Topic(`${name}-queue`, ...transformed<gcp.pubsub.TopicArgs, pulumi.CustomResourceOptions>({ project, labels, messageRetentionDuration: "604800s" }, { ...opts }, transform.topic));
    }

    const warm = args.concurrency?.warm ?? 0;
    const fn = new gcp.cloudfunctionsv2.Function(
        `${name}-function`,
        ...transformed<gcp.cloudfunctionsv2.FunctionArgs, pulumi.CustomResourceOptions>(
            {
                name: functionName,
                location: region,
                project,
                description: `platform-kit FunctionService ${name}`,
                buildConfig: {
                    runtime: r.runtime!.id,
                    entryPoint: gcpEntryPoint(r.portableRuntime!, args.handler!),
                    source: { storageSource: { bucket: bucket.name, object: archive.name, generation: archive.generation } },
                },
                serviceConfig: {
                    serviceAccountEmail: serviceAccount.email,
                    availableMemory: `${r.memoryMb}Mi`,
                    availableCpu: gcpCpuFor(r.memoryMb),
                    timeoutSeconds: r.timeoutSeconds,
                    ingressSettings: r.publicHttp ? "ALLOW_ALL" : "ALLOW_INTERNAL_ONLY",
                    allTrafficOnLatestRevision: true,
                    minInstanceCount: warm,
                    maxInstanceCount: args.concurrency?.max,
                    maxInstanceRequestConcurrency: args.concurrency?.perInstance ?? 1,
                    environmentVariables: r.env,
                    secretEnvironmentVariables,
                    directVpcNetworkInterfaces: args.network ? [{ network: args.network.networkId, subnetwork: pulumi.output(args.network.privateSubnetIds).apply((ids) => ids[0]) }] : undefined,
                    directVpcEgress: args.network ? (args.vpcEgress === "allTraffic" ? "VPC_EGRESS_ALL_TRAFFIC" : "VPC_EGRESS_PRIVATE_RANGES_ONLY") : undefined,
                },
                eventTrigger:
                    topic && invoker
                        ? { triggerRegion: region, eventType: PUBSUB_EVENT_TYPE, pubsubTopic: topic.id, retryPolicy: "RETRY_POLICY_RETRY", serviceAccountEmail: invoker.email }
                        : undefined,
                labels,
            },
            // The accessor bindings exist before the first revision reads its secrets.
            { ...opts, dependsOn: accessors },
            transform.function,
        ),
    );

    // A 2nd gen function is a Cloud Run service of the same name: invocation is run.invoker on it.
    if (r.publicHttp) {
        pulumi.log.warn(`${FUNCTION_SERVICE} "${name}": http.public is set: anyone on the internet can call ${functionName} without credentials, and every call is billed.`, parent);
        new gcp.cloudrunv2.ServiceIamMember(`${name}-public`, { name: fn.name, location: region, project, role: "roles/run.invoker", member: "allUsers" }, opts);
    }
    if (invoker) {
        const binding = new gcp.cloudrunv2.ServiceIamMember(`${name}-invoker`, { name: fn.name, location: region, project, role: "roles/run.invoker", member: invoker.member }, opts);
        if (r.schedule) {
            new gcp.cloudscheduler.Job(
                `${name}-schedule`,
                ...transformed<gcp.cloudscheduler.JobArgs, pulumi.CustomResourceOptions>(
                    {
                        region,
                        project,
                        description: `Runs ${functionName} on ${args.schedule}`,
                        schedule: r.schedule,
                        timeZone: "Etc/UTC",
                        attemptDeadline: `${Math.min(r.timeoutSeconds, 1800)}s`,
                        httpTarget: {
                            uri: fn.url,
                            httpMethod: "POST",
                            body: Buffer.from(JSON.stringify({ source: "platform-kit.schedule" })).toString("base64"),
                            headers: { "Content-Type": "application/json" },
                            oidcToken: { serviceAccountEmail: invoker.email, audience: fn.url },
                        },
                    },
                    { ...opts, dependsOn: [binding] },
                    transform.schedulerJob,
                ),
            );
        }
    }

    return {
        bucket,
        serviceAccount,
        function: fn,
        topic,
        secrets,
        url: fn.url.apply((u): string | undefined => u),
        functionName: fn.name,
        identity: serviceAccount.email,
    };
}

/**
 * A Cloud Functions (2nd gen) function built from an archive in a private bucket, running
 * as its own service account with internal-only ingress, invoker IAM only when public,
 * min and max instances, Secret Manager secrets, and optional Cloud Scheduler (OIDC) and
 * Pub/Sub triggers and direct VPC egress.
 *
 * The build runs as the project's default Cloud Build service account; where the
 * organisation restricts it, set `buildConfig.serviceAccount` through `transform.function`
 * to an account with the Cloud Build builder roles.
 *
 * Cost: requests, vCPU-seconds and GB-seconds; min instances are billed while idle;
 * secrets are billed per active version a month.
 */
export class GcpFunctionService extends pulumi.ComponentResource implements FunctionServiceOutputs {
    readonly url: pulumi.Output<string | undefined>;
    readonly functionName: pulumi.Output<string>;
    readonly identity: pulumi.Output<string>;
    readonly bucket: gcp.storage.Bucket;
    readonly serviceAccount: gcp.serviceaccount.Account;
    readonly function: gcp.cloudfunctionsv2.Function;
    readonly topic?: gcp.pubsub.Topic;

    constructor(name: string, args: GcpFunctionServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:faas:GcpFunctionService", name, {}, opts);
        const built = buildGcpFunctionService(name, args, this);
        this.bucket = built.bucket;
        this.serviceAccount = built.serviceAccount;
        this.function = built.function;
        this.topic = built.topic;
        this.url = built.url;
        this.functionName = built.functionName;
        this.identity = built.identity;
        this.registerOutputs({ url: this.url, functionName: this.functionName, identity: this.identity });
    }
}
