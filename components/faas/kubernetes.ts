import * as pulumi from "@pulumi/pulumi";
import * as kubernetes from "@pulumi/kubernetes";
import { ClusterTarget, Transform, cloudName, kubernetesLabels, transformed } from "../core";
import { FUNCTION_SERVICE, FunctionServiceArgsBase, FunctionServiceOutputs, KnativeTargetArgs, TIMEOUT_LIMITS, validateFunctionArgs, warnSecretValuesInEnv } from "./index";

/** Knative Serving function service: the shared arguments plus the rest of Knative. */
export interface KnativeFunctionServiceArgs extends FunctionServiceArgsBase, KnativeTargetArgs {
    /** The cluster to deploy on. */
    cluster: ClusterTarget;
    /**
     * The cluster's `max-revision-timeout-seconds`: timeouts above it are refused. With
     * `installKnative`, the installed Knative is configured with it.
     * @default 600
     */
    maxTimeoutSeconds?: number;
    /**
     * The Knative Operator chart version installed with `installKnative` (pinned: an
     * upgrade is a reviewed change).
     * @default "v1.21.1"
     */
    knativeVersion?: string;
    /**
     * CPU requested per instance, in millicores. Cost: reserves node capacity while an
     * instance runs.
     * @default 100
     */
    cpuMillicores?: number;
    /** Escape hatches: change any child's arguments before it is created. */
    transform?: {
        service?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
        pingSource?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
        knativeServing?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
    };
}

export interface KnativeFunctionServiceResources extends FunctionServiceOutputs {
    readonly service: kubernetes.apiextensions.CustomResource;
    readonly serviceAccount: kubernetes.core.v1.ServiceAccount;
    readonly namespace: pulumi.Output<string>;
}

export const KNATIVE_OPERATOR_VERSION = "v1.21.1";
export const KNATIVE_OPERATOR_REPO = "https://knative.github.io/operator";

/** The container security context of the `restricted` Pod Security Standard. */
export const RESTRICTED_CONTAINER_SECURITY = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
} as const;

/** The Knative traffic block: `canaryPercent` to the latest revision, the rest to the stable one. */
export function knativeTraffic(canaryPercent: number | undefined, stableRevision: string | undefined): Array<Record<string, unknown>> {
    if (canaryPercent === undefined || stableRevision === undefined) return [{ latestRevision: true, percent: 100 }];
    return [
        { latestRevision: true, percent: canaryPercent, tag: "canary" },
        { revisionName: stableRevision, percent: 100 - canaryPercent, tag: "stable" },
    ];
}

/** Installs Knative Serving (and Eventing) with the operator; returns what workloads must wait for. */
function installKnative(
    name: string,
    args: KnativeFunctionServiceArgs,
    eventing: boolean,
    opts: pulumi.CustomResourceOptions,
): pulumi.Resource[] {
    const operatorNamespace = new kubernetes.core.v1.Namespace(`${name}-knative-operator`, { metadata: { name: "knative-operator" } }, opts);
    const operator = new kubernetes.helm.v4.Chart(
        `${name}-knative-operator`,
        { chart: "knative-operator", repositoryOpts: { repo: KNATIVE_OPERATOR_REPO }, version: args.knativeVersion ?? KNATIVE_OPERATOR_VERSION, namespace: operatorNamespace.metadata.name },
        { parent: opts.parent, provider: opts.provider, dependsOn: [operatorNamespace] },
    );
    const servingNamespace = new kubernetes.core.v1.Namespace(`${name}-knative-serving`, { metadata: { name: "knative-serving" } }, opts);
    const config: Record<string, Record<string, string>> = {
        network: { "ingress-class": "kourier.ingress.networking.knative.dev" },
        defaults: { "max-revision-timeout-seconds": String(args.maxTimeoutSeconds ?? TIMEOUT_LIMITS.kubernetes) },
        features: { "secure-pod-defaults": "enabled" },
    };
    if (args.domain) config.domain = { [args.domain]: "" };
    const serving = new kubernetes.apiextensions.CustomResource(
        `${name}-knative-serving`,
        ...transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
            {
                apiVersion: "operator.knative.dev/v1beta1",
                kind: "KnativeServing",
                // Pulumi waits for Ready, so the Service CRD exists before the function's Service.
                metadata: { name: "knative-serving", namespace: servingNamespace.metadata.name, annotations: { "pulumi.com/waitFor": "condition=Ready" } },
                spec: { ingress: { kourier: { enabled: true } }, config },
            },
            { ...opts, dependsOn: [operator] },
            args.transform?.knativeServing,
        ),
    );
    const ready: pulumi.Resource[] = [serving];
    if (eventing) {
        const eventingNamespace = new kubernetes.core.v1.Namespace(`${name}-knative-eventing`, { metadata: { name: "knative-eventing" } }, opts);
        ready.push(
            new kubernetes.apiextensions.CustomResource(
                `${name}-knative-eventing`,
                {
                    apiVersion: "operator.knative.dev/v1beta1",
                    kind: "KnativeEventing",
                    metadata: { name: "knative-eventing", namespace: eventingNamespace.metadata.name, annotations: { "pulumi.com/waitFor": "condition=Ready" } },
                    spec: {},
                },
                { ...opts, dependsOn: [operator] },
            ),
        );
    }
    return ready;
}

export function buildKnativeFunctionService(name: string, args: KnativeFunctionServiceArgs, parent: pulumi.Resource): KnativeFunctionServiceResources {
    const r = validateFunctionArgs(`Knative${FUNCTION_SERVICE}`, name, "kubernetes", args, { maxTimeoutSeconds: args.maxTimeoutSeconds });
    const transform = args.transform ?? {};
    const opts: pulumi.CustomResourceOptions = { parent, provider: args.cluster.provider };
    const serviceName = cloudName("kubernetes", name);
    warnSecretValuesInEnv(`Knative${FUNCTION_SERVICE}`, name, r.env, parent);
    const labels: Record<string, string> = { ...r.tags, ...kubernetesLabels(FUNCTION_SERVICE, serviceName) };

    const knativeReady = args.installKnative ? installKnative(name, args, r.schedule !== undefined, opts) : [];

    // A namespace of its own enforces the restricted Pod Security Standard on everything in it.
    const namespace: pulumi.Output<string> =
        args.namespace !== undefined
            ? pulumi.output(args.namespace)
            : new kubernetes.core.v1.Namespace(
                  `${name}-ns`,
                  {
                      metadata: {
                          name: serviceName,
                          labels: { ...labels, "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" },
                      },
                  },
                  opts,
              ).metadata.name;

    // No API token in the pod: a function needs none unless the user grants one on purpose.
    const serviceAccount = new kubernetes.core.v1.ServiceAccount(
        `${name}-sa`,
        { metadata: { name: serviceName, namespace, labels }, automountServiceAccountToken: false },
        opts,
    );

    const env: Array<Record<string, unknown>> = Object.entries(r.env).map(([key, value]) => ({ name: key, value }));
    if (Object.keys(r.secrets).length > 0) {
        const secretName = `${serviceName}-secrets`.slice(0, 63);
        new kubernetes.core.v1.Secret(
            `${name}-secrets`,
            { metadata: { name: secretName, namespace, labels }, type: "Opaque", stringData: pulumi.secret(r.secrets) },
            opts,
        );
        for (const key of Object.keys(r.secrets)) env.push({ name: key, valueFrom: { secretKeyRef: { name: secretName, key } } });
    }

    const warm = args.concurrency?.warm ?? 0;
    const perInstance = args.concurrency?.perInstance ?? 1;
    const annotations: Record<string, string> = {
        "autoscaling.knative.dev/min-scale": String(warm),
        "autoscaling.knative.dev/target": String(perInstance),
    };
    if (args.concurrency?.max !== undefined) annotations["autoscaling.knative.dev/max-scale"] = String(args.concurrency.max);
    const serviceLabels: Record<string, string> = { ...labels };
    // Private by default: reachable inside the cluster only.
    if (!r.publicHttp) serviceLabels["networking.knative.dev/visibility"] = "cluster-local";
    else pulumi.log.warn(`${FUNCTION_SERVICE} "${name}": http.public is set: ${serviceName} is served on the cluster's public ingress under ${args.domain}.`, parent);

    const service = new kubernetes.apiextensions.CustomResource(
        `${name}-service`,
        ...transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
            {
                apiVersion: "serving.knative.dev/v1",
                kind: "Service",
                metadata: { name: serviceName, namespace, labels: serviceLabels },
                spec: {
                    template: {
                        metadata: { labels, annotations },
                        spec: {
                            serviceAccountName: serviceAccount.metadata.name,
                            automountServiceAccountToken: false,
                            containerConcurrency: perInstance,
                            timeoutSeconds: r.timeoutSeconds,
                            containers: [
                                {
                                    image: args.image,
                                    env,
                                    resources: {
                                        requests: { cpu: `${args.cpuMillicores ?? 100}m`, memory: `${r.memoryMb}Mi` },
                                        limits: { memory: `${r.memoryMb}Mi` },
                                    },
                                    securityContext: RESTRICTED_CONTAINER_SECURITY,
                                },
                            ],
                        },
                    },
                    traffic: knativeTraffic(args.traffic?.canaryPercent, args.traffic?.stableRevision),
                },
            },
            { ...opts, dependsOn: knativeReady },
            transform.service,
        ),
    );

    if (r.schedule) {
        new kubernetes.apiextensions.CustomResource(
            `${name}-schedule`,
            ...transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
                {
                    apiVersion: "sources.knative.dev/v1",
                    kind: "PingSource",
                    metadata: { name: `${serviceName}-schedule`.slice(0, 63), namespace, labels },
                    spec: {
                        schedule: r.schedule,
                        timezone: "Etc/UTC",
                        contentType: "application/json",
                        data: JSON.stringify({ source: "platform-kit.schedule" }),
                        sink: { ref: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: serviceName } },
                    },
                },
                { ...opts, dependsOn: [service, ...knativeReady] },
                transform.pingSource,
            ),
        );
    }

    const url = r.publicHttp ? pulumi.interpolate`http://${serviceName}.${namespace}.${args.domain}` : pulumi.interpolate`http://${serviceName}.${namespace}.svc.cluster.local`;
    return {
        service,
        serviceAccount,
        namespace,
        url: url.apply((u): string | undefined => u),
        functionName: pulumi.output(serviceName),
        identity: serviceAccount.metadata.name,
    };
}

/**
 * A Knative Serving Service: scale to zero, container concurrency, min and max scale, a
 * traffic split between the newest and a named stable revision, the restricted pod
 * security settings, secrets from a Kubernetes Secret, cluster-local unless public, and a
 * PingSource for schedules. Optionally installs Knative itself through the Knative
 * Operator's Helm chart (pinned) with Kourier.
 *
 * Cost: the cluster's nodes; warm (min-scale) instances hold their requests while idle.
 */
export class KnativeFunctionService extends pulumi.ComponentResource implements FunctionServiceOutputs {
    readonly url: pulumi.Output<string | undefined>;
    readonly functionName: pulumi.Output<string>;
    readonly identity: pulumi.Output<string>;
    readonly service: kubernetes.apiextensions.CustomResource;
    readonly serviceAccount: kubernetes.core.v1.ServiceAccount;
    readonly namespace: pulumi.Output<string>;

    constructor(name: string, args: KnativeFunctionServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:faas:KnativeFunctionService", name, {}, opts);
        const built = buildKnativeFunctionService(name, args, this);
        this.service = built.service;
        this.serviceAccount = built.serviceAccount;
        this.namespace = built.namespace;
        this.url = built.url;
        this.functionName = built.functionName;
        this.identity = built.identity;
        this.registerOutputs({ url: this.url, functionName: this.functionName, identity: this.identity });
    }
}
