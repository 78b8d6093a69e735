import { createHash } from "crypto";

/**
 * Realistic answers for the mock engine: what each provider's data sources return and the
 * ids, ARNs, names and URLs a created resource gets, so programs that build strings from
 * them (policies, connection strings, kubeconfigs) behave as against a real cloud.
 */

/** The account, project and subscription the offline engine pretends to be. */
export interface CloudContext {
    project: string;
    stack: string;
    aws: { region: string; accountId: string; partition: string };
    gcp: { project: string; projectNumber: string; region: string; zone: string };
    azure: { subscriptionId: string; tenantId: string; location: string; clientId: string; objectId: string };
}

export function defaultCloudContext(project: string, stack: string, config: Record<string, unknown>): CloudContext {
    const get = (key: string, fallback: string): string => {
        const value = config[key];
        return typeof value === "string" && value !== "" ? value : fallback;
    };
    const gcpRegion = get("gcp:region", "us-central1");
    return {
        project,
        stack,
        aws: { region: get("aws:region", "us-east-1"), accountId: "123456789012", partition: "aws" },
        gcp: { project: get("gcp:project", "platform-kit-demo"), projectNumber: "271828182845", region: gcpRegion, zone: get("gcp:zone", `${gcpRegion}-a`) },
        azure: {
            subscriptionId: get("azure-native:subscriptionId", "00000000-1111-2222-3333-444444444444"),
            tenantId: get("azure-native:tenantId", "99999999-8888-7777-6666-555555555555"),
            location: get("azure-native:location", "westeurope"),
            clientId: "0a1b2c3d-0000-4000-8000-000000000001",
            objectId: "0a1b2c3d-0000-4000-8000-000000000002",
        },
    };
}

export type Inputs = Record<string, unknown>;
/** Answers one data-source call. */
export type InvokeAnswer = (inputs: Inputs, ctx: CloudContext) => Record<string, unknown>;
/** Extra outputs of one resource type, beyond its inputs, id and name. */
export type ResourceExtras = (r: { name: string; id: string; inputs: Inputs; physicalName: string }, ctx: CloudContext) => Record<string, unknown>;

export interface CatalogueOverrides {
    invokes?: Record<string, InvokeAnswer>;
    resources?: Record<string, ResourceExtras>;
}

/** Deterministic hex from a seed: the same program gets the same ids on every run. */
export function hex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    return out.slice(0, length);
}

const b64 = (text: string) => Buffer.from(text).toString("base64");
const FAKE_CA = b64("-----BEGIN CERTIFICATE-----\nMIIBplatformkitofflineplan\n-----END CERTIFICATE-----\n");

// ---------------------------------------------------------------------------------------
// Data sources
// ---------------------------------------------------------------------------------------

function awsRegion(inputs: Inputs, ctx: CloudContext): string {
    return typeof inputs.region === "string" ? inputs.region : ctx.aws.region;
}

function gcpRegion(inputs: Inputs, ctx: CloudContext): string {
    return typeof inputs.region === "string" ? inputs.region : ctx.gcp.region;
}

/** Renders `aws.iam.getPolicyDocument` statements as the JSON the provider returns. */
function policyDocumentJson(inputs: Inputs): string {
    const statements = (inputs.statements as Inputs[] | undefined) ?? [];
    const principals = (list: unknown) => {
        const out: Record<string, unknown> = {};
        for (const p of (list as Inputs[] | undefined) ?? []) out[String(p.type)] = p.identifiers;
        return Object.keys(out).length ? out : undefined;
    };
    const conditions = (list: unknown) => {
        const out: Record<string, Record<string, unknown>> = {};
        for (const c of (list as Inputs[] | undefined) ?? []) {
            out[String(c.test)] = { ...(out[String(c.test)] ?? {}), [String(c.variable)]: c.values };
        }
        return Object.keys(out).length ? out : undefined;
    };
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: statements.map((s) => ({
            Sid: s.sid,
            Effect: s.effect ?? "Allow",
            Action: s.actions,
            NotAction: s.notActions,
            Resource: s.resources,
            NotResource: s.notResources,
            Principal: principals(s.principals),
            Condition: conditions(s.conditions),
        })),
    });
}

export const INVOKES: Record<string, InvokeAnswer> = {
    "aws:index/getAvailabilityZones:getAvailabilityZones": (inputs, ctx) => {
        const region = awsRegion(inputs, ctx);
        const letters = ["a", "b", "c", "d", "e", "f"];
        return {
            id: region,
            names: letters.map((l) => `${region}${l}`),
            zoneIds: letters.map((_, i) => `${region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
            groupNames: [region],
            state: "available",
            region,
        };
    },
    "aws:index/getRegion:getRegion": (inputs, ctx) => {
        const region = awsRegion(inputs, ctx);
        return { id: region, name: region, region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
    },
    "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, ctx) => ({
        id: ctx.aws.accountId,
        accountId: ctx.aws.accountId,
        arn: `arn:aws:iam::${ctx.aws.accountId}:user/platform-kit-plan`,
        userId: "AIDAPLATFORMKITPLAN",
    }),
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
    "aws:ec2/getAmi:getAmi": (inputs) => {
        const id = `ami-${hex(JSON.stringify(inputs), 17)}`;
        return { id, imageId: id, name: "al2023-ami-2023.6-x86_64", architecture: "x86_64", rootDeviceName: "/dev/xvda", ownerId: "137112412989" };
    },
    "aws:ssm/getParameter:getParameter": (inputs) => ({ id: inputs.name, name: inputs.name, type: "String", value: `ami-${hex(String(inputs.name), 17)}`, version: 1 }),
    "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => {
        const json = policyDocumentJson(inputs);
        return { id: hex(json, 10), json, minifiedJson: json };
    },
    "aws:ec2/getVpc:getVpc": (inputs) => ({ id: `vpc-${hex(JSON.stringify(inputs), 17)}`, cidrBlock: "172.31.0.0/16", default: true }),
    "aws:ec2/getSubnets:getSubnets": (inputs) => ({ id: "subnets", ids: [0, 1, 2].map((i) => `subnet-${hex(`${JSON.stringify(inputs)}${i}`, 17)}`) }),
    "aws:ec2/getSubnet:getSubnet": (inputs) => ({ id: `subnet-${hex(JSON.stringify(inputs), 17)}`, cidrBlock: "172.31.0.0/20", vpcId: `vpc-${hex("default", 17)}` }),
    "aws:ec2/getSecurityGroup:getSecurityGroup": (inputs) => ({ id: `sg-${hex(JSON.stringify(inputs), 17)}`, name: inputs.name ?? "default" }),
    "aws:index/getRegions:getRegions": () => ({ id: "regions", names: ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"] }),
    "aws:route53/getZone:getZone": (inputs) => ({ id: `Z${hex(String(inputs.name), 20).toUpperCase()}`, zoneId: `Z${hex(String(inputs.name), 20).toUpperCase()}`, name: inputs.name, nameServers: ["ns-1.awsdns-01.org"] }),
    "aws:acm/getCertificate:getCertificate": (inputs, ctx) => ({ id: `arn:aws:acm:${ctx.aws.region}:${ctx.aws.accountId}:certificate/${hex(String(inputs.domain), 32)}`, arn: `arn:aws:acm:${ctx.aws.region}:${ctx.aws.accountId}:certificate/${hex(String(inputs.domain), 32)}`, domain: inputs.domain, status: "ISSUED" }),
    "aws:iam/getRole:getRole": (inputs, ctx) => ({ id: inputs.name, name: inputs.name, arn: `arn:aws:iam::${ctx.aws.accountId}:role/${String(inputs.name)}` }),
    "aws:kms/getKey:getKey": (inputs) => ({ id: inputs.keyId, keyId: inputs.keyId, arn: inputs.keyId, enabled: true }),
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (_inputs, ctx) => ({ id: ctx.aws.region, userName: "AWS", password: "offline-plan", proxyEndpoint: `https://${ctx.aws.accountId}.dkr.ecr.${ctx.aws.region}.amazonaws.com`, authorizationToken: b64("AWS:offline-plan") }),
    "aws:eks/getClusterAuth:getClusterAuth": (inputs) => ({ id: inputs.name, name: inputs.name, token: `k8s-aws-v1.${hex(String(inputs.name), 40)}` }),
    "aws:rds/getEngineVersion:getEngineVersion": (inputs) => ({ id: "postgres", engine: inputs.engine ?? "postgres", version: inputs.version ?? "17.4", versionActual: inputs.version ?? "17.4", parameterGroupFamily: "postgres17" }),

    "gcp:compute/getZones:getZones": (inputs, ctx) => {
        const region = gcpRegion(inputs, ctx);
        return { id: region, names: ["a", "b", "c"].map((l) => `${region}-${l}`), project: ctx.gcp.project, region };
    },
    "gcp:organizations/getClientConfig:getClientConfig": (_inputs, ctx) => ({
        id: ctx.gcp.project,
        project: ctx.gcp.project,
        region: ctx.gcp.region,
        zone: ctx.gcp.zone,
        accessToken: "ya29.offline-plan-token",
    }),
    "gcp:organizations/getProject:getProject": (inputs, ctx) => {
        const projectId = typeof inputs.projectId === "string" ? inputs.projectId : ctx.gcp.project;
        return { id: `projects/${projectId}`, projectId, number: ctx.gcp.projectNumber, name: projectId };
    },
    "gcp:compute/getImage:getImage": (inputs, ctx) => {
        const project = typeof inputs.project === "string" ? inputs.project : ctx.gcp.project;
        const name = typeof inputs.name === "string" ? inputs.name : `${String(inputs.family ?? "image")}-v20261101`;
        const id = `projects/${project}/global/images/${name}`;
        return { id, name, family: inputs.family, selfLink: `https://www.googleapis.com/compute/v1/${id}`, project };
    },
    "gcp:container/getEngineVersions:getEngineVersions": () => ({
        id: "engine-versions",
        latestMasterVersion: "1.34.1-gke.1000000",
        latestNodeVersion: "1.34.1-gke.1000000",
        defaultClusterVersion: "1.33.5-gke.1000000",
        releaseChannelDefaultVersion: { RAPID: "1.34.1-gke.1000000", REGULAR: "1.33.5-gke.1000000", STABLE: "1.32.9-gke.1000000" },
        validMasterVersions: ["1.34.1-gke.1000000", "1.33.5-gke.1000000", "1.32.9-gke.1000000"],
    }),

    "azure-native:authorization:getClientConfig": (_inputs, ctx) => ({
        clientId: ctx.azure.clientId,
        objectId: ctx.azure.objectId,
        subscriptionId: ctx.azure.subscriptionId,
        tenantId: ctx.azure.tenantId,
    }),
    "azure-native:resources:getResourceGroup": (inputs, ctx) => ({
        id: `/subscriptions/${ctx.azure.subscriptionId}/resourceGroups/${String(inputs.resourceGroupName)}`,
        name: inputs.resourceGroupName,
        location: ctx.azure.location,
        type: "Microsoft.Resources/resourceGroups",
        properties: { provisioningState: "Succeeded" },
    }),
    "azure-native:containerservice:listManagedClusterUserCredentials": (inputs) => ({
        kubeconfigs: [{ name: "clusterUser", value: b64(kubeconfig(String(inputs.resourceName), `https://${String(inputs.resourceName)}.privatelink.westeurope.azmk8s.io:443`)) }],
    }),
    "azure-native:storage:listStorageAccountKeys": (inputs) => ({
        keys: [{ keyName: "key1", permissions: "FULL", value: b64(hex(String(inputs.accountName), 48)) }],
    }),
};

/** A kubeconfig of the shape clusters hand out, for components that output one. */
export function kubeconfig(cluster: string, server: string): string {
    return [
        "apiVersion: v1",
        "kind: Config",
        `clusters:\n- name: ${cluster}\n  cluster:\n    server: ${server}\n    certificate-authority-data: ${FAKE_CA}`,
        `contexts:\n- name: ${cluster}\n  context:\n    cluster: ${cluster}\n    user: ${cluster}`,
        `current-context: ${cluster}`,
        `users:\n- name: ${cluster}\n  user:\n    token: offline-plan`,
        "",
    ].join("\n");
}

// ---------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------

/** Id prefixes AWS gives EC2 and neighbouring resources. */
const AWS_ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg-",
    "aws:ec2/internetGateway:InternetGateway": "igw-",
    "aws:ec2/natGateway:NatGateway": "nat-",
    "aws:ec2/routeTable:RouteTable": "rtb-",
    "aws:ec2/eip:Eip": "eipalloc-",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt-",
    "aws:ec2/instance:Instance": "i-",
    "aws:ec2/flowLog:FlowLog": "fl-",
    "aws:ec2/networkAcl:NetworkAcl": "acl-",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc-",
    "aws:ec2/route:Route": "r-",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
};

/** Resource types whose physical name comes from another input than `name`. */
const NAME_INPUT: Record<string, string> = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:rds/instance:Instance": "identifier",
    "aws:rds/cluster:Cluster": "clusterIdentifier",
    "aws:elasticache/replicationGroup:ReplicationGroup": "replicationGroupId",
    "aws:msk/cluster:Cluster": "clusterName",
    "aws:lambda/function:Function": "name",
    "aws:kms/alias:Alias": "name",
    "gcp:serviceaccount/account:Account": "accountId",
    "gcp:storage/bucket:Bucket": "name",
};

export const RESOURCE_EXTRAS: Record<string, ResourceExtras> = {
    "aws:lb/loadBalancer:LoadBalancer": ({ physicalName, inputs }, ctx) => ({
        dnsName: `${inputs.internal ? "internal-" : ""}${physicalName}-${hex(physicalName, 10).replace(/[a-f]/g, "")}.${ctx.aws.region}.elb.amazonaws.com`,
        arnSuffix: `app/${physicalName}/${hex(physicalName, 16)}`,
        zoneId: "Z35SXDOTRQ7X7K",
    }),
    "aws:lb/targetGroup:TargetGroup": ({ physicalName }) => ({ arnSuffix: `targetgroup/${physicalName}/${hex(physicalName, 16)}` }),
    "aws:rds/instance:Instance": ({ physicalName, inputs }, ctx) => {
        const address = `${physicalName}.c${hex(physicalName, 10)}.${ctx.aws.region}.rds.amazonaws.com`;
        const port = inputs.port ?? 5432;
        return {
            address,
            port,
            endpoint: `${address}:${port}`,
            masterUserSecrets: inputs.manageMasterUserPassword ? [{ secretArn: `arn:aws:secretsmanager:${ctx.aws.region}:${ctx.aws.accountId}:secret:rds!db-${hex(physicalName, 36)}`, secretStatus: "active", kmsKeyId: "" }] : [],
        };
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": ({ physicalName, inputs }, ctx) => ({
        primaryEndpointAddress: `master.${physicalName}.${hex(physicalName, 6)}.${ctx.aws.region.replace(/-/g, "").slice(0, 6)}.cache.amazonaws.com`,
        readerEndpointAddress: `replica.${physicalName}.${hex(physicalName, 6)}.cache.amazonaws.com`,
        port: inputs.port ?? 6379,
    }),
    "aws:msk/cluster:Cluster": ({ physicalName }, ctx) => {
        const brokers = [1, 2, 3].map((n) => `b-${n}.${physicalName}.${hex(physicalName, 6)}.c2.kafka.${ctx.aws.region}.amazonaws.com:9098`);
        return { bootstrapBrokersSaslIam: brokers.join(","), bootstrapBrokersTls: brokers.map((b) => b.replace(":9098", ":9094")).join(","), currentVersion: "K3AEGXETSR30VB" };
    },
    "aws:eks/cluster:Cluster": ({ physicalName, inputs }, ctx) => ({
        endpoint: `https://${hex(physicalName, 32).toUpperCase()}.gr7.${awsRegion(inputs, ctx)}.eks.amazonaws.com`,
        certificateAuthority: { data: FAKE_CA },
        identities: [{ oidcs: [{ issuer: `https://oidc.eks.${awsRegion(inputs, ctx)}.amazonaws.com/id/${hex(physicalName, 32).toUpperCase()}` }] }],
        version: inputs.version ?? "1.34",
        platformVersion: "eks.5",
        status: "ACTIVE",
    }),
    "aws:lambda/function:Function": ({ physicalName }, ctx) => {
        const arn = `arn:aws:lambda:${ctx.aws.region}:${ctx.aws.accountId}:function:${physicalName}`;
        return { invokeArn: `arn:aws:apigateway:${ctx.aws.region}:lambda:path/2015-03-31/functions/${arn}/invocations`, qualifiedArn: `${arn}:1`, version: "1" };
    },
    "aws:lambda/functionUrl:FunctionUrl": ({ name }, ctx) => ({ functionUrl: `https://${hex(name, 32)}.lambda-url.${ctx.aws.region}.on.aws/`, urlId: hex(name, 32) }),
    "aws:lambda/alias:Alias": ({ physicalName, inputs }, ctx) => ({ invokeArn: `arn:aws:apigateway:${ctx.aws.region}:lambda:path/functions/${String(inputs.functionName)}:${physicalName}/invocations` }),
    "aws:apigatewayv2/api:Api": ({ id }, ctx) => ({ apiEndpoint: `https://${id}.execute-api.${ctx.aws.region}.amazonaws.com`, executionArn: `arn:aws:execute-api:${ctx.aws.region}:${ctx.aws.accountId}:${id}` }),
    "aws:sqs/queue:Queue": ({ physicalName }, ctx) => ({ url: `https://sqs.${ctx.aws.region}.amazonaws.com/${ctx.aws.accountId}/${physicalName}` }),
    "aws:kms/key:Key": ({ id }) => ({ keyId: id }),
    "aws:iam/role:Role": ({ physicalName }) => ({ uniqueId: `AROA${hex(physicalName, 17).toUpperCase()}` }),
    "aws:ec2/launchTemplate:LaunchTemplate": () => ({ latestVersion: 1, defaultVersion: 1 }),

    "gcp:serviceaccount/account:Account": ({ physicalName }, ctx) => {
        const email = `${physicalName}@${ctx.gcp.project}.iam.gserviceaccount.com`;
        return { email, member: `serviceAccount:${email}`, uniqueId: BigInt(`0x${hex(physicalName, 15)}`).toString() };
    },
    "gcp:container/cluster:Cluster": ({ physicalName }) => ({
        endpoint: `10.${parseInt(hex(physicalName, 2), 16)}.0.2`,
        masterAuth: { clusterCaCertificate: FAKE_CA },
        masterVersion: "1.33.5-gke.1000000",
    }),
    "gcp:sql/databaseInstance:DatabaseInstance": ({ physicalName, inputs }, ctx) => ({
        connectionName: `${ctx.gcp.project}:${String(inputs.region ?? ctx.gcp.region)}:${physicalName}`,
        privateIpAddress: `10.${parseInt(hex(physicalName, 2), 16)}.16.3`,
        ipAddresses: [{ ipAddress: `10.${parseInt(hex(physicalName, 2), 16)}.16.3`, type: "PRIVATE" }],
        serviceAccountEmailAddress: `p${ctx.gcp.projectNumber}-abcd@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
    }),
    "gcp:managedkafka/cluster:Cluster": ({ inputs }, ctx) => {
        const project = typeof inputs.project === "string" ? inputs.project : ctx.gcp.project;
        const location = typeof inputs.location === "string" ? inputs.location : ctx.gcp.region;
        return { project, location, name: `projects/${project}/locations/${location}/clusters/${String(inputs.clusterId)}`, state: "ACTIVE" };
    },
    "gcp:redis/instance:Instance": ({ physicalName }) => ({ host: `10.${parseInt(hex(physicalName, 2), 16)}.20.4`, port: 6378, serverCaCerts: [{ cert: FAKE_CA }] }),
    "gcp:cloudfunctionsv2/function:Function": ({ physicalName, inputs }, ctx) => {
        const url = `https://${physicalName}-${hex(physicalName, 10)}.${String(inputs.location ?? ctx.gcp.region)}.run.app`;
        return { url, serviceConfig: { ...((inputs.serviceConfig as Inputs | undefined) ?? {}), uri: url }, state: "ACTIVE" };
    },
    "gcp:cloudrunv2/service:Service": ({ physicalName, inputs }, ctx) => ({ uri: `https://${physicalName}-${hex(physicalName, 10)}.${String(inputs.location ?? ctx.gcp.region)}.run.app` }),
    "gcp:storage/bucket:Bucket": ({ physicalName }) => ({ url: `gs://${physicalName}` }),
    "gcp:storage/bucketObject:BucketObject": ({ physicalName }) => ({ generation: parseInt(hex(physicalName, 12), 16), md5hash: b64(hex(physicalName, 16)), mediaLink: `https://storage.googleapis.com/download/storage/v1/b/o/${encodeURIComponent(physicalName)}` }),
    "gcp:secretmanager/secret:Secret": ({ inputs }, ctx) => ({ project: inputs.project ?? ctx.gcp.project, name: `projects/${ctx.gcp.projectNumber}/secrets/${String(inputs.secretId)}` }),
    "gcp:secretmanager/secretVersion:SecretVersion": ({ inputs }) => ({ version: "1", name: `${String(inputs.secret)}/versions/1` }),
    "gcp:compute/globalAddress:GlobalAddress": ({ physicalName }) => ({ address: `34.${parseInt(hex(physicalName, 2), 16)}.10.20` }),
    "gcp:compute/address:Address": ({ physicalName }) => ({ address: `10.${parseInt(hex(physicalName, 2), 16)}.0.50` }),
    "gcp:compute/forwardingRule:ForwardingRule": ({ physicalName }) => ({ ipAddress: `10.${parseInt(hex(physicalName, 2), 16)}.0.60` }),
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": ({ physicalName }) => ({ ipAddress: `34.${parseInt(hex(physicalName, 2), 16)}.10.30` }),
    "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager": ({ physicalName, inputs }, ctx) => ({
        instanceGroup: `https://www.googleapis.com/compute/v1/projects/${ctx.gcp.project}/regions/${String(inputs.region ?? ctx.gcp.region)}/instanceGroups/${physicalName}`,
    }),

    "azure-native:containerservice:ManagedCluster": ({ physicalName }, ctx) => ({
        fqdn: `${physicalName}-${hex(physicalName, 8)}.hcp.${ctx.azure.location}.azmk8s.io`,
        privateFQDN: `${physicalName}-${hex(physicalName, 8)}.${hex(physicalName + "p", 8)}.privatelink.${ctx.azure.location}.azmk8s.io`,
        oidcIssuerProfile: { enabled: true, issuerURL: `https://${ctx.azure.location}.oic.prod-aks.azure.com/${ctx.azure.tenantId}/${hex(physicalName, 32)}/` },
        identityProfile: { kubeletidentity: { clientId: hex(physicalName + "k", 32), objectId: hex(physicalName + "o", 32) } },
    }),
    "azure-native:dbforpostgresql:Server": ({ physicalName }) => ({ fullyQualifiedDomainName: `${physicalName}.postgres.database.azure.com` }),
    "azure-native:redis:Redis": ({ physicalName, inputs }) => {
        // azure-native v3 names a cache with the `name` input.
        const cache = typeof inputs.name === "string" ? inputs.name : physicalName;
        return { name: cache, hostName: `${cache}.redis.cache.windows.net`, sslPort: 6380, port: 6379 };
    },
    "azure-native:cache:Redis": ({ physicalName }) => ({ hostName: `${physicalName}.redis.cache.windows.net`, sslPort: 6380, port: 6379 }),
    "azure-native:eventhub:Namespace": ({ physicalName }) => ({ serviceBusEndpoint: `https://${physicalName}.servicebus.windows.net:443/` }),
    "azure-native:web:WebApp": ({ physicalName }) => ({ defaultHostName: `${physicalName}.azurewebsites.net` }),
    "azure-native:storage:StorageAccount": ({ physicalName }) => ({
        primaryEndpoints: { blob: `https://${physicalName}.blob.core.windows.net/`, queue: `https://${physicalName}.queue.core.windows.net/` },
    }),
    "azure-native:managedidentity:UserAssignedIdentity": ({ physicalName }) => ({ principalId: hex(physicalName + "p", 32), clientId: hex(physicalName + "c", 32) }),
    "azure-native:network:PublicIPAddress": ({ physicalName }) => ({ ipAddress: `20.${parseInt(hex(physicalName, 2), 16)}.30.40` }),
    "azure-native:keyvault:Vault": ({ physicalName }) => ({ properties: { vaultUri: `https://${physicalName}.vault.azure.net/` } }),
    "azure-native:insights:Component": ({ physicalName }) => ({ connectionString: `InstrumentationKey=${hex(physicalName, 32)}`, instrumentationKey: hex(physicalName, 32) }),
    "azure-native:storage:BlobContainer": ({ inputs, physicalName }) => ({ name: typeof inputs.containerName === "string" ? inputs.containerName : physicalName }),
    "azure-native:applicationinsights:Component": ({ physicalName }, ctx) => ({
        connectionString: `InstrumentationKey=${hex(physicalName, 8)}-${hex(physicalName, 4)}-4${hex(physicalName, 3)}-8${hex(physicalName, 3)}-${hex(physicalName, 12)};IngestionEndpoint=https://${ctx.azure.location}-1.in.applicationinsights.azure.com/`,
        instrumentationKey: hex(physicalName, 32),
    }),
    "azure-native:network:LoadBalancer": ({ physicalName, inputs }) => ({
        frontendIPConfigurations: ((inputs.frontendIPConfigurations as Inputs[] | undefined) ?? []).map((f, i) =>
            f.subnet ? { ...f, privateIPAddress: `10.${parseInt(hex(physicalName, 2), 16)}.${64 + i}.4` } : f,
        ),
    }),
};

export class Catalogue {
    private readonly invokes: Record<string, InvokeAnswer>;
    private readonly extras: Record<string, ResourceExtras>;

    constructor(
        readonly context: CloudContext,
        overrides: CatalogueOverrides = {},
    ) {
        this.invokes = { ...INVOKES, ...(overrides.invokes ?? {}) };
        this.extras = { ...RESOURCE_EXTRAS, ...(overrides.resources ?? {}) };
    }

    knows(token: string): boolean {
        return token in this.invokes;
    }

    call(token: string, inputs: Inputs): Record<string, unknown> | undefined {
        return this.invokes[token]?.(inputs, this.context);
    }

    /** The id and state of a registered resource: its inputs, plus what the cloud computes. */
    resource(type: string, name: string, inputs: Inputs, custom: boolean): { id: string | undefined; state: Record<string, unknown> } {
        if (!custom) return { id: undefined, state: {} };
        if (type.startsWith("pulumi:providers:")) return { id: hex(`${type}:${name}`, 8) + "-provider", state: inputs };
        const provider = type.split(":")[0];
        const physicalName = this.physicalName(provider, type, name, inputs);
        const id = this.id(provider, type, name, inputs, physicalName);
        const state: Record<string, unknown> = { ...inputs };
        if (provider === "aws") {
            state.arn = this.awsArn(type, id, physicalName);
            if (!("name" in inputs) && !NAME_INPUT[type]) state.name = physicalName;
            state.tagsAll = inputs.tags;
        } else if (provider === "gcp") {
            state.selfLink = `https://www.googleapis.com/compute/v1/${id}`;
            if (!("name" in inputs)) state.name = physicalName;
        } else if (provider === "azure-native") {
            state.name = physicalName;
            state.location = inputs.location ?? this.context.azure.location;
        } else if (provider === "kubernetes") {
            const metadata = (inputs.metadata as Inputs | undefined) ?? {};
            state.metadata = { ...metadata, name: physicalName, uid: hex(`${type}:${name}`, 32) };
        }
        if (NAME_INPUT[type] && !(NAME_INPUT[type] in inputs)) state[NAME_INPUT[type]] = physicalName;
        state.id = id;
        Object.assign(state, this.extras[type]?.({ name, id, inputs, physicalName }, this.context) ?? {});
        return { id, state };
    }

    /** The name the cloud will know the resource by: given, or auto-named like Pulumi does. */
    private physicalName(provider: string, type: string, name: string, inputs: Inputs): string {
        const key = NAME_INPUT[type] ?? "name";
        if (provider === "kubernetes") {
            const metadataName = ((inputs.metadata as Inputs | undefined) ?? {}).name;
            return typeof metadataName === "string" ? metadataName : `${name}-${hex(name, 8)}`;
        }
        if (provider === "azure-native") {
            const resourceKey = azureNameKey(type);
            const given = inputs[resourceKey];
            return typeof given === "string" ? given : `${name}${hex(name, 8)}`;
        }
        const given = inputs[key];
        if (typeof given === "string") return given;
        if (typeof inputs.namePrefix === "string") return `${inputs.namePrefix}${hex(name, 26)}`;
        const auto = `${name}-${hex(`${type}:${name}`, 7)}`;
        return provider === "gcp" ? auto.toLowerCase() : auto;
    }

    private id(provider: string, type: string, name: string, inputs: Inputs, physicalName: string): string {
        const ctx = this.context;
        switch (provider) {
            case "aws": {
                const prefix = AWS_ID_PREFIX[type];
                if (prefix) return `${prefix}${hex(`${type}:${name}`, 17)}`;
                if (type === "aws:kms/key:Key") return `${hex(name, 8)}-${hex(name + 1, 4)}-4${hex(name + 2, 3)}-8${hex(name + 3, 3)}-${hex(name + 4, 12)}`;
                if (type === "aws:apigatewayv2/api:Api") return hex(name, 10);
                if (type.startsWith("aws:lb/") || type.startsWith("aws:alb/")) return this.awsArn(type, physicalName, physicalName);
                return physicalName;
            }
            case "gcp": {
                const collection = gcpCollection(type);
                const region = typeof inputs.region === "string" ? inputs.region : typeof inputs.location === "string" ? inputs.location : undefined;
                const zone = typeof inputs.zone === "string" ? inputs.zone : undefined;
                const scope = zone ? `zones/${zone}` : region ? `${type.includes("compute/") ? "regions" : "locations"}/${region}` : "global";
                if (type === "gcp:serviceaccount/account:Account") return `projects/${ctx.gcp.project}/serviceAccounts/${physicalName}@${ctx.gcp.project}.iam.gserviceaccount.com`;
                if (type === "gcp:storage/bucket:Bucket") return physicalName;
                return `projects/${ctx.gcp.project}/${scope}/${collection}/${physicalName}`;
            }
            case "azure-native": {
                const sub = `/subscriptions/${ctx.azure.subscriptionId}`;
                if (type === "azure-native:resources:ResourceGroup") return `${sub}/resourceGroups/${physicalName}`;
                const group = typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : "rg";
                const [, module, kind] = type.split(":");
                return `${sub}/resourceGroups/${group}/providers/${azureNamespace(module)}/${lowerFirst(kind)}s/${physicalName}`;
            }
            case "kubernetes": {
                const metadata = (inputs.metadata as Inputs | undefined) ?? {};
                return typeof metadata.namespace === "string" ? `${metadata.namespace}/${physicalName}` : physicalName;
            }
            default:
                return `${physicalName}-${hex(`${type}:${name}`, 8)}`;
        }
    }

    private awsArn(type: string, id: string, physicalName: string): string {
        const { region, accountId } = this.context.aws;
        const service = type.split(":")[1].split("/")[0];
        const kind = lowerFirst(type.split(":")[2]);
        if (service === "iam") return `arn:aws:iam::${accountId}:${kind === "role" ? "role" : kind === "instanceProfile" ? "instance-profile" : "policy"}/${physicalName}`;
        if (service === "s3") return `arn:aws:s3:::${physicalName}`;
        if (service === "cloudwatch" && kind === "logGroup") return `arn:aws:logs:${region}:${accountId}:log-group:${physicalName}`;
        if (service === "sqs") return `arn:aws:sqs:${region}:${accountId}:${physicalName}`;
        if (service === "lambda" && kind === "function") return `arn:aws:lambda:${region}:${accountId}:function:${physicalName}`;
        if (service === "lb") return `arn:aws:elasticloadbalancing:${region}:${accountId}:${kind === "targetGroup" ? "targetgroup" : "loadbalancer/app"}/${physicalName}/${hex(physicalName, 16)}`;
        if (service === "secretsmanager") return `arn:aws:secretsmanager:${region}:${accountId}:secret:${physicalName}-${hex(physicalName, 6)}`;
        return `arn:aws:${service}:${region}:${accountId}:${kind.toLowerCase()}/${id}`;
    }
}

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `gcp:compute/subnetwork:Subnetwork` is stored as `.../subnetworks/NAME`. */
function gcpCollection(type: string): string {
    const kind = type.split(":")[2];
    return `${lowerFirst(kind)}s`;
}

/** The input that carries an Azure resource's name: `virtualNetworkName` for a VirtualNetwork. */
function azureNameKey(type: string): string {
    const kind = type.split(":")[2];
    const special: Record<string, string> = {
        "azure-native:resources:ResourceGroup": "resourceGroupName",
        "azure-native:containerservice:ManagedCluster": "resourceName",
        "azure-native:containerservice:AgentPool": "agentPoolName",
        "azure-native:web:WebApp": "name",
        "azure-native:storage:StorageAccount": "accountName",
        "azure-native:dbforpostgresql:Server": "serverName",
        "azure-native:compute:VirtualMachineScaleSet": "vmScaleSetName",
        "azure-native:eventhub:Namespace": "namespaceName",
        "azure-native:insights:Component": "resourceName",
        "azure-native:insights:AutoscaleSetting": "autoscaleSettingName",
        "azure-native:keyvault:Vault": "vaultName",
        "azure-native:managedidentity:UserAssignedIdentity": "resourceName",
        "azure-native:network:PublicIPAddress": "publicIpAddressName",
    };
    return special[type] ?? `${lowerFirst(kind)}Name`;
}

const AZURE_NAMESPACES: Record<string, string> = {
    network: "Microsoft.Network",
    compute: "Microsoft.Compute",
    containerservice: "Microsoft.ContainerService",
    dbforpostgresql: "Microsoft.DBforPostgreSQL",
    cache: "Microsoft.Cache",
    redis: "Microsoft.Cache",
    redisenterprise: "Microsoft.Cache",
    eventhub: "Microsoft.EventHub",
    web: "Microsoft.Web",
    storage: "Microsoft.Storage",
    keyvault: "Microsoft.KeyVault",
    insights: "Microsoft.Insights",
    managedidentity: "Microsoft.ManagedIdentity",
    operationalinsights: "Microsoft.OperationalInsights",
    authorization: "Microsoft.Authorization",
    privatedns: "Microsoft.Network",
    servicebus: "Microsoft.ServiceBus",
    monitor: "Microsoft.Insights",
};

function azureNamespace(module: string): string {
    return AZURE_NAMESPACES[module] ?? `Microsoft.${module.charAt(0).toUpperCase()}${module.slice(1)}`;
}
