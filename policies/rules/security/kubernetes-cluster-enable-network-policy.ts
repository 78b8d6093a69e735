import { resourceRule } from "../../core/define";
import { cisAks, cisGke } from "../../core/rule";
import { isTrue, obj } from "../../core/props";

/** Without an enforcing CNI, NetworkPolicy objects are accepted and silently ignored. */
export const kubernetesClusterEnableNetworkPolicy = resourceRule({
    name: "kubernetes-cluster-enable-network-policy",
    description: "GKE and AKS clusters run a network-policy engine so NetworkPolicy objects are enforced (on EKS enable the VPC CNI's network policy agent).",
    severity: "medium",
    remediation: "GKE: `datapathProvider: \"ADVANCED_DATAPATH\"` (Dataplane V2) or `networkPolicy: { enabled: true }`; AKS: `networkProfile.networkPolicy: \"cilium\" | \"calico\" | \"azure\"`.",
    topics: ["cluster-hardening"],
    frameworks: [cisGke("5.6.7"), cisAks("5.4.4")],
    checkov: ["CKV_GCP_12", "CKV_AZURE_7"],
    trivy: ["GCP-0056", "AZU-0043"],
    enforcementLevel: "advisory",
    resourceTypes: ["gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    check: ({ type, props }, report) => {
        if (type === "gcp:container/cluster:Cluster") {
            if (isTrue(props.enableAutopilot) || props.datapathProvider === "ADVANCED_DATAPATH" || isTrue(obj(props.networkPolicy).enabled)) return;
            report("neither Dataplane V2 (datapathProvider \"ADVANCED_DATAPATH\") nor networkPolicy.enabled is set; NetworkPolicies are not enforced.");
        } else {
            const policy = obj(props.networkProfile).networkPolicy;
            if (policy === undefined || policy === "none") report("networkProfile.networkPolicy is unset; NetworkPolicies are not enforced.");
        }
    },
});
