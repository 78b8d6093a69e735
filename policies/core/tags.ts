import { Props, list, obj } from "./props";

/** Where each taggable resource type keeps its tags (AWS/Azure) or labels (Google Cloud). */
const GCP_LABEL_PATHS: Record<string, string> = {
    "gcp:container/cluster:Cluster": "resourceLabels",
    "gcp:sql/databaseInstance:DatabaseInstance": "settings.userLabels",
    "gcp:container/nodePool:NodePool": "nodeConfig.resourceLabels",
};

const GCP_LABELLED = [
    "gcp:compute/instanceTemplate:InstanceTemplate", "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", "gcp:compute/instance:Instance",
    "gcp:compute/disk:Disk", "gcp:storage/bucket:Bucket", "gcp:redis/instance:Instance", "gcp:redis/cluster:Cluster",
    "gcp:cloudfunctionsv2/function:Function", "gcp:cloudfunctions/function:Function", "gcp:cloudrunv2/service:Service",
    "gcp:kms/cryptoKey:CryptoKey", "gcp:artifactregistry/repository:Repository", "gcp:managedkafka/cluster:Cluster", "gcp:pubsub/topic:Topic",
    ...Object.keys(GCP_LABEL_PATHS),
];

const AWS_TAGGED = [
    "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance",
    "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ebs/volume:Volume", "aws:autoscaling/group:Group", "aws:lb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup", "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:rds/instance:Instance", "aws:rds/cluster:Cluster",
    "aws:elasticache/replicationGroup:ReplicationGroup", "aws:msk/cluster:Cluster", "aws:dynamodb/table:Table", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2",
    "aws:lambda/function:Function", "aws:iam/role:Role", "aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup", "aws:ecr/repository:Repository",
    "aws:sns/topic:Topic", "aws:sqs/queue:Queue", "aws:secretsmanager/secret:Secret", "aws:efs/fileSystem:FileSystem", "aws:apigatewayv2/api:Api",
];

const AZURE_TAGGED = [
    "azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork", "azure-native:network:NetworkSecurityGroup", "azure-native:network:PublicIPAddress",
    "azure-native:network:LoadBalancer", "azure-native:network:NatGateway", "azure-native:compute:VirtualMachineScaleSet", "azure-native:compute:VirtualMachine",
    "azure-native:containerservice:ManagedCluster", "azure-native:dbforpostgresql:Server", "azure-native:redis:Redis", "azure-native:cache:Redis",
    "azure-native:eventhub:Namespace", "azure-native:storage:StorageAccount", "azure-native:web:WebApp", "azure-native:web:AppServicePlan",
    "azure-native:keyvault:Vault", "azure-native:containerregistry:Registry", "azure-native:operationalinsights:Workspace",
];

/** Resource types the required-tags rule checks. */
export const TAGGABLE_TYPES: readonly string[] = [...AWS_TAGGED, ...AZURE_TAGGED, ...GCP_LABELLED];

export function tagField(type: string): string {
    if (type.startsWith("gcp:")) return GCP_LABEL_PATHS[type] ?? "labels";
    return "tags";
}

/**
 * The tags (or labels, or Kubernetes labels and annotations) of a resource as a flat map.
 * AWS Auto Scaling groups' `[{ key, value }]` lists are folded into the map.
 */
export function tagsOf(type: string, props: Props): Record<string, string> {
    if (type.startsWith("kubernetes:")) {
        const metadata = obj(props.metadata);
        return { ...stringMap(metadata.labels), ...stringMap(metadata.annotations) };
    }
    let node: unknown = props;
    for (const key of tagField(type).split(".")) node = obj(node)[key];
    if (Array.isArray(node)) {
        const out: Record<string, string> = {};
        for (const t of list(node)) if (typeof t.key === "string") out[t.key] = String(t.value ?? "");
        return out;
    }
    return stringMap(node);
}

function stringMap(value: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj(value))) if (v !== undefined && v !== null) out[k] = String(v);
    return out;
}
