import * as pulumi from "@pulumi/pulumi";
import { ContainerRuntime, ContainerRuntimeArgsBase, Tenant } from "./container-runtime";
import type { BatchJob, Service } from "./container-runtime";
import { BatchJobArgs, ServiceArgs } from "./container-runtime/workload-args";
import { ArgsChecker, CLOUDS, Cloud, Tags, checkCloud } from "./core";
import { DataFleet, DataFleetArgs, DataFleetArgsBase } from "./data-fleet";
import { FunctionService, FunctionServiceArgsBase, KnativeTargetArgs } from "./faas";
import { ImmutableGroup, ImmutableGroupArgsBase } from "./immutable-group";
import { Network, NetworkArgsBase } from "./network";

/** Network settings of a platform; its region and tags come from the platform. */
export type PlatformNetworkArgs = Omit<NetworkArgsBase, "region" | "tags">;

/** The container runtime of a platform; `kubeconfig` / `provider` only with cloud "kubernetes". */
export interface PlatformRuntimeArgs extends Omit<ContainerRuntimeArgsBase, "tags"> {
    /** Kubernetes only: the existing cluster's kubeconfig (a secret). */
    kubeconfig?: pulumi.Input<string>;
    /** Kubernetes only: a provider for the existing cluster, instead of a kubeconfig. */
    provider?: pulumi.ProviderResource;
    /** Kubernetes only: the existing cluster's name, for outputs and labels. */
    clusterName?: pulumi.Input<string>;
}

/** A function of a platform: the FunctionService arguments without what the platform decides. */
export type PlatformFunctionArgs = Omit<FunctionServiceArgsBase, "network" | "region" | "tags"> & Omit<KnativeTargetArgs, "cluster">;

/** An immutable group of a platform (AWS, Google Cloud, Azure). */
export type PlatformGroupArgs = Omit<ImmutableGroupArgsBase, "network" | "tags">;

/** The data fleet of a platform; `kubernetes` options only with cloud "kubernetes". */
export type PlatformDataArgs = Omit<DataFleetArgsBase, "tags"> & Pick<DataFleetArgs, "kubernetes">;

export interface PlatformArgs {
    /** Where the platform runs. With "kubernetes", `runtime.kubeconfig` or `runtime.provider` names the cluster. */
    cloud: Cloud;
    /**
     * Region (AWS, Google Cloud) or location (Azure) of every child. Unset: the provider's.
     * @example "eu-west-1"
     */
    region?: string;
    /** The private network (not for "kubernetes"). @default the Network defaults: 10.0.0.0/16, 3 zones, one NAT */
    network?: PlatformNetworkArgs;
    /** Azure only: put everything in this resource group instead of a new one. */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * The container runtime (EKS, GKE, AKS or the given cluster), with capacity groups and
     * tenants. Omit it for a platform without containers. Cost: a managed control plane is
     * billed by the hour (EKS about $73 a month), plus its nodes.
     */
    runtime?: PlatformRuntimeArgs;
    /** Long-running services on the runtime, by name. */
    services?: Record<string, ServiceArgs>;
    /** Batch jobs (or scheduled jobs) on the runtime, by name. */
    batchJobs?: Record<string, BatchJobArgs>;
    /** Functions, by name. On "kubernetes" they run on Knative on the runtime's cluster. */
    functions?: Record<string, PlatformFunctionArgs>;
    /** Immutable VM groups behind load balancers, by name (not for "kubernetes"). */
    groups?: Record<string, PlatformGroupArgs>;
    /** Managed (or, on "kubernetes", operator-run) Postgres, Redis and Kafka. */
    data?: PlatformDataArgs;
    /** Tags (labels on Google Cloud) for every child. */
    tags?: Tags;
}

/** The name of the environment variables that carry a data member's address: `DATA_ORDERS_DB_HOST`. */
export function dataEnvPrefix(member: string): string {
    return `DATA_${member.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

/** Checks the platform's own arguments; each component checks its own. */
export function platformProblems(name: string, args: PlatformArgs): ArgsChecker {
    const check = new ArgsChecker("Platform", name);
    const onKubernetes = args.cloud === "kubernetes";
    check.require(!onKubernetes || args.network === undefined, "network", "network settings", 'nothing with cloud "kubernetes": the cluster brings its own network');
    check.require(!onKubernetes || Object.keys(args.groups ?? {}).length === 0, "groups", Object.keys(args.groups ?? {}), 'no immutable groups with cloud "kubernetes": run them as services');
    check.require(!onKubernetes || args.runtime !== undefined, "runtime", args.runtime, 'a runtime with a kubeconfig or provider for cloud "kubernetes": it is where everything runs');
    const needsRuntime = Object.keys(args.services ?? {}).length + Object.keys(args.batchJobs ?? {}).length > 0;
    check.require(!needsRuntime || args.runtime !== undefined, "runtime", args.runtime, "a runtime, because services or batch jobs are declared");
    for (const key of ["kubeconfig", "provider", "clusterName"] as const) {
        check.require(onKubernetes || args.runtime?.[key] === undefined, `runtime.${key}`, "a value", 'only with cloud "kubernetes"');
    }
    check.require(args.cloud === "azure" || args.resourceGroupName === undefined, "resourceGroupName", "a resource group", 'only with cloud "azure"');
    return check;
}

/**
 * A whole platform from one typed configuration: the network, a Titus-like container
 * runtime with its tenants, services and batch jobs, functions, immutable VM groups and a
 * data fleet, wired together. Data members are private to the network; functions are
 * placed in the network and handed each member's address as `DATA_<MEMBER>_HOST` and
 * `_PORT`, services get the same variables, and each tenant's egress policy admits the
 * network's block so its workloads can reach the fleet.
 *
 * @example
 * new Platform("shop", {
 *     cloud: "aws",
 *     runtime: { capacityGroups: [{ name: "general", size: "medium", min: 2, max: 6 }], tenants: [{ name: "web" }] },
 *     services: { storefront: { tenant: "web", image: "ghcr.io/acme/storefront:1.4.2", port: 8080 } },
 *     data: { members: [{ name: "orders", engine: "postgres", highAvailability: true }] },
 * });
 */
export class Platform extends pulumi.ComponentResource {
    readonly cloud: Cloud;
    /** Absent on "kubernetes". */
    readonly network?: Network;
    readonly runtime?: ContainerRuntime;
    readonly services: Record<string, Service>;
    readonly batchJobs: Record<string, BatchJob>;
    readonly functions: Record<string, FunctionService>;
    readonly groups: Record<string, ImmutableGroup>;
    readonly data?: DataFleet;
    /** Each function's URL (undefined for functions without HTTP), by name. */
    readonly functionUrls: Record<string, pulumi.Output<string | undefined>>;
    /** Each group's load balancer address, by name. */
    readonly groupEndpoints: Record<string, pulumi.Output<string>>;
    /** Each data member's endpoint, by name. */
    readonly dataEndpoints: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:platform:Platform", name, {}, opts);
        checkCloud(`Platform "${name}"`, args.cloud, CLOUDS);
        platformProblems(name, args).done();
        const { cloud, region, tags } = args;
        const child = { parent: this };

        if (cloud !== "kubernetes") {
            this.network = new Network(`${name}-net`, { cloud, region, tags, resourceGroupName: args.resourceGroupName, ...args.network }, child);
        }
        const network = this.network;

        if (args.runtime) {
            const { kubeconfig, provider, clusterName, ...runtime } = args.runtime;
            // Default-deny egress would otherwise keep tenants from the data fleet.
            const tenants = args.data && network ? runtime.tenants?.map((t) => withEgress(t, network.cidr)) : runtime.tenants;
            this.runtime = new ContainerRuntime(
                `${name}-runtime`,
                cloud === "kubernetes" ? { ...runtime, tenants, tags, cloud, kubeconfig, provider, clusterName } : { ...runtime, tenants, tags, cloud, network },
                child,
            );
        }
        const runtime = this.runtime;

        if (args.data) {
            this.data = new DataFleet(`${name}-data`, { ...args.data, tags, cloud, ...(cloud === "kubernetes" ? { cluster: runtime } : { network }) }, child);
        }
        const dataEnv = this.dataEnvironment();

        this.services = {};
        this.batchJobs = {};
        if (runtime) {
            for (const [serviceName, service] of Object.entries(args.services ?? {})) {
                this.services[serviceName] = runtime.service(serviceName, { ...service, env: { ...dataEnv, ...service.env } }, child);
            }
            for (const [jobName, job] of Object.entries(args.batchJobs ?? {})) {
                this.batchJobs[jobName] = runtime.batchJob(jobName, { ...job, env: { ...dataEnv, ...job.env } }, child);
            }
        }

        this.functions = {};
        for (const [functionName, fn] of Object.entries(args.functions ?? {})) {
            const placement = cloud === "kubernetes" ? { cluster: runtime } : { network: this.data ? network : undefined, region };
            this.functions[functionName] = new FunctionService(
                `${name}-${functionName}`,
                { ...fn, ...placement, cloud, tags, env: { ...dataEnv, ...fn.env } },
                child,
            );
        }

        this.groups = {};
        if (cloud !== "kubernetes" && network) {
            for (const [groupName, group] of Object.entries(args.groups ?? {})) {
                this.groups[groupName] = new ImmutableGroup(`${name}-${groupName}`, { ...group, cloud, network, tags }, child);
            }
        }

        this.functionUrls = mapValues(this.functions, (f) => f.url);
        this.groupEndpoints = mapValues(this.groups, (g) => g.endpoint);
        this.dataEndpoints = mapValues(this.data?.members ?? {}, (m) => m.endpoint);
        this.cloud = cloud;
        this.registerOutputs({
            networkId: this.network?.networkId,
            clusterName: this.runtime?.clusterName,
            functionUrls: this.functionUrls,
            groupEndpoints: this.groupEndpoints,
            dataEndpoints: this.dataEndpoints,
        });
    }

    /** `DATA_<MEMBER>_HOST` and `_PORT` for every data member: addresses, never credentials. */
    private dataEnvironment(): Record<string, pulumi.Input<string>> {
        const env: Record<string, pulumi.Input<string>> = {};
        for (const [member, outputs] of Object.entries(this.data?.members ?? {})) {
            const prefix = dataEnvPrefix(member);
            env[`${prefix}_HOST`] = outputs.endpoint;
            env[`${prefix}_PORT`] = outputs.port.apply(String);
        }
        return env;
    }
}

function withEgress(tenant: Tenant, cidr: string): Tenant {
    const allowed = tenant.allowedEgressCidrs ?? [];
    return allowed.includes(cidr) ? tenant : { ...tenant, allowedEgressCidrs: [...allowed, cidr] };
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
