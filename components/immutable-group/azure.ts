import * as authorization from "@pulumi/azure-native/authorization";
import * as compute from "@pulumi/azure-native/compute";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import type * as types from "@pulumi/azure-native/types";
import * as pulumi from "@pulumi/pulumi";
import { generateKeyPairSync } from "crypto";
import { ArgsChecker, Transform, cloudName, standardTags, transformed } from "../core";
import { ImmutableGroupArgsBase, ImmutableGroupOutputs, azureImageReference, azureRollingLimits, validateImmutableGroupArgs } from "./index";

/** The local account Azure requires on a Linux scale set; it can log in with no key anyone holds. */
export const AZURE_ADMIN_USERNAME = "pkadmin";

/** The ssh key path Azure writes the admin's public key to. */
const AUTHORIZED_KEYS = `/home/${AZURE_ADMIN_USERNAME}/.ssh/authorized_keys`;

/** An ImmutableGroup on Azure, with every option Azure offers. */
export interface AzureImmutableGroupArgs extends ImmutableGroupArgsBase {
    /**
     * An OpenSSH public key for the scale set's admin account (`ssh-rsa AAAA...`).
     *
     * Azure refuses a Linux scale set with neither a password nor an ssh key. Unset,
     * platform-kit generates an RSA key pair in memory when the program runs, gives Azure
     * the public half and discards the private half: the account exists, nobody holds a
     * key to it, passwords are off, and no port but the application's is open. The key
     * changes on every run, so changes to it are ignored after creation.
     * Set this only for a break-glass path you control (a bastion to the private subnet).
     */
    adminSshPublicKey?: pulumi.Input<string>;
    /**
     * Availability zones to spread instances (and the load balancer's frontend) over.
     * `[]` for a region without availability zones.
     * @default ["1", "2", "3"]
     */
    zones?: string[];
    /**
     * Encrypt temporary disks and caches on the host too. Needs the subscription feature
     * `Microsoft.Compute/EncryptionAtHost` registered.
     * @default true
     */
    encryptionAtHost?: boolean;
    /**
     * Trusted Launch (Secure Boot and vTPM). Needs a generation 2 image; set `false` for a
     * generation 1 image.
     * @default true
     */
    trustedLaunch?: boolean;
    /**
     * OS disk type. Premium needs a machine type with premium storage (the `s` in `D2s_v5`).
     * @default "Premium_LRS"
     */
    osDiskType?: "Premium_LRS" | "StandardSSD_LRS" | "Standard_LRS" | "PremiumV2_LRS" | "StandardSSD_ZRS" | "Premium_ZRS";
    /** OS disk size in GB. Unset: the image's size. */
    osDiskSizeGb?: number;
    /** Per-child escape hatches, applied to the defaults before each child is created. */
    transform?: {
        networkSecurityGroup?: Transform<network.NetworkSecurityGroupArgs>;
        loadBalancer?: Transform<network.LoadBalancerArgs>;
        scaleSet?: Transform<compute.VirtualMachineScaleSetArgs>;
        autoscaleSetting?: Transform<monitor.AutoscaleSettingArgs>;
    };
}

/** What {@link buildAzureImmutableGroup} creates. */
export interface AzureImmutableGroupResources extends ImmutableGroupOutputs {
    networkSecurityGroup: network.NetworkSecurityGroup;
    publicIp?: network.PublicIPAddress;
    loadBalancer: network.LoadBalancer;
    scaleSet: compute.VirtualMachineScaleSet;
    autoscaleSetting?: monitor.AutoscaleSetting;
}

/**
 * An OpenSSH `ssh-rsa` public key whose private half is thrown away at once: it satisfies
 * Azure's rule that a Linux VM has a login method, without anyone being able to use it.
 */
export function unusableSshPublicKey(): string {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = publicKey.export({ format: "jwk" });
    const field = (bytes: Buffer) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        return Buffer.concat([length, bytes]);
    };
    // An mpint is big-endian with a leading zero byte when the high bit is set.
    const mpint = (base64url: string) => {
        const raw = Buffer.from(base64url, "base64url");
        return field(raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
    };
    const blob = Buffer.concat([field(Buffer.from("ssh-rsa")), mpint(jwk.e ?? ""), mpint(jwk.n ?? "")]);
    return `ssh-rsa ${blob.toString("base64")} platform-kit-no-login`;
}

/**
 * Builds an ImmutableGroup on Azure under `parent`: a Uniform virtual machine scale set
 * behind a Standard load balancer, in the network's resource group and location.
 *
 * Rolling: the scale set's upgrade policy is Rolling, gated by the load balancer's health
 * probe (Azure refuses Rolling without one): batches of new instances (surged when
 * `maxSurge` is above 0), a pause of the warm-up between batches, and a stop and rollback
 * when upgraded instances fail the probe.
 *
 * Red-black: the scale set's name carries the release hash, so a new release is a new
 * scale set in the same backend pool, created before the old one is deleted.
 *
 * Azure's load balancer forwards TCP (port 80 to `port`); it cannot terminate TLS.
 */
export function buildAzureImmutableGroup(
    name: string,
    args: AzureImmutableGroupArgs,
    parent: pulumi.Resource,
    kind = "ImmutableGroup",
): AzureImmutableGroupResources {
    const resolved = validateImmutableGroupArgs(kind, name, "azure", args);
    const check = new ArgsChecker(kind, name);
    check.integer("osDiskSizeGb", args.osDiskSizeGb, 1, 4095, "GB");
    for (const [i, zone] of (args.zones ?? []).entries()) {
        check.require(/^[1-3]$/.test(zone), `zones[${i}]`, zone, '"1", "2" or "3"');
    }
    check.done();
    for (const warning of resolved.warnings) void pulumi.log.warn(warning, parent);

    const t = args.transform ?? {};
    const net = args.network;
    // Validation guarantees an Azure network names its resource group.
    const resourceGroupName: pulumi.Input<string> = net.resourceGroupName ?? "";
    const location = net.region;
    const tags = standardTags("ImmutableGroup", resolved.tags);
    const child = { parent };
    const subnetId = pulumi.output(net.privateSubnetIds).apply((ids) => ids[0]);
    const redBlack = resolved.strategy === "red-black";
    const zoneList = args.zones ?? ["1", "2", "3"];
    const zones = zoneList.length > 0 ? zoneList : undefined;

    const clients = resolved.public ? "Internet" : net.cidr;
    const [nsgArgs, nsgOpts] = transformed<network.NetworkSecurityGroupArgs, pulumi.CustomResourceOptions>(
        {
            networkSecurityGroupName: cloudName("azure-resource", name, "nsg"),
            resourceGroupName,
            location,
            securityRules: [
                {
                    name: "allow-clients",
                    description: `Clients (${resolved.public ? "the internet" : "the network"}) through the load balancer to the application port`,
                    priority: 100,
                    direction: "Inbound",
                    access: "Allow",
                    protocol: "Tcp",
                    sourceAddressPrefix: clients,
                    sourcePortRange: "*",
                    destinationAddressPrefix: "*",
                    destinationPortRange: `${resolved.port}`,
                },
                {
                    name: "allow-health-probe",
                    description: "The load balancer's health probe",
                    priority: 110,
                    direction: "Inbound",
                    access: "Allow",
                    protocol: "Tcp",
                    sourceAddressPrefix: "AzureLoadBalancer",
                    sourcePortRange: "*",
                    destinationAddressPrefix: "*",
                    destinationPortRange: `${resolved.port}`,
                },
                {
                    // Azure's default rules let the whole virtual network in; nobody logs in, so nothing else enters.
                    name: "deny-all-inbound",
                    description: "Everything else, including ssh from inside the network",
                    priority: 4096,
                    direction: "Inbound",
                    access: "Deny",
                    protocol: "*",
                    sourceAddressPrefix: "*",
                    sourcePortRange: "*",
                    destinationAddressPrefix: "*",
                    destinationPortRange: "*",
                },
            ],
            tags,
        },
        { ...child },
        t.networkSecurityGroup,
    );
    const networkSecurityGroup = new network.NetworkSecurityGroup(`${name}-nsg`, nsgArgs, nsgOpts);

    const publicIp = resolved.public
        ? new network.PublicIPAddress(
              `${name}-ip`,
              {
                  publicIpAddressName: cloudName("azure-resource", name, "ip"),
                  resourceGroupName,
                  location,
                  sku: { name: "Standard", tier: "Regional" },
                  publicIPAllocationMethod: "Static",
                  publicIPAddressVersion: "IPv4",
                  zones,
                  tags,
              },
              child,
          )
        : undefined;

    // Sub-resources of a load balancer refer to each other by id, built from its name.
    const loadBalancerName = cloudName("azure-resource", name, resolved.public ? "public-lb" : "lb");
    const subscriptionId = authorization.getClientConfigOutput(child).subscriptionId;
    const lbId = pulumi.interpolate`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Network/loadBalancers/${loadBalancerName}`;
    const [lbArgs, lbOpts] = transformed<network.LoadBalancerArgs, pulumi.CustomResourceOptions>(
        {
            loadBalancerName,
            resourceGroupName,
            location,
            sku: { name: "Standard", tier: "Regional" },
            frontendIPConfigurations: [
                publicIp
                    ? { name: "frontend", publicIPAddress: { id: publicIp.id } }
                    : { name: "frontend", subnet: { id: subnetId }, privateIPAllocationMethod: "Dynamic", privateIPAddressVersion: "IPv4", zones },
            ],
            backendAddressPools: [{ name: "instances" }],
            probes: [
                {
                    name: "health",
                    protocol: "Http",
                    port: resolved.port,
                    requestPath: resolved.healthCheckPath,
                    intervalInSeconds: 5,
                    probeThreshold: 2,
                    numberOfProbes: 2,
                },
            ],
            loadBalancingRules: [
                {
                    name: "http",
                    protocol: "Tcp",
                    frontendPort: resolved.listenerPort,
                    backendPort: resolved.port,
                    frontendIPConfiguration: { id: pulumi.interpolate`${lbId}/frontendIPConfigurations/frontend` },
                    backendAddressPool: { id: pulumi.interpolate`${lbId}/backendAddressPools/instances` },
                    probe: { id: pulumi.interpolate`${lbId}/probes/health` },
                    enableFloatingIP: false,
                    enableTcpReset: true,
                    idleTimeoutInMinutes: 4,
                    loadDistribution: "Default",
                    // A public frontend must not become the instances' way out: egress goes
                    // through the subnet's NAT gateway. Internal frontends never SNAT.
                    disableOutboundSnat: resolved.public ? true : undefined,
                },
            ],
            tags,
        },
        { ...child },
        t.loadBalancer,
    );
    const loadBalancer = new network.LoadBalancer(`${name}-lb`, lbArgs, lbOpts);
    // Derived from the created load balancer, so the scale set waits for it.
    const createdLbId = loadBalancer.id;

    const image = azureImageReference(resolved.image);
    const imageReference: types.input.compute.ImageReferenceArgs =
        image.kind === "marketplace"
            ? { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.version }
            : image.kind === "communityGallery"
              ? { communityGalleryImageId: image.id }
              : image.kind === "sharedGallery"
                ? { sharedGalleryImageId: image.id }
                : { id: image.id };

    const limits = azureRollingLimits(resolved.maxSurge, resolved.minHealthyPercent);
    const warmup = resolved.warmupSeconds;
    const userKey = args.adminSshPublicKey;
    const trustedLaunch = args.trustedLaunch ?? true;
    const [vmssArgs, vmssOpts] = transformed<compute.VirtualMachineScaleSetArgs, pulumi.CustomResourceOptions>(
        {
            vmScaleSetName: redBlack ? cloudName("azure-resource", name, resolved.releaseHash) : cloudName("azure-resource", name),
            resourceGroupName,
            location,
            sku: { name: resolved.machineType, tier: "Standard", capacity: resolved.desiredSize },
            orchestrationMode: "Uniform",
            // Extra instances would join the backend pool and take traffic for a moment.
            overprovision: false,
            zones,
            upgradePolicy: {
                mode: "Rolling",
                rollingUpgradePolicy: {
                    maxSurge: limits.maxSurge,
                    maxBatchInstancePercent: limits.maxBatchInstancePercent,
                    maxUnhealthyInstancePercent: limits.maxUnhealthyInstancePercent,
                    maxUnhealthyUpgradedInstancePercent: limits.maxUnhealthyUpgradedInstancePercent,
                    pauseTimeBetweenBatches: `PT${warmup}S`,
                    prioritizeUnhealthyInstances: true,
                    rollbackFailedInstancesOnPolicyBreach: true,
                },
            },
            // Azure accepts a grace period from 10 to 90 minutes.
            automaticRepairsPolicy: { enabled: true, gracePeriod: `PT${Math.min(90, Math.max(10, Math.ceil(warmup / 60)))}M`, repairAction: "Replace" },
            virtualMachineProfile: {
                storageProfile: {
                    imageReference,
                    osDisk: {
                        createOption: "FromImage",
                        caching: "ReadWrite",
                        managedDisk: { storageAccountType: args.osDiskType ?? "Premium_LRS" },
                        diskSizeGB: args.osDiskSizeGb,
                        deleteOption: "Delete",
                    },
                },
                osProfile: {
                    computerNamePrefix: cloudName("azure-computer-prefix", name),
                    adminUsername: AZURE_ADMIN_USERNAME,
                    customData: resolved.startupScript === undefined ? undefined : Buffer.from(resolved.startupScript, "utf8").toString("base64"),
                    linuxConfiguration: {
                        disablePasswordAuthentication: true,
                        provisionVMAgent: true,
                        ssh: { publicKeys: [{ path: AUTHORIZED_KEYS, keyData: userKey ?? unusableSshPublicKey() }] },
                    },
                },
                networkProfile: {
                    // Rolling upgrades and automatic repairs read instance health from this probe.
                    healthProbe: { id: pulumi.interpolate`${createdLbId}/probes/health` },
                    networkInterfaceConfigurations: [
                        {
                            name: "nic",
                            primary: true,
                            networkSecurityGroup: { id: networkSecurityGroup.id },
                            ipConfigurations: [
                                {
                                    name: "ipconfig",
                                    primary: true,
                                    subnet: { id: subnetId },
                                    loadBalancerBackendAddressPools: [{ id: pulumi.interpolate`${createdLbId}/backendAddressPools/instances` }],
                                },
                            ],
                        },
                    ],
                },
                securityProfile: {
                    encryptionAtHost: args.encryptionAtHost ?? true,
                    ...(trustedLaunch ? { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } } : {}),
                },
                diagnosticsProfile: { bootDiagnostics: { enabled: true } },
            },
            tags,
        },
        {
            ...child,
            deleteBeforeReplace: false,
            ignoreChanges: [
                // The autoscale setting owns the instance count.
                ...(resolved.autoscale ? ["sku.capacity"] : []),
                // A generated key changes on every run and is never used: keep the first.
                ...(userKey === undefined ? ["virtualMachineProfile.osProfile.linuxConfiguration.ssh"] : []),
            ],
        },
        t.scaleSet,
    );
    const scaleSet = new compute.VirtualMachineScaleSet(`${name}-vmss`, vmssArgs, vmssOpts);

    let autoscaleSetting: monitor.AutoscaleSetting | undefined;
    if (resolved.autoscale) {
        const cpu = (operator: "GreaterThan" | "LessThan", threshold: number) => ({
            metricName: "Percentage CPU",
            metricNamespace: "microsoft.compute/virtualmachinescalesets",
            metricResourceUri: scaleSet.id,
            timeGrain: "PT1M",
            statistic: "Average" as const,
            timeWindow: "PT5M",
            timeAggregation: "Average" as const,
            operator,
            threshold,
        });
        const cooldown = `PT${Math.max(5, Math.ceil(warmup / 60))}M`;
        const [asArgs, asOpts] = transformed<monitor.AutoscaleSettingArgs, pulumi.CustomResourceOptions>(
            {
                autoscaleSettingName: cloudName("azure-resource", name, "autoscale"),
                resourceGroupName,
                location,
                enabled: true,
                targetResourceUri: scaleSet.id,
                profiles: [
                    {
                        name: "cpu",
                        capacity: { minimum: `${resolved.minSize}`, maximum: `${resolved.maxSize}`, default: `${resolved.desiredSize}` },
                        rules: [
                            { metricTrigger: cpu("GreaterThan", resolved.targetCpuPercent), scaleAction: { direction: "Increase", type: "ChangeCount", value: "1", cooldown } },
                            { metricTrigger: cpu("LessThan", Math.floor(resolved.targetCpuPercent / 2)), scaleAction: { direction: "Decrease", type: "ChangeCount", value: "1", cooldown } },
                        ],
                    },
                ],
                tags,
            },
            { ...child },
            t.autoscaleSetting,
        );
        autoscaleSetting = new monitor.AutoscaleSetting(`${name}-autoscale`, asArgs, asOpts);
    }

    const endpoint: pulumi.Output<string> = publicIp
        ? publicIp.ipAddress.apply((ip) => ip ?? "")
        : loadBalancer.frontendIPConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
    return {
        networkSecurityGroup,
        publicIp,
        loadBalancer,
        scaleSet,
        autoscaleSetting,
        endpoint,
        url: pulumi.interpolate`http://${endpoint}`,
        groupName: scaleSet.name,
        imageId: pulumi.output(resolved.image),
    };
}

/**
 * An ImmutableGroup on Azure: a Uniform virtual machine scale set from a pinned image, with
 * password login off and no usable ssh key, no public addresses, encryption at host and
 * Trusted Launch, rolling upgrades and automatic repairs driven by a Standard load
 * balancer's health probe, and a CPU autoscale setting.
 *
 * Cost: the VM instances, the Standard load balancer (rules and data processed), the OS
 * disks, and a public IP when public.
 *
 * @example
 * const web = new AzureImmutableGroup("web", {
 *     network: net, image: "/subscriptions/.../galleries/images/images/web/versions/1.4.0",
 *     minSize: 2, maxSize: 6, port: 8080, healthCheckPath: "/healthz",
 * });
 */
export class AzureImmutableGroup extends pulumi.ComponentResource implements ImmutableGroupOutputs {
    readonly endpoint: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly groupName: pulumi.Output<string>;
    readonly imageId: pulumi.Output<string>;
    readonly networkSecurityGroup: network.NetworkSecurityGroup;
    readonly publicIp?: network.PublicIPAddress;
    readonly loadBalancer: network.LoadBalancer;
    readonly scaleSet: compute.VirtualMachineScaleSet;
    readonly autoscaleSetting?: monitor.AutoscaleSetting;

    constructor(name: string, args: AzureImmutableGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:immutable-group:AzureImmutableGroup", name, {}, opts);
        const built = buildAzureImmutableGroup(name, args, this, "AzureImmutableGroup");
        this.endpoint = built.endpoint;
        this.url = built.url;
        this.groupName = built.groupName;
        this.imageId = built.imageId;
        this.networkSecurityGroup = built.networkSecurityGroup;
        this.publicIp = built.publicIp;
        this.loadBalancer = built.loadBalancer;
        this.scaleSet = built.scaleSet;
        this.autoscaleSetting = built.autoscaleSetting;
        this.registerOutputs({ endpoint: this.endpoint, url: this.url, groupName: this.groupName, imageId: this.imageId });
    }
}
