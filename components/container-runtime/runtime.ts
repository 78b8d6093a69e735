import * as pulumi from "@pulumi/pulumi";
import { ClusterTarget, loadCloudModule } from "../core";
import { CapacityPlacement } from "./podspec";
import { BatchJobArgs, PriorityClassKey, ServiceArgs, WorkloadHost } from "./workload-args";
import type { BatchJob, Service } from "./workloads";

/** What each cloud's builder hands back: the cluster, its provider and its tenancy. */
export interface BuiltRuntime {
    clusterName: pulumi.Output<string>;
    /** A kubeconfig for people and tools (a Pulumi secret). */
    kubeconfig: pulumi.Output<string>;
    /** The `@pulumi/kubernetes` Provider that targets the cluster. */
    provider: pulumi.ProviderResource;
    tenantNamespaces: Record<string, pulumi.Output<string>>;
    priorityClassNames: Record<PriorityClassKey, pulumi.Output<string>>;
    placement: CapacityPlacement;
    /** What workloads wait for before they are created: the nodes (and cluster DNS). */
    workloadDependencies: pulumi.Resource[];
}

/**
 * What every runtime (the facade and each cloud's concrete class) shares: the outputs of
 * the {@link ClusterTarget} contract, tenancy, and the `service()` / `batchJob()` methods.
 * The Kubernetes SDK is loaded only when a workload is declared.
 */
export abstract class RuntimeComponent extends pulumi.ComponentResource implements ClusterTarget, WorkloadHost {
    /** The cluster's name as its cloud knows it. */
    readonly clusterName: pulumi.Output<string>;
    /**
     * A kubeconfig for the cluster (a Pulumi secret). EKS and GKE kubeconfigs authenticate
     * with `aws eks get-token` and `gke-gcloud-auth-plugin`; AKS's with `kubelogin`.
     * Empty for an existing cluster given only by a provider.
     */
    readonly kubeconfig: pulumi.Output<string>;
    /** The Kubernetes provider that targets the cluster: pass it to your own Kubernetes resources. */
    readonly provider: pulumi.ProviderResource;
    /** Each tenant's namespace name, keyed by tenant name. */
    readonly tenantNamespaces: Record<string, pulumi.Output<string>>;
    /** The cluster-wide PriorityClass names services and batch jobs run under. */
    readonly priorityClassNames: Record<PriorityClassKey, pulumi.Output<string>>;
    /** Where services and batch jobs are placed among the capacity groups. */
    readonly placement: CapacityPlacement;
    /** The node groups (and add-ons) workloads wait for, so pods have somewhere to run. */
    readonly workloadDependencies: pulumi.Resource[];
    readonly runtimeName: string;

    protected constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions | undefined, build: (parent: pulumi.ComponentResource) => BuiltRuntime) {
        super(type, name, {}, opts);
        const built = build(this);
        this.runtimeName = name;
        this.clusterName = built.clusterName;
        this.kubeconfig = built.kubeconfig;
        this.provider = built.provider;
        this.tenantNamespaces = built.tenantNamespaces;
        this.priorityClassNames = built.priorityClassNames;
        this.placement = built.placement;
        this.workloadDependencies = built.workloadDependencies;
        this.registerOutputs({
            clusterName: this.clusterName,
            kubeconfig: this.kubeconfig,
            tenantNamespaces: this.tenantNamespaces,
            priorityClassNames: this.priorityClassNames,
        });
    }

    /**
     * A long-running service in a tenant's namespace: Deployment, ClusterIP Service,
     * HorizontalPodAutoscaler and PodDisruptionBudget, with a restricted pod spec.
     * `name` is the Kubernetes name of the Deployment and Service (a DNS label of at most
     * 55 characters). Throws a PlatformKitError for an unknown tenant, a `latest` image,
     * bad numbers.
     */
    service(name: string, args: ServiceArgs, opts?: pulumi.ComponentResourceOptions): Service {
        const workloads = loadCloudModule("kubernetes", `ContainerRuntime "${this.runtimeName}"`, () => require("./workloads") as typeof import("./workloads"));
        return new workloads.Service(name, args, this, opts);
    }

    /**
     * A batch job in a tenant's namespace: a Job, or a CronJob with `schedule`, under a
     * preemptible batch priority class, tolerating and placed on batch capacity.
     * `name` is the Kubernetes name of the Job (at most 63 characters) or CronJob (52).
     */
    batchJob(name: string, args: BatchJobArgs, opts?: pulumi.ComponentResourceOptions): BatchJob {
        const workloads = loadCloudModule("kubernetes", `ContainerRuntime "${this.runtimeName}"`, () => require("./workloads") as typeof import("./workloads"));
        return new workloads.BatchJob(name, args, this, opts);
    }
}
