import assert from "node:assert/strict";
import { nameProblem } from "../../components/core";
import { Network } from "../../components/network";
import { GCP_HEALTH_CHECK_TAG, GcpNetwork, GcpNetworkArgs, resolveGcpNetworkArgs } from "../../components/network/gcp";
import { ProgramRun, inventory, ofType, only, runProgram } from "../../testing";
import { contractOutputs, problemsOf, rejection } from "./helpers";

const T = {
    network: "gcp:compute/network:Network",
    subnet: "gcp:compute/subnetwork:Subnetwork",
    router: "gcp:compute/router:Router",
    nat: "gcp:compute/routerNat:RouterNat",
    firewall: "gcp:compute/firewall:Firewall",
};

let captured: GcpNetwork | undefined;

function build(args: GcpNetworkArgs = {}, config: Record<string, unknown> = {}, name = "core"): Promise<ProgramRun> {
    return runProgram(() => {
        const net = new GcpNetwork(name, args);
        captured = net;
        return contractOutputs(net);
    }, { config });
}

/** The suffix that keeps names apart per project and stack (project platform-kit, stack dev). */
const SUFFIX = "e138ea1";

describe("network on Google Cloud", () => {
    let run: ProgramRun;
    before(async () => {
        run = await build({ tags: { Team: "Platform Eng" } });
    });

    it("creates exactly these children (rename guard)", () => {
        assert.deepEqual(inventory(run.resources), [
            [T.firewall, "core-allow-health-checks"],
            [T.firewall, "core-allow-internal"],
            [T.firewall, "core-deny-all-ingress"],
            [T.network, "core-vpc"],
            [T.router, "core-router"],
            [T.nat, "core-nat"],
            [T.subnet, "core-proxy-only"],
            [T.subnet, "core-subnet"],
        ]);
        const component = only(run.resources, "platform-kit:network:GcpNetwork", "core");
        for (const r of run.resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, r.name);
    });

    it("makes a custom-mode VPC with regional routing", () => {
        const vpc = only(run.resources, T.network).inputs;
        assert.equal(vpc.autoCreateSubnetworks, false);
        assert.equal(vpc.routingMode, "REGIONAL");
        assert.equal(vpc.name, `core-vpc-${SUFFIX}`);
    });

    it("makes one subnet with pods and services ranges, private Google access and flow logs", () => {
        const subnet = only(run.resources, T.subnet, "core-subnet");
        assert.deepEqual(subnet.inputs, {
            name: `core-subnet-${SUFFIX}`,
            description: "nodes and VMs subnet of network core; team=platform_eng, managed-by=platform-kit, platform-kit-component=network",
            network: only(run.resources, T.network).id,
            region: "us-central1",
            ipCidrRange: "10.0.0.0/18",
            stackType: "IPV4_ONLY",
            privateIpGoogleAccess: true,
            secondaryIpRanges: [
                { rangeName: "pods", ipCidrRange: "10.0.128.0/17" },
                { rangeName: "services", ipCidrRange: "10.0.64.0/20" },
            ],
            logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" },
        });
    });

    it("makes a proxy-only subnet for regional internal load balancers", () => {
        const proxy = only(run.resources, T.subnet, "core-proxy-only").inputs;
        assert.equal(proxy.purpose, "REGIONAL_MANAGED_PROXY");
        assert.equal(proxy.role, "ACTIVE");
        assert.equal(proxy.ipCidrRange, "10.0.80.0/23");
        assert.equal(proxy.privateIpGoogleAccess, undefined);
    });

    it("gives the subnet egress through one Cloud Router and Cloud NAT", () => {
        const router = only(run.resources, T.router);
        assert.equal(router.inputs.network, only(run.resources, T.network).id);
        assert.equal(router.inputs.region, "us-central1");
        assert.deepEqual(only(run.resources, T.nat).inputs, {
            name: `core-nat-${SUFFIX}`,
            router: router.outputs.name,
            region: "us-central1",
            natIpAllocateOption: "AUTO_ONLY",
            sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
            subnetworks: [{ name: only(run.resources, T.subnet, "core-subnet").id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
            logConfig: { enable: true, filter: "ERRORS_ONLY" },
        });
    });

    it("denies all ingress explicitly at the lowest priority", () => {
        const rule = only(run.resources, T.firewall, "core-deny-all-ingress").inputs;
        assert.deepEqual(
            { direction: rule.direction, priority: rule.priority, sourceRanges: rule.sourceRanges, denies: rule.denies, allows: rule.allows, targetTags: rule.targetTags },
            { direction: "INGRESS", priority: 65534, sourceRanges: ["0.0.0.0/0"], denies: [{ protocol: "all" }], allows: undefined, targetTags: undefined },
        );
    });

    it("allows Google health checks only to tagged instances", () => {
        const rule = only(run.resources, T.firewall, "core-allow-health-checks").inputs;
        assert.deepEqual(
            { direction: rule.direction, priority: rule.priority, sourceRanges: rule.sourceRanges, targetTags: rule.targetTags, allows: rule.allows, denies: rule.denies },
            { direction: "INGRESS", priority: 1000, sourceRanges: ["35.191.0.0/16", "130.211.0.0/22"], targetTags: [GCP_HEALTH_CHECK_TAG], allows: [{ protocol: "tcp" }], denies: undefined },
        );
        assert.equal(GCP_HEALTH_CHECK_TAG, "allow-health-checks");
    });

    it("allows traffic from inside the network's block only", () => {
        const rule = only(run.resources, T.firewall, "core-allow-internal").inputs;
        assert.deepEqual(
            { direction: rule.direction, priority: rule.priority, sourceRanges: rule.sourceRanges, allows: rule.allows, targetTags: rule.targetTags },
            { direction: "INGRESS", priority: 1000, sourceRanges: ["10.0.0.0/16"], allows: [{ protocol: "tcp" }, { protocol: "udp" }, { protocol: "icmp" }], targetTags: undefined },
        );
        for (const fw of ofType(run.resources, T.firewall)) assert.equal(fw.inputs.network, only(run.resources, T.network).id);
    });

    it("folds tags into labels, carried in each description (these resources take no labels)", () => {
        assert.deepEqual(captured?.labels, { team: "platform_eng", "managed-by": "platform-kit", "platform-kit-component": "network" });
        for (const r of run.resources.filter((r) => r.custom && r.type !== T.nat)) {
            assert.match(String(r.inputs.description), /; team=platform_eng, managed-by=platform-kit, platform-kit-component=network$/, r.name);
        }
    });

    it("outputs the network, the subnet for every role, no public subnets and the range names", () => {
        const subnetId = only(run.resources, T.subnet, "core-subnet").id;
        assert.deepEqual(run.outputs, {
            networkId: only(run.resources, T.network).outputs.selfLink,
            networkName: `core-vpc-${SUFFIX}`,
            region: "us-central1",
            privateSubnetIds: [subnetId],
            publicSubnetIds: [],
            kubernetesSubnetIds: [subnetId],
            dataSubnetIds: [subnetId],
            endpointSubnetIds: [subnetId],
        });
        assert.equal(captured?.podsRangeName, "pods");
        assert.equal(captured?.servicesRangeName, "services");
        assert.equal(captured?.cloud, "gcp");
    });

    describe("NAT modes", () => {
        it("none: no router and no NAT", async () => {
            const r = await build({ nat: "none" });
            assert.equal(ofType(r.resources, T.router).length, 0);
            assert.equal(ofType(r.resources, T.nat).length, 0);
        });

        it("single and perZone: one regional Cloud NAT", async () => {
            for (const nat of ["single", "perZone"] as const) {
                const r = await build({ nat, zones: 3 });
                assert.equal(ofType(r.resources, T.router).length, 1, nat);
                assert.equal(ofType(r.resources, T.nat).length, 1, nat);
            }
        });
    });

    describe("region", () => {
        const regional = (r: ProgramRun) => r.resources.filter((x) => x.type === T.subnet || x.type === T.router || x.type === T.nat);

        it("sends the given region to every regional child", async () => {
            const r = await build({ region: "europe-west1" });
            assert.equal(regional(r).length, 4);
            for (const x of regional(r)) assert.equal(x.inputs.region, "europe-west1", x.name);
            assert.equal(r.outputs.region, "europe-west1");
        });

        it("without one, uses the provider's region from the client config", async () => {
            const r = await build({}, { "gcp:region": "asia-northeast1" });
            for (const x of regional(r)) assert.equal(x.inputs.region, "asia-northeast1", x.name);
            assert.equal(r.outputs.region, "asia-northeast1");
            assert.ok(r.invokes.some((i) => i.token === "gcp:organizations/getClientConfig:getClientConfig"));
        });
    });

    it("turns subnet flow logs off with flowLogRetentionDays 0", async () => {
        const r = await build({ flowLogRetentionDays: 0 });
        assert.equal(only(r.resources, T.subnet, "core-subnet").inputs.logConfig, undefined);
    });

    it("applies the typed transforms", async () => {
        const r = await build({
            transform: {
                network: (args) => {
                    args.mtu = 8896;
                },
                subnet: (args) => {
                    args.stackType = "IPV4_IPV6";
                },
                nat: (args) => {
                    args.minPortsPerVm = 128;
                },
            },
        });
        assert.equal(only(r.resources, T.network).inputs.mtu, 8896);
        assert.equal(only(r.resources, T.subnet, "core-subnet").inputs.stackType, "IPV4_IPV6");
        assert.equal(only(r.resources, T.nat).inputs.minPortsPerVm, 128);
    });

    it("gives valid Google Cloud names to children of any component name", async () => {
        const r = await build({}, {}, "Payments Team / Production Network in Europe West (primary)");
        for (const x of r.resources.filter((x) => x.custom)) {
            const physical = String(x.inputs.name);
            assert.equal(nameProblem("gcp-resource", physical), undefined, physical);
        }
        const names = new Set(r.resources.filter((x) => x.custom).map((x) => x.inputs.name));
        assert.equal(names.size, 8);
    });

    describe("bad input", () => {
        const errorOf = (args: GcpNetworkArgs) => rejection(build(args));
        const CIDR_ALLOWED = 'cidr: a private IPv4 block from /16 to /24 (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), written on its boundary, e.g. "10.0.0.0/16"';

        it("refuses public, misaligned, too large and too small CIDRs", async () => {
            for (const cidr of ["34.0.0.0/16", "10.0.1.0/16", "10.0.0.0/8", "10.0.0.0/28"]) {
                assert.deepEqual(problemsOf(await errorOf({ cidr })), [CIDR_ALLOWED], cidr);
            }
        });

        it("refuses blocks too small for a proxy-only subnet of /26", async () => {
            for (const cidr of ["10.0.0.0/20", "10.0.0.0/24"]) {
                assert.deepEqual(problemsOf(await errorOf({ cidr })), [
                    "cidr: on Google Cloud, a block from /16 to /19: the proxy-only subnet for internal load balancers needs a /26 or larger",
                ]);
            }
            const r = await build({ cidr: "10.8.0.0/19" });
            assert.equal(only(r.resources, T.subnet, "core-proxy-only").inputs.ipCidrRange, "10.8.10.0/26");
        });

        it("refuses 0 and 7 zones and an unknown NAT mode", async () => {
            assert.deepEqual(problemsOf(await errorOf({ zones: 0 })), ["zones: a whole number from 1 to 6"]);
            assert.deepEqual(problemsOf(await errorOf({ zones: 7 })), ["zones: a whole number from 1 to 6"]);
            assert.deepEqual(problemsOf(await errorOf({ nat: "cloud" as "none" })), ['nat: one of "none", "single", "perZone"']);
        });

        it("refuses tags that fold to the same label", async () => {
            assert.deepEqual(problemsOf(await errorOf({ tags: { Team: "a", team: "b" } })), [
                'tags.team: a key that does not fold to the same Google Cloud label as "Team" ("team")',
            ]);
        });

        it("reports every problem at once", () => {
            assert.throws(
                () => resolveGcpNetworkArgs("GcpNetwork", "core", { cidr: "10.0.0.0/8", nat: "x" as "none", tags: { A: "1", a: "2" } }),
                (e: unknown) => problemsOf(e).map((p) => p.split(":")[0]).join() === "cidr,nat,tags.a",
            );
        });

        it("names the facade in errors raised through it", async () => {
            const e = await rejection(runProgram(() => new Network("edge", { cloud: "gcp", cidr: "10.0.0.0/22" })));
            assert.match((e as Error).message, /^Network "edge": invalid arguments:\n {2}- cidr: got "10\.0\.0\.0\/22"; allowed: on Google Cloud/);
        });
    });

    it("builds the same network through the facade, exposing the range names", async () => {
        let facade: Network | undefined;
        const r = await runProgram(() => {
            facade = new Network("core", { cloud: "gcp" });
        });
        assert.deepEqual(inventory(r.resources), inventory(run.resources));
        assert.equal(facade?.podsRangeName, "pods");
        assert.equal(facade?.servicesRangeName, "services");
    });
});
