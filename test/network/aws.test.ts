import assert from "node:assert/strict";
import { Network } from "../../components/network";
import { AwsNetwork, AwsNetworkArgs, pickZones, resolveAwsNetworkArgs } from "../../components/network/aws";
import { ProgramRun, RecordedResource, inventory, ofType, only, runProgram } from "../../testing";
import { contractOutputs, problemsOf, rejection } from "./helpers";

const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    igw: "aws:ec2/internetGateway:InternetGateway",
    eip: "aws:ec2/eip:Eip",
    nat: "aws:ec2/natGateway:NatGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    flowLog: "aws:ec2/flowLog:FlowLog",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
};

function build(args: AwsNetworkArgs = {}, config: Record<string, unknown> = {}): Promise<ProgramRun> {
    return runProgram(() => {
        const net = new AwsNetwork("core", args);
        return { ...contractOutputs(net), availabilityZones: net.availabilityZones };
    }, { config });
}

const CIDR_ALLOWED = 'a private IPv4 block from /16 to /24 (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), written on its boundary, e.g. "10.0.0.0/16"';

describe("network on AWS", () => {
    let run: ProgramRun;
    before(async () => {
        run = await build({ tags: { team: "platform" } });
    });

    it("creates exactly these children (rename guard)", () => {
        assert.deepEqual(inventory(run.resources), [
            [T.logGroup, "core-flow-logs"],
            [T.defaultSg, "core-default-sg"],
            [T.eip, "core-nat-eip-1"],
            [T.flowLog, "core-flow-log"],
            [T.igw, "core-igw"],
            [T.nat, "core-nat-1"],
            [T.route, "core-private-nat-1"],
            [T.route, "core-private-nat-2"],
            [T.route, "core-private-nat-3"],
            [T.route, "core-public-internet"],
            [T.routeTable, "core-private-rt-1"],
            [T.routeTable, "core-private-rt-2"],
            [T.routeTable, "core-private-rt-3"],
            [T.routeTable, "core-public-rt"],
            [T.association, "core-private-rta-1"],
            [T.association, "core-private-rta-2"],
            [T.association, "core-private-rta-3"],
            [T.association, "core-public-rta-1"],
            [T.association, "core-public-rta-2"],
            [T.association, "core-public-rta-3"],
            [T.subnet, "core-private-1"],
            [T.subnet, "core-private-2"],
            [T.subnet, "core-private-3"],
            [T.subnet, "core-public-1"],
            [T.subnet, "core-public-2"],
            [T.subnet, "core-public-3"],
            [T.vpc, "core-vpc"],
            [T.role, "core-flow-logs-role"],
            [T.rolePolicy, "core-flow-logs-policy"],
        ]);
    });

    it("parents every child to the component", () => {
        const component = only(run.resources, "platform-kit:network:AwsNetwork", "core");
        for (const r of run.resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, r.name);
    });

    it("turns on DNS support and host names in the VPC", () => {
        const vpc = only(run.resources, T.vpc);
        assert.equal(vpc.inputs.cidrBlock, "10.0.0.0/16");
        assert.equal(vpc.inputs.enableDnsSupport, true);
        assert.equal(vpc.inputs.enableDnsHostnames, true);
    });

    it("empties the default security group", () => {
        const sg = only(run.resources, T.defaultSg);
        assert.deepEqual(sg.inputs.ingress, []);
        assert.deepEqual(sg.inputs.egress, []);
        assert.equal(sg.inputs.vpcId, only(run.resources, T.vpc).id);
    });

    it("never maps public IPs on launch, not even in public subnets", () => {
        const subnets = ofType(run.resources, T.subnet);
        assert.equal(subnets.length, 6);
        for (const s of subnets) assert.equal(s.inputs.mapPublicIpOnLaunch, false, s.name);
    });

    it("lays out subnets over the first zones of the region", () => {
        const subnet = (n: string) => only(run.resources, T.subnet, n).inputs;
        assert.deepEqual(
            ["core-private-1", "core-private-2", "core-private-3", "core-public-1", "core-public-2", "core-public-3"].map((n) => [subnet(n).cidrBlock, subnet(n).availabilityZone]),
            [
                ["10.0.0.0/19", "us-east-1a"],
                ["10.0.32.0/19", "us-east-1b"],
                ["10.0.64.0/19", "us-east-1c"],
                ["10.0.128.0/20", "us-east-1a"],
                ["10.0.144.0/20", "us-east-1b"],
                ["10.0.160.0/20", "us-east-1c"],
            ],
        );
        const zonesCall = run.invokes.find((i) => i.token === "aws:index/getAvailabilityZones:getAvailabilityZones");
        assert.equal(zonesCall?.inputs.state, "available");
    });

    it("routes public subnets to the internet gateway and private ones to the NAT gateway", () => {
        const igw = only(run.resources, T.igw);
        const publicRt = only(run.resources, T.routeTable, "core-public-rt");
        assert.deepEqual(only(run.resources, T.route, "core-public-internet").inputs, {
            routeTableId: publicRt.id,
            destinationCidrBlock: "0.0.0.0/0",
            gatewayId: igw.id,
        });
        const nat = only(run.resources, T.nat);
        for (let i = 1; i <= 3; i++) {
            const table = only(run.resources, T.routeTable, `core-private-rt-${i}`);
            assert.deepEqual(only(run.resources, T.route, `core-private-nat-${i}`).inputs, {
                routeTableId: table.id,
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: nat.id,
            });
            assert.deepEqual(only(run.resources, T.association, `core-private-rta-${i}`).inputs, {
                routeTableId: table.id,
                subnetId: only(run.resources, T.subnet, `core-private-${i}`).id,
            });
            assert.deepEqual(only(run.resources, T.association, `core-public-rta-${i}`).inputs, {
                routeTableId: publicRt.id,
                subnetId: only(run.resources, T.subnet, `core-public-${i}`).id,
            });
        }
    });

    it("places the single NAT gateway in the first public subnet with its own address", () => {
        const nat = only(run.resources, T.nat);
        assert.equal(nat.inputs.subnetId, only(run.resources, T.subnet, "core-public-1").id);
        assert.equal(nat.inputs.allocationId, only(run.resources, T.eip).id);
        assert.equal(nat.inputs.connectivityType, "public");
        assert.equal(only(run.resources, T.eip).inputs.domain, "vpc");
    });

    it("sends flow logs of all traffic to a log group kept 90 days", () => {
        const group = only(run.resources, T.logGroup);
        assert.equal(group.inputs.retentionInDays, 90);
        const flowLog = only(run.resources, T.flowLog);
        assert.equal(flowLog.inputs.vpcId, only(run.resources, T.vpc).id);
        assert.equal(flowLog.inputs.trafficType, "ALL");
        assert.equal(flowLog.inputs.logDestinationType, "cloud-watch-logs");
        assert.equal(flowLog.inputs.logDestination, group.outputs.arn);
        assert.equal(flowLog.inputs.iamRoleArn, only(run.resources, T.role).outputs.arn);
    });

    it("gives flow logs a role only the flow-logs service of this account can assume", () => {
        const role = only(run.resources, T.role);
        assert.deepEqual(JSON.parse(String(role.inputs.assumeRolePolicy)), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*" },
                    },
                },
            ],
        });
        assert.equal(role.inputs.namePrefix, "core-flow-logs-");
    });

    it("lets that role write to its own log group only", () => {
        const groupArn = String(only(run.resources, T.logGroup).outputs.arn);
        const policy = only(run.resources, T.rolePolicy);
        assert.equal(policy.inputs.role, only(run.resources, T.role).id);
        assert.deepEqual(JSON.parse(String(policy.inputs.policy)), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups"],
                    Resource: [groupArn, `${groupArn}:*`],
                },
            ],
        });
    });

    it("tags every taggable child with the standard tags, the user's tags and a Name", () => {
        const untaggable = new Set([T.route, T.association, T.rolePolicy]);
        const taggable = run.resources.filter((r) => r.custom && !untaggable.has(r.type));
        assert.equal(taggable.length, 18);
        for (const r of taggable) {
            const tags = r.inputs.tags as Record<string, string>;
            assert.equal(tags["managed-by"], "platform-kit", r.name);
            assert.equal(tags["platform-kit-component"], "network", r.name);
            assert.equal(tags.team, "platform", r.name);
            assert.equal(tags.Name, r.name, r.name);
        }
        assert.equal((only(run.resources, T.subnet, "core-public-1").inputs.tags as Record<string, string>)["kubernetes.io/role/elb"], "1");
        assert.equal((only(run.resources, T.subnet, "core-private-1").inputs.tags as Record<string, string>)["kubernetes.io/role/internal-elb"], "1");
    });

    it("outputs the VPC, the subnets by role and the provider's region", () => {
        const id = (n: string) => only(run.resources, T.subnet, n).id;
        const privateIds = [id("core-private-1"), id("core-private-2"), id("core-private-3")];
        assert.deepEqual(run.outputs, {
            networkId: only(run.resources, T.vpc).id,
            networkName: "core-vpc",
            region: "us-east-1",
            privateSubnetIds: privateIds,
            publicSubnetIds: [id("core-public-1"), id("core-public-2"), id("core-public-3")],
            kubernetesSubnetIds: privateIds,
            dataSubnetIds: privateIds,
            endpointSubnetIds: privateIds,
            availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
        });
    });

    describe("NAT modes", () => {
        const natCounts = (r: ProgramRun) => ({
            nat: ofType(r.resources, T.nat).length,
            eip: ofType(r.resources, T.eip).length,
            natRoutes: ofType(r.resources, T.route).filter((x) => x.inputs.natGatewayId !== undefined).length,
        });

        it("none: no NAT gateway, no address, no default route from private subnets", async () => {
            const r = await build({ nat: "none" });
            assert.deepEqual(natCounts(r), { nat: 0, eip: 0, natRoutes: 0 });
            assert.equal(ofType(r.resources, T.routeTable).length, 4);
            assert.equal(ofType(r.resources, T.igw).length, 1);
        });

        it("single: one NAT gateway all zones route through", async () => {
            const r = await build({ nat: "single", zones: 2 });
            assert.deepEqual(natCounts(r), { nat: 1, eip: 1, natRoutes: 2 });
        });

        it("perZone: one NAT gateway in each zone's public subnet, each zone routing through its own", async () => {
            const r = await build({ nat: "perZone", zones: 3 });
            assert.deepEqual(natCounts(r), { nat: 3, eip: 3, natRoutes: 3 });
            for (let i = 1; i <= 3; i++) {
                const nat = only(r.resources, T.nat, `core-nat-${i}`);
                assert.equal(nat.inputs.subnetId, only(r.resources, T.subnet, `core-public-${i}`).id);
                assert.equal(nat.inputs.allocationId, only(r.resources, T.eip, `core-nat-eip-${i}`).id);
                assert.equal(only(r.resources, T.route, `core-private-nat-${i}`).inputs.natGatewayId, nat.id);
            }
        });
    });

    it("sends region to every child that takes one, and to the lookups", async () => {
        const r = await build({ region: "eu-west-1", zones: 2 });
        const regional = r.resources.filter((x) => x.custom && !x.type.startsWith("aws:iam/"));
        assert.equal(regional.length, 21);
        for (const x of regional) assert.equal(x.inputs.region, "eu-west-1", `${x.type} ${x.name}`);
        assert.deepEqual(
            ofType(r.resources, T.subnet).map((s) => s.inputs.availabilityZone),
            ["eu-west-1a", "eu-west-1b", "eu-west-1a", "eu-west-1b"],
        );
        assert.equal(r.outputs.region, "eu-west-1");
        const role = only(r.resources, T.role);
        assert.match(String(role.inputs.assumeRolePolicy), /arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log\/\*/);
    });

    it("without a region, leaves children on the provider's region", async () => {
        for (const x of run.resources.filter((r) => r.custom)) assert.equal(x.inputs.region, undefined, x.name);
        const r = await build({}, { "aws:region": "ap-southeast-2" });
        assert.equal(r.outputs.region, "ap-southeast-2");
        assert.equal(only(r.resources, T.subnet, "core-private-1").inputs.availabilityZone, "ap-southeast-2a");
    });

    it("creates no flow logs with flowLogRetentionDays 0", async () => {
        const r = await build({ flowLogRetentionDays: 0 });
        for (const type of [T.logGroup, T.role, T.rolePolicy, T.flowLog]) assert.equal(ofType(r.resources, type).length, 0, type);
    });

    it("applies the typed transforms before the children are created", async () => {
        const r = await build({
            zones: 2,
            nat: "perZone",
            transform: {
                vpc: (args) => {
                    args.enableNetworkAddressUsageMetrics = true;
                },
                privateSubnet: (args) => {
                    args.enableResourceNameDnsARecordOnLaunch = true;
                },
                natGateway: (_args, opts) => {
                    opts.protect = true;
                },
                defaultSecurityGroup: (args) => {
                    args.revokeRulesOnDelete = true;
                },
            },
        });
        assert.equal(only(r.resources, T.vpc).inputs.enableNetworkAddressUsageMetrics, true);
        assert.deepEqual(ofType(r.resources, T.subnet).map((s) => s.inputs.enableResourceNameDnsARecordOnLaunch === true), [false, false, true, true]);
        assert.deepEqual(ofType(r.resources, T.nat).map((n) => n.protect), [true, true]);
        assert.equal(only(r.resources, T.defaultSg).inputs.revokeRulesOnDelete, true);
    });

    it("keeps the IAM role name within 64 characters for a long component name", async () => {
        const r = await runProgram(() => new AwsNetwork("a-very-long-network-name-for-the-payments-team-in-production-eu", {}));
        const prefix = String(only(r.resources, T.role).inputs.namePrefix);
        assert.ok(prefix.length <= 38, prefix);
        assert.match(prefix, /^[\w+=,.@-]+-$/);
    });

    it("takes the first zones of the region, and refuses more than the region has", () => {
        assert.deepEqual(pickZones("AwsNetwork", "core", ["r-1a", "r-1b", "r-1c"], 2), ["r-1a", "r-1b"]);
        assert.throws(
            () => pickZones("AwsNetwork", "core", ["r-1a", "r-1b"], 3),
            (e: unknown) => problemsOf(e).join() === "zones: at most 2: the region has 2 available zones (r-1a, r-1b)",
        );
    });

    describe("bad input", () => {
        const errorOf = (args: AwsNetworkArgs) => rejection(build(args));

        it("refuses public, misaligned, too large and too small CIDRs", async () => {
            for (const cidr of ["52.0.0.0/16", "10.0.1.0/16", "10.0.0.0/8", "10.0.0.0/28"]) {
                const e = await errorOf({ cidr });
                assert.deepEqual(problemsOf(e), [`cidr: ${CIDR_ALLOWED}`], cidr);
                assert.match((e as Error).message, new RegExp(`^AwsNetwork "core": invalid arguments:\\n  - cidr: got "${cidr.replace(/\./g, "\\.")}"`));
            }
        });

        it("refuses 0 and 7 zones", async () => {
            for (const zones of [0, 7, 2.5]) {
                assert.deepEqual(problemsOf(await errorOf({ zones })), ["zones: a whole number from 1 to 6"], String(zones));
            }
        });

        it("refuses more zones than a /24 holds with /28 subnets", async () => {
            assert.deepEqual(problemsOf(await errorOf({ cidr: "10.0.0.0/24", zones: 5 })), [
                "zones: at most as many zones as 10.0.0.0/24 can hold with /28 subnets (use a larger cidr)",
            ]);
            await build({ cidr: "10.0.0.0/24", zones: 4 });
        });

        it("refuses an unknown NAT mode", async () => {
            assert.deepEqual(problemsOf(await errorOf({ nat: "both" as "single" })), ['nat: one of "none", "single", "perZone"']);
        });

        it("refuses a retention CloudWatch Logs does not offer", async () => {
            assert.deepEqual(problemsOf(await errorOf({ flowLogRetentionDays: 45 })), [
                "flowLogRetentionDays: 0 (no flow logs) or a period CloudWatch Logs offers: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
            ]);
            assert.deepEqual(problemsOf(await errorOf({ flowLogRetentionDays: 4000 })), ["flowLogRetentionDays: a whole number from 0 to 3653 (days)"]);
        });

        it("refuses tags with the reserved aws: prefix", async () => {
            assert.deepEqual(problemsOf(await errorOf({ tags: { "aws:team": "x" } })), ['tags.aws:team: a key not starting with "aws:" (reserved by AWS)']);
        });

        it("reports every problem at once", () => {
            assert.throws(
                () => resolveAwsNetworkArgs("AwsNetwork", "core", { cidr: "8.8.8.0/24", zones: 9, nat: "all" as "none", flowLogRetentionDays: 45, tags: { "aws:x": "y" } }),
                (e: unknown) =>
                    problemsOf(e).map((p) => p.split(":")[0]).join(",") === "cidr,zones,nat,tags.aws,flowLogRetentionDays",
            );
        });

        it("creates nothing when the arguments are wrong", async () => {
            const resources: RecordedResource[] = [];
            await rejection(runProgram(() => new AwsNetwork("core", { zones: 0 })).then((r) => resources.push(...r.resources)));
            assert.equal(resources.length, 0);
        });
    });

    describe("through the Network facade", () => {
        it("builds the same children, named for the facade", async () => {
            const r = await runProgram(() => new Network("core", { cloud: "aws", zones: 2, nat: "perZone" }));
            const component = only(r.resources, "platform-kit:network:Network", "core");
            assert.equal(ofType(r.resources, T.nat).length, 2);
            assert.equal(ofType(r.resources, T.subnet).length, 4);
            for (const x of r.resources.filter((x) => x.custom)) assert.equal(x.parent, component.urn);
        });

        it("reports bad input under the facade's name", async () => {
            const e = await rejection(runProgram(() => new Network("core", { cloud: "aws", cidr: "10.0.0.0/8" })));
            assert.match((e as Error).message, /^Network "core": invalid arguments:\n {2}- cidr: got "10\.0\.0\.0\/8"/);
        });

        it("refuses resourceGroupName on AWS", async () => {
            const e = await rejection(runProgram(() => new Network("core", { cloud: "aws", resourceGroupName: "rg" })));
            assert.deepEqual(problemsOf(e), ['resourceGroupName: only with cloud "azure"']);
        });
    });
});
