import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, PlatformKitError, Transform, cloudName, gcpLabelProblems, gcpLabels, stableHash, standardTags, transformed } from "../core";
import { NetworkArgsBase, NetworkComponent, NetworkOutputs, ResolvedNetworkArgs, resolveNetworkArgs } from "./index";
import { gcpLayout, parseCidr } from "./layout";

/** Google Cloud's load-balancer health checkers probe backends from these ranges. */
export const GCP_HEALTH_CHECK_RANGES: readonly string[] = ["35.191.0.0/16", "130.211.0.0/22"];

/** Network tag that lets health checks reach a VM: put it on load-balanced instance templates. */
export const GCP_HEALTH_CHECK_TAG = "allow-health-checks";

/** Secondary range names of the main subnet, as GKE's `ipAllocationPolicy` wants them. */
export const GCP_PODS_RANGE_NAME = "pods";
export const GCP_SERVICES_RANGE_NAME = "services";

/** A proxy-only subnet must hold at least 64 addresses (Google Cloud refuses smaller ones). */
const PROXY_ONLY_MAX_PREFIX = 26;

/** Arguments of a {@link GcpNetwork}: the shared network intent plus Google Cloud-only knobs. */
export interface GcpNetworkArgs extends NetworkArgsBase {
    /**
     * Changes the arguments of one child before it is created, for settings this component
     * does not expose.
     *
     * @example
     * transform: { subnet: (args) => { args.stackType = "IPV4_IPV6"; } }
     */
    transform?: {
        /** The VPC network (`${name}-vpc`). */
        network?: Transform<gcp.compute.NetworkArgs>;
        /** The nodes and VMs subnet with the pods and services ranges (`${name}-subnet`). */
        subnet?: Transform<gcp.compute.SubnetworkArgs>;
        /** The proxy-only subnet (`${name}-proxy-only`). */
        proxyOnlySubnet?: Transform<gcp.compute.SubnetworkArgs>;
        /** The Cloud Router (`${name}-router`), when `nat` is not `"none"`. */
        router?: Transform<gcp.compute.RouterArgs>;
        /** The Cloud NAT (`${name}-nat`), when `nat` is not `"none"`, e.g. for static NAT addresses. */
        nat?: Transform<gcp.compute.RouterNatArgs>;
    };
}

/** What {@link buildGcpNetwork} creates: the network's outputs and every child. */
export interface GcpNetworkResources extends NetworkOutputs {
    readonly network: gcp.compute.Network;
    /** The regional subnet for nodes and VMs, with the pods and services secondary ranges. */
    readonly subnet: gcp.compute.Subnetwork;
    /** The proxy-only subnet regional internal and external Application Load Balancers use. */
    readonly proxyOnlySubnet: gcp.compute.Subnetwork;
    /** Absent with `nat: "none"`. */
    readonly router?: gcp.compute.Router;
    readonly nat?: gcp.compute.RouterNat;
    readonly denyAllIngress: gcp.compute.Firewall;
    readonly allowHealthChecks: gcp.compute.Firewall;
    readonly allowInternal: gcp.compute.Firewall;
    readonly podsRangeName: string;
    readonly servicesRangeName: string;
    /**
     * The standard labels, for components that place labelled resources in this network.
     * Google Cloud networks, subnets, routers and firewall rules take no labels; they carry
     * the same facts in their description.
     */
    readonly labels: Record<string, string>;
}

const COMPONENT = "network";

/** Validates and completes the arguments with Google Cloud's own rules; every problem at once. */
export function resolveGcpNetworkArgs(kind: string, name: string, args: GcpNetworkArgs): ResolvedNetworkArgs {
    const check = new ArgsChecker(kind, name);
    let resolved: ResolvedNetworkArgs | undefined;
    try {
        resolved = resolveNetworkArgs(kind, name, "gcp", args);
    } catch (e) {
        if (!(e instanceof PlatformKitError)) throw e;
        check.addAll(e.problems);
    }
    check.addAll(gcpLabelProblems(args.tags ?? {}));
    if (resolved) {
        const prefix = parseCidr(resolved.cidr)?.prefix ?? 0;
        const proxyOnlyPrefix = parseCidr(gcpLayout(resolved.cidr).proxyOnly)?.prefix ?? 32;
        const largestPrefix = prefix - (proxyOnlyPrefix - PROXY_ONLY_MAX_PREFIX);
        check.require(
            proxyOnlyPrefix <= PROXY_ONLY_MAX_PREFIX,
            "cidr",
            resolved.cidr,
            `on Google Cloud, a block from /16 to /${largestPrefix}: the proxy-only subnet for internal load balancers needs a /${PROXY_ONLY_MAX_PREFIX} or larger`,
        );
    }
    check.done();
    if (!resolved) throw new Error(`${kind} "${name}": arguments failed validation without a reported problem`);
    return resolved;
}

/**
 * Builds a Google Cloud network under `parent`: a custom-mode VPC, one regional subnet with
 * secondary ranges for GKE pods and services, a proxy-only subnet, a Cloud Router with
 * Cloud NAT, and firewall rules that deny ingress unless it is internal or a health check.
 */
export function buildGcpNetwork(name: string, args: GcpNetworkArgs, parent: pulumi.Resource): GcpNetworkResources {
    const kind = parent instanceof GcpNetwork ? "GcpNetwork" : "Network";
    const resolved = resolveGcpNetworkArgs(kind, name, args);
    const { cidr, nat, flowLogRetentionDays } = resolved;
    const transform = args.transform ?? {};
    const labels = gcpLabels(standardTags(COMPONENT, resolved.tags));
    const describe = (what: string) => `${what} of network ${name}; ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(", ")}`;
    const opts: pulumi.CustomResourceOptions = { parent };
    const layout = gcpLayout(cidr);
    const region: pulumi.Output<string> =
        resolved.region !== undefined ? pulumi.output(resolved.region) : gcp.organizations.getClientConfigOutput({ parent }).region;
    // Explicit names, valid whatever the component is called, and distinct per project and
    // stack so two stacks can share a Google Cloud project.
    const suffix = stableHash(`${pulumi.getProject()}/${pulumi.getStack()}`, 7);
    const physicalName = (role: string) => `${cloudName("gcp-resource", name, role, { reserve: suffix.length + 1 })}-${suffix}`;

    const network = new gcp.compute.Network(
        `${name}-vpc`,
        ...transformed<gcp.compute.NetworkArgs, pulumi.CustomResourceOptions>(
            {
                name: physicalName("vpc"),
                description: describe("VPC"),
                autoCreateSubnetworks: false,
                routingMode: "REGIONAL",
            },
            { ...opts },
            transform.network,
        ),
    );

    const subnet = new gcp.compute.Subnetwork(
        `${name}-subnet`,
        ...transformed<gcp.compute.SubnetworkArgs, pulumi.CustomResourceOptions>(
            {
                name: physicalName("subnet"),
                description: describe("nodes and VMs subnet"),
                network: network.id,
                region,
                ipCidrRange: layout.primary,
                stackType: "IPV4_ONLY",
                // VMs without external addresses still reach Google APIs (Artifact Registry,
                // Cloud Storage) without NAT.
                privateIpGoogleAccess: true,
                secondaryIpRanges: [
                    { rangeName: GCP_PODS_RANGE_NAME, ipCidrRange: layout.pods },
                    { rangeName: GCP_SERVICES_RANGE_NAME, ipCidrRange: layout.services },
                ],
                // Subnet flow logs go to Cloud Logging, whose bucket decides retention.
                logConfig:
                    flowLogRetentionDays > 0
                        ? { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }
                        : undefined,
            },
            { ...opts },
            transform.subnet,
        ),
    );

    const proxyOnlySubnet = new gcp.compute.Subnetwork(
        `${name}-proxy-only`,
        ...transformed<gcp.compute.SubnetworkArgs, pulumi.CustomResourceOptions>(
            {
                name: physicalName("proxy-only"),
                description: describe("proxy-only subnet for regional managed load balancers"),
                network: network.id,
                region,
                ipCidrRange: layout.proxyOnly,
                purpose: "REGIONAL_MANAGED_PROXY",
                role: "ACTIVE",
            },
            { ...opts },
            transform.proxyOnlySubnet,
        ),
    );

    // Cloud NAT is a regional, software-defined service with no zonal instance to lose, so
    // "single" and "perZone" both build one NAT that serves every zone of the region.
    let router: gcp.compute.Router | undefined;
    let routerNat: gcp.compute.RouterNat | undefined;
    if (nat !== "none") {
        router = new gcp.compute.Router(
            `${name}-router`,
            ...transformed<gcp.compute.RouterArgs, pulumi.CustomResourceOptions>(
                { name: physicalName("router"), description: describe("Cloud Router"), network: network.id, region },
                { ...opts },
                transform.router,
            ),
        );
        routerNat = new gcp.compute.RouterNat(
            `${name}-nat`,
            ...transformed<gcp.compute.RouterNatArgs, pulumi.CustomResourceOptions>(
                {
                    name: physicalName("nat"),
                    router: router.name,
                    region,
                    natIpAllocateOption: "AUTO_ONLY",
                    // Only the nodes subnet (with its pod range) gets egress; the proxy-only
                    // subnet never needs it.
                    sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
                    subnetworks: [{ name: subnet.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
                    logConfig: { enable: true, filter: "ERRORS_ONLY" },
                },
                { ...opts },
                transform.nat,
            ),
        );
    }

    // Google Cloud already denies ingress implicitly at 65535; an explicit rule just above
    // it shows the intent in the console and can log what it drops.
    const denyAllIngress = new gcp.compute.Firewall(
        `${name}-deny-all-ingress`,
        {
            name: physicalName("deny-all-ingress"),
            description: describe("deny every ingress not allowed by a higher-priority rule"),
            network: network.id,
            direction: "INGRESS",
            priority: 65534,
            sourceRanges: ["0.0.0.0/0"],
            denies: [{ protocol: "all" }],
        },
        opts,
    );
    const allowHealthChecks = new gcp.compute.Firewall(
        `${name}-allow-health-checks`,
        {
            name: physicalName("allow-health-checks"),
            description: describe(`allow Google Cloud health checks to instances tagged ${GCP_HEALTH_CHECK_TAG}`),
            network: network.id,
            direction: "INGRESS",
            priority: 1000,
            sourceRanges: [...GCP_HEALTH_CHECK_RANGES],
            targetTags: [GCP_HEALTH_CHECK_TAG],
            allows: [{ protocol: "tcp" }],
        },
        opts,
    );
    const allowInternal = new gcp.compute.Firewall(
        `${name}-allow-internal`,
        {
            name: physicalName("allow-internal"),
            description: describe(`allow traffic from inside ${cidr}`),
            network: network.id,
            direction: "INGRESS",
            priority: 1000,
            sourceRanges: [cidr],
            allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }],
        },
        opts,
    );

    const subnetIds = pulumi.all([subnet.id]);
    return {
        network,
        subnet,
        proxyOnlySubnet,
        router,
        nat: routerNat,
        denyAllIngress,
        allowHealthChecks,
        allowInternal,
        labels,
        podsRangeName: GCP_PODS_RANGE_NAME,
        servicesRangeName: GCP_SERVICES_RANGE_NAME,
        networkId: network.selfLink,
        networkName: network.name,
        region,
        privateSubnetIds: subnetIds,
        publicSubnetIds: pulumi.output<string[]>([]),
        kubernetesSubnetIds: subnetIds,
        dataSubnetIds: subnetIds,
        endpointSubnetIds: subnetIds,
    };
}

/**
 * A private Google Cloud network: a custom-mode VPC with one regional subnet (secondary
 * ranges for GKE pods and services, private Google access, flow logs), a proxy-only subnet
 * for regional internal load balancers, Cloud Router and Cloud NAT, and firewall rules that
 * deny ingress except from inside the network and from Google's health checkers.
 *
 * Google Cloud subnets are regional, so `zones` does not apply; Cloud NAT is regional and
 * zone-redundant, so `nat: "single"` and `"perZone"` both create one. There are no public
 * subnets: `publicSubnetIds` is empty. Flow logs go to Cloud Logging and are kept as long as
 * the project's log bucket keeps them; `flowLogRetentionDays: 0` turns them off.
 *
 * Cost: the VPC, subnets, router and firewall rules are free. Cloud NAT is billed by the
 * hour per VM using it and by the GB processed; flow logs by the GB ingested.
 *
 * @example
 * const net = new GcpNetwork("core", { region: "europe-west1", cidr: "10.20.0.0/16" });
 */
export class GcpNetwork extends NetworkComponent<GcpNetworkResources> {
    readonly cloud = "gcp" as const;
    declare readonly podsRangeName: string;
    declare readonly servicesRangeName: string;
    readonly labels: Record<string, string>;

    readonly network: gcp.compute.Network;
    readonly subnet: gcp.compute.Subnetwork;
    readonly proxyOnlySubnet: gcp.compute.Subnetwork;
    readonly router?: gcp.compute.Router;
    readonly nat?: gcp.compute.RouterNat;
    readonly denyAllIngress: gcp.compute.Firewall;
    readonly allowHealthChecks: gcp.compute.Firewall;
    readonly allowInternal: gcp.compute.Firewall;

    constructor(name: string, args: GcpNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:network:GcpNetwork", name, args.cidr, opts, (parent) => buildGcpNetwork(name, args, parent));
        this.labels = this.built.labels;
        this.network = this.built.network;
        this.subnet = this.built.subnet;
        this.proxyOnlySubnet = this.built.proxyOnlySubnet;
        this.router = this.built.router;
        this.nat = this.built.nat;
        this.denyAllIngress = this.built.denyAllIngress;
        this.allowHealthChecks = this.built.allowHealthChecks;
        this.allowInternal = this.built.allowInternal;
    }
}
