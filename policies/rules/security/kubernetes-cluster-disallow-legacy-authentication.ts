import { resourceRule } from "../../core/define";
import { cisAks, cisGke } from "../../core/rule";
import { isFalse, isTrue, obj } from "../../core/props";

/** Static client certificates and ABAC cannot be revoked or audited per user. */
export const kubernetesClusterDisallowLegacyAuthentication = resourceRule({
    name: "kubernetes-cluster-disallow-legacy-authentication",
    description: "Clusters authenticate users through the cloud's identity service with RBAC: no GKE legacy ABAC or client certificates, no AKS local accounts or RBAC off, no EKS aws-auth-only access.",
    severity: "high",
    remediation: "GKE: `enableLegacyAbac: false`, no `masterAuth.clientCertificateConfig.issueClientCertificate`; AKS: `enableRBAC: true`, `disableLocalAccounts: true` with Entra ID integration; EKS: `accessConfig.authenticationMode: \"API\"`.",
    topics: ["cluster-hardening"],
    frameworks: [cisGke("5.8.1"), cisAks("5.1.1")],
    checkov: ["CKV_GCP_7", "CKV_GCP_13", "CKV_AZURE_5", "CKV_AZURE_141"],
    trivy: ["GCP-0064", "GCP-0062", "AZU-0042"],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    check: ({ type, props }, report) => {
        if (type === "gcp:container/cluster:Cluster") {
            if (isTrue(props.enableLegacyAbac)) report("enableLegacyAbac is true; legacy ABAC bypasses RBAC.");
            if (isTrue(obj(obj(props.masterAuth).clientCertificateConfig).issueClientCertificate)) report("masterAuth.clientCertificateConfig.issueClientCertificate is true; a static admin certificate is issued.");
        } else if (type === "azure-native:containerservice:ManagedCluster") {
            if (isFalse(props.enableRBAC)) report("enableRBAC is false.");
            if (!isTrue(props.disableLocalAccounts)) report("disableLocalAccounts is not true; the static local admin kubeconfig stays usable.");
        } else if (obj(props.accessConfig).authenticationMode === "CONFIG_MAP") {
            report("accessConfig.authenticationMode is \"CONFIG_MAP\"; use access entries (\"API\").");
        }
    },
});
