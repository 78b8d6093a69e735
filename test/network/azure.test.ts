import assert from "node:assert/strict";
import { nameProblem } from "../../components/core";
import { Network } from "../../components/network";
import { AZURE_DATA_SUBNET_DELEGATION, AzureNetwork, AzureNetworkArgs, resolveAzureNetworkArgs } from "../../components/network/azure";
import { ProgramRun, inventory, ofType, only, runProgram } from "../../testing";
import { contractOutputs, problemsOf, rejection } from "./helpers";

const T = {
    group: "azure-native:resources:ResourceGroup",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    nsg: "azure-native:network:NetworkSecurityGroup",
    nat: "azure-native:network:NatGateway",
    ip: "azure-native:network:PublicIPAddress",
};

const ROLES = ["apps", "kubernetes", "data", "endpoints"] as const;

function build(args: AzureNetworkArgs = {}, config: Record<string, unknown> = {}, name = "core"): Promise<ProgramRun> {
    return runProgram(() => {
        const net = new AzureNetwork(name, args);
        return contractOutputs(net);
    }, { config });
}

/** The suffix that keeps names apart per project and stack (project platform-kit, stack dev). */
const SUFFIX = "e138ea1";

describe("network on Azure", () => {
    let run: ProgramRun;
    const subnet = (role: string, r: ProgramRun = run) => only(r.resources, T.subnet, `core-${role}-subnet`);
    const nsg = (role: string, r: ProgramRun = run) => only(r.resources, T.nsg, `core-${role}-nsg`);

    before(async () => {
        run = await build({ tags: { team: "platform" } });
    });

    it("creates exactly these children (rename guard)", () => {
        assert.deepEqual(inventory(run.resources), [
            [T.nat, "core-nat"],
            [T.nsg, "core-apps-nsg"],
            [T.nsg, "core-data-nsg"],
            [T.nsg, "core-endpoints-nsg"],
            [T.nsg, "core-kubernetes-nsg"],
            [T.ip, "core-nat-ip"],
            [T.subnet, "core-apps-subnet"],
            [T.subnet, "core-data-subnet"],
            [T.subnet, "core-endpoints-subnet"],
            [T.subnet, "core-kubernetes-subnet"],
            [T.vnet, "core-vnet"],
            [T.group, "core-rg"],
        ]);
        const component = only(run.resources, "platform-kit:network:AzureNetwork", "core");
        for (const r of run.resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, r.name);
    });

    it("creates a resource group and places everything in it", () => {
        const group = only(run.resources, T.group);
        assert.equal(group.inputs.resourceGroupName, `core-rg-${SUFFIX}`);
        for (const r of run.resources.filter((r) => r.custom && r.type !== T.group)) {
            assert.equal(r.inputs.resourceGroupName, `core-rg-${SUFFIX}`, r.name);
        }
    });

    it("makes a VNet over the whole block", () => {
        const vnet = only(run.resources, T.vnet).inputs;
        assert.deepEqual(vnet.addressSpace, { addressPrefixes: ["10.0.0.0/16"] });
        assert.equal(vnet.virtualNetworkName, `core-vnet-${SUFFIX}`);
        assert.equal(vnet.subnets, undefined);
    });

    it("lays out one subnet per role, none with default outbound access", () => {
        assert.deepEqual(
            ROLES.map((role) => [subnet(role).inputs.subnetName, subnet(role).inputs.addressPrefix, subnet(role).inputs.defaultOutboundAccess]),
            [
                ["apps", "10.0.64.0/18", false],
                ["kubernetes", "10.0.0.0/18", false],
                ["data", "10.0.128.0/19", false],
                ["endpoints", "10.0.160.0/19", false],
            ],
        );
        for (const role of ROLES) assert.equal(subnet(role).inputs.virtualNetworkName, `core-vnet-${SUFFIX}`);
    });

    it("delegates the data subnet to PostgreSQL flexible servers, and only that one", () => {
        assert.deepEqual(subnet("data").inputs.delegations, [{ name: "postgresql-flexible-servers", serviceName: "Microsoft.DBforPostgreSQL/flexibleServers" }]);
        assert.equal(AZURE_DATA_SUBNET_DELEGATION, "Microsoft.DBforPostgreSQL/flexibleServers");
        for (const role of ["apps", "kubernetes", "endpoints"]) assert.equal(subnet(role).inputs.delegations, undefined, role);
    });

    it("enables network policies for private endpoints on the endpoints subnet", () => {
        assert.equal(subnet("endpoints").inputs.privateEndpointNetworkPolicies, "Enabled");
    });

    it("puts a security group on each subnet that denies inbound internet traffic", () => {
        for (const role of ROLES) {
            const group = nsg(role);
            assert.deepEqual(subnet(role).inputs.networkSecurityGroup, { id: group.id }, role);
            assert.deepEqual(group.inputs.securityRules, [
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
            ], role);
        }
    });

    it("gives apps and kubernetes egress through a Standard NAT gateway with a static address", () => {
        const nat = only(run.resources, T.nat);
        const ip = only(run.resources, T.ip);
        assert.deepEqual(nat.inputs.sku, { name: "Standard" });
        assert.deepEqual(nat.inputs.publicIpAddresses, [{ id: ip.id }]);
        assert.deepEqual(ip.inputs.sku, { name: "Standard", tier: "Regional" });
        assert.equal(ip.inputs.publicIPAllocationMethod, "Static");
        assert.deepEqual(subnet("apps").inputs.natGateway, { id: nat.id });
        assert.deepEqual(subnet("kubernetes").inputs.natGateway, { id: nat.id });
        assert.equal(subnet("data").inputs.natGateway, undefined);
        assert.equal(subnet("endpoints").inputs.natGateway, undefined);
    });

    it("creates subnets one after another (Azure refuses concurrent changes to a VNet)", () => {
        assert.ok(subnet("kubernetes").dependencies.includes(subnet("apps").urn));
        assert.ok(subnet("data").dependencies.includes(subnet("kubernetes").urn));
        assert.ok(subnet("endpoints").dependencies.includes(subnet("data").urn));
    });

    it("tags every taggable child", () => {
        const taggable = run.resources.filter((r) => r.custom && r.type !== T.subnet);
        assert.equal(taggable.length, 8);
        for (const r of taggable) {
            assert.deepEqual(r.inputs.tags, { team: "platform", "managed-by": "platform-kit", "platform-kit-component": "network" }, r.name);
        }
    });

    it("outputs the VNet, the resource group and a subnet per role, with no public subnets", () => {
        assert.deepEqual(run.outputs, {
            networkId: only(run.resources, T.vnet).id,
            networkName: `core-vnet-${SUFFIX}`,
            region: "westeurope",
            resourceGroupName: `core-rg-${SUFFIX}`,
            privateSubnetIds: [subnet("apps").id],
            publicSubnetIds: [],
            kubernetesSubnetIds: [subnet("kubernetes").id],
            dataSubnetIds: [subnet("data").id],
            endpointSubnetIds: [subnet("endpoints").id],
        });
    });

    it("with nat none, creates no NAT gateway and attaches none", async () => {
        const r = await build({ nat: "none" });
        assert.equal(ofType(r.resources, T.nat).length, 0);
        assert.equal(ofType(r.resources, T.ip).length, 0);
        for (const role of ROLES) {
            assert.equal(subnet(role, r).inputs.natGateway, undefined, role);
            assert.equal(subnet(role, r).inputs.defaultOutboundAccess, false, role);
        }
    });

    it("with single or perZone, creates one NAT gateway", async () => {
        for (const nat of ["single", "perZone"] as const) {
            const r = await build({ nat });
            assert.equal(ofType(r.resources, T.nat).length, 1, nat);
            assert.equal(ofType(r.resources, T.ip).length, 1, nat);
        }
    });

    it("sends the given region to the resource group and every child", async () => {
        const r = await build({ region: "swedencentral" });
        for (const x of r.resources.filter((x) => x.custom && x.type !== T.subnet)) assert.equal(x.inputs.location, "swedencentral", x.name);
        assert.equal(r.outputs.region, "swedencentral");
    });

    it("without a region, places children in the resource group's location", async () => {
        const r = await build({}, { "azure-native:location": "northeurope" });
        assert.equal(only(r.resources, T.group).inputs.location, undefined);
        for (const x of r.resources.filter((x) => x.custom && x.type !== T.subnet && x.type !== T.group)) assert.equal(x.inputs.location, "northeurope", x.name);
    });

    describe("in a given resource group", () => {
        it("creates no group, uses the given one and its location", async () => {
            const r = await build({ resourceGroupName: "rg-platform" }, { "azure-native:location": "uksouth" });
            assert.equal(ofType(r.resources, T.group).length, 0);
            for (const x of r.resources.filter((x) => x.custom)) assert.equal(x.inputs.resourceGroupName, "rg-platform", x.name);
            for (const x of r.resources.filter((x) => x.custom && x.type !== T.subnet)) assert.equal(x.inputs.location, "uksouth", x.name);
            const lookup = r.invokes.find((i) => i.token === "azure-native:resources:getResourceGroup");
            assert.deepEqual(lookup?.inputs, { resourceGroupName: "rg-platform" });
            assert.equal(r.outputs.resourceGroupName, "rg-platform");
        });

        it("prefers an explicit region to the group's location, without a lookup", async () => {
            const r = await build({ resourceGroupName: "rg-platform", region: "francecentral" });
            for (const x of r.resources.filter((x) => x.custom && x.type !== T.subnet)) assert.equal(x.inputs.location, "francecentral", x.name);
            assert.equal(r.invokes.filter((i) => i.token === "azure-native:resources:getResourceGroup").length, 0);
        });

        it("through the facade", async () => {
            const r = await runProgram(() => new Network("core", { cloud: "azure", resourceGroupName: "rg-shared" }));
            assert.equal(ofType(r.resources, T.group).length, 0);
            assert.equal(only(r.resources, T.vnet).inputs.resourceGroupName, "rg-shared");
        });
    });

    it("applies the typed transforms", async () => {
        const r = await build({
            transform: {
                virtualNetwork: (args) => {
                    args.enableDdosProtection = true;
                },
                subnet: (args) => {
                    if (args.subnetName === "apps") args.serviceEndpoints = [{ service: "Microsoft.Storage" }];
                },
                natGateway: (args) => {
                    args.idleTimeoutInMinutes = 10;
                },
            },
        });
        assert.equal(only(r.resources, T.vnet).inputs.enableDdosProtection, true);
        assert.deepEqual(subnet("apps", r).inputs.serviceEndpoints, [{ service: "Microsoft.Storage" }]);
        assert.equal(subnet("data", r).inputs.serviceEndpoints, undefined);
        assert.equal(only(r.resources, T.nat).inputs.idleTimeoutInMinutes, 10);
    });

    it("gives valid Azure names to children of any component name", async () => {
        const r = await build({}, {}, "Payments Team / Production Network in West Europe (primary) with a long name");
        assert.equal(nameProblem("azure-resource-group", String(only(r.resources, T.group).inputs.resourceGroupName)), undefined);
        const nameInputs = ["virtualNetworkName", "networkSecurityGroupName", "natGatewayName", "publicIpAddressName"];
        for (const x of r.resources.filter((x) => x.custom && x.type !== T.group && x.type !== T.subnet)) {
            const key = nameInputs.find((k) => k in x.inputs);
            assert.ok(key, x.name);
            assert.equal(nameProblem("azure-resource", String(x.inputs[key])), undefined, String(x.inputs[key]));
        }
    });

    describe("bad input", () => {
        const errorOf = (args: AzureNetworkArgs) => rejection(build(args));
        const CIDR_ALLOWED = 'cidr: a private IPv4 block from /16 to /24 (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), written on its boundary, e.g. "10.0.0.0/16"';

        it("refuses public, misaligned, too large and too small CIDRs", async () => {
            for (const cidr of ["20.0.0.0/16", "192.168.1.0/16", "10.0.0.0/8", "10.0.0.0/28"]) {
                assert.deepEqual(problemsOf(await errorOf({ cidr })), [CIDR_ALLOWED], cidr);
            }
        });

        it("accepts a /24 (subnets of /26 and /27)", async () => {
            const r = await build({ cidr: "192.168.10.0/24" });
            assert.deepEqual(ROLES.map((role) => subnet(role, r).inputs.addressPrefix), ["192.168.10.64/26", "192.168.10.0/26", "192.168.10.128/27", "192.168.10.160/27"]);
        });

        it("refuses 0 and 7 zones and an unknown NAT mode", async () => {
            assert.deepEqual(problemsOf(await errorOf({ zones: 0 })), ["zones: a whole number from 1 to 6"]);
            assert.deepEqual(problemsOf(await errorOf({ zones: 7 })), ["zones: a whole number from 1 to 6"]);
            assert.deepEqual(problemsOf(await errorOf({ nat: "gateway" as "none" })), ['nat: one of "none", "single", "perZone"']);
        });

        it("refuses tags Azure does not accept", async () => {
            assert.deepEqual(problemsOf(await errorOf({ tags: { "cost/center": "42" } })), ["tags.cost/center: a name of 1 to 512 characters without < > % & \\ ? /"]);
        });

        it("refuses a resource group name Azure cannot have", async () => {
            assert.deepEqual(problemsOf(await errorOf({ resourceGroupName: "my group!" })), [
                "resourceGroupName: an existing resource group's name: 1 to 90 letters, digits, - _ . ( ), not ending in a period",
            ]);
        });

        it("reports every problem at once", () => {
            assert.throws(
                () => resolveAzureNetworkArgs("AzureNetwork", "core", { cidr: "1.0.0.0/16", zones: 0, tags: { "a<b": "c" }, resourceGroupName: "rg." }),
                (e: unknown) => problemsOf(e).map((p) => p.split(":")[0]).join() === "cidr,zones,tags.a<b,resourceGroupName",
            );
        });
    });
});
