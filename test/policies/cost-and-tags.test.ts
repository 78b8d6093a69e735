import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as compute from "@pulumi/azure-native/compute";
import type * as storage from "@pulumi/azure-native/storage";
import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

const lt = (args: Partial<Unwrap<aws.ec2.LaunchTemplateArgs>> = {}) =>
    resource<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", { imageId: "ami-1", instanceType: "m7i.large", tags: { "managed-by": "platform-kit" }, ...args });
const template = (machineType: string) => resource<gcp.compute.InstanceTemplateArgs>("gcp:compute/instanceTemplate:InstanceTemplate", { machineType, disks: [{ sourceImage: "i" }], labels: { "managed-by": "platform-kit" } });
const vmss = (sku: string, capacity = 3) => resource<compute.VirtualMachineScaleSetArgs>("azure-native:compute:VirtualMachineScaleSet", { resourceGroupName: "rg", sku: { name: sku, capacity }, tags: { "managed-by": "platform-kit" } });
const bucket = (name: string, id: string) => resource<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", {}, { name, outputs: { id, bucket: id } });
const namespace = (name: string) => resource<k8s.core.v1.NamespaceArgs>("kubernetes:core/v1:Namespace", { metadata: { name } }, { name });

describePack("cost-and-tags", {
    "resource-missing-required-tags": {
        good: [lt(), template("n2-standard-2"), vmss("Standard_D2s_v5")],
        bad: [
            [lt({ tags: undefined }), ["tags is empty; the resource carries no tags (required: managed-by)."]],
            [resource<aws.autoscaling.GroupArgs>("aws:autoscaling/group:Group", { minSize: 1, maxSize: 2, tags: [{ key: "team", value: "web", propagateAtLaunch: true }] }), ["tags is missing managed-by."]],
            [resource<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", { databaseVersion: "POSTGRES_17", settings: { tier: "db-custom-2-8192", userLabels: { team: "web" } } }), ["settings.userLabels is missing managed-by."]],
        ],
        config: { requiredTags: ["managed-by"] },
    },
    "compute-configure-allowed-instance-sizes": {
        good: [lt(), template("n2-standard-16"), vmss("Standard_D16s_v5")],
        bad: [
            [lt({ instanceType: "m7i.8xlarge" }), ['instanceType "m7i.8xlarge" has 32 vCPUs; the most allowed is 16.']],
            [template("a2-highgpu-1g"), ['machineType "a2-highgpu-1g" is a GPU / accelerator type.']],
            [vmss("Standard_E64s_v5"), ['sku.name "Standard_E64s_v5" has 64 vCPUs; the most allowed is 16.']],
            [resource<aws.eks.NodeGroupArgs>("aws:eks/nodeGroup:NodeGroup", { clusterName: "c", nodeRoleArn: "r", subnetIds: ["s"], scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 1 }, instanceTypes: ["p4d.24xlarge"] }), ['instanceTypes[0] "p4d.24xlarge" is a GPU / accelerator type.', 'instanceTypes[0] "p4d.24xlarge" has 96 vCPUs; the most allowed is 16.']],
        ],
    },
    "compute-disallow-previous-generation-types": {
        good: [lt(), template("e2-standard-2"), vmss("Standard_D4s_v5")],
        bad: [
            [lt({ instanceType: "t2.micro" }), ['instanceType "t2.micro" is a previous-generation type.']],
            [template("n1-standard-4"), ['machineType "n1-standard-4" is a previous-generation type.']],
            [vmss("Standard_D4s_v3"), ['sku.name "Standard_D4s_v3" is a previous-generation type.']],
            [resource<aws.rds.InstanceArgs>("aws:rds/instance:Instance", { instanceClass: "db.m4.large" }), ['instanceClass "db.m4.large" is a previous-generation type.']],
        ],
    },
    "data-configure-allowed-instance-sizes": {
        good: [resource<aws.rds.InstanceArgs>("aws:rds/instance:Instance", { instanceClass: "db.r7g.2xlarge" }), resource<gcp.redis.InstanceArgs>("gcp:redis/instance:Instance", { memorySizeGb: 16 })],
        bad: [
            [resource<aws.rds.InstanceArgs>("aws:rds/instance:Instance", { instanceClass: "db.r7g.16xlarge" }), ['instanceClass "db.r7g.16xlarge" has 64 vCPUs; the most allowed is 16.']],
            [resource<gcp.sql.DatabaseInstanceArgs>("gcp:sql/databaseInstance:DatabaseInstance", { databaseVersion: "POSTGRES_17", settings: { tier: "db-custom-32-131072" } }), ['settings.tier "db-custom-32-131072" has 32 vCPUs; the most allowed is 16.']],
            [resource<gcp.redis.InstanceArgs>("gcp:redis/instance:Instance", { memorySizeGb: 200 }), ["memorySizeGb is 200; the most allowed is 64."]],
        ],
    },
    "instance-group-configure-max-size": {
        good: [resource<aws.autoscaling.GroupArgs>("aws:autoscaling/group:Group", { minSize: 2, maxSize: 10 }), vmss("Standard_D2s_v5", 10)],
        bad: [
            [resource<aws.autoscaling.GroupArgs>("aws:autoscaling/group:Group", { minSize: 2, maxSize: 500 }), ["maxSize is 500; the most allowed is 50."]],
            [resource<gcp.compute.RegionAutoscalerArgs>("gcp:compute/regionAutoscaler:RegionAutoscaler", { target: "mig", autoscalingPolicy: { minReplicas: 1, maxReplicas: 100 } }), ["autoscalingPolicy.maxReplicas is 100; the most allowed is 50."]],
        ],
    },
    "aws-storage-configure-gp3-volumes": {
        good: [lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeType: "gp3", encrypted: "true" } }] }), resource<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", { availabilityZone: "a", size: 10, type: "gp3" })],
        bad: [
            [lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeType: "gp2" } }] }), ["blockDeviceMappings[0].ebs.volumeType is gp2; use gp3."]],
            [resource<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", { availabilityZone: "a", size: 10 }), ["type is unset (gp2); use gp3."]],
        ],
    },
    "logs-configure-retention": {
        good: [resource<aws.cloudwatch.LogGroupArgs>("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 90 })],
        bad: [
            [resource<aws.cloudwatch.LogGroupArgs>("aws:cloudwatch/logGroup:LogGroup", {}), ["retentionInDays is unset; logs are kept (and billed) forever."]],
            [resource<aws.cloudwatch.LogGroupArgs>("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 3 }), ["retentionInDays is 3; keep at least 30 days."]],
        ],
    },
    "storage-configure-lifecycle-rules": {
        good: [
            [bucket("logs", "logs-1a2b"), resource<aws.s3.BucketLifecycleConfigurationArgs>("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", { bucket: "logs-1a2b", rules: [{ id: "expire", status: "Enabled", expiration: { days: 30 } }] }, { name: "logs-lifecycle" })],
            resource<gcp.storage.BucketArgs>("gcp:storage/bucket:Bucket", { location: "EU", lifecycleRules: [{ action: { type: "Delete" }, condition: { age: 30 } }] }),
        ],
        bad: [
            [[bucket("logs", "logs-1a2b")], ["S3 bucket logs has no lifecycle configuration."]],
            [[resource<storage.StorageAccountArgs>("azure-native:storage:StorageAccount", { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, accountName: "acct" }, { name: "acct" })], ["storage account acct has no ManagementPolicy."]],
        ],
    },
    "function-configure-memory-limit": {
        good: [resource<aws.lambda.FunctionArgs>("aws:lambda/function:Function", { role: "r", memorySize: 1024 }), resource<gcp.cloudfunctionsv2.FunctionArgs>("gcp:cloudfunctionsv2/function:Function", { location: "l", serviceConfig: { availableMemory: "512M" } })],
        bad: [
            [resource<aws.lambda.FunctionArgs>("aws:lambda/function:Function", { role: "r", memorySize: 10240 }), ["memorySize is 10240; the most allowed is 4096 MB."]],
            [resource<gcp.cloudfunctionsv2.FunctionArgs>("gcp:cloudfunctionsv2/function:Function", { location: "l", serviceConfig: { availableMemory: "16Gi" } }), ["serviceConfig.availableMemory is 16Gi; the most allowed is 4096 MB."]],
        ],
    },
    "kubernetes-namespace-missing-resource-quota": {
        good: [[namespace("team-a"), resource<k8s.core.v1.ResourceQuotaArgs>("kubernetes:core/v1:ResourceQuota", { metadata: { name: "quota", namespace: "team-a" }, spec: { hard: { "requests.cpu": "4" } } }, { name: "quota" })]],
        bad: [[[namespace("team-a")], ["namespace team-a has no ResourceQuota."]]],
    },
});
