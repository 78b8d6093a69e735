import { resourceRule } from "../../core/define";
import { cisGke } from "../../core/rule";
import { isTrue, obj } from "../../core/props";

/** Pods get their own cloud identity instead of borrowing the node's. */
export const kubernetesClusterEnableWorkloadIdentity = resourceRule({
    name: "kubernetes-cluster-enable-workload-identity",
    description: "GKE clusters enable Workload Identity and AKS clusters enable the OIDC issuer with workload identity, so pods never use node credentials.",
    severity: "medium",
    remediation: "GKE: `workloadIdentityConfig: { workloadPool: \"<project>.svc.id.goog\" }`; AKS: `oidcIssuerProfile: { enabled: true }` and `securityProfile.workloadIdentity: { enabled: true }`.",
    topics: ["cluster-hardening"],
    frameworks: [cisGke("5.2.2")],
    checkov: ["CKV_GCP_69"],
    trivy: ["GCP-0048"],
    enforcementLevel: "advisory",
    resourceTypes: ["gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    check: ({ type, props }, report) => {
        if (type === "gcp:container/cluster:Cluster") {
            if (!isTrue(props.enableAutopilot) && !obj(props.workloadIdentityConfig).workloadPool) report("workloadIdentityConfig.workloadPool is unset; pods use the node's service account.");
        } else {
            if (!isTrue(obj(props.oidcIssuerProfile).enabled)) report("oidcIssuerProfile.enabled is not true.");
            if (!isTrue(obj(obj(props.securityProfile).workloadIdentity).enabled)) report("securityProfile.workloadIdentity.enabled is not true.");
        }
    },
});
