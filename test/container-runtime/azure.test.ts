import assert from "node:assert/strict";
import { ContainerRuntime } from "../../components/container-runtime";
import { AzureContainerRuntime, aksTaint, dnsServiceIp } from "../../components/container-runtime/azure";
import { ProgramRun, inventory, only, ofType, runProgram } from "../../testing";
import { CAPACITY, PINNED_IMAGE, TENANTS, inputs, kitError, networkFor } from "./fixtures";

const AKS_SUBNET = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core-rg/providers/Microsoft.Network/virtualNetworks/core/subnets/kubernetes";
const IDENTITY = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks";
const ADMIN_GROUP = "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f";

describe("container-runtime: Azure (AKS)", () => {
    let run: ProgramRun;
    let kubeconfig = "";
    before(async () => {
        run = await runProgram(() => {
            const rt = new ContainerRuntime("titus", { cloud: "azure", network: networkFor("azure"), kubernetesVersion: "1.33", capacityGroups: CAPACITY, tenants: TENANTS, clusterAdmins: [ADMIN_GROUP] });
            rt.kubeconfig.apply((k) => (kubeconfig = k));
            rt.service("api", { tenant: "payments", image: PINNED_IMAGE, port: 8080 });
            rt.batchJob("reindex", { tenant: "search", image: "ghcr.io/acme/reindex:1.0.0" });
            return { clusterName: rt.clusterName };
        });
    });

    it("creates exactly these cloud children (rename guard)", () => {
        assert.deepEqual(
            inventory(run.resources).filter(([type]) => !type.startsWith("kubernetes:")),
            [
                ["azure-native:containerservice:AgentPool", "titus-batch-agent-pool"],
                ["azure-native:containerservice:AgentPool", "titus-services-agent-pool"],
                ["azure-native:containerservice:ManagedCluster", "titus-cluster"],
                ["pulumi:providers:kubernetes", "titus-provider"],
            ],
        );
    });

    it("builds a private cluster: CNI overlay with Cilium, OIDC and workload identity, Entra ID RBAC, no local accounts", () => {
        const cluster = only(run.resources, "azure-native:containerservice:ManagedCluster");
        const c = inputs(cluster);
        assert.equal(c.resourceGroupName, "core-rg");
        assert.equal(c.location, "westeurope");
        assert.equal(c.kubernetesVersion, "1.33");
        assert.deepEqual(c.apiServerAccessProfile, { enablePrivateCluster: true });
        assert.deepEqual(c.networkProfile, {
            networkPlugin: "azure",
            networkPluginMode: "overlay",
            networkPolicy: "cilium",
            networkDataplane: "cilium",
            podCidr: "192.168.0.0/16",
            serviceCidr: "172.16.0.0/16",
            dnsServiceIP: "172.16.0.10",
            loadBalancerSku: "standard",
            outboundType: "loadBalancer",
        });
        assert.deepEqual(c.oidcIssuerProfile, { enabled: true });
        assert.deepEqual(c.securityProfile, { workloadIdentity: { enabled: true } });
        assert.deepEqual(c.aadProfile, { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [ADMIN_GROUP] });
        assert.equal(c.disableLocalAccounts, true);
        assert.equal(c.enableRBAC, true);
        assert.deepEqual(c.identity, { type: "SystemAssigned" });
        assert.deepEqual(c.sku, { name: "Base", tier: "Standard" });
        assert.deepEqual(c.autoUpgradeProfile, { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" });
        assert.deepEqual(cluster.ignoreChanges, ["agentPoolProfiles[0].count"]);
    });

    it("adds a tainted, autoscaled system pool in the Kubernetes subnet", () => {
        const [system] = inputs(only(run.resources, "azure-native:containerservice:ManagedCluster")).agentPoolProfiles;
        assert.deepEqual(system, {
            name: "system",
            mode: "System",
            vmSize: "Standard_D2s_v5",
            count: 2,
            enableAutoScaling: true,
            minCount: 2,
            maxCount: 3,
            osType: "Linux",
            osSKU: "AzureLinux",
            type: "VirtualMachineScaleSets",
            osDiskSizeGB: 50,
            nodeLabels: { "platform-kit.io/capacity-group": "system", "platform-kit.io/purpose": "system" },
            nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
            upgradeSettings: { maxSurge: "33%" },
            vnetSubnetID: AKS_SUBNET,
        });
    });

    it("maps capacity groups to autoscaled agent pools, Spot where asked", () => {
        const batch = only(run.resources, "azure-native:containerservice:AgentPool", "titus-batch-agent-pool");
        const b = inputs(batch);
        assert.equal(b.agentPoolName, "batch");
        assert.equal(b.resourceName, only(run.resources, "azure-native:containerservice:ManagedCluster").outputs.name);
        assert.deepEqual([b.mode, b.vmSize, b.enableAutoScaling, b.minCount, b.maxCount, b.count], ["User", "Standard_D8s_v5", true, 0, 20, 0]);
        assert.deepEqual([b.scaleSetPriority, b.scaleSetEvictionPolicy, b.spotMaxPrice], ["Spot", "Delete", -1]);
        assert.deepEqual(b.nodeTaints, ["workload=batch:NoExecute", "platform-kit.io/purpose=batch:NoSchedule", "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]);
        assert.equal(b.vnetSubnetID, AKS_SUBNET);
        assert.deepEqual(batch.ignoreChanges, ["count"]);
        const services = inputs(only(run.resources, "azure-native:containerservice:AgentPool", "titus-services-agent-pool"));
        assert.deepEqual([services.scaleSetPriority, services.nodeTaints, services.nodeLabels.team, services.count], [undefined, [], "platform", 2]);
        assert.equal(aksTaint({ key: "gpu", effect: "NoSchedule" }), "gpu:NoSchedule");
    });

    it("takes the kubeconfig from the cluster's user credentials, as a secret", () => {
        assert.match(kubeconfig, /^apiVersion: v1\nkind: Config/);
        assert.match(kubeconfig, /privatelink\.westeurope\.azmk8s\.io/);
        assert.deepEqual(only(run.resources, "pulumi:providers:kubernetes").secretPaths, ["kubeconfig"]);
    });

    it("lets batch tolerate Spot eviction taints AKS puts on its nodes", () => {
        const pod = inputs(only(run.resources, "kubernetes:batch/v1:Job")).spec.template.spec;
        assert.deepEqual(pod.tolerations, [
            { key: "workload", operator: "Equal", value: "batch", effect: "NoExecute" },
            { key: "platform-kit.io/purpose", operator: "Equal", value: "batch", effect: "NoSchedule" },
            { key: "kubernetes.azure.com/scalesetpriority", operator: "Equal", value: "spot", effect: "NoSchedule" },
        ]);
        assert.equal(ofType(run.resources, "kubernetes:core/v1:Namespace").length, 2);
        const job = only(run.resources, "kubernetes:batch/v1:Job");
        for (const pool of ofType(run.resources, "azure-native:containerservice:AgentPool")) assert.ok(job.dependencies.includes(pool.urn));
    });

    it("uses a system capacity group as the system pool, opens authorized ranges only on request, encrypts secrets with a given key", async () => {
        const concrete = await runProgram(
            () =>
                new AzureContainerRuntime("aks", {
                    network: networkFor("azure"),
                    capacityGroups: [{ name: "sys", size: "medium", min: 1, max: 3, purpose: "system" }, ...CAPACITY],
                    publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] },
                    networkPolicy: "calico",
                    tier: "Free",
                    secretsEncryption: { keyId: "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef", identityResourceId: IDENTITY },
                }),
        );
        const c = inputs(only(concrete.resources, "azure-native:containerservice:ManagedCluster"));
        assert.deepEqual(c.agentPoolProfiles.map((p: { name: string; vmSize: string }) => [p.name, p.vmSize]), [["sys", "Standard_D4s_v5"]]);
        assert.deepEqual(c.apiServerAccessProfile, { enablePrivateCluster: false, authorizedIPRanges: ["203.0.113.0/24"] });
        assert.deepEqual([c.networkProfile.networkPolicy, c.networkProfile.networkDataplane, c.sku.tier], ["calico", "azure", "Free"]);
        assert.deepEqual(c.identity, { type: "UserAssigned", userAssignedIdentities: [IDENTITY] });
        assert.deepEqual(c.securityProfile.azureKeyVaultKms, { enabled: true, keyId: "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef", keyVaultNetworkAccess: "Public" });
        assert.deepEqual(ofType(concrete.resources, "azure-native:containerservice:AgentPool").map((p) => p.name).sort(), ["aks-batch-agent-pool", "aks-services-agent-pool"]);
    });

    it("refuses pod or service ranges overlapping the VNet, and pool names AKS refuses", async () => {
        await assert.rejects(
            runProgram(() => new AzureContainerRuntime("aks", { network: networkFor("azure"), capacityGroups: [{ name: "web", min: 1, max: 2 }], serviceCidr: "10.0.0.0/16", podCidr: "10.0.128.0/17" })),
            kitError(/AzureContainerRuntime "aks"/, /podCidr: got "10\.0\.128\.0\/17"; allowed: a range that does not overlap the network \(10\.0\.0\.0\/16\)/, /serviceCidr: got "10\.0\.0\.0\/16"/),
        );
        await assert.rejects(
            runProgram(() => new ContainerRuntime("aks", { cloud: "azure", network: networkFor("azure"), capacityGroups: [{ name: "system", min: 1, max: 2 }, { name: "web-pool", min: 0, max: 1 }] })),
            kitError(/capacityGroups\[0\]\.name: got "system"/, /capacityGroups\[1\]\.name: got "web-pool"/),
        );
        assert.equal(dnsServiceIp("10.96.0.0/12"), "10.96.0.10");
    });
});
