import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import { AWS_TLS_POLICY, AwsImmutableGroup, AwsImmutableGroupArgs, loadBalancerName } from "../../components/immutable-group/aws";
import { releaseHash } from "../../components/immutable-group";
import { ProgramRun, inventory, ofType, only, runProgram } from "../../testing";
import { AMI, AMI_NEXT, awsNetwork, baseArgs } from "./fixtures";

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

function build(change: Partial<AwsImmutableGroupArgs> = {}): Promise<ProgramRun> {
    return runProgram(() => {
        const group = new AwsImmutableGroup("web", { ...baseArgs(awsNetwork, AMI), ...change });
        return { endpoint: group.endpoint, url: group.url, groupName: group.groupName, imageId: group.imageId };
    });
}

/** The ids the mock engine gave a resource. */
const idOf = (run: ProgramRun, type: string, name: string) => only(run.resources, type, name).id;

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const ASG = "aws:autoscaling/group:Group";

/** Every rule of the component, as `name: direction protocol port source/destination`. */
function rules(run: ProgramRun): Record<string, string> {
    const lbSg = idOf(run, SG, "web-lb-sg");
    const sg = idOf(run, SG, "web-sg");
    const label = (id: unknown) => (id === lbSg ? "lb-sg" : id === sg ? "instance-sg" : String(id));
    const out: Record<string, string> = {};
    for (const r of [...ofType(run.resources, INGRESS), ...ofType(run.resources, EGRESS)]) {
        const i = r.inputs;
        const direction = r.type === INGRESS ? "in" : "out";
        const peer = i.cidrIpv4 ?? label(i.referencedSecurityGroupId);
        assert.equal(i.fromPort, i.toPort);
        out[r.name] = `${label(i.securityGroupId)} ${direction} ${String(i.ipProtocol)} ${String(i.fromPort)} ${String(peer)}`;
    }
    return out;
}

describe("ImmutableGroup on AWS", () => {
    it("creates exactly these children (internal, HTTP, rolling)", async () => {
        const run = await build();
        assert.deepEqual(inventory(run.resources), [
            ["aws:autoscaling/group:Group", "web-asg"],
            ["aws:autoscaling/policy:Policy", "web-cpu"],
            ["aws:ec2/launchTemplate:LaunchTemplate", "web-lt"],
            ["aws:ec2/securityGroup:SecurityGroup", "web-lb-sg"],
            ["aws:ec2/securityGroup:SecurityGroup", "web-sg"],
            ["aws:iam/instanceProfile:InstanceProfile", "web-profile"],
            ["aws:iam/role:Role", "web-role"],
            ["aws:lb/listener:Listener", "web-http"],
            ["aws:lb/loadBalancer:LoadBalancer", "web-alb"],
            ["aws:lb/targetGroup:TargetGroup", "web-tg"],
            ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "web-lb-out"],
            ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "web-out-https"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "web-in"],
            ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "web-lb-in-http"],
        ]);
        const component = only(run.resources, "platform-kit:immutable-group:AwsImmutableGroup");
        for (const r of run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"))) assert.equal(r.parent, component.urn, r.name);
    });

    it("launches instances with IMDSv2 only, hop limit 1, no key pair and an encrypted gp3 root", async () => {
        const run = await build({ startupScript: "#!/bin/sh\nsystemctl start web\n" });
        const lt = only(run.resources, "aws:ec2/launchTemplate:LaunchTemplate", "web-lt").inputs;
        assert.deepEqual(lt.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
        assert.equal(lt.keyName, undefined);
        assert.equal(lt.imageId, AMI);
        assert.equal(lt.instanceType, "m7i.large");
        // The root device name comes from the AMI, so the mapping replaces the root volume.
        assert.deepEqual(lt.blockDeviceMappings, [{ deviceName: "/dev/xvda", ebs: { volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } }]);
        assert.deepEqual(lt.vpcSecurityGroupIds, [idOf(run, SG, "web-sg")]);
        assert.equal(lt.networkInterfaces, undefined, "no interface that could carry a public address");
        assert.equal(Buffer.from(String(lt.userData), "base64").toString("utf8"), "#!/bin/sh\nsystemctl start web\n");
        const lookup = run.invokes.find((i) => i.token === "aws:ec2/getAmi:getAmi");
        assert.deepEqual(lookup?.inputs.filters, [{ name: "image-id", values: [AMI] }]);
    });

    it("gives the instance role no permissions unless asked", async () => {
        const run = await build();
        const role = only(run.resources, "aws:iam/role:Role", "web-role").inputs;
        assert.deepEqual(JSON.parse(String(role.assumeRolePolicy)), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }],
        });
        assert.equal(role.managedPolicyArns, undefined);
        assert.deepEqual(ofType(run.resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), []);

        const withAgent = await build({ cloudWatchAgent: true });
        const attachments = ofType(withAgent.resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        assert.deepEqual(attachments.map((a) => a.inputs.policyArn), ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]);
    });

    it("opens the instances only to the load balancer, and an internal load balancer only to the network", async () => {
        const run = await build();
        assert.deepEqual(rules(run), {
            "web-lb-in-http": "lb-sg in tcp 80 10.0.0.0/16",
            "web-lb-out": "lb-sg out tcp 8080 instance-sg",
            "web-in": "instance-sg in tcp 8080 lb-sg",
            "web-out-https": "instance-sg out tcp 443 0.0.0.0/0",
        });
        const alb = only(run.resources, "aws:lb/loadBalancer:LoadBalancer", "web-alb").inputs;
        assert.equal(alb.internal, true);
        assert.equal(alb.name, "web-int");
        assert.deepEqual(alb.subnets, awsNetwork.privateSubnetIds);
        assert.equal(alb.dropInvalidHeaderFields, true);
        assert.deepEqual(alb.securityGroups, [idOf(run, SG, "web-lb-sg")]);
        const listener = only(run.resources, "aws:lb/listener:Listener", "web-http").inputs;
        assert.equal(listener.protocol, "HTTP");
        assert.equal(listener.port, 80);
    });

    it("serves HTTPS with the TLS 1.3 policy and redirects HTTP when public with a certificate", async () => {
        const run = await build({ loadBalancer: { public: true, certificate: CERT } });
        assert.deepEqual(rules(run), {
            "web-lb-in-https": "lb-sg in tcp 443 0.0.0.0/0",
            "web-lb-in-http": "lb-sg in tcp 80 0.0.0.0/0",
            "web-lb-out": "lb-sg out tcp 8080 instance-sg",
            "web-in": "instance-sg in tcp 8080 lb-sg",
            "web-out-https": "instance-sg out tcp 443 0.0.0.0/0",
        });
        const alb = only(run.resources, "aws:lb/loadBalancer:LoadBalancer", "web-alb").inputs;
        assert.equal(alb.internal, false);
        assert.equal(alb.name, "web-pub");
        assert.deepEqual(alb.subnets, awsNetwork.publicSubnetIds);
        const https = only(run.resources, "aws:lb/listener:Listener", "web-https").inputs;
        assert.equal(https.protocol, "HTTPS");
        assert.equal(https.port, 443);
        assert.equal(https.sslPolicy, AWS_TLS_POLICY);
        assert.equal(AWS_TLS_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assert.equal(https.certificateArn, CERT);
        const redirect = only(run.resources, "aws:lb/listener:Listener", "web-http").inputs;
        assert.deepEqual(redirect.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        assert.match(String(run.outputs.url), /^https:\/\//);
        assert.deepEqual(run.warnings, []);
    });

    it("warns that a public load balancer without certificate serves plain HTTP", async () => {
        const run = await build({ loadBalancer: { public: true } });
        assert.ok(run.warnings.some((w) => /public load balancer serves plain HTTP/.test(w)), run.warnings.join("\n"));
        assert.equal(rules(run)["web-lb-in-http"], "lb-sg in tcp 80 0.0.0.0/0");
    });

    it("names load balancers within AWS's rules", () => {
        assert.equal(loadBalancerName("web", "int"), "web-int");
        assert.equal(loadBalancerName("internal", "pub"), "lb-internal-pub");
        const long = loadBalancerName("checkout-frontend-production-service", "int");
        assert.ok(long.length <= 32, long);
        assert.notEqual(long, loadBalancerName("checkout-frontend-production-service", "pub"));
    });

    it("health-checks targets on the health check path", async () => {
        const run = await build();
        const tg = only(run.resources, "aws:lb/targetGroup:TargetGroup", "web-tg").inputs;
        assert.equal(tg.port, 8080);
        assert.equal(tg.protocol, "HTTP");
        assert.equal(tg.name, "web-p8080");
        assert.deepEqual(tg.healthCheck, {
            enabled: true,
            path: "/healthz",
            port: "traffic-port",
            protocol: "HTTP",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        });
    });

    it("rolls a new image by instance refresh on a pinned launch template version", async () => {
        const run = await build({ rollout: { strategy: "rolling", maxSurge: 50, minHealthyPercent: 90, warmupSeconds: 120 } });
        const asg = only(run.resources, ASG, "web-asg");
        const i = asg.inputs;
        assert.equal(i.name, "web");
        assert.deepEqual(i.launchTemplate, { id: idOf(run, "aws:ec2/launchTemplate:LaunchTemplate", "web-lt"), version: "1" });
        assert.deepEqual(i.instanceRefresh, {
            strategy: "Rolling",
            preferences: { minHealthyPercentage: 90, maxHealthyPercentage: 150, instanceWarmup: "120", autoRollback: true, skipMatching: true },
        });
        assert.equal(i.healthCheckType, "ELB");
        assert.equal(i.healthCheckGracePeriod, 120);
        assert.deepEqual(i.vpcZoneIdentifiers, awsNetwork.privateSubnetIds);
        assert.deepEqual(i.targetGroupArns, [only(run.resources, "aws:lb/targetGroup:TargetGroup", "web-tg").outputs.arn]);
        assert.equal(i.minElbCapacity, 2);
        assert.equal(i.waitForElbCapacity, undefined);
        assert.deepEqual(asg.ignoreChanges, ["desiredCapacity"]);
        assert.equal(run.outputs.groupName, "web");
    });

    it("stands a new group up per image for red-black, created before the old one is deleted", async () => {
        const first = await build({ rollout: { strategy: "red-black" }, desiredSize: 3 });
        const again = await build({ rollout: { strategy: "red-black" }, desiredSize: 3 });
        const next = await build({ rollout: { strategy: "red-black" }, desiredSize: 3, image: AMI_NEXT });
        const asg = only(first.resources, ASG, "web-asg");
        assert.equal(asg.inputs.name, `web-${releaseHash(AMI, "m7i.large")}`);
        assert.equal(only(again.resources, ASG, "web-asg").inputs.name, asg.inputs.name, "the same image keeps its group");
        const nextName = only(next.resources, ASG, "web-asg").inputs.name;
        assert.notEqual(nextName, asg.inputs.name, "a new image is a new group");
        assert.equal(next.outputs.groupName, nextName);
        assert.equal(asg.deleteBeforeReplace, false);
        // Traffic reaches the new group only once all its instances are healthy in the target group.
        assert.equal(asg.inputs.waitForElbCapacity, 3);
        assert.equal(asg.inputs.minElbCapacity, undefined);
        // Changes that are not a new release still replace instances in place.
        assert.equal((asg.inputs.instanceRefresh as { strategy: string }).strategy, "Rolling");
        assert.deepEqual(asg.inputs.targetGroupArns, [only(first.resources, "aws:lb/targetGroup:TargetGroup", "web-tg").outputs.arn]);
    });

    it("scales on average CPU, and not at all when the size is fixed", async () => {
        const run = await build({ scaling: { targetCpuPercent: 45 } });
        const policy = only(run.resources, "aws:autoscaling/policy:Policy", "web-cpu").inputs;
        assert.equal(policy.policyType, "TargetTrackingScaling");
        assert.equal(policy.autoscalingGroupName, "web");
        assert.deepEqual(policy.targetTrackingConfiguration, {
            predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
            targetValue: 45,
        });
        const fixed = await build({ minSize: 2, maxSize: 2 });
        assert.deepEqual(ofType(fixed.resources, "aws:autoscaling/policy:Policy"), []);
        assert.deepEqual(only(fixed.resources, ASG, "web-asg").ignoreChanges, []);
    });

    it("places every child in the network's region and outputs the endpoint", async () => {
        const run = await build();
        for (const r of run.resources.filter((r) => r.custom && !r.type.startsWith("aws:iam/"))) assert.equal(r.inputs.region, "eu-west-1", r.name);
        const alb = only(run.resources, "aws:lb/loadBalancer:LoadBalancer", "web-alb");
        assert.equal(run.outputs.endpoint, alb.outputs.dnsName);
        assert.equal(run.outputs.url, `http://${String(alb.outputs.dnsName)}`);
        assert.equal(run.outputs.imageId, AMI);
    });

    it("applies a transform to a child's defaults", async () => {
        const run = await build({
            transform: {
                launchTemplate: (args) => {
                    args.ebsOptimized = "true";
                },
            },
        });
        assert.equal(only(run.resources, "aws:ec2/launchTemplate:LaunchTemplate", "web-lt").inputs.ebsOptimized, "true");
    });

    it("refuses bad input at construction, naming the concrete component", async () => {
        await assert.rejects(
            build({ minSize: 7, image: "al2023-latest", port: 0, size: "huge" as never, rootDeviceName: "xvda" }),
            (e: unknown) =>
                e instanceof PlatformKitError &&
                /^AwsImmutableGroup "web"/.test(e.message) &&
                ["minSize", "size", "port", "image"].every((f) => e.problems.some((p) => p.field === f)),
        );
        await assert.rejects(build({ rootDeviceName: "xvda" }), (e: unknown) => e instanceof PlatformKitError && /rootDeviceName: got "xvda"/.test(e.message));
    });
});
