import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import { releaseHash } from "../../components/immutable-group";
import { AZURE_ADMIN_USERNAME, AzureImmutableGroup, AzureImmutableGroupArgs, unusableSshPublicKey } from "../../components/immutable-group/azure";
import { ProgramRun, inventory, ofType, only, runProgram } from "../../testing";
import { AZURE_IMAGE, AZURE_IMAGE_NEXT, azureNetwork, baseArgs } from "./fixtures";

const VMSS = "azure-native:compute:VirtualMachineScaleSet";
const LB = "azure-native:network:LoadBalancer";
const SUBNET = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core/providers/Microsoft.Network/virtualNetworks/core/subnets/apps";

function build(change: Partial<AzureImmutableGroupArgs> = {}): Promise<ProgramRun> {
    return runProgram(() => {
        const group = new AzureImmutableGroup("web", { ...baseArgs(azureNetwork, AZURE_IMAGE), ...change });
        return { endpoint: group.endpoint, url: group.url, groupName: group.groupName, imageId: group.imageId };
    });
}

type Inputs = Record<string, unknown>;
const profileOf = (run: ProgramRun) => only(run.resources, VMSS, "web-vmss").inputs.virtualMachineProfile as Inputs;

describe("ImmutableGroup on Azure", () => {
    it("creates exactly these children (internal, rolling)", async () => {
        const run = await build();
        assert.deepEqual(inventory(run.resources), [
            ["azure-native:compute:VirtualMachineScaleSet", "web-vmss"],
            ["azure-native:monitor:AutoscaleSetting", "web-autoscale"],
            ["azure-native:network:LoadBalancer", "web-lb"],
            ["azure-native:network:NetworkSecurityGroup", "web-nsg"],
        ]);
        for (const r of run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"))) {
            assert.equal(r.inputs.resourceGroupName, "core", r.name);
            assert.equal(r.inputs.location, "westeurope", r.name);
        }
    });

    it("rolls upgrades in batches gated by the load balancer's probe, with automatic repairs", async () => {
        const run = await build({ rollout: { strategy: "rolling", maxSurge: 20, minHealthyPercent: 100, warmupSeconds: 900 } });
        const vmss = only(run.resources, VMSS, "web-vmss");
        assert.equal(vmss.inputs.orchestrationMode, "Uniform");
        assert.equal(vmss.inputs.vmScaleSetName, "web");
        assert.deepEqual(vmss.inputs.upgradePolicy, {
            mode: "Rolling",
            rollingUpgradePolicy: {
                maxSurge: true,
                maxBatchInstancePercent: 20,
                maxUnhealthyInstancePercent: 20,
                maxUnhealthyUpgradedInstancePercent: 0,
                pauseTimeBetweenBatches: "PT900S",
                prioritizeUnhealthyInstances: true,
                rollbackFailedInstancesOnPolicyBreach: true,
            },
        });
        assert.deepEqual(vmss.inputs.automaticRepairsPolicy, { enabled: true, gracePeriod: "PT15M", repairAction: "Replace" });
        const lb = only(run.resources, LB, "web-lb");
        const network = profileOf(run).networkProfile as Inputs;
        assert.deepEqual(network.healthProbe, { id: `${String(lb.id)}/probes/health` });
        assert.deepEqual(vmss.inputs.sku, { name: "Standard_D2s_v5", tier: "Standard", capacity: 2 });
        assert.deepEqual(vmss.inputs.zones, ["1", "2", "3"]);
    });

    it("has no public IP, no password, no usable ssh key and nothing open but the application port", async () => {
        const run = await build();
        const vmss = only(run.resources, VMSS, "web-vmss");
        const profile = profileOf(run);
        const os = profile.osProfile as Inputs;
        assert.equal(os.adminUsername, AZURE_ADMIN_USERNAME);
        assert.equal(os.adminPassword, undefined);
        const linux = os.linuxConfiguration as { disablePasswordAuthentication: boolean; ssh: { publicKeys: Array<{ path: string; keyData: string }> } };
        assert.equal(linux.disablePasswordAuthentication, true);
        assert.equal(linux.ssh.publicKeys.length, 1);
        assert.equal(linux.ssh.publicKeys[0].path, `/home/${AZURE_ADMIN_USERNAME}/.ssh/authorized_keys`);
        assert.match(linux.ssh.publicKeys[0].keyData, /^ssh-rsa AAAA[0-9A-Za-z+/=]+ platform-kit-no-login$/);
        // The generated key changes on every run; it must not trigger an upgrade.
        assert.deepEqual(vmss.ignoreChanges, ["sku.capacity", "virtualMachineProfile.osProfile.linuxConfiguration.ssh"]);

        const nics = (profile.networkProfile as Inputs).networkInterfaceConfigurations as Array<Inputs>;
        assert.equal(nics.length, 1);
        const nsg = only(run.resources, "azure-native:network:NetworkSecurityGroup", "web-nsg");
        assert.deepEqual(nics[0].networkSecurityGroup, { id: nsg.id });
        const lb = only(run.resources, LB, "web-lb");
        assert.deepEqual(nics[0].ipConfigurations, [
            { name: "ipconfig", primary: true, subnet: { id: SUBNET }, loadBalancerBackendAddressPools: [{ id: `${String(lb.id)}/backendAddressPools/instances` }] },
        ]);
        const rules = (nsg.inputs.securityRules as Array<Inputs>).map((r) => `${String(r.priority)} ${String(r.access)} ${String(r.protocol)} ${String(r.sourceAddressPrefix)} -> ${String(r.destinationPortRange)}`);
        assert.deepEqual(rules, ["100 Allow Tcp 10.20.0.0/16 -> 8080", "110 Allow Tcp AzureLoadBalancer -> 8080", "4096 Deny * * -> *"]);
    });

    it("uses a key the user gives, and then watches it for changes", async () => {
        const key = unusableSshPublicKey();
        const run = await build({ adminSshPublicKey: key });
        const os = profileOf(run).osProfile as { linuxConfiguration: { ssh: { publicKeys: Array<{ keyData: string }> } } };
        assert.equal(os.linuxConfiguration.ssh.publicKeys[0].keyData, key);
        assert.deepEqual(only(run.resources, VMSS, "web-vmss").ignoreChanges, ["sku.capacity"]);
    });

    it("generates a real RSA public key whose private half is gone", () => {
        const [type, blob, comment] = unusableSshPublicKey().split(" ");
        assert.equal(type, "ssh-rsa");
        assert.equal(comment, "platform-kit-no-login");
        // The OpenSSH wire form: length-prefixed "ssh-rsa", exponent and modulus.
        const bytes = Buffer.from(blob, "base64");
        const fields: Buffer[] = [];
        for (let at = 0; at < bytes.length; ) {
            const length = bytes.readUInt32BE(at);
            fields.push(bytes.subarray(at + 4, at + 4 + length));
            at += 4 + length;
        }
        assert.equal(fields.length, 3);
        assert.equal(fields[0].toString(), "ssh-rsa");
        assert.equal(fields[1].toString("hex"), "010001");
        // 2048-bit modulus, with the zero byte an mpint needs when the top bit is set.
        assert.equal(fields[2].length, 257);
        assert.equal(fields[2][0], 0);
        assert.notEqual(unusableSshPublicKey(), unusableSshPublicKey());
    });

    it("encrypts at host, uses Trusted Launch and boots the pinned image", async () => {
        const run = await build({ startupScript: "#cloud-config\nruncmd: [systemctl start web]\n" });
        const profile = profileOf(run);
        assert.deepEqual(profile.securityProfile, { encryptionAtHost: true, securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
        const storage = profile.storageProfile as Inputs;
        assert.deepEqual(storage.imageReference, { id: AZURE_IMAGE });
        assert.deepEqual(storage.osDisk, { createOption: "FromImage", caching: "ReadWrite", managedDisk: { storageAccountType: "Premium_LRS" }, deleteOption: "Delete" });
        const os = profile.osProfile as Inputs;
        assert.equal(Buffer.from(String(os.customData), "base64").toString("utf8"), "#cloud-config\nruncmd: [systemctl start web]\n");

        const gen1 = await build({ trustedLaunch: false, image: "Canonical:ubuntu-24_04-lts:server:24.04.202411030" });
        assert.deepEqual(profileOf(gen1).securityProfile, { encryptionAtHost: true });
        assert.deepEqual((profileOf(gen1).storageProfile as Inputs).imageReference, { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "24.04.202411030" });
    });

    it("balances through an internal Standard load balancer with an HTTP probe", async () => {
        const run = await build();
        const lb = only(run.resources, LB, "web-lb");
        const i = lb.inputs;
        assert.deepEqual(i.sku, { name: "Standard", tier: "Regional" });
        assert.deepEqual(i.frontendIPConfigurations, [{ name: "frontend", subnet: { id: SUBNET }, privateIPAllocationMethod: "Dynamic", privateIPAddressVersion: "IPv4", zones: ["1", "2", "3"] }]);
        assert.deepEqual(i.probes, [{ name: "health", protocol: "Http", port: 8080, requestPath: "/healthz", intervalInSeconds: 5, probeThreshold: 2, numberOfProbes: 2 }]);
        const [rule] = i.loadBalancingRules as Array<Inputs>;
        const base = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core/providers/Microsoft.Network/loadBalancers/web-lb";
        assert.deepEqual(rule, {
            name: "http",
            protocol: "Tcp",
            frontendPort: 80,
            backendPort: 8080,
            frontendIPConfiguration: { id: `${base}/frontendIPConfigurations/frontend` },
            backendAddressPool: { id: `${base}/backendAddressPools/instances` },
            probe: { id: `${base}/probes/health` },
            enableFloatingIP: false,
            enableTcpReset: true,
            idleTimeoutInMinutes: 4,
            loadDistribution: "Default",
        });
        assert.equal(lb.id, base, "the sub-resource ids name this load balancer");
        assert.match(String(run.outputs.endpoint), /^10\.\d+\.\d+\.\d+$/);
        assert.deepEqual(ofType(run.resources, "azure-native:network:PublicIPAddress"), []);
        // A region without availability zones.
        const regional = await build({ zones: [] });
        assert.equal(only(regional.resources, VMSS, "web-vmss").inputs.zones, undefined);
        assert.equal((only(regional.resources, LB, "web-lb").inputs.frontendIPConfigurations as Array<Inputs>)[0].zones, undefined);
    });

    it("takes a static public IP and opens to the internet only when public", async () => {
        const run = await build({ loadBalancer: { public: true } });
        const ip = only(run.resources, "azure-native:network:PublicIPAddress", "web-ip");
        assert.deepEqual(ip.inputs.sku, { name: "Standard", tier: "Regional" });
        assert.equal(ip.inputs.publicIPAllocationMethod, "Static");
        assert.deepEqual(ip.inputs.zones, ["1", "2", "3"]);
        assert.deepEqual((only(run.resources, LB, "web-lb").inputs.frontendIPConfigurations as Array<Inputs>)[0], { name: "frontend", publicIPAddress: { id: ip.id } });
        const nsg = only(run.resources, "azure-native:network:NetworkSecurityGroup", "web-nsg");
        assert.equal((nsg.inputs.securityRules as Array<Inputs>)[0].sourceAddressPrefix, "Internet");
        assert.equal(run.outputs.endpoint, ip.outputs.ipAddress);
        assert.equal((only(run.resources, LB, "web-lb").inputs.loadBalancingRules as Array<Inputs>)[0].disableOutboundSnat, true);
        assert.ok(run.warnings.some((w) => /plain HTTP/.test(w)));
    });

    it("stands a new scale set up per image for red-black, in the same backend pool", async () => {
        const first = await build({ rollout: { strategy: "red-black" } });
        const next = await build({ rollout: { strategy: "red-black" }, image: AZURE_IMAGE_NEXT });
        const vmss = only(first.resources, VMSS, "web-vmss");
        assert.equal(vmss.inputs.vmScaleSetName, `web-${releaseHash(AZURE_IMAGE, "Standard_D2s_v5")}`);
        assert.notEqual(only(next.resources, VMSS, "web-vmss").inputs.vmScaleSetName, vmss.inputs.vmScaleSetName);
        assert.equal(vmss.deleteBeforeReplace, false);
        assert.equal(first.outputs.groupName, vmss.inputs.vmScaleSetName);
        const pools = ((profileOf(first).networkProfile as Inputs).networkInterfaceConfigurations as Array<{ ipConfigurations: Array<Inputs> }>)[0].ipConfigurations[0].loadBalancerBackendAddressPools;
        assert.deepEqual(pools, [{ id: `${String(only(first.resources, LB, "web-lb").id)}/backendAddressPools/instances` }]);
    });

    it("scales out above the CPU target and in below half of it", async () => {
        const run = await build({ scaling: { targetCpuPercent: 70 }, desiredSize: 3 });
        const setting = only(run.resources, "azure-native:monitor:AutoscaleSetting", "web-autoscale").inputs;
        const vmss = only(run.resources, VMSS, "web-vmss");
        assert.equal(setting.targetResourceUri, vmss.id);
        assert.equal(setting.enabled, true);
        const [profile] = setting.profiles as Array<{ capacity: Inputs; rules: Array<{ metricTrigger: Inputs; scaleAction: Inputs }> }>;
        assert.deepEqual(profile.capacity, { minimum: "2", maximum: "6", default: "3" });
        assert.deepEqual(
            profile.rules.map((r) => [r.metricTrigger.metricName, r.metricTrigger.operator, r.metricTrigger.threshold, r.scaleAction.direction, r.scaleAction.value]),
            [
                ["Percentage CPU", "GreaterThan", 70, "Increase", "1"],
                ["Percentage CPU", "LessThan", 35, "Decrease", "1"],
            ],
        );
        const fixed = await build({ minSize: 2, maxSize: 2 });
        assert.deepEqual(ofType(fixed.resources, "azure-native:monitor:AutoscaleSetting"), []);
    });

    it("refuses bad input at construction, naming the concrete component", async () => {
        await assert.rejects(
            build({ minSize: 3, maxSize: 2, image: "Canonical:ubuntu-24_04-lts:server:latest", port: 123456, size: "mega" as never }),
            (e: unknown) =>
                e instanceof PlatformKitError &&
                /^AzureImmutableGroup "web"/.test(e.message) &&
                ["minSize", "size", "port", "image"].every((f) => e.problems.some((p) => p.field === f)),
        );
        await assert.rejects(build({ zones: ["4"] }), (e: unknown) => e instanceof PlatformKitError && /zones\[0\]: got "4"/.test(e.message));
    });
});
