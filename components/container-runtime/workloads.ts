import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { kubernetesLabels } from "../core";
import { affinityFor, restrictedPodSpec, tolerationsFor } from "./podspec";
import { BatchJobArgs, ServiceArgs, WorkloadHost, validateBatchJobArgs, validateServiceArgs } from "./workload-args";

/**
 * The workloads a runtime runs for its tenants, returned by `runtime.service()` and
 * `runtime.batchJob()`. Each is a component of its own, a child of the runtime, whose
 * Kubernetes children go through the runtime's provider.
 */

function childOptions(host: WorkloadHost, opts?: pulumi.ComponentResourceOptions): pulumi.ComponentResourceOptions {
    return pulumi.mergeOptions({ parent: host, providers: [host.provider] }, opts);
}

function tenantNamespace(host: WorkloadHost, tenant: string): pulumi.Output<string> {
    return host.tenantNamespaces[tenant];
}

/**
 * A long-running service: Deployment, ClusterIP Service, HorizontalPodAutoscaler (CPU),
 * PodDisruptionBudget, its own ServiceAccount, and, when other namespaces may call it, a
 * NetworkPolicy admitting them on its port. Runs under the service priority class (which
 * preempts batch) on `service` capacity when the runtime has some.
 */
export class Service extends pulumi.ComponentResource {
    /** The Kubernetes name of the Deployment and the Service (the name given to `service()`). */
    readonly serviceName: string;
    readonly namespace: pulumi.Output<string>;
    /** In-cluster address, `name.namespace.svc.cluster.local:port`. */
    readonly endpoint: pulumi.Output<string>;
    readonly serviceAccount: k8s.core.v1.ServiceAccount;
    readonly deployment: k8s.apps.v1.Deployment;
    readonly service: k8s.core.v1.Service;
    /** Absent with `autoscale: false`. */
    readonly autoscaler?: k8s.autoscaling.v2.HorizontalPodAutoscaler;
    readonly disruptionBudget: k8s.policy.v1.PodDisruptionBudget;
    readonly ingressPolicy?: k8s.networking.v1.NetworkPolicy;

    constructor(name: string, args: ServiceArgs, host: WorkloadHost, opts?: pulumi.ComponentResourceOptions) {
        const resolved = validateServiceArgs(name, args, Object.keys(host.tenantNamespaces));
        super("platform-kit:container-runtime:Service", `${host.runtimeName}-${name}`, {}, childOptions(host, opts));
        const prefix = `${host.runtimeName}-${name}`;
        const child = { parent: this };
        const waitForNodes = { parent: this, dependsOn: host.workloadDependencies };
        const namespace = tenantNamespace(host, resolved.tenant);
        const selector = { "app.kubernetes.io/instance": name };
        const labels = { ...kubernetesLabels("container-runtime", name), ...selector, "platform-kit.io/tenant": resolved.tenant };
        const metadata = { name, namespace, labels };

        this.serviceAccount = new k8s.core.v1.ServiceAccount(
            `${prefix}-service-account`,
            { metadata: { ...metadata, annotations: resolved.serviceAccountAnnotations }, automountServiceAccountToken: resolved.mountServiceAccountToken },
            child,
        );
        const podSpec = restrictedPodSpec({
            containerName: name,
            image: resolved.image,
            command: resolved.command,
            args: resolved.args,
            env: resolved.env,
            ports: [{ name: "http", containerPort: resolved.port }],
            resources: resolved.resources,
            serviceAccountName: this.serviceAccount.metadata.name,
            automountServiceAccountToken: resolved.mountServiceAccountToken,
            priorityClassName: host.priorityClassNames.service,
            tolerations: tolerationsFor(host.placement.serviceTaints),
            affinity: affinityFor("service", host.placement),
            runAsUser: resolved.runAsUser,
            healthCheckPath: resolved.healthCheckPath,
        });
        this.deployment = new k8s.apps.v1.Deployment(
            `${prefix}-deployment`,
            {
                metadata,
                spec: {
                    // With an autoscaler the replica count is its to own: leaving it out of
                    // the applied spec keeps deploys from resetting the scaled count.
                    replicas: resolved.autoscale === undefined ? resolved.replicas : undefined,
                    selector: { matchLabels: selector },
                    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
                    template: { metadata: { labels }, spec: podSpec },
                },
            },
            // Pulumi waits for a Deployment's pods to be ready: only once there are nodes.
            waitForNodes,
        );
        this.service = new k8s.core.v1.Service(
            `${prefix}-service`,
            { metadata, spec: { type: "ClusterIP", selector, ports: [{ name: "http", port: resolved.port, targetPort: "http", protocol: "TCP" }] } },
            child,
        );
        if (resolved.autoscale !== undefined) {
            this.autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
                `${prefix}-autoscaler`,
                {
                    metadata,
                    spec: {
                        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: this.deployment.metadata.name },
                        minReplicas: resolved.autoscale.min,
                        maxReplicas: resolved.autoscale.max,
                        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: resolved.autoscale.targetCpuPercent } } }],
                    },
                },
                child,
            );
        }
        this.disruptionBudget = new k8s.policy.v1.PodDisruptionBudget(
            `${prefix}-disruption-budget`,
            // One pod at a time: node drains and upgrades proceed, and the service keeps
            // all but one replica.
            { metadata, spec: { maxUnavailable: 1, selector: { matchLabels: selector } } },
            child,
        );
        if (resolved.allowFromNamespaces.length > 0) {
            this.ingressPolicy = new k8s.networking.v1.NetworkPolicy(
                `${prefix}-ingress`,
                {
                    metadata: { ...metadata, name: `${name}-ingress` },
                    spec: {
                        podSelector: { matchLabels: selector },
                        policyTypes: ["Ingress"],
                        ingress: [
                            {
                                from: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: resolved.allowFromNamespaces }] } }],
                                ports: [{ protocol: "TCP", port: resolved.port }],
                            },
                        ],
                    },
                },
                child,
            );
        }
        this.serviceName = name;
        this.namespace = namespace;
        this.endpoint = pulumi.interpolate`${this.service.metadata.name}.${namespace}.svc.cluster.local:${resolved.port}`;
        this.registerOutputs({ namespace: this.namespace, endpoint: this.endpoint });
    }
}

/**
 * A batch job: a Job that runs once, or a CronJob with `schedule`. Runs under a batch
 * priority class (preemptible by services, never preempting), tolerates the taints of the
 * runtime's batch capacity and is placed on it when the runtime has some.
 */
export class BatchJob extends pulumi.ComponentResource {
    readonly jobName: string;
    readonly namespace: pulumi.Output<string>;
    readonly serviceAccount: k8s.core.v1.ServiceAccount;
    /** Set when the job has no schedule. */
    readonly job?: k8s.batch.v1.Job;
    /** Set when the job has a schedule. */
    readonly cronJob?: k8s.batch.v1.CronJob;

    constructor(name: string, args: BatchJobArgs, host: WorkloadHost, opts?: pulumi.ComponentResourceOptions) {
        const resolved = validateBatchJobArgs(name, args, Object.keys(host.tenantNamespaces));
        super("platform-kit:container-runtime:BatchJob", `${host.runtimeName}-${name}`, {}, childOptions(host, opts));
        const prefix = `${host.runtimeName}-${name}`;
        const child = { parent: this };
        const waitForNodes = { parent: this, dependsOn: host.workloadDependencies };
        const namespace = tenantNamespace(host, resolved.tenant);
        const labels = { ...kubernetesLabels("container-runtime", name), "app.kubernetes.io/instance": name, "platform-kit.io/tenant": resolved.tenant };

        this.serviceAccount = new k8s.core.v1.ServiceAccount(
            `${prefix}-service-account`,
            { metadata: { name, namespace, labels, annotations: resolved.serviceAccountAnnotations }, automountServiceAccountToken: resolved.mountServiceAccountToken },
            child,
        );
        const podSpec = restrictedPodSpec({
            containerName: name,
            image: resolved.image,
            command: resolved.command,
            args: resolved.args,
            env: resolved.env,
            resources: resolved.resources,
            serviceAccountName: this.serviceAccount.metadata.name,
            automountServiceAccountToken: resolved.mountServiceAccountToken,
            priorityClassName: host.priorityClassNames[`batch-${resolved.priority}`],
            tolerations: tolerationsFor(host.placement.batchTaints),
            affinity: affinityFor("batch", host.placement),
            restartPolicy: "Never",
            runAsUser: resolved.runAsUser,
        });
        const jobSpec: k8s.types.input.batch.v1.JobSpec = {
            parallelism: resolved.parallelism,
            completions: resolved.completions,
            backoffLimit: resolved.backoffLimit,
            ttlSecondsAfterFinished: resolved.ttlSecondsAfterFinished,
            activeDeadlineSeconds: resolved.activeDeadlineSeconds,
            template: { metadata: { labels }, spec: podSpec },
        };
        if (resolved.schedule === undefined) {
            this.job = new k8s.batch.v1.Job(
                `${prefix}-job`,
                {
                    // A batch run can take hours: Pulumi records the Job once it is accepted
                    // instead of holding the deployment until the Job completes.
                    metadata: { name, namespace, labels, annotations: { "pulumi.com/skipAwait": "true" } },
                    spec: jobSpec,
                },
                waitForNodes,
            );
        } else {
            this.cronJob = new k8s.batch.v1.CronJob(
                `${prefix}-cron-job`,
                {
                    metadata: { name, namespace, labels },
                    spec: {
                        schedule: resolved.schedule,
                        timeZone: resolved.timeZone,
                        // A run still going when the next is due is not doubled up.
                        concurrencyPolicy: "Forbid",
                        startingDeadlineSeconds: 600,
                        successfulJobsHistoryLimit: 3,
                        failedJobsHistoryLimit: 3,
                        jobTemplate: { metadata: { labels }, spec: jobSpec },
                    },
                },
                child,
            );
        }
        this.jobName = name;
        this.namespace = namespace;
        this.registerOutputs({ namespace: this.namespace });
    }
}
