import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, PlatformKitError, Transform, azureTagProblems, cloudName, stableHash, standardTags, transformed } from "../core";
import { NetworkArgsBase, NetworkComponent, NetworkOutputs, ResolvedNetworkArgs, resolveNetworkArgs } from "./index";
import { AzureLayout, azureLayout } from "./layout";

/** The service the data subnet is delegated to: PostgreSQL flexible servers need a subnet of their own. */
export const AZURE_DATA_SUBNET_DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";

/** The subnets an Azure network has, by role. */
export type AzureSubnetRole = keyof AzureLayout;
export const AZURE_SUBNET_ROLES: readonly AzureSubnetRole[] = ["apps", "kubernetes", "data", "endpoints"];

/** Arguments of an {@link AzureNetwork}: the shared network intent plus Azure-only knobs. */
export interface AzureNetworkArgs extends NetworkArgsBase {
    /**
     * Place the network in this existing resource group instead of creating one. Its
     * location is used unless `region` is given.
     * @example "rg-platform-prod"
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * Changes the arguments of one child before it is created, for settings this component
     * does not expose. `subnet` and `networkSecurityGroup` are called once per subnet role
     * (apps, kubernetes, data, endpoints); the args' names tell them apart.
     *
     * @example
     * transform: { virtualNetwork: (args) => { args.enableDdosProtection = true; } }
     */
    transform?: {
        /** The resource group (`${name}-rg`), when none is given. */
        resourceGroup?: Transform<resources.ResourceGroupArgs>;
        /** The VNet (`${name}-vnet`). */
        virtualNetwork?: Transform<network.VirtualNetworkArgs>;
        /** Each subnet (`${name}-<role>-subnet`); `args.subnetName` is the role. */
        subnet?: Transform<network.SubnetArgs>;
        /** Each subnet's security group (`${name}-<role>-nsg`), e.g. to allow a public load balancer in. */
        networkSecurityGroup?: Transform<network.NetworkSecurityGroupArgs>;
        /** The NAT gateway (`${name}-nat`), when `nat` is not `"none"`. */
        natGateway?: Transform<network.NatGatewayArgs>;
        /** The NAT gateway's public IP address (`${name}-nat-ip`). */
        natPublicIp?: Transform<network.PublicIPAddressArgs>;
    };
}

/** What {@link buildAzureNetwork} creates: the network's outputs and every child. */
export interface AzureNetworkResources extends NetworkOutputs {
    /** Absent when `resourceGroupName` was given. */
    readonly resourceGroup?: resources.ResourceGroup;
    readonly resourceGroupName: pulumi.Output<string>;
    readonly virtualNetwork: network.VirtualNetwork;
    readonly subnets: Record<AzureSubnetRole, network.Subnet>;
    /** One a subnet, each denying inbound traffic from the internet. */
    readonly networkSecurityGroups: Record<AzureSubnetRole, network.NetworkSecurityGroup>;
    /** Absent with `nat: "none"`. */
    readonly natGateway?: network.NatGateway;
    readonly natPublicIp?: network.PublicIPAddress;
}

const COMPONENT = "network";

/** Validates and completes the arguments with Azure's own rules; every problem at once. */
export function resolveAzureNetworkArgs(kind: string, name: string, args: AzureNetworkArgs): ResolvedNetworkArgs {
    const check = new ArgsChecker(kind, name);
    let resolved: ResolvedNetworkArgs | undefined;
    try {
        resolved = resolveNetworkArgs(kind, name, "azure", args);
    } catch (e) {
        if (!(e instanceof PlatformKitError)) throw e;
        check.addAll(e.problems);
    }
    check.addAll(azureTagProblems(args.tags ?? {}));
    if (typeof args.resourceGroupName === "string") {
        check.require(
            /^[-\w.()]{1,90}$/.test(args.resourceGroupName) && !args.resourceGroupName.endsWith("."),
            "resourceGroupName",
            args.resourceGroupName,
            "an existing resource group's name: 1 to 90 letters, digits, - _ . ( ), not ending in a period",
        );
    }
    check.done();
    if (!resolved) throw new Error(`${kind} "${name}": arguments failed validation without a reported problem`);
    return resolved;
}

/**
 * Builds an Azure network under `parent`: a resource group (unless one is given), a VNet,
 * subnets for apps, Kubernetes, data (delegated to PostgreSQL flexible servers) and private
 * endpoints, a network security group on each, and a NAT gateway for outbound traffic.
 */
export function buildAzureNetwork(name: string, args: AzureNetworkArgs, parent: pulumi.Resource): AzureNetworkResources {
    const kind = parent instanceof AzureNetwork ? "AzureNetwork" : "Network";
    const resolved = resolveAzureNetworkArgs(kind, name, args);
    const { cidr, nat } = resolved;
    const transform = args.transform ?? {};
    const tags = standardTags(COMPONENT, resolved.tags);
    const opts: pulumi.CustomResourceOptions = { parent };
    const layout = azureLayout(cidr);
    // Explicit names, valid whatever the component is called, and distinct per project and
    // stack so two stacks can share a subscription or a given resource group.
    const suffix = stableHash(`${pulumi.getProject()}/${pulumi.getStack()}`, 7);
    const physicalName = (role: string) => `${cloudName("azure-resource", name, role, { reserve: suffix.length + 1 })}-${suffix}`;

    let resourceGroup: resources.ResourceGroup | undefined;
    let resourceGroupName: pulumi.Output<string>;
    let location: pulumi.Output<string>;
    if (args.resourceGroupName !== undefined) {
        resourceGroupName = pulumi.output(args.resourceGroupName);
        location =
            resolved.region !== undefined
                ? pulumi.output(resolved.region)
                : resources.getResourceGroupOutput({ resourceGroupName: args.resourceGroupName }, { parent }).location;
    } else {
        resourceGroup = new resources.ResourceGroup(
            `${name}-rg`,
            ...transformed<resources.ResourceGroupArgs, pulumi.CustomResourceOptions>(
                {
                    resourceGroupName: `${cloudName("azure-resource-group", name, "rg", { reserve: suffix.length + 1 })}-${suffix}`,
                    location: resolved.region,
                    tags,
                },
                { ...opts },
                transform.resourceGroup,
            ),
        );
        resourceGroupName = resourceGroup.name;
        location = resourceGroup.location;
    }

    // Subnets are separate resources, not inline in the VNet, so each is a resource users
    // can reference and transform; azure-native keeps subnets it does not see inline.
    const virtualNetwork = new network.VirtualNetwork(
        `${name}-vnet`,
        ...transformed<network.VirtualNetworkArgs, pulumi.CustomResourceOptions>(
            {
                virtualNetworkName: physicalName("vnet"),
                resourceGroupName,
                location,
                addressSpace: { addressPrefixes: [cidr] },
                tags,
            },
            { ...opts },
            transform.virtualNetwork,
        ),
    );

    let natGateway: network.NatGateway | undefined;
    let natPublicIp: network.PublicIPAddress | undefined;
    if (nat !== "none") {
        natPublicIp = new network.PublicIPAddress(
            `${name}-nat-ip`,
            ...transformed<network.PublicIPAddressArgs, pulumi.CustomResourceOptions>(
                {
                    publicIpAddressName: physicalName("nat-ip"),
                    resourceGroupName,
                    location,
                    sku: { name: "Standard", tier: "Regional" },
                    publicIPAllocationMethod: "Static",
                    publicIPAddressVersion: "IPv4",
                    tags,
                },
                { ...opts },
                transform.natPublicIp,
            ),
        );
        natGateway = new network.NatGateway(
            `${name}-nat`,
            ...transformed<network.NatGatewayArgs, pulumi.CustomResourceOptions>(
                {
                    natGatewayName: physicalName("nat"),
                    resourceGroupName,
                    location,
                    sku: { name: "Standard" },
                    idleTimeoutInMinutes: 4,
                    publicIpAddresses: [{ id: natPublicIp.id }],
                    tags,
                },
                { ...opts },
                transform.natGateway,
            ),
        );
    }

    let previous: network.Subnet | undefined;
    const subnetWithGroup = (role: AzureSubnetRole): [network.Subnet, network.NetworkSecurityGroup] => {
        const nsg = new network.NetworkSecurityGroup(
            `${name}-${role}-nsg`,
            ...transformed<network.NetworkSecurityGroupArgs, pulumi.CustomResourceOptions>(
                {
                    networkSecurityGroupName: physicalName(`${role}-nsg`),
                    resourceGroupName,
                    location,
                    // Azure's default rules already drop unsolicited internet traffic at
                    // 65500; this rule, at the lowest priority users can write, makes that
                    // visible and stays in force if someone adds a broad allow later.
                    securityRules: [
                        {
                            name: "DenyInternetInbound",
                            description: "Deny all inbound traffic from the internet",
                            priority: 4096,
                            direction: "Inbound",
                            access: "Deny",
                            protocol: "*",
                            sourceAddressPrefix: "Internet",
                            sourcePortRange: "*",
                            destinationAddressPrefix: "*",
                            destinationPortRange: "*",
                        },
                    ],
                    tags,
                },
                { ...opts },
                transform.networkSecurityGroup,
            ),
        );
        const egress = natGateway && (role === "apps" || role === "kubernetes") ? { id: natGateway.id } : undefined;
        const subnet: network.Subnet = new network.Subnet(
            `${name}-${role}-subnet`,
            ...transformed<network.SubnetArgs, pulumi.CustomResourceOptions>(
                {
                    subnetName: role,
                    resourceGroupName,
                    virtualNetworkName: virtualNetwork.name,
                    addressPrefix: layout[role],
                    networkSecurityGroup: { id: nsg.id },
                    natGateway: egress,
                    // No implicit outbound internet address: egress only through the NAT gateway.
                    defaultOutboundAccess: false,
                    delegations: role === "data" ? [{ name: "postgresql-flexible-servers", serviceName: AZURE_DATA_SUBNET_DELEGATION }] : undefined,
                    privateEndpointNetworkPolicies: role === "endpoints" ? "Enabled" : undefined,
                },
                // Azure refuses concurrent changes to one VNet's subnets: create them in turn.
                { ...opts, dependsOn: previous ? [previous] : [] },
                transform.subnet,
            ),
        );
        previous = subnet;
        return [subnet, nsg];
    };
    const [appsSubnet, appsNsg] = subnetWithGroup("apps");
    const [kubernetesSubnet, kubernetesNsg] = subnetWithGroup("kubernetes");
    const [dataSubnet, dataNsg] = subnetWithGroup("data");
    const [endpointsSubnet, endpointsNsg] = subnetWithGroup("endpoints");
    const subnets = { apps: appsSubnet, kubernetes: kubernetesSubnet, data: dataSubnet, endpoints: endpointsSubnet };
    const networkSecurityGroups = { apps: appsNsg, kubernetes: kubernetesNsg, data: dataNsg, endpoints: endpointsNsg };


    return {
        resourceGroup,
        resourceGroupName,
        virtualNetwork,
        subnets,
        networkSecurityGroups,
        natGateway,
        natPublicIp,
        networkId: virtualNetwork.id,
        networkName: virtualNetwork.name,
        region: location,
        privateSubnetIds: pulumi.all([subnets.apps.id]),
        publicSubnetIds: pulumi.output<string[]>([]),
        kubernetesSubnetIds: pulumi.all([subnets.kubernetes.id]),
        dataSubnetIds: pulumi.all([subnets.data.id]),
        endpointSubnetIds: pulumi.all([subnets.endpoints.id]),
    };
}

/**
 * A private Azure network: a resource group (or the one you give), a VNet with subnets for
 * apps, Kubernetes nodes, data (delegated to PostgreSQL flexible servers) and private
 * endpoints, a network security group on each subnet that denies inbound internet traffic,
 * and a Standard NAT gateway for the apps and Kubernetes subnets' outbound traffic. No
 * subnet gets Azure's implicit default outbound access.
 *
 * Azure subnets span the region, so `zones` does not apply, and one NAT gateway serves a
 * subnet: `nat: "single"` and `"perZone"` both create one. There are no public subnets:
 * `publicSubnetIds` is empty. Flow logs are not created: VNet flow logs need a Network
 * Watcher and a storage account in the region, which an organisation usually owns
 * centrally; `flowLogRetentionDays` is validated but has no effect here.
 *
 * The security groups also deny internet traffic arriving through a public load balancer:
 * to expose a service to the internet, add an allow rule with a higher priority (a number
 * below 4096) through `transform.networkSecurityGroup`.
 *
 * Cost: the VNet, subnets and security groups are free. The NAT gateway is billed by the
 * hour and by the GB processed, its public IP by the hour.
 *
 * @example
 * const net = new AzureNetwork("core", { region: "westeurope", resourceGroupName: "rg-platform" });
 */
export class AzureNetwork extends NetworkComponent<AzureNetworkResources> {
    readonly cloud = "azure" as const;
    declare readonly resourceGroupName: pulumi.Output<string>;

    readonly resourceGroup?: resources.ResourceGroup;
    readonly virtualNetwork: network.VirtualNetwork;
    readonly subnets: Record<AzureSubnetRole, network.Subnet>;
    readonly networkSecurityGroups: Record<AzureSubnetRole, network.NetworkSecurityGroup>;
    readonly natGateway?: network.NatGateway;
    readonly natPublicIp?: network.PublicIPAddress;

    constructor(name: string, args: AzureNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:network:AzureNetwork", name, args.cidr, opts, (parent) => buildAzureNetwork(name, args, parent));
        this.resourceGroup = this.built.resourceGroup;
        this.virtualNetwork = this.built.virtualNetwork;
        this.subnets = this.built.subnets;
        this.networkSecurityGroups = this.built.networkSecurityGroups;
        this.natGateway = this.built.natGateway;
        this.natPublicIp = this.built.natPublicIp;
    }
}
