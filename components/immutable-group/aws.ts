import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Transform, cloudName, standardTags, transformed } from "../core";
import { ImmutableGroupArgsBase, ImmutableGroupOutputs, validateImmutableGroupArgs } from "./index";

/** The modern TLS policy: TLS 1.3, with TLS 1.2 for older clients, no weak ciphers. */
export const AWS_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** An ImmutableGroup on AWS, with every option AWS offers. */
export interface AwsImmutableGroupArgs extends ImmutableGroupArgsBase {
    /**
     * Root volume size in GiB. Unset: the AMI's own size.
     * Cost: gp3 storage per GiB-month, times the group's size.
     */
    rootVolumeSizeGiB?: number;
    /**
     * KMS key (ARN or id) that encrypts the root volumes. Unset: the account's default EBS key.
     */
    kmsKeyId?: pulumi.Input<string>;
    /**
     * The AMI's root device name. Unset: read from the AMI (`/dev/xvda` on Amazon Linux,
     * `/dev/sda1` on Ubuntu), so the encrypted gp3 mapping replaces the root volume.
     */
    rootDeviceName?: string;
    /**
     * Let the CloudWatch agent on the instances publish metrics and logs
     * (attaches `CloudWatchAgentServerPolicy` to the instance role).
     * @default false
     */
    cloudWatchAgent?: boolean;
    /**
     * More managed policy ARNs for the instance role. By default the role has none: the
     * instances can call no AWS API, and (without `AmazonSSMManagedInstanceCore`) nobody
     * can open a session on them. Attachments are named by position (`web-policy-0`, ...):
     * append to the list rather than reorder it.
     */
    policyArns?: pulumi.Input<string>[];
    /** Per-child escape hatches, applied to the defaults before each child is created. */
    transform?: {
        role?: Transform<aws.iam.RoleArgs>;
        instanceProfile?: Transform<aws.iam.InstanceProfileArgs>;
        securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
        loadBalancerSecurityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
        launchTemplate?: Transform<aws.ec2.LaunchTemplateArgs>;
        loadBalancer?: Transform<aws.lb.LoadBalancerArgs>;
        targetGroup?: Transform<aws.lb.TargetGroupArgs>;
        listener?: Transform<aws.lb.ListenerArgs>;
        autoScalingGroup?: Transform<aws.autoscaling.GroupArgs>;
        scalingPolicy?: Transform<aws.autoscaling.PolicyArgs>;
    };
}

/** A load balancer or target group name; AWS refuses names starting with "internal-". */
export function loadBalancerName(name: string, role: string): string {
    const candidate = cloudName("aws-load-balancer", name, role);
    return /^internal-/i.test(candidate) ? cloudName("aws-load-balancer", "lb", name, role) : candidate;
}

/** What {@link buildAwsImmutableGroup} creates. */
export interface AwsImmutableGroupResources extends ImmutableGroupOutputs {
    role: aws.iam.Role;
    instanceProfile: aws.iam.InstanceProfile;
    securityGroup: aws.ec2.SecurityGroup;
    loadBalancerSecurityGroup: aws.ec2.SecurityGroup;
    launchTemplate: aws.ec2.LaunchTemplate;
    loadBalancer: aws.lb.LoadBalancer;
    targetGroup: aws.lb.TargetGroup;
    /** The listener that forwards to the group (HTTPS with a certificate, HTTP without). */
    listener: aws.lb.Listener;
    /** The HTTP listener that redirects to HTTPS, with a certificate. */
    redirectListener?: aws.lb.Listener;
    autoScalingGroup: aws.autoscaling.Group;
    scalingPolicy?: aws.autoscaling.Policy;
}

/**
 * Builds an ImmutableGroup on AWS under `parent`: an Auto Scaling group of a launch
 * template behind an Application Load Balancer.
 *
 * Rolling: one group, whose launch template gets a new version for each release; the
 * group is pinned to that version (never `$Latest`, which does not start a refresh) and an
 * instance refresh with warm-up, minimum healthy percentage and auto rollback replaces
 * the instances. Pulumi does not wait for the refresh to finish: watch the group's
 * instance refresh status after `pulumi up`.
 *
 * Red-black: the group's name carries the release hash, so a new release replaces the
 * group: the new group is created first, waits until all its instances are healthy in the
 * target group (both groups serve for that moment), then the old group is deleted.
 */
export function buildAwsImmutableGroup(
    name: string,
    args: AwsImmutableGroupArgs,
    parent: pulumi.Resource,
    kind = "ImmutableGroup",
): AwsImmutableGroupResources {
    const resolved = validateImmutableGroupArgs(kind, name, "aws", args);
    const check = new ArgsChecker(kind, name);
    check.integer("rootVolumeSizeGiB", args.rootVolumeSizeGiB, 1, 16384, "GiB");
    if (args.rootDeviceName !== undefined) {
        check.require(/^\/dev\/[a-z0-9]+$/.test(args.rootDeviceName), "rootDeviceName", args.rootDeviceName, 'a device name such as "/dev/xvda"');
    }
    check.done();
    for (const warning of resolved.warnings) void pulumi.log.warn(warning, parent);

    const t = args.transform ?? {};
    const network = args.network;
    const region = network.region;
    const tags = standardTags("ImmutableGroup", resolved.tags);
    const child = { parent };

    // Instances call no AWS API unless the user grants it; nobody opens a session on them.
    const [roleArgs, roleOpts] = transformed<aws.iam.RoleArgs, pulumi.CustomResourceOptions>(
        {
            description: `Instances of ImmutableGroup ${name}`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }],
            }),
            tags,
        },
        { ...child },
        t.role,
    );
    const role = new aws.iam.Role(`${name}-role`, roleArgs, roleOpts);
    const policyArns: pulumi.Input<string>[] = [...(args.policyArns ?? [])];
    if (args.cloudWatchAgent === true) {
        const partition = aws.getPartitionOutput({}, child).partition;
        policyArns.unshift(pulumi.interpolate`arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy`);
    }
    policyArns.forEach((policyArn, i) => {
        new aws.iam.RolePolicyAttachment(`${name}-policy-${i}`, { role: role.name, policyArn }, child);
    });
    const [profileArgs, profileOpts] = transformed<aws.iam.InstanceProfileArgs, pulumi.CustomResourceOptions>({ role: role.name, tags }, { ...child }, t.instanceProfile);
    const instanceProfile = new aws.iam.InstanceProfile(`${name}-profile`, profileArgs, profileOpts);

    // Security groups: clients -> load balancer -> instances on `port`, nothing else in.
    const [lbSgArgs, lbSgOpts] = transformed<aws.ec2.SecurityGroupArgs, pulumi.CustomResourceOptions>(
        {
            description: `Load balancer of ImmutableGroup ${name}`,
            vpcId: network.networkId,
            revokeRulesOnDelete: true,
            region,
            tags: { ...tags, Name: `${name}-lb` },
        },
        { ...child },
        t.loadBalancerSecurityGroup,
    );
    const loadBalancerSecurityGroup = new aws.ec2.SecurityGroup(`${name}-lb-sg`, lbSgArgs, lbSgOpts);
    const [sgArgs, sgOpts] = transformed<aws.ec2.SecurityGroupArgs, pulumi.CustomResourceOptions>(
        {
            description: `Instances of ImmutableGroup ${name}`,
            vpcId: network.networkId,
            revokeRulesOnDelete: true,
            region,
            tags: { ...tags, Name: name },
        },
        { ...child },
        t.securityGroup,
    );
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, sgArgs, sgOpts);

    const clients = resolved.public ? "0.0.0.0/0" : network.cidr;
    const clientsDescription = resolved.public ? "the internet" : "the network";
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-lb-in-${resolved.https ? "https" : "http"}`,
        {
            securityGroupId: loadBalancerSecurityGroup.id,
            description: `${resolved.https ? "HTTPS" : "HTTP"} from ${clientsDescription}`,
            ipProtocol: "tcp",
            fromPort: resolved.listenerPort,
            toPort: resolved.listenerPort,
            cidrIpv4: clients,
            region,
            tags,
        },
        child,
    );
    if (resolved.https) {
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-lb-in-http`,
            {
                securityGroupId: loadBalancerSecurityGroup.id,
                description: `HTTP from ${clientsDescription}, redirected to HTTPS`,
                ipProtocol: "tcp",
                fromPort: 80,
                toPort: 80,
                cidrIpv4: clients,
                region,
                tags,
            },
            child,
        );
    }
    new aws.vpc.SecurityGroupEgressRule(
        `${name}-lb-out`,
        {
            securityGroupId: loadBalancerSecurityGroup.id,
            description: "To the instances on the application port",
            ipProtocol: "tcp",
            fromPort: resolved.port,
            toPort: resolved.port,
            referencedSecurityGroupId: securityGroup.id,
            region,
            tags,
        },
        child,
    );
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-in`,
        {
            securityGroupId: securityGroup.id,
            description: "From the load balancer on the application port",
            ipProtocol: "tcp",
            fromPort: resolved.port,
            toPort: resolved.port,
            referencedSecurityGroupId: loadBalancerSecurityGroup.id,
            region,
            tags,
        },
        child,
    );
    // HTTPS out: AWS APIs and package mirrors through the network's NAT or endpoints.
    new aws.vpc.SecurityGroupEgressRule(
        `${name}-out-https`,
        {
            securityGroupId: securityGroup.id,
            description: "HTTPS to AWS APIs and mirrors",
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
            region,
            tags,
        },
        child,
    );

    // The encrypted gp3 mapping must name the AMI's root device, or it adds a second disk.
    const rootDeviceName: pulumi.Input<string> =
        args.rootDeviceName ??
        (/^ami-/.test(resolved.image)
            ? aws.ec2.getAmiOutput({ filters: [{ name: "image-id", values: [resolved.image] }], region }, child).rootDeviceName
            : "/dev/xvda");
    const [ltArgs, ltOpts] = transformed<aws.ec2.LaunchTemplateArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("aws-generic", name),
            description: `ImmutableGroup ${name}`,
            imageId: resolved.image,
            instanceType: resolved.machineType,
            iamInstanceProfile: { arn: instanceProfile.arn },
            vpcSecurityGroupIds: [securityGroup.id],
            // IMDSv2 only; hop limit 1: containers on the host cannot reach the instance's credentials.
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
            blockDeviceMappings: [
                {
                    deviceName: rootDeviceName,
                    ebs: {
                        volumeType: "gp3",
                        encrypted: "true",
                        kmsKeyId: args.kmsKeyId,
                        volumeSize: args.rootVolumeSizeGiB,
                        deleteOnTermination: "true",
                    },
                },
            ],
            monitoring: { enabled: true },
            userData: resolved.startupScript === undefined ? undefined : Buffer.from(resolved.startupScript, "utf8").toString("base64"),
            updateDefaultVersion: true,
            tagSpecifications: [
                { resourceType: "instance", tags: { ...tags, Name: name } },
                { resourceType: "volume", tags: { ...tags, Name: name } },
            ],
            region,
            tags,
        },
        { ...child },
        t.launchTemplate,
    );
    const launchTemplate = new aws.ec2.LaunchTemplate(`${name}-lt`, ltArgs, ltOpts);

    // The name says internal or public: switching creates the new one before deleting the old.
    const [lbArgs, lbOpts] = transformed<aws.lb.LoadBalancerArgs, pulumi.CustomResourceOptions>(
        {
            name: loadBalancerName(name, resolved.public ? "pub" : "int"),
            loadBalancerType: "application",
            internal: !resolved.public,
            subnets: resolved.public ? network.publicSubnetIds : network.privateSubnetIds,
            securityGroups: [loadBalancerSecurityGroup.id],
            dropInvalidHeaderFields: true,
            desyncMitigationMode: "strictest",
            enableHttp2: true,
            region,
            tags,
        },
        { ...child },
        t.loadBalancer,
    );
    const loadBalancer = new aws.lb.LoadBalancer(`${name}-alb`, lbArgs, lbOpts);

    // The port is in the name: a new port makes a new target group before the old one goes.
    const [tgArgs, tgOpts] = transformed<aws.lb.TargetGroupArgs, pulumi.CustomResourceOptions>(
        {
            name: loadBalancerName(name, `p${resolved.port}`),
            vpcId: network.networkId,
            port: resolved.port,
            protocol: "HTTP",
            targetType: "instance",
            deregistrationDelay: 30,
            healthCheck: {
                enabled: true,
                path: resolved.healthCheckPath,
                port: "traffic-port",
                protocol: "HTTP",
                matcher: "200",
                interval: 10,
                timeout: 5,
                healthyThreshold: 2,
                unhealthyThreshold: 3,
            },
            region,
            tags,
        },
        { ...child },
        t.targetGroup,
    );
    const targetGroup = new aws.lb.TargetGroup(`${name}-tg`, tgArgs, tgOpts);

    const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
    const [listenerArgs, listenerOpts] = transformed<aws.lb.ListenerArgs, pulumi.CustomResourceOptions>(
        resolved.https
            ? { loadBalancerArn: loadBalancer.arn, port: 443, protocol: "HTTPS", sslPolicy: AWS_TLS_POLICY, certificateArn: resolved.certificate, defaultActions: forward, region, tags }
            : { loadBalancerArn: loadBalancer.arn, port: 80, protocol: "HTTP", defaultActions: forward, region, tags },
        { ...child },
        t.listener,
    );
    const listener = new aws.lb.Listener(`${name}-${resolved.https ? "https" : "http"}`, listenerArgs, listenerOpts);
    const redirectListener = resolved.https
        ? new aws.lb.Listener(
              `${name}-http`,
              {
                  loadBalancerArn: loadBalancer.arn,
                  port: 80,
                  protocol: "HTTP",
                  defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                  region,
                  tags,
              },
              child,
          )
        : undefined;

    const redBlack = resolved.strategy === "red-black";
    const warmup = resolved.warmupSeconds;
    const groupTags = Object.entries({ ...tags, Name: name }).map(([key, value]) => ({ key, value, propagateAtLaunch: true }));
    const [asgArgs, asgOpts] = transformed<aws.autoscaling.GroupArgs, pulumi.CustomResourceOptions>(
        {
            name: redBlack ? cloudName("aws-generic", name, resolved.releaseHash) : cloudName("aws-generic", name),
            vpcZoneIdentifiers: network.privateSubnetIds,
            minSize: resolved.minSize,
            maxSize: resolved.maxSize,
            desiredCapacity: resolved.desiredSize,
            // The version number, never "$Latest": only a version change starts an instance refresh.
            launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => `${v}`) },
            targetGroupArns: [targetGroup.arn],
            healthCheckType: "ELB",
            healthCheckGracePeriod: warmup,
            defaultInstanceWarmup: warmup,
            waitForCapacityTimeout: `${Math.ceil(warmup / 60) + 10}m`,
            // Red-black: created before the old group is deleted; traffic reaches it once every
            // instance is healthy. Rolling: creation waits for minSize healthy instances.
            ...(redBlack ? { waitForElbCapacity: resolved.desiredSize } : { minElbCapacity: resolved.minSize }),
            // Rolling: every release rolls by instance refresh. Red-black: a release is a new
            // group, and changes that are not a release (a transform, a security group) still
            // replace instances rather than leave old ones running.
            instanceRefresh: {
                strategy: "Rolling",
                preferences: {
                    minHealthyPercentage: resolved.minHealthyPercent,
                    maxHealthyPercentage: 100 + resolved.maxSurge,
                    instanceWarmup: `${warmup}`,
                    autoRollback: true,
                    skipMatching: true,
                },
            },
            tags: groupTags,
            region,
        },
        {
            ...child,
            deleteBeforeReplace: false,
            // The autoscaler owns the current size; a deploy must not reset it.
            ignoreChanges: resolved.autoscale ? ["desiredCapacity"] : [],
            // A target group checks health only once a listener uses it: without one, the
            // wait for healthy capacity would never end.
            dependsOn: [listener],
        },
        t.autoScalingGroup,
    );
    const autoScalingGroup = new aws.autoscaling.Group(`${name}-asg`, asgArgs, asgOpts);

    let scalingPolicy: aws.autoscaling.Policy | undefined;
    if (resolved.autoscale) {
        const [policyArgs, policyOpts] = transformed<aws.autoscaling.PolicyArgs, pulumi.CustomResourceOptions>(
            {
                autoscalingGroupName: autoScalingGroup.name,
                policyType: "TargetTrackingScaling",
                estimatedInstanceWarmup: warmup,
                targetTrackingConfiguration: {
                    predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
                    targetValue: resolved.targetCpuPercent,
                },
                region,
            },
            { ...child },
            t.scalingPolicy,
        );
        scalingPolicy = new aws.autoscaling.Policy(`${name}-cpu`, policyArgs, policyOpts);
    }

    const endpoint = loadBalancer.dnsName;
    return {
        role,
        instanceProfile,
        securityGroup,
        loadBalancerSecurityGroup,
        launchTemplate,
        loadBalancer,
        targetGroup,
        listener,
        redirectListener,
        autoScalingGroup,
        scalingPolicy,
        endpoint,
        url: pulumi.interpolate`${resolved.https ? "https" : "http"}://${endpoint}`,
        groupName: autoScalingGroup.name,
        imageId: pulumi.output(resolved.image),
    };
}

/**
 * An ImmutableGroup on AWS: an Auto Scaling group of a launch template (IMDSv2 with hop
 * limit 1, no key pair, encrypted gp3 root) in the network's private subnets, behind an
 * Application Load Balancer that alone may reach the instances.
 *
 * Cost: the EC2 instances, the ALB (hourly plus capacity units), the EBS volumes.
 *
 * @example
 * const web = new AwsImmutableGroup("web", {
 *     network: net, image: "ami-0abcdef1234567890", minSize: 2, maxSize: 6,
 *     port: 8080, healthCheckPath: "/healthz",
 *     loadBalancer: { public: true, certificate: certArn },
 * });
 */
export class AwsImmutableGroup extends pulumi.ComponentResource implements ImmutableGroupOutputs {
    readonly endpoint: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly groupName: pulumi.Output<string>;
    readonly imageId: pulumi.Output<string>;
    readonly role: aws.iam.Role;
    readonly instanceProfile: aws.iam.InstanceProfile;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly loadBalancerSecurityGroup: aws.ec2.SecurityGroup;
    readonly launchTemplate: aws.ec2.LaunchTemplate;
    readonly loadBalancer: aws.lb.LoadBalancer;
    readonly targetGroup: aws.lb.TargetGroup;
    readonly listener: aws.lb.Listener;
    readonly redirectListener?: aws.lb.Listener;
    readonly autoScalingGroup: aws.autoscaling.Group;
    readonly scalingPolicy?: aws.autoscaling.Policy;

    constructor(name: string, args: AwsImmutableGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:immutable-group:AwsImmutableGroup", name, {}, opts);
        const built = buildAwsImmutableGroup(name, args, this, "AwsImmutableGroup");
        this.endpoint = built.endpoint;
        this.url = built.url;
        this.groupName = built.groupName;
        this.imageId = built.imageId;
        this.role = built.role;
        this.instanceProfile = built.instanceProfile;
        this.securityGroup = built.securityGroup;
        this.loadBalancerSecurityGroup = built.loadBalancerSecurityGroup;
        this.launchTemplate = built.launchTemplate;
        this.loadBalancer = built.loadBalancer;
        this.targetGroup = built.targetGroup;
        this.listener = built.listener;
        this.redirectListener = built.redirectListener;
        this.autoScalingGroup = built.autoScalingGroup;
        this.scalingPolicy = built.scalingPolicy;
        this.registerOutputs({ endpoint: this.endpoint, url: this.url, groupName: this.groupName, imageId: this.imageId });
    }
}
