import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Tags, VM_CLOUDS, VmCloud, checkCloud, loadCloudModule } from "../core";
import { MIN_SUBNET_PREFIX, cidrProblems, zonalLayoutSmallestPrefix } from "./layout";

export * from "./layout";

/** Clouds a Network can be built on; a Kubernetes cluster brings its own network. */
export type NetworkCloud = VmCloud;

/**
 * How private subnets reach the internet.
 * - `none`: no egress (air-gapped; pull images through private endpoints).
 * - `single`: one NAT for the network. Cheapest; egress stops if its zone fails.
 * - `perZone`: one NAT per zone (AWS). Zone-independent egress, one NAT's cost per zone.
 */
export type NatMode = "none" | "single" | "perZone";
export const NAT_MODES: readonly NatMode[] = ["none", "single", "perZone"];

/**
 * What every network offers the components placed in it. A {@link Network} is one;
 * to place components in a network you already have, pass an object of this shape
 * built from its ids ("adopt" rather than create).
 */
export interface NetworkInfo {
    readonly cloud: NetworkCloud;
    /** The address block of the whole network, e.g. `10.0.0.0/16`. */
    readonly cidr: string;
    /** VPC id (AWS), network self link (Google Cloud) or VNet resource id (Azure). */
    readonly networkId: pulumi.Input<string>;
    /** The network's name as the cloud shows it. */
    readonly networkName: pulumi.Input<string>;
    /** AWS region, Google Cloud region or Azure location every child is placed in. */
    readonly region: pulumi.Input<string>;
    /** Subnets for workloads (VMs, functions' private egress); no public addresses. */
    readonly privateSubnetIds: pulumi.Input<string[]>;
    /** Subnets for internet-facing load balancers and NAT (AWS); empty elsewhere. */
    readonly publicSubnetIds: pulumi.Input<string[]>;
    /** Subnets for Kubernetes nodes. */
    readonly kubernetesSubnetIds: pulumi.Input<string[]>;
    /** Subnets for managed data services (on Azure, delegated to PostgreSQL flexible servers). */
    readonly dataSubnetIds: pulumi.Input<string[]>;
    /** Subnets for private endpoints (Azure), or the private subnets elsewhere. */
    readonly endpointSubnetIds: pulumi.Input<string[]>;
    /** Azure only: the resource group the network lives in. */
    readonly resourceGroupName?: pulumi.Input<string>;
    /** Google Cloud only: the secondary range names for GKE pods and services. */
    readonly podsRangeName?: string;
    readonly servicesRangeName?: string;
}

/** The arguments every cloud's network shares. */
export interface NetworkArgsBase {
    /**
     * The network's private address block, /16 to /24 (Google Cloud: /16 to /19, since the
     * proxy-only subnet for internal load balancers needs a /26).
     * @default "10.0.0.0/16"
     */
    cidr?: string;
    /**
     * How many availability zones to spread subnets (and, with `perZone`, NATs) over.
     * AWS only: Google Cloud and Azure subnets are regional.
     * @default 3
     */
    zones?: number;
    /**
     * Egress for private subnets. Cost: a NAT gateway is billed by the hour and by the GB.
     * @default "single"
     */
    nat?: NatMode;
    /**
     * The region (AWS, Google Cloud) or location (Azure) for every child. Unset: the
     * provider's configured region.
     * @example "eu-west-1"
     */
    region?: string;
    /**
     * Flow logs of the network's traffic, kept this many days. `0` turns them off.
     * AWS: VPC flow logs to CloudWatch Logs (one of its retention periods: 1, 3, 5, 7, 14,
     * 30, 60, 90, 120, 150, 180, 365, ... 3653); Google Cloud: subnet flow logs (sampled 50%,
     * kept as long as the project's log bucket keeps them);
     * Azure: not created (VNet flow logs need a regional Network Watcher you own).
     * @default 90
     */
    flowLogRetentionDays?: number;
    /** Tags (AWS, Azure) or labels (Google Cloud) for every child. */
    tags?: Tags;
}

export interface NetworkArgs extends NetworkArgsBase {
    /** Which cloud to build on. */
    cloud: NetworkCloud;
    /** Azure only: place the network in this resource group instead of creating one. */
    resourceGroupName?: pulumi.Input<string>;
}

/** The outputs every concrete network exposes; a NetworkInfo made of Outputs. */
export interface NetworkOutputs {
    readonly networkId: pulumi.Output<string>;
    readonly networkName: pulumi.Output<string>;
    readonly region: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    readonly publicSubnetIds: pulumi.Output<string[]>;
    readonly kubernetesSubnetIds: pulumi.Output<string[]>;
    readonly dataSubnetIds: pulumi.Output<string[]>;
    readonly endpointSubnetIds: pulumi.Output<string[]>;
    readonly resourceGroupName?: pulumi.Output<string>;
    readonly podsRangeName?: string;
    readonly servicesRangeName?: string;
}

export const DEFAULT_CIDR = "10.0.0.0/16";
export const DEFAULT_ZONES = 3;
export const MAX_ZONES = 6;
export const DEFAULT_FLOW_LOG_RETENTION_DAYS = 90;

/** The arguments with defaults applied. */
export interface ResolvedNetworkArgs {
    cidr: string;
    zones: number;
    nat: NatMode;
    flowLogRetentionDays: number;
    tags: Tags;
    region?: string;
}

/**
 * Validates the shared arguments and applies their defaults. Every problem is reported at
 * once in a PlatformKitError.
 */
export function resolveNetworkArgs(kind: string, name: string, cloud: NetworkCloud, args: NetworkArgsBase): ResolvedNetworkArgs {
    const check = new ArgsChecker(kind, name);
    const cidr = args.cidr ?? DEFAULT_CIDR;
    const zones = args.zones ?? DEFAULT_ZONES;
    const nat = args.nat ?? "single";
    const flowLogRetentionDays = args.flowLogRetentionDays ?? DEFAULT_FLOW_LOG_RETENTION_DAYS;
    check.addAll(cidrProblems(cidr));
    if (check.integer("zones", zones, 1, MAX_ZONES) && cidrProblems(cidr).length === 0 && cloud === "aws") {
        const smallest = zonalLayoutSmallestPrefix(cidr, zones);
        check.require(
            smallest <= MIN_SUBNET_PREFIX.aws,
            "zones",
            zones,
            `at most as many zones as ${cidr} can hold with /${MIN_SUBNET_PREFIX.aws} subnets (use a larger cidr)`,
        );
    }
    check.oneOf("nat", nat, NAT_MODES);
    check.integer("flowLogRetentionDays", flowLogRetentionDays, 0, 3653, "days");
    if (args.region !== undefined) {
        check.require(typeof args.region === "string" && /^[a-z][a-z0-9-]+$/.test(args.region), "region", args.region, "a region or location name such as \"eu-west-1\", \"europe-west1\" or \"westeurope\"");
    }
    check.done();
    return { cidr, zones, nat, flowLogRetentionDays, tags: args.tags ?? {}, region: args.region };
}

/**
 * What every network shares, the facade and each cloud's class: the {@link NetworkInfo}
 * outputs, taken from a cloud's builder and registered. `built` keeps everything the
 * builder made, so a cloud's class can expose its children.
 */
export abstract class NetworkComponent<Built extends NetworkOutputs = NetworkOutputs> extends pulumi.ComponentResource implements NetworkInfo, NetworkOutputs {
    abstract readonly cloud: NetworkCloud;
    readonly cidr: string;
    readonly networkId: pulumi.Output<string>;
    readonly networkName: pulumi.Output<string>;
    readonly region: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    readonly publicSubnetIds: pulumi.Output<string[]>;
    readonly kubernetesSubnetIds: pulumi.Output<string[]>;
    readonly dataSubnetIds: pulumi.Output<string[]>;
    readonly endpointSubnetIds: pulumi.Output<string[]>;
    readonly resourceGroupName?: pulumi.Output<string>;
    readonly podsRangeName?: string;
    readonly servicesRangeName?: string;
    protected readonly built: Built;

    protected constructor(type: string, name: string, cidr: string | undefined, opts: pulumi.ComponentResourceOptions | undefined, build: (parent: pulumi.ComponentResource) => Built) {
        super(type, name, {}, opts);
        const built = build(this);
        this.built = built;
        this.cidr = cidr ?? DEFAULT_CIDR;
        this.networkId = built.networkId;
        this.networkName = built.networkName;
        this.region = built.region;
        this.privateSubnetIds = built.privateSubnetIds;
        this.publicSubnetIds = built.publicSubnetIds;
        this.kubernetesSubnetIds = built.kubernetesSubnetIds;
        this.dataSubnetIds = built.dataSubnetIds;
        this.endpointSubnetIds = built.endpointSubnetIds;
        this.resourceGroupName = built.resourceGroupName;
        this.podsRangeName = built.podsRangeName;
        this.servicesRangeName = built.servicesRangeName;
        this.registerOutputs({
            networkId: this.networkId,
            networkName: this.networkName,
            region: this.region,
            privateSubnetIds: this.privateSubnetIds,
            publicSubnetIds: this.publicSubnetIds,
            kubernetesSubnetIds: this.kubernetesSubnetIds,
            dataSubnetIds: this.dataSubnetIds,
            endpointSubnetIds: this.endpointSubnetIds,
            resourceGroupName: this.resourceGroupName,
            podsRangeName: this.podsRangeName,
            servicesRangeName: this.servicesRangeName,
        });
    }
}

/**
 * A private network on AWS, Google Cloud or Azure: the portable facade. It validates the
 * shared intent and builds that cloud's network, loading only that cloud's SDK. For every
 * option a cloud offers, use the concrete class from `platform-kit/aws`, `/gcp` or `/azure`.
 *
 * Cost: the network itself is free; NAT gateways and flow logs are billed.
 *
 * @example
 * const net = new Network("core", { cloud: "aws", zones: 3, nat: "perZone" });
 */
export class Network extends NetworkComponent {
    readonly cloud: NetworkCloud;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const component = `Network "${name}"`;
        checkCloud(component, args.cloud, VM_CLOUDS, "a Kubernetes cluster brings its own network, so ContainerRuntime with cloud \"kubernetes\" takes none");
        const { cloud, resourceGroupName, ...common } = args;
        if (resourceGroupName !== undefined && cloud !== "azure") {
            const check = new ArgsChecker("Network", name);
            check.require(false, "resourceGroupName", "a resource group", "only with cloud \"azure\"");
            check.done();
        }
        super("platform-kit:network:Network", name, args.cidr, opts, (parent): NetworkOutputs => {
            switch (cloud) {
                case "aws":
                    return loadCloudModule(cloud, component, () => require("./aws") as typeof import("./aws")).buildAwsNetwork(name, common, parent);
                case "gcp":
                    return loadCloudModule(cloud, component, () => require("./gcp") as typeof import("./gcp")).buildGcpNetwork(name, common, parent);
                case "azure":
                    return loadCloudModule(cloud, component, () => require("./azure") as typeof import("./azure")).buildAzureNetwork(name, { ...common, resourceGroupName }, parent);
            }
        });
        this.cloud = cloud;
    }
}
