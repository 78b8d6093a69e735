import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as compute from "@pulumi/azure-native/compute";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const ASG = "aws:autoscaling/group:Group";
const MIG = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
const TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
const VMSS = "azure-native:compute:VirtualMachineScaleSet";

const lt = (args: Partial<Unwrap<aws.ec2.LaunchTemplateArgs>> = {}) => resource<aws.ec2.LaunchTemplateArgs>(LT, { imageId: "ami-0123456789abcdef0", instanceType: "m7i.large", ...args });
const asg = (args: Partial<Unwrap<aws.autoscaling.GroupArgs>> = {}) =>
    resource<aws.autoscaling.GroupArgs>(ASG, {
        minSize: 2,
        maxSize: 6,
        vpcZoneIdentifiers: ["subnet-a", "subnet-b", "subnet-c"],
        launchTemplate: { id: "lt-1", version: "3" },
        instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
        targetGroupArns: ["arn:tg"],
        healthCheckType: "ELB",
        ...args,
    });
const template = (args: Partial<Unwrap<gcp.compute.InstanceTemplateArgs>> = {}) =>
    resource<gcp.compute.InstanceTemplateArgs>(TEMPLATE, {
        machineType: "n2-standard-2",
        disks: [{ sourceImage: "projects/acme/global/images/web-20261101" }],
        metadata: { "block-project-ssh-keys": "true" },
        ...args,
    });
const mig = (args: Partial<Unwrap<gcp.compute.RegionInstanceGroupManagerArgs>> = {}) =>
    resource<gcp.compute.RegionInstanceGroupManagerArgs>(MIG, {
        baseInstanceName: "web",
        versions: [{ instanceTemplate: "t" }],
        updatePolicy: { type: "PROACTIVE", minimalAction: "REPLACE" },
        autoHealingPolicies: { healthCheck: "hc", initialDelaySec: 120 },
        ...args,
    });
const vmss = (args: Partial<Unwrap<compute.VirtualMachineScaleSetArgs>> = {}) =>
    resource<compute.VirtualMachineScaleSetArgs>(VMSS, {
        resourceGroupName: "rg",
        zones: ["1", "2", "3"],
        upgradePolicy: { mode: "Rolling" },
        automaticRepairsPolicy: { enabled: true, gracePeriod: "PT10M" },
        virtualMachineProfile: {
            osProfile: { adminUsername: "ops", linuxConfiguration: { disablePasswordAuthentication: true } },
            storageProfile: { imageReference: { id: "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/web/versions/1.0.3" } },
        },
        ...args,
    });

describePack("immutable", {
    "compute-disallow-ssh-keys": {
        good: [lt(), template(), vmss()],
        bad: [
            [lt({ keyName: "ops" }), ['keyName "ops" installs an SSH key pair on the hosts.']],
            [template({ metadata: { "ssh-keys": "ops:ssh-ed25519 AAAA", "block-project-ssh-keys": "true" } }), ["metadata carries ssh-keys."]],
            [template({ metadata: {} }), ['metadata block-project-ssh-keys is not "true"; project-wide SSH keys work on these hosts.']],
            [
                vmss({ virtualMachineProfile: { osProfile: { linuxConfiguration: { ssh: { publicKeys: [{ path: "/home/ops/.ssh/authorized_keys", keyData: "ssh-ed25519 AAAA" }] } } } } }),
                ["virtualMachineProfile.osProfile.linuxConfiguration.ssh.publicKeys installs 1 SSH key(s)."],
            ],
        ],
    },
    "aws-autoscaling-group-configure-launch-template": {
        good: [asg()],
        bad: [
            [asg({ launchTemplate: undefined, launchConfiguration: "lc-1" }), ["launchConfiguration is set; launch from a launch template instead."]],
            [resource<aws.ec2.LaunchConfigurationArgs>("aws:ec2/launchConfiguration:LaunchConfiguration", { imageId: "ami-1", instanceType: "t3.micro" }), ["launch configurations are deprecated; use an aws.ec2.LaunchTemplate."]],
        ],
    },
    "aws-autoscaling-group-disallow-floating-version": {
        good: [asg()],
        bad: [
            [asg({ launchTemplate: { id: "lt-1", version: "$Latest" } }), ['launchTemplate.version is "$Latest"; pin the template\'s latestVersion.']],
            [asg({ launchTemplate: { id: "lt-1" } }), ["launchTemplate.version is unset (uses $Default); pin the template's latestVersion."]],
        ],
    },
    "instance-group-configure-rolling-updates": {
        good: [asg(), mig(), vmss()],
        bad: [
            [asg({ instanceRefresh: undefined }), ["instanceRefresh is unset; launch template changes never replace running instances."]],
            [mig({ updatePolicy: { type: "OPPORTUNISTIC", minimalAction: "REPLACE" } }), ['updatePolicy.type is "OPPORTUNISTIC"; template changes wait for instances to be recreated by hand.']],
            [vmss({ upgradePolicy: undefined }), ["upgradePolicy.mode is unset (Manual); model changes never reach running instances."]],
        ],
    },
    "instance-group-enable-auto-healing": {
        good: [asg(), asg({ targetGroupArns: undefined, healthCheckType: "EC2" }), mig(), vmss()],
        bad: [
            [asg({ healthCheckType: "EC2" }), ['the group serves a load balancer but healthCheckType is not "ELB"; instances failing health checks stay in service.']],
            [mig({ autoHealingPolicies: undefined }), ["autoHealingPolicies is unset; instances failing health checks are not recreated."]],
            [vmss({ automaticRepairsPolicy: undefined }), ["automaticRepairsPolicy.enabled is not true; unhealthy instances are not repaired."]],
        ],
    },
    "compute-disallow-standalone-instances": {
        good: [lt()],
        bad: [[resource<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro" }), ["aws:ec2/instance:Instance is a standalone VM; run it in an instance group from a template."]]],
    },
    "compute-image-disallow-floating-references": {
        good: [lt(), template(), vmss()],
        bad: [
            [template({ disks: [{ sourceImage: "projects/debian-cloud/global/images/family/debian-12" }] }), ['disks[0].sourceImage "projects/debian-cloud/global/images/family/debian-12" is an image family; each new instance may get a newer image.']],
            [lt({ imageId: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }), ['imageId "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" resolves at each launch.']],
            [vmss({ virtualMachineProfile: { storageProfile: { imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" } } } }), ['storageProfile.imageReference.version is "latest".']],
        ],
    },
    "compute-disallow-boot-time-package-installs": {
        good: [lt({ userData: Buffer.from("#!/bin/bash\nsystemctl start app\n").toString("base64") })],
        bad: [
            [lt({ userData: Buffer.from("#!/bin/bash\nyum install -y nginx\n").toString("base64") }), ['userData runs "yum install" at boot; bake it into the image.']],
            [template({ metadataStartupScript: "curl -fsSL https://get.example.com | sh" }), ['metadataStartupScript runs "curl -fsSL https://get.example.com | sh" at boot; bake it into the image.']],
        ],
    },
    "container-registry-enable-immutable-tags": {
        good: [
            resource<aws.ecr.RepositoryArgs>("aws:ecr/repository:Repository", { imageTagMutability: "IMMUTABLE" }),
            resource<gcp.artifactregistry.RepositoryArgs>("gcp:artifactregistry/repository:Repository", { format: "DOCKER", repositoryId: "r", dockerConfig: { immutableTags: true } }),
        ],
        bad: [
            [resource<aws.ecr.RepositoryArgs>("aws:ecr/repository:Repository", {}), ["imageTagMutability is unset (MUTABLE); tags can be overwritten."]],
            [resource<gcp.artifactregistry.RepositoryArgs>("gcp:artifactregistry/repository:Repository", { format: "DOCKER", repositoryId: "r" }), ["dockerConfig.immutableTags is not true; tags can be overwritten."]],
        ],
    },
    "instance-group-configure-multiple-zones": {
        good: [asg(), vmss()],
        bad: [
            [asg({ vpcZoneIdentifiers: ["subnet-a"] }), ["the group spans 1 subnet(s)/zone(s); use at least 2."]],
            [resource<gcp.compute.InstanceGroupManagerArgs>("gcp:compute/instanceGroupManager:InstanceGroupManager", { baseInstanceName: "web", zone: "us-central1-a", versions: [{ instanceTemplate: "t" }] }), ["a zonal instance group manager runs in one zone (us-central1-a); use a RegionInstanceGroupManager."]],
            [vmss({ zones: ["1"] }), ["zones lists 1 zone(s); use at least 2."]],
        ],
    },
});
