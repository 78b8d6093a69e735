import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import type * as k8s from "@pulumi/kubernetes";
import { ArgsChecker, Transform, cloudName, gcpLabelProblems, gcpLabels, loadCloudModule, machineType, standardTags, transformed } from "../core";
import type { NetworkInfo } from "../network";
import { ContainerRuntimeArgsBase, ResolvedCapacityGroup, ResolvedRuntimeArgs, capacityPlacement, validateContainerRuntimeArgs } from "./index";
import { renderKubeconfig } from "./kubeconfig";
import { TaintEffect } from "./podspec";
import { BuiltRuntime, RuntimeComponent } from "./runtime";

export type GkeReleaseChannel = "RAPID" | "REGULAR" | "STABLE";
export const GKE_RELEASE_CHANNELS: readonly GkeReleaseChannel[] = ["RAPID", "REGULAR", "STABLE"];

export interface GcpContainerRuntimeArgs extends ContainerRuntimeArgsBase {
    /** The VPC network (its Kubernetes subnet and the pods/services secondary ranges). */
    network: NetworkInfo;
    /** The project. Unset: the provider's project. */
    project?: string;
    /**
     * The GKE release channel the control plane and nodes follow.
     * @default "REGULAR"
     */
    releaseChannel?: GkeReleaseChannel;
    /**
     * Encrypt Kubernetes secrets in etcd with a Cloud KMS key of the runtime's own
     * (rotated every 90 days). Cost: a KMS key version is billed monthly.
     * @default true
     */
    secretsEncryption?: boolean;
    /** Overrides for children, applied to platform-kit's defaults before each is created. */
    transform?: {
        cluster?: Transform<gcp.container.ClusterArgs>;
        nodePool?: Transform<gcp.container.NodePoolArgs>;
        nodeServiceAccount?: Transform<gcp.serviceaccount.AccountArgs>;
        secretsKey?: Transform<gcp.kms.CryptoKeyArgs>;
        provider?: Transform<k8s.ProviderArgs>;
    };
}

export type GcpBuildArgs = ResolvedRuntimeArgs & Omit<GcpContainerRuntimeArgs, keyof ContainerRuntimeArgsBase>;

const GKE_TAINT_EFFECT: Record<TaintEffect, string> = { NoSchedule: "NO_SCHEDULE", NoExecute: "NO_EXECUTE", PreferNoSchedule: "PREFER_NO_SCHEDULE" };

/**
 * Roles of the nodes' own service account: GKE's minimal node role (logs, metrics) and
 * pulling images from Artifact Registry; never the Compute Engine default account's Editor.
 */
export const GKE_NODE_ROLES = ["roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader"];

/** Checks the Google Cloud-only arguments; throws every problem at once. */
export function checkGcpContainerRuntimeArgs(kind: string, name: string, args: Pick<GcpBuildArgs, "releaseChannel" | "tags" | "project">): void {
    const check = new ArgsChecker(kind, name);
    if (args.releaseChannel !== undefined) check.oneOf("releaseChannel", args.releaseChannel, GKE_RELEASE_CHANNELS);
    if (args.project !== undefined) check.require(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/.test(args.project), "project", args.project, "a Google Cloud project id");
    check.addAll(gcpLabelProblems(args.tags));
    check.done();
}

/** Builds a regional GKE cluster, a node pool per capacity group, and the runtime's tenancy. */
export function buildGcpContainerRuntime(name: string, args: GcpBuildArgs, parent: pulumi.ComponentResource): BuiltRuntime {
    const opts: pulumi.CustomResourceOptions = { parent };
    const region = args.network.region;
    const labels = gcpLabels(standardTags("container-runtime", args.tags));
    const project = gcp.organizations.getProjectOutput({ projectId: args.project }, { parent });
    const projectId = args.project ?? project.apply((p) => p.projectId ?? "");

    const [saArgs, saOpts] = transformed<gcp.serviceaccount.AccountArgs, pulumi.CustomResourceOptions>(
        { accountId: cloudName("gcp-service-account", name, "nodes"), displayName: `GKE nodes of runtime ${name}`, project: args.project },
        opts,
        args.transform?.nodeServiceAccount,
    );
    const nodeAccount = new gcp.serviceaccount.Account(`${name}-node-account`, saArgs, saOpts);
    const nodeRoles = GKE_NODE_ROLES.map(
        (role) => new gcp.projects.IAMMember(`${name}-node-${role.split("/")[1].replace(/\./g, "-")}`, { project: projectId, role, member: nodeAccount.member }, opts),
    );

    const dependsOn: pulumi.Resource[] = [...nodeRoles];
    let databaseEncryption: gcp.types.input.container.ClusterDatabaseEncryption | undefined;
    if (args.secretsEncryption ?? true) {
        const keyRing = new gcp.kms.KeyRing(`${name}-secrets-key-ring`, { name: cloudName("gcp-resource", name, "secrets"), location: region, project: args.project }, opts);
        const [keyArgs, keyOpts] = transformed<gcp.kms.CryptoKeyArgs, pulumi.CustomResourceOptions>(
            { name: cloudName("gcp-resource", name, "secrets"), keyRing: keyRing.id, purpose: "ENCRYPT_DECRYPT", rotationPeriod: "7776000s", labels },
            opts,
            args.transform?.secretsKey,
        );
        const key = new gcp.kms.CryptoKey(`${name}-secrets-key`, keyArgs, keyOpts);
        // GKE's service agent encrypts and decrypts with the key on the cluster's behalf.
        const grant = new gcp.kms.CryptoKeyIAMMember(
            `${name}-secrets-key-gke-agent`,
            { cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: pulumi.interpolate`serviceAccount:service-${project.number}@container-engine-robot.iam.gserviceaccount.com` },
            opts,
        );
        dependsOn.push(grant);
        databaseEncryption = { state: "ENCRYPTED", keyName: key.id };
    }

    const nodeSecurity = {
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        // Pods see the GKE metadata server: workload identity, never the node's credentials.
        workloadMetadataConfig: { mode: "GKE_METADATA" },
        serviceAccount: nodeAccount.email,
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        metadata: { "disable-legacy-endpoints": "true" },
    };
    const [clusterArgs, clusterOpts] = transformed<gcp.container.ClusterArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("gcp-gke", name),
            project: args.project,
            // A region, not a zone: the control plane is replicated across the region's zones.
            location: region,
            network: args.network.networkId,
            subnetwork: pulumi.output(args.network.kubernetesSubnetIds).apply((ids) => ids[0]),
            networkingMode: "VPC_NATIVE",
            ipAllocationPolicy: { clusterSecondaryRangeName: args.network.podsRangeName, servicesSecondaryRangeName: args.network.servicesRangeName },
            // Node pools are managed separately; the default pool (with the same hardened
            // settings) exists only while the cluster is created.
            removeDefaultNodePool: true,
            initialNodeCount: 1,
            nodeConfig: nodeSecurity,
            minMasterVersion: args.kubernetesVersion,
            releaseChannel: { channel: args.releaseChannel ?? "REGULAR" },
            // Dataplane V2 (eBPF): enforces NetworkPolicy without a separate add-on.
            datapathProvider: "ADVANCED_DATAPATH",
            privateClusterConfig: {
                enablePrivateNodes: true,
                enablePrivateEndpoint: args.publicEndpoint === undefined,
            },
            masterAuthorizedNetworksConfig: {
                cidrBlocks: (args.publicEndpoint?.allowedCidrs ?? [args.network.cidr]).map((cidrBlock) => ({ cidrBlock, displayName: args.publicEndpoint ? "allowed" : "network" })),
                gcpPublicCidrsAccessEnabled: false,
            },
            workloadIdentityConfig: { workloadPool: pulumi.interpolate`${projectId}.svc.id.goog` },
            enableShieldedNodes: true,
            enableLegacyAbac: false,
            masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
            databaseEncryption,
            deletionProtection: args.deletionProtection,
            resourceLabels: labels,
        },
        { ...opts, dependsOn },
        args.transform?.cluster,
    );
    const cluster = new gcp.container.Cluster(`${name}-cluster`, clusterArgs, clusterOpts);

    const nodePools = args.capacityGroups.map((group) => buildNodePool(name, group, { args, cluster, nodeSecurity, labels, region }, parent));

    const server = pulumi.interpolate`https://${cluster.endpoint}`;
    const ca = cluster.masterAuth.apply((m) => m.clusterCaCertificate ?? "");
    const kubeconfig = pulumi.secret(
        pulumi.all([cluster.name, server, ca]).apply(([n, s, c]) =>
            renderKubeconfig(
                { name: n, server: s, certificateAuthorityData: c },
                { exec: { command: "gke-gcloud-auth-plugin", args: [], installHint: "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl", provideClusterInfo: true } },
            ),
        ),
    );
    // The provider uses the Google provider's own access token: no gcloud on the machine.
    const token = gcp.organizations.getClientConfigOutput({ parent }).accessToken;
    const providerKubeconfig = pulumi.secret(
        pulumi.all([cluster.name, server, ca, token]).apply(([n, s, c, t]) => renderKubeconfig({ name: n, server: s, certificateAuthorityData: c }, { token: t })),
    );
    // The Kubernetes SDK loads only now, so importing platform-kit/gcp never needs it.
    const { finishManagedCluster } = loadCloudModule("kubernetes", `ContainerRuntime "${name}"`, () => require("./tenancy") as typeof import("./tenancy"));
    return finishManagedCluster(
        name,
        {
            clusterName: cluster.name,
            kubeconfig,
            providerKubeconfig,
            tenancy: { tenants: args.tenants, clusterAdminUsers: args.clusterAdmins },
            placement: capacityPlacement(args.capacityGroups),
            workloadDependencies: nodePools,
        },
        parent,
        args.transform?.provider,
    );
}

interface NodePoolContext {
    args: GcpBuildArgs;
    cluster: gcp.container.Cluster;
    nodeSecurity: Pick<gcp.types.input.container.NodePoolNodeConfig, "shieldedInstanceConfig" | "workloadMetadataConfig" | "serviceAccount" | "oauthScopes" | "metadata">;
    labels: Record<string, string>;
    region: pulumi.Input<string>;
}

function buildNodePool(name: string, group: ResolvedCapacityGroup, ctx: NodePoolContext, parent: pulumi.Resource): gcp.container.NodePool {
    const [poolArgs, poolOpts] = transformed<gcp.container.NodePoolArgs, pulumi.CustomResourceOptions>(
        {
            name: group.name,
            cluster: ctx.cluster.id,
            location: ctx.region,
            project: ctx.args.project,
            autoscaling: {
                totalMinNodeCount: group.min,
                totalMaxNodeCount: group.max,
                // Spot capacity comes from whichever zone has it; on-demand stays balanced.
                locationPolicy: group.spot ? "ANY" : "BALANCED",
            },
            management: { autoRepair: true, autoUpgrade: true },
            upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
            nodeConfig: {
                ...ctx.nodeSecurity,
                machineType: group.instanceTypes?.[0] ?? machineType("gcp", group.size),
                spot: group.spot,
                diskSizeGb: group.diskSizeGb,
                diskType: "pd-balanced",
                imageType: "COS_CONTAINERD",
                labels: group.labels,
                taints: group.taints.map((t) => ({ key: t.key, value: t.value ?? "", effect: GKE_TAINT_EFFECT[t.effect] })),
                resourceLabels: ctx.labels,
            },
        },
        { parent },
        ctx.args.transform?.nodePool,
    );
    return new gcp.container.NodePool(`${name}-${group.name}-node-pool`, poolArgs, poolOpts);
}

/**
 * A ContainerRuntime on Google Kubernetes Engine with every GKE option platform-kit knows:
 * regional control plane, private nodes (and private endpoint by default), authorized
 * networks, workload identity, shielded nodes on their own service account, Dataplane V2
 * network policy, the REGULAR release channel, KMS-encrypted secrets and a node pool per
 * capacity group with autoscaling.
 *
 * Cost: GKE's cluster management fee by the hour; nodes up to each group's `max`.
 */
export class GcpContainerRuntime extends RuntimeComponent {
    constructor(name: string, args: GcpContainerRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        const kind = "GcpContainerRuntime";
        const resolved = validateContainerRuntimeArgs(name, { ...args, cloud: "gcp" }, kind);
        const buildArgs: GcpBuildArgs = {
            ...resolved,
            network: args.network,
            project: args.project,
            releaseChannel: args.releaseChannel,
            secretsEncryption: args.secretsEncryption,
            transform: args.transform,
        };
        checkGcpContainerRuntimeArgs(kind, name, buildArgs);
        super("platform-kit:container-runtime:GcpContainerRuntime", name, opts, (parent) => buildGcpContainerRuntime(name, buildArgs, parent));
    }
}
