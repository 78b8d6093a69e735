import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import type * as k8s from "@pulumi/kubernetes";
import * as ipaddr from "ipaddr.js";
import { ArgsChecker, PlatformKitError, Transform, azureTagProblems, cloudName, loadCloudModule, machineType, standardTags, transformed } from "../core";
import type { NetworkInfo } from "../network";
import { ContainerRuntimeArgsBase, ResolvedCapacityGroup, ResolvedRuntimeArgs, capacityPlacement, resolveCapacityGroup, validateContainerRuntimeArgs } from "./index";
import { NodeTaint } from "./podspec";
import { BuiltRuntime, RuntimeComponent } from "./runtime";

export type AksTier = "Free" | "Standard" | "Premium";
export const AKS_TIERS: readonly AksTier[] = ["Free", "Standard", "Premium"];
export type AksNetworkPolicy = "cilium" | "calico";

export interface AzureContainerRuntimeArgs extends ContainerRuntimeArgsBase {
    /** The VNet (nodes in its `kubernetesSubnetIds[0]`; the cluster in its resource group). */
    network: NetworkInfo;
    /**
     * The AKS pricing tier. `Standard` has the uptime SLA and scales the control plane;
     * `Free` is for trials. Cost: Standard and Premium bill the control plane by the hour.
     * @default "Standard"
     */
    tier?: AksTier;
    /**
     * The network policy engine. `cilium` (Azure CNI powered by Cilium, eBPF) or `calico`.
     * @default "cilium"
     */
    networkPolicy?: AksNetworkPolicy;
    /**
     * Address space of pods (Azure CNI overlay): must not overlap the VNet.
     * @default "192.168.0.0/16"
     */
    podCidr?: string;
    /**
     * Address space of Kubernetes Services: must not overlap the VNet or `podCidr`.
     * (AKS's own default, 10.0.0.0/16, collides with the usual VNet range.)
     * @default "172.16.0.0/16"
     */
    serviceCidr?: string;
    /**
     * The system pool created when no capacity group has purpose `system`.
     * @default { size: "small", min: 2, max: 3 }
     */
    systemPool?: { size?: "small" | "medium" | "large" | "xlarge"; vmSize?: string; min?: number; max?: number };
    /**
     * Encrypt Kubernetes secrets in etcd with your Key Vault key (AKS KMS). The cluster then
     * runs as the given user-assigned identity, which needs "Key Vault Crypto User" on the
     * key. Unset: secrets are encrypted at rest with platform-managed keys only.
     */
    secretsEncryption?: AksSecretsEncryption;
    /** Overrides for children, applied to platform-kit's defaults before each is created. */
    transform?: {
        cluster?: Transform<containerservice.ManagedClusterArgs>;
        agentPool?: Transform<containerservice.AgentPoolArgs>;
        provider?: Transform<k8s.ProviderArgs>;
    };
}

/** A Key Vault key for AKS KMS, and the identity the cluster reads it with. */
export interface AksSecretsEncryption {
    /** The key's versioned identifier. @example "https://kv.vault.azure.net/keys/aks/0123..." */
    keyId: pulumi.Input<string>;
    /** Resource id of the user-assigned identity the cluster runs as. */
    identityResourceId: pulumi.Input<string>;
    /**
     * The Key Vault's resource id, when it is private (public network access off): AKS then
     * reaches it over a private link. Unset: the vault is reached on its public endpoint.
     */
    privateKeyVaultResourceId?: pulumi.Input<string>;
}

export type AzureBuildArgs = ResolvedRuntimeArgs & Omit<AzureContainerRuntimeArgs, keyof ContainerRuntimeArgsBase>;

export const DEFAULT_POD_CIDR = "192.168.0.0/16";
export const DEFAULT_SERVICE_CIDR = "172.16.0.0/16";

/** The taint AKS puts on every Spot node; workloads placed on Spot capacity tolerate it. */
export const AKS_SPOT_TAINT: NodeTaint = { key: "kubernetes.azure.com/scalesetpriority", value: "spot", effect: "NoSchedule" };

/** A taint in AKS's `key=value:Effect` form. */
export function aksTaint(t: NodeTaint): string {
    return t.value === undefined ? `${t.key}:${t.effect}` : `${t.key}=${t.value}:${t.effect}`;
}

function isIpv4Cidr(cidr: unknown): cidr is string {
    return typeof cidr === "string" && ipaddr.isValidCIDR(cidr) && ipaddr.parseCIDR(cidr)[0].kind() === "ipv4";
}

function overlaps(a: string, b: string): boolean {
    const [ipA, lenA] = ipaddr.parseCIDR(a);
    const [ipB, lenB] = ipaddr.parseCIDR(b);
    if (ipA.kind() !== ipB.kind()) return false;
    return ipA.match(ipB, lenB) || ipB.match(ipA, lenA);
}

/** The cluster DNS service address: the tenth address of the service range. */
export function dnsServiceIp(serviceCidr: string): string {
    const bytes = ipaddr.parseCIDR(serviceCidr)[0].toByteArray();
    bytes[bytes.length - 1] += 10;
    return ipaddr.fromByteArray(bytes).toString();
}

/** Checks the Azure-only arguments; throws every problem at once. */
export function checkAzureContainerRuntimeArgs(kind: string, name: string, args: Pick<AzureBuildArgs, "tier" | "networkPolicy" | "podCidr" | "serviceCidr" | "systemPool" | "tags" | "network">): void {
    const check = new ArgsChecker(kind, name);
    if (args.tier !== undefined) check.oneOf("tier", args.tier, AKS_TIERS);
    if (args.networkPolicy !== undefined) check.oneOf("networkPolicy", args.networkPolicy, ["cilium", "calico"]);
    const podCidr = args.podCidr ?? DEFAULT_POD_CIDR;
    const serviceCidr = args.serviceCidr ?? DEFAULT_SERVICE_CIDR;
    const podOk = check.require(isIpv4Cidr(podCidr), "podCidr", podCidr, "an IPv4 CIDR block such as \"192.168.0.0/16\"");
    const serviceOk = check.require(isIpv4Cidr(serviceCidr), "serviceCidr", serviceCidr, "an IPv4 CIDR block such as \"172.16.0.0/16\"");
    const vnet = args.network.cidr;
    const vnetOk = ipaddr.isValidCIDR(vnet);
    if (podOk && vnetOk) check.require(!overlaps(podCidr, vnet), "podCidr", podCidr, `a range that does not overlap the network (${vnet})`);
    if (serviceOk && vnetOk) check.require(!overlaps(serviceCidr, vnet), "serviceCidr", serviceCidr, `a range that does not overlap the network (${vnet})`);
    if (podOk && serviceOk) check.require(!overlaps(podCidr, serviceCidr), "serviceCidr", serviceCidr, `a range that does not overlap podCidr (${podCidr})`);
    if (args.systemPool !== undefined) {
        check.integer("systemPool.min", args.systemPool.min, 1, 1000, "nodes");
        check.integer("systemPool.max", args.systemPool.max, 1, 1000, "nodes");
        const min = args.systemPool.min ?? 2;
        const max = args.systemPool.max ?? Math.max(3, min);
        check.require(min <= max, "systemPool.min", min, `at most systemPool.max (${max})`);
    }
    check.addAll(azureTagProblems(args.tags));
    check.done();
}

function agentPoolSettings(group: ResolvedCapacityGroup) {
    const taints = group.spot ? [...group.taints, AKS_SPOT_TAINT] : group.taints;
    return {
        vmSize: group.instanceTypes?.[0] ?? machineType("azure", group.size),
        count: Math.max(group.min, group.purpose === "system" ? 1 : 0),
        enableAutoScaling: true,
        minCount: group.min,
        maxCount: group.max,
        mode: group.purpose === "system" ? "System" : "User",
        osType: "Linux",
        osSKU: "AzureLinux",
        type: "VirtualMachineScaleSets",
        osDiskSizeGB: group.diskSizeGb,
        nodeLabels: group.labels,
        nodeTaints: taints.map(aksTaint),
        // Spot: evicted VMs are deleted (not kept deallocated on the quota), at any price
        // up to on-demand (-1).
        ...(group.spot ? { scaleSetPriority: "Spot", scaleSetEvictionPolicy: "Delete", spotMaxPrice: -1 } : { upgradeSettings: { maxSurge: "33%" } }),
    };
}

/** Builds a private AKS cluster, a pool per capacity group, and the runtime's tenancy. */
export function buildAzureContainerRuntime(name: string, args: AzureBuildArgs, parent: pulumi.ComponentResource): BuiltRuntime {
    const opts: pulumi.CustomResourceOptions = { parent };
    const resourceGroupName = args.network.resourceGroupName;
    if (resourceGroupName === undefined) {
        throw new PlatformKitError(`ContainerRuntime "${name}"`, [{ field: "network.resourceGroupName", value: undefined, allowed: "the Azure network's resource group" }]);
    }
    const tags = standardTags("container-runtime", args.tags);
    const subnetId = pulumi.output(args.network.kubernetesSubnetIds).apply((ids) => ids[0]);
    const serviceCidr = args.serviceCidr ?? DEFAULT_SERVICE_CIDR;

    // The system pool is part of the cluster resource (AKS needs one to exist); capacity
    // groups beyond it are agent pools of their own, so adding one never touches the cluster.
    const systemGroups = args.capacityGroups.filter((g) => g.purpose === "system");
    const inlineSystem =
        systemGroups[0] ??
        resolveCapacityGroup({
            name: "system",
            purpose: "system",
            size: args.systemPool?.vmSize === undefined ? (args.systemPool?.size ?? "small") : undefined,
            instanceTypes: args.systemPool?.vmSize === undefined ? undefined : [args.systemPool.vmSize],
            min: args.systemPool?.min ?? 2,
            max: args.systemPool?.max ?? Math.max(3, args.systemPool?.min ?? 2),
        });
    const pooled = args.capacityGroups.filter((g) => g !== inlineSystem);

    const clusterResourceName = cloudName("azure-service", name);
    const [clusterArgs, clusterOpts] = transformed<containerservice.ManagedClusterArgs, pulumi.CustomResourceOptions>(
        {
            resourceGroupName,
            resourceName: clusterResourceName,
            location: args.network.region,
            dnsPrefix: clusterResourceName.slice(0, 54),
            kubernetesVersion: args.kubernetesVersion,
            identity:
                args.secretsEncryption === undefined
                    ? { type: "SystemAssigned" }
                    : { type: "UserAssigned", userAssignedIdentities: [args.secretsEncryption.identityResourceId] },
            sku: { name: "Base", tier: args.tier ?? "Standard" },
            enableRBAC: true,
            // Entra ID only: no static admin certificate that bypasses identity and audit.
            disableLocalAccounts: true,
            aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: args.clusterAdmins },
            apiServerAccessProfile:
                args.publicEndpoint === undefined
                    ? { enablePrivateCluster: true }
                    : { enablePrivateCluster: false, authorizedIPRanges: args.publicEndpoint.allowedCidrs },
            networkProfile: {
                networkPlugin: "azure",
                // Overlay: pods take addresses from podCidr, not from the VNet's subnets.
                networkPluginMode: "overlay",
                networkPolicy: args.networkPolicy ?? "cilium",
                networkDataplane: (args.networkPolicy ?? "cilium") === "cilium" ? "cilium" : "azure",
                podCidr: args.podCidr ?? DEFAULT_POD_CIDR,
                serviceCidr,
                dnsServiceIP: dnsServiceIp(serviceCidr),
                loadBalancerSku: "standard",
            },
            oidcIssuerProfile: { enabled: true },
            securityProfile: {
                workloadIdentity: { enabled: true },
                azureKeyVaultKms:
                    args.secretsEncryption === undefined
                        ? undefined
                        : {
                              enabled: true,
                              keyId: args.secretsEncryption.keyId,
                              keyVaultNetworkAccess: args.secretsEncryption.privateKeyVaultResourceId === undefined ? "Public" : "Private",
                              keyVaultResourceId: args.secretsEncryption.privateKeyVaultResourceId,
                          },
            },
            autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
            agentPoolProfiles: [{ name: inlineSystem.name, vnetSubnetID: subnetId, ...agentPoolSettings(inlineSystem) }],
            tags,
        },
        // The autoscaler owns the system pool's node count between its bounds.
        { ...opts, ignoreChanges: ["agentPoolProfiles[0].count"] },
        args.transform?.cluster,
    );
    const cluster = new containerservice.ManagedCluster(`${name}-cluster`, clusterArgs, clusterOpts);

    const agentPools = pooled.map((group) => {
        const [poolArgs, poolOpts] = transformed<containerservice.AgentPoolArgs, pulumi.CustomResourceOptions>(
            { resourceGroupName, resourceName: cluster.name, agentPoolName: group.name, vnetSubnetID: subnetId, ...agentPoolSettings(group) },
            { ...opts, ignoreChanges: ["count"] },
            args.transform?.agentPool,
        );
        return new containerservice.AgentPool(`${name}-${group.name}-agent-pool`, poolArgs, poolOpts);
    });

    const credentials = containerservice.listManagedClusterUserCredentialsOutput({ resourceGroupName, resourceName: cluster.name }, { parent });
    // With local accounts disabled this kubeconfig authenticates through Entra ID with
    // kubelogin (`kubelogin convert-kubeconfig -l azurecli` for a CLI login).
    const kubeconfig = pulumi.secret(credentials.kubeconfigs.apply((list) => Buffer.from(list[0]?.value ?? "", "base64").toString("utf8")));
    // The Kubernetes SDK loads only now, so importing platform-kit/azure never needs it.
    const { finishManagedCluster } = loadCloudModule("kubernetes", `ContainerRuntime "${name}"`, () => require("./tenancy") as typeof import("./tenancy"));
    return finishManagedCluster(
        name,
        {
            clusterName: cluster.name,
            kubeconfig,
            // With local accounts off, the user credential is what Entra ID (kubelogin) signs in with.
            providerKubeconfig: kubeconfig,
            tenancy: { tenants: args.tenants },
            placement: capacityPlacement(args.capacityGroups, (g) => (g.spot ? [AKS_SPOT_TAINT] : [])),
            workloadDependencies: [cluster, ...agentPools],
        },
        parent,
        args.transform?.provider,
    );
}

/**
 * A ContainerRuntime on Azure Kubernetes Service with every AKS option platform-kit knows:
 * private cluster, Azure CNI overlay with Cilium network policy, OIDC issuer and workload
 * identity, Entra ID with Azure RBAC and local accounts disabled, automatic patch upgrades,
 * a system pool and an autoscaled pool per capacity group (Spot where asked).
 *
 * Cost: the Standard tier bills the control plane by the hour; nodes up to each pool's max.
 */
export class AzureContainerRuntime extends RuntimeComponent {
    constructor(name: string, args: AzureContainerRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        const kind = "AzureContainerRuntime";
        const resolved = validateContainerRuntimeArgs(name, { ...args, cloud: "azure" }, kind);
        const buildArgs: AzureBuildArgs = {
            ...resolved,
            network: args.network,
            tier: args.tier,
            networkPolicy: args.networkPolicy,
            podCidr: args.podCidr,
            serviceCidr: args.serviceCidr,
            systemPool: args.systemPool,
            secretsEncryption: args.secretsEncryption,
            transform: args.transform,
        };
        checkAzureContainerRuntimeArgs(kind, name, buildArgs);
        super("platform-kit:container-runtime:AzureContainerRuntime", name, opts, (parent) => buildAzureContainerRuntime(name, buildArgs, parent));
    }
}
