import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, ClusterTarget } from "../core";
import { CapacityPlacement, ResolvedResources, WorkloadResources, imageReferenceProblem, resolveResources, resourceProblems } from "./podspec";

/**
 * The arguments of `runtime.service()` and `runtime.batchJob()`, their validation, and the
 * priority classes they run under. Pure: no Kubernetes SDK needed.
 */

/** How urgent a batch job is; every batch priority stays below services. */
export type BatchPriority = "low" | "normal" | "high";
export const BATCH_PRIORITIES: readonly BatchPriority[] = ["low", "normal", "high"];

export type PriorityClassKey = "service" | "batch-low" | "batch-normal" | "batch-high";

/**
 * The runtime's PriorityClasses. Services preempt: when capacity runs out, the scheduler
 * evicts lower-priority pods (batch) to place a service pod. Batch is preemptible and never
 * preempts (`preemptionPolicy: Never`): a high-priority job jumps the queue of pending pods
 * but waits for free capacity instead of evicting anything, so batch can never take
 * capacity from a running service or from another job. This is Titus's split of capacity.
 */
export const PRIORITY_CLASSES: Readonly<Record<PriorityClassKey, { value: number; preemptionPolicy: "PreemptLowerPriority" | "Never"; description: string }>> = {
    service: { value: 100000, preemptionPolicy: "PreemptLowerPriority", description: "Long-running services: preempt batch pods when capacity is short." },
    "batch-high": { value: 30000, preemptionPolicy: "Never", description: "Urgent batch: scheduled first among batch, never preempts; preemptible by services." },
    "batch-normal": { value: 20000, preemptionPolicy: "Never", description: "Batch: never preempts; preemptible by services." },
    "batch-low": { value: 10000, preemptionPolicy: "Never", description: "Best-effort batch: scheduled last, never preempts; preemptible by services." },
};

/** The cluster-wide name of one of a runtime's priority classes. */
export function priorityClassName(runtimeName: string, key: PriorityClassKey): string {
    return `${runtimeName}-${key}`;
}

/** What a workload needs from the runtime it runs on (a ContainerRuntime is one). */
export interface WorkloadHost extends ClusterTarget, pulumi.Resource {
    /** The runtime's resource name. */
    readonly runtimeName: string;
    readonly tenantNamespaces: Record<string, pulumi.Output<string>>;
    readonly priorityClassNames: Record<PriorityClassKey, pulumi.Output<string>>;
    readonly placement: CapacityPlacement;
    /** Resources a workload's pods need first (the runtime's nodes). */
    readonly workloadDependencies: pulumi.Resource[];
}

/** Arguments shared by services and batch jobs. */
export interface WorkloadArgsBase {
    /** The tenant (namespace) the workload runs in; one of the runtime's `tenants`. */
    tenant: string;
    /**
     * The container image, pinned by digest (preferred: `repo@sha256:...`, the bytes can
     * never change) or by a version tag. Untagged images and `latest` are refused.
     * @example "ghcr.io/acme/api@sha256:3f1c..."
     */
    image: string;
    /** Overrides the image's ENTRYPOINT. */
    command?: string[];
    /** Overrides the image's CMD. */
    args?: string[];
    /** Environment variables (values may be Outputs; use Secrets for secrets). */
    env?: Record<string, pulumi.Input<string>>;
    /** @default { cpu: "250m", memory: "256Mi" }, limits equal to requests */
    resources?: WorkloadResources;
    /**
     * Mount a service-account token: only for workloads that call the Kubernetes API.
     * @default false
     */
    mountServiceAccountToken?: boolean;
    /**
     * Annotations of the workload's own ServiceAccount, e.g. for GKE workload identity
     * (`iam.gke.io/gcp-service-account`) or Azure workload identity (`azure.workload.identity/client-id`).
     * On EKS use a pod identity association for the ServiceAccount instead.
     */
    serviceAccountAnnotations?: Record<string, string>;
    /**
     * The non-root user id the container runs as.
     * @default 65532 (the `nonroot` user of distroless images)
     */
    runAsUser?: number;
}

/** Horizontal autoscaling on CPU. */
export interface AutoscaleArgs {
    /** Fewest replicas. */
    min: number;
    /** Most replicas. */
    max: number;
    /**
     * Average CPU use, as a percentage of the request, the autoscaler aims for.
     * @default 70
     */
    targetCpuPercent?: number;
}

export interface ServiceArgs extends WorkloadArgsBase {
    /** The container port the service listens on (and the ClusterIP Service's port). */
    port: number;
    /**
     * A fixed replica count; only with `autoscale: false`.
     * @default 2
     */
    replicas?: number;
    /**
     * CPU autoscaling (a HorizontalPodAutoscaler), or `false` for a fixed `replicas`.
     * @default { min: 2, max: 10, targetCpuPercent: 70 }
     */
    autoscale?: AutoscaleArgs | false;
    /** HTTP path probed for readiness and liveness. Unset: no probes. @example "/healthz" */
    healthCheckPath?: string;
    /**
     * Other namespaces allowed to call this service (the tenant's own pods always may;
     * every other ingress is denied). E.g. an ingress controller's namespace.
     * @example ["ingress-nginx"]
     */
    allowFromNamespaces?: string[];
}

export interface BatchJobArgs extends WorkloadArgsBase {
    /** Pods running at once. @default 1 */
    parallelism?: number;
    /** Successful pods needed to finish. @default 1 */
    completions?: number;
    /**
     * Scheduling priority among batch jobs; all batch runs below services and is preempted
     * by them.
     * @default "normal"
     */
    priority?: BatchPriority;
    /**
     * A cron schedule: the job becomes a CronJob. Unset: a Job that runs once.
     * @example "0 3 * * *"
     */
    schedule?: string;
    /** IANA time zone of `schedule`. @default the cluster's (UTC on managed clusters) */
    timeZone?: string;
    /** Retries before the job is failed. @default 3 */
    backoffLimit?: number;
    /** Seconds a finished job is kept before it is deleted. @default 86400 (one day) */
    ttlSecondsAfterFinished?: number;
    /** Seconds a run may take before it is stopped. Unset: no limit. */
    activeDeadlineSeconds?: number;
}

export const DEFAULT_AUTOSCALE: Required<AutoscaleArgs> = { min: 2, max: 10, targetCpuPercent: 70 };

interface ResolvedWorkloadBase {
    tenant: string;
    image: string;
    command?: string[];
    args?: string[];
    env?: Record<string, pulumi.Input<string>>;
    resources: ResolvedResources;
    mountServiceAccountToken: boolean;
    serviceAccountAnnotations?: Record<string, string>;
    runAsUser?: number;
}

export interface ResolvedServiceArgs extends ResolvedWorkloadBase {
    port: number;
    replicas: number;
    autoscale?: Required<AutoscaleArgs>;
    healthCheckPath?: string;
    allowFromNamespaces: string[];
}

export interface ResolvedBatchJobArgs extends ResolvedWorkloadBase {
    parallelism: number;
    completions: number;
    priority: BatchPriority;
    schedule?: string;
    timeZone?: string;
    backoffLimit: number;
    ttlSecondsAfterFinished: number;
    activeDeadlineSeconds?: number;
}

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CRON_MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;
const CRON_FIELD = /^[0-9A-Za-z*?/,-]+$/;

/** Whether `schedule` has the shape of a Kubernetes CronJob schedule (five fields or a macro). */
export function isCronSchedule(schedule: unknown): schedule is string {
    if (typeof schedule !== "string") return false;
    if (CRON_MACRO.test(schedule.trim())) return true;
    const fields = schedule.trim().split(/\s+/);
    return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

function checkBase(check: ArgsChecker, name: string, maxName: number, args: WorkloadArgsBase, tenants: readonly string[]): void {
    check.require(typeof name === "string" && name.length <= maxName && DNS_1035.test(name), "name", name, `lower-case letters, digits and hyphens, starting with a letter, at most ${maxName} characters`);
    check.require(tenants.includes(args.tenant), "tenant", args.tenant, tenants.length > 0 ? `one of the runtime's tenants: ${tenants.map((t) => `"${t}"`).join(", ")}` : "a tenant of the runtime (it has none; add one to `tenants`)");
    const imageProblem = imageReferenceProblem(args.image);
    if (imageProblem !== undefined) check.add({ field: "image", value: args.image, allowed: imageProblem });
    check.addAll(resourceProblems(args.resources));
    for (const key of Object.keys(args.env ?? {})) check.require(ENV_NAME.test(key), `env.${key}`, key, "an environment variable name (letters, digits, '_', '-', '.'; not starting with a digit)");
    check.integer("runAsUser", args.runAsUser, 1, 2147483647, "a non-root user id");
}

function resolveBase(args: WorkloadArgsBase): ResolvedWorkloadBase {
    return {
        tenant: args.tenant,
        image: args.image,
        command: args.command,
        args: args.args,
        env: args.env,
        resources: resolveResources(args.resources),
        mountServiceAccountToken: args.mountServiceAccountToken ?? false,
        serviceAccountAnnotations: args.serviceAccountAnnotations,
        runAsUser: args.runAsUser,
    };
}

/** Validates `runtime.service()` arguments; every problem at once. */
export function validateServiceArgs(name: string, args: ServiceArgs, tenants: readonly string[]): ResolvedServiceArgs {
    const check = new ArgsChecker("ContainerRuntime service", name);
    // 55: the service's NetworkPolicy is named "<name>-ingress" within the 63-character limit.
    checkBase(check, name, 55, args, tenants);
    check.integer("port", args.port, 1, 65535);
    if (args.port === undefined) check.add({ field: "port", value: undefined, allowed: "a port from 1 to 65535" });
    check.integer("replicas", args.replicas, 1, 1000);
    let autoscale: Required<AutoscaleArgs> | undefined;
    if (args.autoscale === false) {
        autoscale = undefined;
    } else if (args.autoscale === undefined) {
        check.require(args.replicas === undefined, "replicas", args.replicas, "only with autoscale: false (the autoscaler owns the replica count; set autoscale.min instead)");
        autoscale = DEFAULT_AUTOSCALE;
    } else {
        check.require(args.replicas === undefined, "replicas", args.replicas, "only with autoscale: false (the autoscaler owns the replica count; set autoscale.min instead)");
        const a = args.autoscale;
        const minOk = check.integer("autoscale.min", a.min, 1, 1000, "replicas");
        const maxOk = check.integer("autoscale.max", a.max, 1, 1000, "replicas");
        if (minOk && maxOk) check.require(a.min <= a.max, "autoscale.min", a.min, `at most autoscale.max (${a.max})`);
        check.integer("autoscale.targetCpuPercent", a.targetCpuPercent, 1, 100, "percent");
        autoscale = { min: a.min, max: a.max, targetCpuPercent: a.targetCpuPercent ?? DEFAULT_AUTOSCALE.targetCpuPercent };
    }
    if (args.healthCheckPath !== undefined) check.require(typeof args.healthCheckPath === "string" && args.healthCheckPath.startsWith("/"), "healthCheckPath", args.healthCheckPath, "an HTTP path starting with \"/\"");
    (args.allowFromNamespaces ?? []).forEach((ns, i) => check.require(typeof ns === "string" && DNS_1123.test(ns) && ns.length <= 63, `allowFromNamespaces[${i}]`, ns, "a namespace name"));
    check.done();
    return {
        ...resolveBase(args),
        port: args.port,
        replicas: args.replicas ?? 2,
        autoscale,
        healthCheckPath: args.healthCheckPath,
        allowFromNamespaces: args.allowFromNamespaces ?? [],
    };
}

/** Validates `runtime.batchJob()` arguments; every problem at once. */
export function validateBatchJobArgs(name: string, args: BatchJobArgs, tenants: readonly string[]): ResolvedBatchJobArgs {
    const check = new ArgsChecker("ContainerRuntime batchJob", name);
    // A CronJob's name is at most 52 characters: Kubernetes appends 11 for each Job it starts.
    checkBase(check, name, args.schedule === undefined ? 63 : 52, args, tenants);
    check.integer("parallelism", args.parallelism, 1, 10000, "pods");
    check.integer("completions", args.completions, 1, 100000, "pods");
    if (args.priority !== undefined) check.oneOf("priority", args.priority, BATCH_PRIORITIES);
    if (args.schedule !== undefined) check.require(isCronSchedule(args.schedule), "schedule", args.schedule, "a cron schedule of five fields such as \"0 3 * * *\", or a macro such as \"@daily\"");
    if (args.timeZone !== undefined) {
        check.require(args.schedule !== undefined, "timeZone", args.timeZone, "only with a schedule");
        check.require(typeof args.timeZone === "string" && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(args.timeZone), "timeZone", args.timeZone, "an IANA time zone such as \"Europe/Paris\"");
    }
    check.integer("backoffLimit", args.backoffLimit, 0, 100, "retries");
    check.integer("ttlSecondsAfterFinished", args.ttlSecondsAfterFinished, 0, 31536000, "seconds");
    check.integer("activeDeadlineSeconds", args.activeDeadlineSeconds, 1, 31536000, "seconds");
    check.done();
    return {
        ...resolveBase(args),
        parallelism: args.parallelism ?? 1,
        completions: args.completions ?? 1,
        priority: args.priority ?? "normal",
        schedule: args.schedule,
        timeZone: args.timeZone,
        backoffLimit: args.backoffLimit ?? 3,
        ttlSecondsAfterFinished: args.ttlSecondsAfterFinished ?? 86400,
        activeDeadlineSeconds: args.activeDeadlineSeconds,
    };
}
