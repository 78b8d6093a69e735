import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, PlatformKitError, Tags, Transform, awsTagProblems, cloudName, standardTags, transformed } from "../core";
import { NetworkArgsBase, NetworkComponent, NetworkOutputs, ResolvedNetworkArgs, resolveNetworkArgs } from "./index";
import { zonalLayout } from "./layout";

/**
 * The retention periods CloudWatch Logs accepts, in days (0: keep forever is not offered
 * here: `flowLogRetentionDays: 0` turns flow logs off instead).
 */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Arguments of an {@link AwsNetwork}: the shared network intent plus AWS-only knobs. */
export interface AwsNetworkArgs extends NetworkArgsBase {
    /**
     * Changes the arguments of one kind of child before it is created, for settings this
     * component does not expose. Called once per child of that kind.
     *
     * @example
     * transform: { vpc: (args) => { args.enableNetworkAddressUsageMetrics = true; } }
     */
    transform?: {
        /** The VPC (`${name}-vpc`). */
        vpc?: Transform<aws.ec2.VpcArgs>;
        /** Each public subnet (`${name}-public-N`). */
        publicSubnet?: Transform<aws.ec2.SubnetArgs>;
        /** Each private subnet (`${name}-private-N`). */
        privateSubnet?: Transform<aws.ec2.SubnetArgs>;
        /** Each NAT gateway (`${name}-nat-N`). */
        natGateway?: Transform<aws.ec2.NatGatewayArgs>;
        /** The flow logs' CloudWatch log group (`${name}-flow-logs`), e.g. to add a KMS key. */
        flowLogGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
        /** The VPC flow log (`${name}-flow-log`), e.g. for a custom `logFormat`. */
        flowLog?: Transform<aws.ec2.FlowLogArgs>;
        /** The VPC's default security group (`${name}-default-sg`), kept without rules by default. */
        defaultSecurityGroup?: Transform<aws.ec2.DefaultSecurityGroupArgs>;
    };
}

/** What {@link buildAwsNetwork} creates: the network's outputs and every child. */
export interface AwsNetworkResources extends NetworkOutputs {
    readonly vpc: aws.ec2.Vpc;
    /** One a zone, in zone order. */
    readonly publicSubnets: aws.ec2.Subnet[];
    /** One a zone, in zone order. */
    readonly privateSubnets: aws.ec2.Subnet[];
    readonly internetGateway: aws.ec2.InternetGateway;
    /** None, one, or one a zone, per `nat`. */
    readonly natGateways: aws.ec2.NatGateway[];
    readonly natAddresses: aws.ec2.Eip[];
    readonly publicRouteTable: aws.ec2.RouteTable;
    /** One a zone, so each zone can route through its own NAT gateway. */
    readonly privateRouteTables: aws.ec2.RouteTable[];
    /** The default security group of the VPC, stripped of every rule. */
    readonly defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
    /** Absent when `flowLogRetentionDays` is 0. */
    readonly flowLogGroup?: aws.cloudwatch.LogGroup;
    readonly flowLogRole?: aws.iam.Role;
    readonly flowLog?: aws.ec2.FlowLog;
    /** The zone names the subnets are in, in order. */
    readonly availabilityZones: pulumi.Output<string[]>;
}

const COMPONENT = "network";

/** Validates and completes the arguments with AWS's own rules; every problem at once. */
export function resolveAwsNetworkArgs(kind: string, name: string, args: AwsNetworkArgs): ResolvedNetworkArgs {
    const check = new ArgsChecker(kind, name);
    let resolved: ResolvedNetworkArgs | undefined;
    try {
        resolved = resolveNetworkArgs(kind, name, "aws", args);
    } catch (e) {
        if (!(e instanceof PlatformKitError)) throw e;
        check.addAll(e.problems);
    }
    check.addAll(awsTagProblems(args.tags ?? {}));
    const days = args.flowLogRetentionDays;
    if (typeof days === "number" && Number.isInteger(days) && days > 0 && days <= 3653) {
        check.require(
            CLOUDWATCH_RETENTION_DAYS.includes(days),
            "flowLogRetentionDays",
            days,
            `0 (no flow logs) or a period CloudWatch Logs offers: ${CLOUDWATCH_RETENTION_DAYS.join(", ")}`,
        );
    }
    check.done();
    if (!resolved) throw new Error(`${kind} "${name}": arguments failed validation without a reported problem`);
    return resolved;
}

/**
 * The first `zones` of a region's available zones; a PlatformKitError when the region has
 * fewer (known only once the zones are looked up, so it fails the deployment, not the call).
 */
export function pickZones(kind: string, name: string, available: readonly string[], zones: number): string[] {
    if (available.length < zones) {
        throw new PlatformKitError(`${kind} "${name}"`, [
            { field: "zones", value: zones, allowed: `at most ${available.length}: the region has ${available.length} available zones (${available.join(", ")})` },
        ]);
    }
    return available.slice(0, zones);
}

/**
 * Builds an AWS network under `parent`: a VPC with one public and one private subnet per
 * zone, an internet gateway, NAT gateways per `nat`, route tables, VPC flow logs to
 * CloudWatch Logs and the default security group emptied.
 */
export function buildAwsNetwork(name: string, args: AwsNetworkArgs, parent: pulumi.Resource): AwsNetworkResources {
    const kind = parent instanceof AwsNetwork ? "AwsNetwork" : "Network";
    const resolved = resolveAwsNetworkArgs(kind, name, args);
    const { cidr, zones, nat, flowLogRetentionDays, region } = resolved;
    const transform = args.transform ?? {};
    const baseTags = standardTags(COMPONENT, resolved.tags);
    const tags = (role: string): Tags => ({ ...baseTags, Name: `${name}-${role}` });
    const opts: pulumi.CustomResourceOptions = { parent };
    const invokeOpts: pulumi.InvokeOutputOptions = { parent };
    const layout = zonalLayout(cidr, zones);

    // The provider's region, unless one is given: looked up once, for outputs and ARNs.
    const regionName: pulumi.Output<string> = region !== undefined ? pulumi.output(region) : aws.getRegionOutput({}, invokeOpts).region;
    const available = aws.getAvailabilityZonesOutput({ state: "available", region }, invokeOpts);
    const availabilityZones = available.names.apply((names) => pickZones(kind, name, names, zones));
    const zoneName = (i: number) => availabilityZones.apply((names) => names[i]);

    const vpc = new aws.ec2.Vpc(
        `${name}-vpc`,
        ...transformed<aws.ec2.VpcArgs, pulumi.CustomResourceOptions>(
            { cidrBlock: cidr, enableDnsSupport: true, enableDnsHostnames: true, region, tags: tags("vpc") },
            { ...opts },
            transform.vpc,
        ),
    );

    // Owning the default security group with no rules: anything launched without a group
    // of its own gets no traffic at all, instead of the default's allow-all-within-group.
    const defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(
        `${name}-default-sg`,
        ...transformed<aws.ec2.DefaultSecurityGroupArgs, pulumi.CustomResourceOptions>(
            { vpcId: vpc.id, ingress: [], egress: [], region, tags: tags("default-sg") },
            { ...opts },
            transform.defaultSecurityGroup,
        ),
    );

    const internetGateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, region, tags: tags("igw") }, opts);

    const publicSubnets = layout.public.map(
        (block, i) =>
            new aws.ec2.Subnet(
                `${name}-public-${i + 1}`,
                ...transformed<aws.ec2.SubnetArgs, pulumi.CustomResourceOptions>(
                    {
                        vpcId: vpc.id,
                        cidrBlock: block,
                        availabilityZone: zoneName(i),
                        // Public subnets hold load balancers and NAT; an instance placed here
                        // by mistake must not become reachable from the internet on its own.
                        mapPublicIpOnLaunch: false,
                        region,
                        tags: { ...tags(`public-${i + 1}`), "kubernetes.io/role/elb": "1" },
                    },
                    { ...opts },
                    transform.publicSubnet,
                ),
            ),
    );
    const privateSubnets = layout.private.map(
        (block, i) =>
            new aws.ec2.Subnet(
                `${name}-private-${i + 1}`,
                ...transformed<aws.ec2.SubnetArgs, pulumi.CustomResourceOptions>(
                    {
                        vpcId: vpc.id,
                        cidrBlock: block,
                        availabilityZone: zoneName(i),
                        mapPublicIpOnLaunch: false,
                        region,
                        tags: { ...tags(`private-${i + 1}`), "kubernetes.io/role/internal-elb": "1" },
                    },
                    { ...opts },
                    transform.privateSubnet,
                ),
            ),
    );

    const publicRouteTable = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id, region, tags: tags("public-rt") }, opts);
    new aws.ec2.Route(`${name}-public-internet`, { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: internetGateway.id, region }, opts);
    publicSubnets.forEach(
        (subnet, i) => new aws.ec2.RouteTableAssociation(`${name}-public-rta-${i + 1}`, { routeTableId: publicRouteTable.id, subnetId: subnet.id, region }, opts),
    );

    const natCount = nat === "none" ? 0 : nat === "single" ? 1 : zones;
    const natAddresses: aws.ec2.Eip[] = [];
    const natGateways: aws.ec2.NatGateway[] = [];
    for (let i = 0; i < natCount; i++) {
        const eip = new aws.ec2.Eip(`${name}-nat-eip-${i + 1}`, { domain: "vpc", region, tags: tags(`nat-eip-${i + 1}`) }, { ...opts, dependsOn: [internetGateway] });
        natAddresses.push(eip);
        natGateways.push(
            new aws.ec2.NatGateway(
                `${name}-nat-${i + 1}`,
                ...transformed<aws.ec2.NatGatewayArgs, pulumi.CustomResourceOptions>(
                    { allocationId: eip.id, subnetId: publicSubnets[i].id, connectivityType: "public", region, tags: tags(`nat-${i + 1}`) },
                    { ...opts, dependsOn: [internetGateway] },
                    transform.natGateway,
                ),
            ),
        );
    }

    const privateRouteTables = privateSubnets.map((subnet, i) => {
        const table = new aws.ec2.RouteTable(`${name}-private-rt-${i + 1}`, { vpcId: vpc.id, region, tags: tags(`private-rt-${i + 1}`) }, opts);
        if (natGateways.length > 0) {
            const natGateway = natGateways[Math.min(i, natGateways.length - 1)];
            new aws.ec2.Route(`${name}-private-nat-${i + 1}`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: natGateway.id, region }, opts);
        }
        new aws.ec2.RouteTableAssociation(`${name}-private-rta-${i + 1}`, { routeTableId: table.id, subnetId: subnet.id, region }, opts);
        return table;
    });

    let flowLogGroup: aws.cloudwatch.LogGroup | undefined;
    let flowLogRole: aws.iam.Role | undefined;
    let flowLog: aws.ec2.FlowLog | undefined;
    if (flowLogRetentionDays > 0) {
        flowLogGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            ...transformed<aws.cloudwatch.LogGroupArgs, pulumi.CustomResourceOptions>(
                { retentionInDays: flowLogRetentionDays, region, tags: tags("flow-logs") },
                { ...opts },
                transform.flowLogGroup,
            ),
        );
        const identity = aws.getCallerIdentityOutput({}, invokeOpts);
        const partition = aws.getPartitionOutput({}, invokeOpts);
        // Only the flow-logs service, acting for this account's flow logs, may assume the
        // role (the confused-deputy guard AWS recommends).
        const assumeRolePolicy = pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": identity.accountId },
                        ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${partition.partition}:ec2:${regionName}:${identity.accountId}:vpc-flow-log/*` },
                    },
                },
            ],
        });
        flowLogRole = new aws.iam.Role(
            `${name}-flow-logs-role`,
            {
                // IAM allows 64 characters; the provider appends 26 to a prefix.
                namePrefix: `${cloudName("aws-iam", name, "flow-logs", { reserve: 27 })}-`,
                description: `Lets VPC flow logs of network ${name} write to their log group`,
                assumeRolePolicy,
                tags: tags("flow-logs-role"),
            },
            opts,
        );
        // Write access to this one log group and its streams, nothing else.
        new aws.iam.RolePolicy(
            `${name}-flow-logs-policy`,
            {
                role: flowLogRole.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups"],
                            Resource: [flowLogGroup.arn, pulumi.interpolate`${flowLogGroup.arn}:*`],
                        },
                    ],
                }),
            },
            opts,
        );
        flowLog = new aws.ec2.FlowLog(
            `${name}-flow-log`,
            ...transformed<aws.ec2.FlowLogArgs, pulumi.CustomResourceOptions>(
                {
                    vpcId: vpc.id,
                    trafficType: "ALL",
                    logDestinationType: "cloud-watch-logs",
                    logDestination: flowLogGroup.arn,
                    iamRoleArn: flowLogRole.arn,
                    region,
                    tags: tags("flow-log"),
                },
                { ...opts },
                transform.flowLog,
            ),
        );
    }

    const privateSubnetIds = pulumi.all(privateSubnets.map((s) => s.id));
    return {
        vpc,
        publicSubnets,
        privateSubnets,
        internetGateway,
        natGateways,
        natAddresses,
        publicRouteTable,
        privateRouteTables,
        defaultSecurityGroup,
        flowLogGroup,
        flowLogRole,
        flowLog,
        availabilityZones,
        networkId: vpc.id,
        networkName: pulumi.output(`${name}-vpc`),
        region: regionName,
        privateSubnetIds,
        publicSubnetIds: pulumi.all(publicSubnets.map((s) => s.id)),
        kubernetesSubnetIds: privateSubnetIds,
        dataSubnetIds: privateSubnetIds,
        endpointSubnetIds: privateSubnetIds,
    };
}

/**
 * A private AWS network: a VPC over `zones` availability zones with a public subnet (load
 * balancers, NAT) and a private subnet (everything else) in each, NAT gateways per `nat`,
 * VPC flow logs to CloudWatch Logs, and the default security group emptied. Public
 * subnets never give instances public addresses on their own.
 *
 * Cost: the VPC, subnets and route tables are free. Each NAT gateway is billed by the hour
 * and by the GB processed (`perZone` multiplies that by `zones`), each public IPv4 address
 * by the hour, and flow logs by the GB ingested and stored in CloudWatch Logs.
 *
 * @example
 * const net = new AwsNetwork("core", { zones: 3, nat: "perZone", region: "eu-west-1" });
 */
export class AwsNetwork extends NetworkComponent<AwsNetworkResources> {
    readonly cloud = "aws" as const;
    readonly availabilityZones: pulumi.Output<string[]>;

    readonly vpc: aws.ec2.Vpc;
    readonly publicSubnets: aws.ec2.Subnet[];
    readonly privateSubnets: aws.ec2.Subnet[];
    readonly internetGateway: aws.ec2.InternetGateway;
    readonly natGateways: aws.ec2.NatGateway[];
    readonly natAddresses: aws.ec2.Eip[];
    readonly publicRouteTable: aws.ec2.RouteTable;
    readonly privateRouteTables: aws.ec2.RouteTable[];
    readonly defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
    readonly flowLogGroup?: aws.cloudwatch.LogGroup;
    readonly flowLogRole?: aws.iam.Role;
    readonly flowLog?: aws.ec2.FlowLog;

    constructor(name: string, args: AwsNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:network:AwsNetwork", name, args.cidr, opts, (parent) => buildAwsNetwork(name, args, parent));
        this.availabilityZones = this.built.availabilityZones;
        this.vpc = this.built.vpc;
        this.publicSubnets = this.built.publicSubnets;
        this.privateSubnets = this.built.privateSubnets;
        this.internetGateway = this.built.internetGateway;
        this.natGateways = this.built.natGateways;
        this.natAddresses = this.built.natAddresses;
        this.publicRouteTable = this.built.publicRouteTable;
        this.privateRouteTables = this.built.privateRouteTables;
        this.defaultSecurityGroup = this.built.defaultSecurityGroup;
        this.flowLogGroup = this.built.flowLogGroup;
        this.flowLogRole = this.built.flowLogRole;
        this.flowLog = this.built.flowLog;
    }
}
