/**
 * The registry: every rule of every pack, with its metadata. Packs select from it by
 * topic (see ../packs.ts); nothing else lists rules by hand.
 */
import { RuleDefinition } from "../core/rule";
import { awsEc2ConfigureImdsHopLimit } from "./security/aws-ec2-configure-imds-hop-limit";
import { awsEc2EnableImdsv2 } from "./security/aws-ec2-enable-imdsv2";
import { computeDisallowPasswordAuthentication } from "./security/compute-disallow-password-authentication";
import { computeDisallowPublicIp } from "./security/compute-disallow-public-ip";
import { computeDisallowSecretsInUserData } from "./security/compute-disallow-secrets-in-user-data";
import { computeEnableDiskEncryption } from "./security/compute-enable-disk-encryption";
import { iamDisallowAdminPrivileges } from "./security/iam-disallow-admin-privileges";
import { iamDisallowWildcardActions } from "./security/iam-disallow-wildcard-actions";
import { kmsEnableKeyRotation } from "./security/kms-enable-key-rotation";
import { kubernetesClusterDisallowLegacyAuthentication } from "./security/kubernetes-cluster-disallow-legacy-authentication";
import { kubernetesClusterDisallowPublicEndpoint } from "./security/kubernetes-cluster-disallow-public-endpoint";
import { kubernetesClusterEnableControlPlaneLogging } from "./security/kubernetes-cluster-enable-control-plane-logging";
import { kubernetesClusterEnableNetworkPolicy } from "./security/kubernetes-cluster-enable-network-policy";
import { kubernetesClusterEnableSecretsEncryption } from "./security/kubernetes-cluster-enable-secrets-encryption";
import { kubernetesClusterEnableWorkloadIdentity } from "./security/kubernetes-cluster-enable-workload-identity";
import { loadBalancerDisallowPlaintextListeners } from "./security/load-balancer-disallow-plaintext-listeners";
import { networkDisallowAllPortsFromInternet } from "./security/network-disallow-all-ports-from-internet";
import { networkDisallowRdpFromInternet } from "./security/network-disallow-rdp-from-internet";
import { networkDisallowSshFromInternet } from "./security/network-disallow-ssh-from-internet";
import { networkEnableFlowLogs } from "./security/network-enable-flow-logs";
import { secretsStoreEnableDeletionProtection } from "./security/secrets-store-enable-deletion-protection";
import { storageDisallowPublicBuckets } from "./security/storage-disallow-public-buckets";
import { awsAutoscalingGroupConfigureLaunchTemplate } from "./immutable/aws-autoscaling-group-configure-launch-template";
import { awsAutoscalingGroupDisallowFloatingVersion } from "./immutable/aws-autoscaling-group-disallow-floating-version";
import { computeDisallowBootTimePackageInstalls } from "./immutable/compute-disallow-boot-time-package-installs";
import { computeDisallowSshKeys } from "./immutable/compute-disallow-ssh-keys";
import { computeDisallowStandaloneInstances } from "./immutable/compute-disallow-standalone-instances";
import { computeImageDisallowFloatingReferences } from "./immutable/compute-image-disallow-floating-references";
import { containerRegistryEnableImmutableTags } from "./immutable/container-registry-enable-immutable-tags";
import { instanceGroupConfigureMultipleZones } from "./immutable/instance-group-configure-multiple-zones";
import { instanceGroupConfigureRollingUpdates } from "./immutable/instance-group-configure-rolling-updates";
import { instanceGroupEnableAutoHealing } from "./immutable/instance-group-enable-auto-healing";
import { apiGatewayEnableAccessLogging } from "./serverless/api-gateway-enable-access-logging";
import { functionAppDisallowFtpDeployment } from "./serverless/function-app-disallow-ftp-deployment";
import { functionAppEnableHttpsOnly } from "./serverless/function-app-enable-https-only";
import { functionConfigureConcurrencyLimit } from "./serverless/function-configure-concurrency-limit";
import { functionConfigureDeadLetterQueue } from "./serverless/function-configure-dead-letter-queue";
import { functionConfigureDedicatedIdentity } from "./serverless/function-configure-dedicated-identity";
import { functionConfigurePrivateIngress } from "./serverless/function-configure-private-ingress";
import { functionDisallowDeprecatedRuntimes } from "./serverless/function-disallow-deprecated-runtimes";
import { functionDisallowSecretsInEnvironment } from "./serverless/function-disallow-secrets-in-environment";
import { functionDisallowUnauthenticatedInvocation } from "./serverless/function-disallow-unauthenticated-invocation";
import { functionEnableEnvironmentEncryption } from "./serverless/function-enable-environment-encryption";
import { functionEnableTracing } from "./serverless/function-enable-tracing";
import { kubernetesNamespaceConfigurePodSecurity } from "./kubernetes/kubernetes-namespace-configure-pod-security";
import { kubernetesPodConfigureAllowedVolumeTypes } from "./kubernetes/kubernetes-pod-configure-allowed-volume-types";
import { kubernetesPodConfigureApparmor } from "./kubernetes/kubernetes-pod-configure-apparmor";
import { kubernetesPodConfigureDropAllCapabilities } from "./kubernetes/kubernetes-pod-configure-drop-all-capabilities";
import { kubernetesPodConfigureHealthProbes } from "./kubernetes/kubernetes-pod-configure-health-probes";
import { kubernetesPodConfigurePinnedImages } from "./kubernetes/kubernetes-pod-configure-pinned-images";
import { kubernetesPodConfigureResourceLimits } from "./kubernetes/kubernetes-pod-configure-resource-limits";
import { kubernetesPodConfigureResourceRequests } from "./kubernetes/kubernetes-pod-configure-resource-requests";
import { kubernetesPodConfigureRunAsNonRoot } from "./kubernetes/kubernetes-pod-configure-run-as-non-root";
import { kubernetesPodConfigureSeccomp } from "./kubernetes/kubernetes-pod-configure-seccomp";
import { kubernetesPodConfigureSelinux } from "./kubernetes/kubernetes-pod-configure-selinux";
import { kubernetesPodDisallowAddedCapabilities } from "./kubernetes/kubernetes-pod-disallow-added-capabilities";
import { kubernetesPodDisallowDefaultTokenMount } from "./kubernetes/kubernetes-pod-disallow-default-token-mount";
import { kubernetesPodDisallowHostNamespaces } from "./kubernetes/kubernetes-pod-disallow-host-namespaces";
import { kubernetesPodDisallowHostPath } from "./kubernetes/kubernetes-pod-disallow-host-path";
import { kubernetesPodDisallowHostPorts } from "./kubernetes/kubernetes-pod-disallow-host-ports";
import { kubernetesPodDisallowHostProcess } from "./kubernetes/kubernetes-pod-disallow-host-process";
import { kubernetesPodDisallowPrivilegeEscalation } from "./kubernetes/kubernetes-pod-disallow-privilege-escalation";
import { kubernetesPodDisallowPrivileged } from "./kubernetes/kubernetes-pod-disallow-privileged";
import { kubernetesPodDisallowRootUser } from "./kubernetes/kubernetes-pod-disallow-root-user";
import { kubernetesPodDisallowSecretsInEnvironment } from "./kubernetes/kubernetes-pod-disallow-secrets-in-environment";
import { kubernetesPodDisallowUnmaskedProcMount } from "./kubernetes/kubernetes-pod-disallow-unmasked-proc-mount";
import { kubernetesPodDisallowUnsafeSysctls } from "./kubernetes/kubernetes-pod-disallow-unsafe-sysctls";
import { kubernetesPodEnableReadOnlyRootFilesystem } from "./kubernetes/kubernetes-pod-enable-read-only-root-filesystem";
import { kubernetesServiceDisallowNodePort } from "./kubernetes/kubernetes-service-disallow-node-port";
import { kubernetesServiceDisallowPublicLoadBalancer } from "./kubernetes/kubernetes-service-disallow-public-load-balancer";
import { kubernetesWorkloadDisallowDefaultNamespace } from "./kubernetes/kubernetes-workload-disallow-default-namespace";
import { dataConfigureFinalSnapshot } from "./data/data-configure-final-snapshot";
import { dataConfigureKafkaReplication } from "./data/data-configure-kafka-replication";
import { dataDisallowPublicEndpoints } from "./data/data-disallow-public-endpoints";
import { dataEnableAuthentication } from "./data/data-enable-authentication";
import { dataEnableBackups } from "./data/data-enable-backups";
import { dataEnableDeletionProtection } from "./data/data-enable-deletion-protection";
import { dataEnableEncryptionAtRest } from "./data/data-enable-encryption-at-rest";
import { dataEnableEncryptionInTransit } from "./data/data-enable-encryption-in-transit";
import { dataEnableHighAvailability } from "./data/data-enable-high-availability";
import { dataEnableIamAuthentication } from "./data/data-enable-iam-authentication";
import { dataEnableLogExports } from "./data/data-enable-log-exports";
import { dataEnableMinorVersionUpgrades } from "./data/data-enable-minor-version-upgrades";
import { dataEnableResourceProtection } from "./data/data-enable-resource-protection";
import { dataFleetMembersEnableBackups } from "./data/data-fleet-members-enable-backups";
import { storageEnableVersioning } from "./data/storage-enable-versioning";
import { awsStorageConfigureGp3Volumes } from "./cost-and-tags/aws-storage-configure-gp3-volumes";
import { computeConfigureAllowedInstanceSizes } from "./cost-and-tags/compute-configure-allowed-instance-sizes";
import { computeDisallowPreviousGenerationTypes } from "./cost-and-tags/compute-disallow-previous-generation-types";
import { dataConfigureAllowedInstanceSizes } from "./cost-and-tags/data-configure-allowed-instance-sizes";
import { functionConfigureMemoryLimit } from "./cost-and-tags/function-configure-memory-limit";
import { instanceGroupConfigureMaxSize } from "./cost-and-tags/instance-group-configure-max-size";
import { kubernetesNamespaceMissingResourceQuota } from "./cost-and-tags/kubernetes-namespace-missing-resource-quota";
import { logsConfigureRetention } from "./cost-and-tags/logs-configure-retention";
import { resourceMissingRequiredTags } from "./cost-and-tags/resource-missing-required-tags";
import { storageConfigureLifecycleRules } from "./cost-and-tags/storage-configure-lifecycle-rules";

export const RULES: readonly RuleDefinition[] = [
    awsEc2ConfigureImdsHopLimit,
    awsEc2EnableImdsv2,
    computeDisallowPasswordAuthentication,
    computeDisallowPublicIp,
    computeDisallowSecretsInUserData,
    computeEnableDiskEncryption,
    iamDisallowAdminPrivileges,
    iamDisallowWildcardActions,
    kmsEnableKeyRotation,
    kubernetesClusterDisallowLegacyAuthentication,
    kubernetesClusterDisallowPublicEndpoint,
    kubernetesClusterEnableControlPlaneLogging,
    kubernetesClusterEnableNetworkPolicy,
    kubernetesClusterEnableSecretsEncryption,
    kubernetesClusterEnableWorkloadIdentity,
    loadBalancerDisallowPlaintextListeners,
    networkDisallowAllPortsFromInternet,
    networkDisallowRdpFromInternet,
    networkDisallowSshFromInternet,
    networkEnableFlowLogs,
    secretsStoreEnableDeletionProtection,
    storageDisallowPublicBuckets,
    awsAutoscalingGroupConfigureLaunchTemplate,
    awsAutoscalingGroupDisallowFloatingVersion,
    computeDisallowBootTimePackageInstalls,
    computeDisallowSshKeys,
    computeDisallowStandaloneInstances,
    computeImageDisallowFloatingReferences,
    containerRegistryEnableImmutableTags,
    instanceGroupConfigureMultipleZones,
    instanceGroupConfigureRollingUpdates,
    instanceGroupEnableAutoHealing,
    apiGatewayEnableAccessLogging,
    functionAppDisallowFtpDeployment,
    functionAppEnableHttpsOnly,
    functionConfigureConcurrencyLimit,
    functionConfigureDeadLetterQueue,
    functionConfigureDedicatedIdentity,
    functionConfigurePrivateIngress,
    functionDisallowDeprecatedRuntimes,
    functionDisallowSecretsInEnvironment,
    functionDisallowUnauthenticatedInvocation,
    functionEnableEnvironmentEncryption,
    functionEnableTracing,
    kubernetesNamespaceConfigurePodSecurity,
    kubernetesPodConfigureAllowedVolumeTypes,
    kubernetesPodConfigureApparmor,
    kubernetesPodConfigureDropAllCapabilities,
    kubernetesPodConfigureHealthProbes,
    kubernetesPodConfigurePinnedImages,
    kubernetesPodConfigureResourceLimits,
    kubernetesPodConfigureResourceRequests,
    kubernetesPodConfigureRunAsNonRoot,
    kubernetesPodConfigureSeccomp,
    kubernetesPodConfigureSelinux,
    kubernetesPodDisallowAddedCapabilities,
    kubernetesPodDisallowDefaultTokenMount,
    kubernetesPodDisallowHostNamespaces,
    kubernetesPodDisallowHostPath,
    kubernetesPodDisallowHostPorts,
    kubernetesPodDisallowHostProcess,
    kubernetesPodDisallowPrivilegeEscalation,
    kubernetesPodDisallowPrivileged,
    kubernetesPodDisallowRootUser,
    kubernetesPodDisallowSecretsInEnvironment,
    kubernetesPodDisallowUnmaskedProcMount,
    kubernetesPodDisallowUnsafeSysctls,
    kubernetesPodEnableReadOnlyRootFilesystem,
    kubernetesServiceDisallowNodePort,
    kubernetesServiceDisallowPublicLoadBalancer,
    kubernetesWorkloadDisallowDefaultNamespace,
    dataConfigureFinalSnapshot,
    dataConfigureKafkaReplication,
    dataDisallowPublicEndpoints,
    dataEnableAuthentication,
    dataEnableBackups,
    dataEnableDeletionProtection,
    dataEnableEncryptionAtRest,
    dataEnableEncryptionInTransit,
    dataEnableHighAvailability,
    dataEnableIamAuthentication,
    dataEnableLogExports,
    dataEnableMinorVersionUpgrades,
    dataEnableResourceProtection,
    dataFleetMembersEnableBackups,
    storageEnableVersioning,
    awsStorageConfigureGp3Volumes,
    computeConfigureAllowedInstanceSizes,
    computeDisallowPreviousGenerationTypes,
    dataConfigureAllowedInstanceSizes,
    functionConfigureMemoryLimit,
    instanceGroupConfigureMaxSize,
    kubernetesNamespaceMissingResourceQuota,
    logsConfigureRetention,
    resourceMissingRequiredTags,
    storageConfigureLifecycleRules,
];
