import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import { ArgsChecker, Transform, awsTagProblems, cloudName, loadCloudModule, machineType, stableHash, standardTags, transformed } from "../core";
import type { NetworkInfo } from "../network";
import { ContainerRuntimeArgsBase, ResolvedCapacityGroup, ResolvedRuntimeArgs, capacityPlacement, validateContainerRuntimeArgs } from "./index";
import { renderKubeconfig } from "./kubeconfig";
import { TaintEffect } from "./podspec";
import { BuiltRuntime, RuntimeComponent } from "./runtime";

/** An IAM principal given access to the cluster's Kubernetes API as members of Kubernetes groups. */
export interface EksAccessEntry {
    /** IAM role or user ARN. @example "arn:aws:iam::123456789012:role/payments-admins" */
    principalArn: string;
    /** Kubernetes groups the principal belongs to, e.g. a tenant's `admins.groups`. */
    kubernetesGroups: string[];
}

export interface AwsContainerRuntimeArgs extends ContainerRuntimeArgsBase {
    /** The VPC the cluster and its nodes live in (nodes in its `kubernetesSubnetIds`). */
    network: NetworkInfo;
    /**
     * Days the control-plane logs (api, audit, authenticator, controllerManager, scheduler)
     * are kept in CloudWatch Logs. Cost: CloudWatch bills ingestion and storage.
     * @default 90
     */
    logRetentionDays?: number;
    /**
     * More IAM principals with API access, mapped to Kubernetes groups (for example a
     * tenant's admin group). Cluster admins are given with `clusterAdmins`.
     */
    accessEntries?: EksAccessEntry[];
    /** Overrides for children, applied to platform-kit's defaults before each is created. */
    transform?: {
        cluster?: Transform<aws.eks.ClusterArgs>;
        secretsKey?: Transform<aws.kms.KeyArgs>;
        logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
        launchTemplate?: Transform<aws.ec2.LaunchTemplateArgs>;
        nodeGroup?: Transform<aws.eks.NodeGroupArgs>;
        addon?: Transform<aws.eks.AddonArgs>;
        provider?: Transform<k8s.ProviderArgs>;
    };
}

export type AwsBuildArgs = ResolvedRuntimeArgs & Omit<AwsContainerRuntimeArgs, keyof ContainerRuntimeArgsBase>;

/** CloudWatch Logs' accepted retention periods, in days. */
export const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The control-plane log types EKS can send to CloudWatch: all of them. */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/**
 * The add-ons every cluster gets, as EKS-managed add-ons: the core four, and the Metrics
 * Server (not installed on EKS by default) that services' HorizontalPodAutoscalers read.
 */
export const EKS_ADDONS = ["eks-pod-identity-agent", "vpc-cni", "kube-proxy", "coredns", "metrics-server"] as const;

const EKS_TAINT_EFFECT: Record<TaintEffect, string> = { NoSchedule: "NO_SCHEDULE", NoExecute: "NO_EXECUTE", PreferNoSchedule: "PREFER_NO_SCHEDULE" };

/** The EKS-optimised Amazon Linux 2023 AMI type for a set of instance types (Graviton or x86). */
export function eksAmiType(instanceTypes: readonly string[]): string {
    const graviton = instanceTypes.every((t) => /^[a-z]+[0-9]+g[a-z0-9-]*\./.test(t));
    return graviton ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
}

/** Checks the AWS-only arguments; throws every problem at once. */
export function checkAwsContainerRuntimeArgs(kind: string, name: string, args: Pick<AwsBuildArgs, "logRetentionDays" | "accessEntries" | "tags">): void {
    const check = new ArgsChecker(kind, name);
    if (args.logRetentionDays !== undefined) {
        check.require(CLOUDWATCH_RETENTION_DAYS.includes(args.logRetentionDays), "logRetentionDays", args.logRetentionDays, `one of CloudWatch's retention periods: ${CLOUDWATCH_RETENTION_DAYS.join(", ")}`);
    }
    (args.accessEntries ?? []).forEach((e, i) => {
        check.require(/^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)\/.+$/.test(e.principalArn), `accessEntries[${i}].principalArn`, e.principalArn, "an IAM role or user ARN");
        check.require(Array.isArray(e.kubernetesGroups) && e.kubernetesGroups.length > 0 && e.kubernetesGroups.every((g) => typeof g === "string" && g.length > 0 && !g.startsWith("system:")), `accessEntries[${i}].kubernetesGroups`, e.kubernetesGroups, "a non-empty list of Kubernetes group names, none starting with \"system:\"");
    });
    check.addAll(awsTagProblems(args.tags));
    check.done();
}

function trustPolicy(service: string, actions: string[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: actions }] });
}

/** Builds an EKS cluster, its node groups and add-ons, and the runtime's tenancy. */
export function buildAwsContainerRuntime(name: string, args: AwsBuildArgs, parent: pulumi.ComponentResource): BuiltRuntime {
    const opts: pulumi.CustomResourceOptions = { parent };
    const region = args.network.region;
    const tags = standardTags("container-runtime", args.tags);
    const clusterName = cloudName("aws-eks", name);
    const partition = aws.getPartitionOutput({}, { parent }).partition;
    const managedPolicy = (policy: string) => pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}`;

    const [keyArgs, keyOpts] = transformed<aws.kms.KeyArgs, pulumi.CustomResourceOptions>(
        {
            description: `Envelope encryption of Kubernetes secrets in EKS cluster ${clusterName}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            region,
            tags,
        },
        opts,
        args.transform?.secretsKey,
    );
    const secretsKey = new aws.kms.Key(`${name}-secrets-key`, keyArgs, keyOpts);

    // EKS writes to this exact group name; creating it first lets us set its retention.
    const [logArgs, logOpts] = transformed<aws.cloudwatch.LogGroupArgs, pulumi.CustomResourceOptions>(
        { name: `/aws/eks/${clusterName}/cluster`, retentionInDays: args.logRetentionDays ?? 90, region, tags },
        opts,
        args.transform?.logGroup,
    );
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-control-plane-logs`, logArgs, logOpts);

    const clusterRole = new aws.iam.Role(`${name}-cluster-role`, { assumeRolePolicy: trustPolicy("eks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"]), tags }, opts);
    const clusterPolicy = new aws.iam.RolePolicyAttachment(`${name}-cluster-policy`, { role: clusterRole.name, policyArn: managedPolicy("AmazonEKSClusterPolicy") }, opts);

    const [clusterArgs, clusterOpts] = transformed<aws.eks.ClusterArgs, pulumi.CustomResourceOptions>(
        {
            name: clusterName,
            version: args.kubernetesVersion,
            roleArn: clusterRole.arn,
            region,
            vpcConfig: {
                subnetIds: args.network.kubernetesSubnetIds,
                endpointPrivateAccess: true,
                // Public only on request, and then only for the listed addresses.
                endpointPublicAccess: args.publicEndpoint !== undefined,
                publicAccessCidrs: args.publicEndpoint?.allowedCidrs,
            },
            accessConfig: {
                // Access entries only: the aws-auth ConfigMap is a single, easily broken
                // object; entries are per principal and audited by IAM.
                authenticationMode: "API",
                bootstrapClusterCreatorAdminPermissions: true,
            },
            encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
            enabledClusterLogTypes: EKS_LOG_TYPES,
            // The core add-ons are installed below as managed add-ons, upgraded by EKS.
            bootstrapSelfManagedAddons: false,
            // Extended support costs six times the standard hourly price: upgrade instead.
            upgradePolicy: { supportType: "STANDARD" },
            deletionProtection: args.deletionProtection,
            tags,
        },
        { ...opts, dependsOn: [logGroup, clusterPolicy] },
        args.transform?.cluster,
    );
    const cluster = new aws.eks.Cluster(`${name}-cluster`, clusterArgs, clusterOpts);

    for (const principalArn of args.clusterAdmins) {
        const id = `${name}-admin-${stableHash(principalArn, 8)}`;
        const entry = new aws.eks.AccessEntry(id, { clusterName: cluster.name, principalArn, type: "STANDARD", region, tags }, opts);
        new aws.eks.AccessPolicyAssociation(
            `${id}-policy`,
            {
                clusterName: cluster.name,
                principalArn: entry.principalArn,
                policyArn: pulumi.interpolate`arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
                accessScope: { type: "cluster" },
                region,
            },
            opts,
        );
    }
    for (const e of args.accessEntries ?? []) {
        new aws.eks.AccessEntry(`${name}-access-${stableHash(e.principalArn, 8)}`, { clusterName: cluster.name, principalArn: e.principalArn, kubernetesGroups: e.kubernetesGroups, type: "STANDARD", region, tags }, opts);
    }

    // IRSA for workloads that need it; EKS Pod Identity (the agent add-on below) is the
    // simpler path and the one platform-kit uses itself.
    new aws.iam.OpenIdConnectProvider(
        `${name}-oidc`,
        { url: cluster.identities.apply((ids) => ids[0]?.oidcs?.[0]?.issuer ?? ""), clientIdLists: ["sts.amazonaws.com"], tags },
        opts,
    );

    const addon = (addonName: (typeof EKS_ADDONS)[number], extra: Partial<aws.eks.AddonArgs>, addonOpts: pulumi.CustomResourceOptions = {}) => {
        const [a, o] = transformed<aws.eks.AddonArgs, pulumi.CustomResourceOptions>(
            { clusterName: cluster.name, addonName, resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "PRESERVE", region, tags, ...extra },
            { ...opts, ...addonOpts },
            args.transform?.addon,
        );
        return new aws.eks.Addon(`${name}-addon-${addonName}`, a, o);
    };
    const podIdentityAgent = addon("eks-pod-identity-agent", {});
    // The CNI's permissions go to its own pods through Pod Identity, not to every node.
    const cniRole = new aws.iam.Role(`${name}-vpc-cni-role`, { assumeRolePolicy: trustPolicy("pods.eks.amazonaws.com", ["sts:AssumeRole", "sts:TagSession"]), tags }, opts);
    const cniPolicy = new aws.iam.RolePolicyAttachment(`${name}-vpc-cni-policy`, { role: cniRole.name, policyArn: managedPolicy("AmazonEKS_CNI_Policy") }, opts);
    const vpcCni = addon(
        "vpc-cni",
        {
            podIdentityAssociations: [{ roleArn: cniRole.arn, serviceAccount: "aws-node" }],
            // The CNI's network policy agent is off by default: without it the tenants'
            // NetworkPolicies would be accepted and silently not enforced.
            configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
        },
        { dependsOn: [podIdentityAgent, cniPolicy] },
    );
    const kubeProxy = addon("kube-proxy", {});

    const nodeRole = new aws.iam.Role(`${name}-node-role`, { assumeRolePolicy: trustPolicy("ec2.amazonaws.com", ["sts:AssumeRole"]), tags }, opts);
    const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"].map(
        (policy) => new aws.iam.RolePolicyAttachment(`${name}-node-${policy}`, { role: nodeRole.name, policyArn: managedPolicy(policy) }, opts),
    );

    const nodeGroups = args.capacityGroups.map((group) =>
        buildNodeGroup(name, group, { args, cluster, nodeRoleArn: nodeRole.arn, region, tags, dependsOn: [...nodePolicies, vpcCni, kubeProxy, podIdentityAgent] }, parent),
    );
    // CoreDNS is a Deployment: it turns healthy only once nodes exist.
    const coredns = addon("coredns", {}, { dependsOn: nodeGroups });
    addon("metrics-server", {}, { dependsOn: nodeGroups });

    const certificateAuthorityData = cluster.certificateAuthority.apply((ca) => ca.data ?? "");
    const kubeconfig = pulumi.secret(
        pulumi.all([cluster.name, cluster.endpoint, certificateAuthorityData, region]).apply(([n, server, ca, r]) =>
            renderKubeconfig(
                { name: n, server, certificateAuthorityData: ca },
                { exec: { command: "aws", args: ["--region", r, "eks", "get-token", "--cluster-name", n, "--output", "json"], installHint: "Install the AWS CLI v2: https://docs.aws.amazon.com/cli/" } },
            ),
        ),
    );
    // The provider authenticates with a token from the AWS SDK (as `aws eks get-token`
    // would), so Pulumi runs need no AWS CLI; each run fetches a fresh 15-minute token.
    const auth = aws.eks.getClusterAuthOutput({ name: cluster.name, region }, { parent });
    const providerKubeconfig = pulumi.secret(
        pulumi.all([cluster.name, cluster.endpoint, certificateAuthorityData, auth.token]).apply(([n, server, ca, token]) =>
            renderKubeconfig({ name: n, server, certificateAuthorityData: ca }, { token }),
        ),
    );
    // The Kubernetes SDK loads only now, so importing platform-kit/aws never needs it.
    const { finishManagedCluster } = loadCloudModule("kubernetes", `ContainerRuntime "${name}"`, () => require("./tenancy") as typeof import("./tenancy"));
    return finishManagedCluster(
        name,
        {
            clusterName: cluster.name,
            kubeconfig,
            providerKubeconfig,
            tenancy: { tenants: args.tenants },
            placement: capacityPlacement(args.capacityGroups),
            workloadDependencies: [...nodeGroups, coredns],
        },
        parent,
        args.transform?.provider,
    );
}

interface NodeGroupContext {
    args: AwsBuildArgs;
    cluster: aws.eks.Cluster;
    nodeRoleArn: pulumi.Output<string>;
    region: pulumi.Input<string>;
    tags: Record<string, string>;
    dependsOn: pulumi.Resource[];
}

function buildNodeGroup(name: string, group: ResolvedCapacityGroup, ctx: NodeGroupContext, parent: pulumi.Resource): aws.eks.NodeGroup {
    const opts: pulumi.CustomResourceOptions = { parent };
    const prefix = `${name}-${group.name}`;
    const instanceTypes = group.instanceTypes ?? [machineType("aws", group.size)];
    const [ltArgs, ltOpts] = transformed<aws.ec2.LaunchTemplateArgs, pulumi.CustomResourceOptions>(
        {
            description: `Nodes of capacity group ${group.name} in EKS runtime ${name}`,
            region: ctx.region,
            updateDefaultVersion: true,
            metadataOptions: {
                httpEndpoint: "enabled",
                httpTokens: "required",
                // Hop limit 1: containers (one network hop away) cannot reach the node's
                // instance credentials. Pods get AWS credentials through EKS Pod Identity.
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            },
            blockDeviceMappings: [
                { deviceName: "/dev/xvda", ebs: { volumeSize: group.diskSizeGb, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
            ],
            tagSpecifications: [
                { resourceType: "instance", tags: { ...ctx.tags, Name: prefix } },
                { resourceType: "volume", tags: ctx.tags },
            ],
            tags: ctx.tags,
        },
        opts,
        ctx.args.transform?.launchTemplate,
    );
    const launchTemplate = new aws.ec2.LaunchTemplate(`${prefix}-launch-template`, ltArgs, ltOpts);
    const [ngArgs, ngOpts] = transformed<aws.eks.NodeGroupArgs, pulumi.CustomResourceOptions>(
        {
            clusterName: ctx.cluster.name,
            nodeGroupName: group.name,
            nodeRoleArn: ctx.nodeRoleArn,
            subnetIds: ctx.args.network.kubernetesSubnetIds,
            region: ctx.region,
            version: ctx.args.kubernetesVersion,
            instanceTypes,
            amiType: eksAmiType(instanceTypes),
            capacityType: group.spot ? "SPOT" : "ON_DEMAND",
            scalingConfig: { minSize: group.min, maxSize: group.max, desiredSize: group.min },
            labels: group.labels,
            taints: group.taints.map((t) => ({ key: t.key, value: t.value, effect: EKS_TAINT_EFFECT[t.effect] })),
            launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply(String) },
            updateConfig: { maxUnavailablePercentage: 33 },
            tags: ctx.tags,
        },
        // The cluster autoscaler owns the desired size between min and max.
        { ...opts, dependsOn: ctx.dependsOn, ignoreChanges: ["scalingConfig.desiredSize"] },
        ctx.args.transform?.nodeGroup,
    );
    return new aws.eks.NodeGroup(`${prefix}-node-group`, ngArgs, ngOpts);
}

/**
 * A ContainerRuntime on Amazon EKS with every EKS option platform-kit knows: private API
 * endpoint, KMS-encrypted secrets, all control-plane logs, access entries, OIDC and Pod
 * Identity, managed node groups (IMDSv2, hop limit 1, encrypted gp3) per capacity group,
 * and the core managed add-ons.
 *
 * Cost: the EKS control plane is billed by the hour; nodes up to each group's `max`; the
 * KMS key monthly; control-plane logs by the GB.
 */
export class AwsContainerRuntime extends RuntimeComponent {
    constructor(name: string, args: AwsContainerRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        const kind = "AwsContainerRuntime";
        const resolved = validateContainerRuntimeArgs(name, { ...args, cloud: "aws" }, kind);
        const buildArgs: AwsBuildArgs = {
            ...resolved,
            network: args.network,
            logRetentionDays: args.logRetentionDays,
            accessEntries: args.accessEntries,
            transform: args.transform,
        };
        checkAwsContainerRuntimeArgs(kind, name, buildArgs);
        super("platform-kit:container-runtime:AwsContainerRuntime", name, opts, (parent) => buildAwsContainerRuntime(name, buildArgs, parent));
    }
}
