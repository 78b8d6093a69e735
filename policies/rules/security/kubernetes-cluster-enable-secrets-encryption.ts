import { resourceRule } from "../../core/define";
import { cisEks, cisGke } from "../../core/rule";
import { asList, isTrue, obj } from "../../core/props";

/** Envelope encryption with a customer key keeps Secrets unreadable in etcd backups and snapshots. */
export const kubernetesClusterEnableSecretsEncryption = resourceRule({
    name: "kubernetes-cluster-enable-secrets-encryption",
    description: "Kubernetes Secrets are envelope-encrypted with a customer-managed key: EKS `encryptionConfig` for secrets, GKE application-layer secrets encryption, AKS Key Vault KMS.",
    severity: "high",
    remediation: "EKS: `encryptionConfig: { resources: [\"secrets\"], provider: { keyArn } }`; GKE: `databaseEncryption: { state: \"ENCRYPTED\", keyName }`; AKS: `securityProfile.azureKeyVaultKms: { enabled: true, keyId }`.",
    topics: ["cluster-hardening"],
    frameworks: [cisEks("5.3.1"), cisGke("5.3.1")],
    checkov: ["CKV_AWS_58"],
    trivy: ["AWS-0039"],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    check: ({ type, props }, report) => {
        if (type === "aws:eks/cluster:Cluster") {
            if (!asList(obj(props.encryptionConfig).resources).includes("secrets")) report("encryptionConfig does not cover \"secrets\"; Secrets are not envelope-encrypted with your KMS key.");
        } else if (type === "gcp:container/cluster:Cluster") {
            if (obj(props.databaseEncryption).state !== "ENCRYPTED") report("databaseEncryption.state is not \"ENCRYPTED\"; application-layer secrets encryption is off.");
        } else if (!isTrue(obj(obj(props.securityProfile).azureKeyVaultKms).enabled)) {
            report("securityProfile.azureKeyVaultKms.enabled is not true; Secrets are not encrypted with your Key Vault key.");
        }
    },
});
