import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as compute from "@pulumi/azure-native/compute";
import type * as network from "@pulumi/azure-native/network";
import type * as containerservice from "@pulumi/azure-native/containerservice";
import type * as authorization from "@pulumi/azure-native/authorization";
import type * as storage from "@pulumi/azure-native/storage";
import type * as keyvault from "@pulumi/azure-native/keyvault";
import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const lt = (args: Partial<Unwrap<aws.ec2.LaunchTemplateArgs>> = {}) =>
    resource<aws.ec2.LaunchTemplateArgs>(LT, {
        imageId: "ami-0123456789abcdef0",
        instanceType: "m7i.large",
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeType: "gp3" } }],
        ...args,
    });
const sg = (ingress: aws.types.input.ec2.SecurityGroupIngress[]) =>
    resource<aws.ec2.SecurityGroupArgs>(SG, { ingress: ingress as Unwrap<aws.types.input.ec2.SecurityGroupIngress>[] });
const gcpFirewall = (sourceRanges: string[], ports: string[]) =>
    resource<gcp.compute.FirewallArgs>("gcp:compute/firewall:Firewall", { network: "default", sourceRanges, allows: [{ protocol: "tcp", ports }] });
const nsgRule = (port: string, source: string) =>
    resource<network.SecurityRuleArgs>("azure-native:network:SecurityRule", {
        resourceGroupName: "rg",
        networkSecurityGroupName: "nsg",
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        priority: 100,
        sourceAddressPrefix: source,
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: port,
    });
const policyDoc = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const eks = (vpcConfig: Partial<Unwrap<aws.types.input.eks.ClusterVpcConfig>>, extra: Partial<Unwrap<aws.eks.ClusterArgs>> = {}) =>
    resource<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", {
        roleArn: "arn:aws:iam::123456789012:role/eks",
        vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], ...vpcConfig },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/1" } },
        enabledClusterLogTypes: ["api", "audit", "authenticator"],
        ...extra,
    });
const gke = (args: Partial<Unwrap<gcp.container.ClusterArgs>> = {}) =>
    resource<gcp.container.ClusterArgs>("gcp:container/cluster:Cluster", {
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
        databaseEncryption: { state: "ENCRYPTED", keyName: "projects/p/locations/l/keyRings/r/cryptoKeys/k" },
        datapathProvider: "ADVANCED_DATAPATH",
        workloadIdentityConfig: { workloadPool: "p.svc.id.goog" },
        ...args,
    });
const aks = (args: Partial<Unwrap<containerservice.ManagedClusterArgs>> = {}) =>
    resource<containerservice.ManagedClusterArgs>("azure-native:containerservice:ManagedCluster", {
        resourceGroupName: "rg",
        apiServerAccessProfile: { enablePrivateCluster: true },
        securityProfile: { azureKeyVaultKms: { enabled: true, keyId: "https://v.vault.azure.net/keys/k/1" }, workloadIdentity: { enabled: true } },
        networkProfile: { networkPolicy: "cilium" },
        disableLocalAccounts: true,
        enableRBAC: true,
        oidcIssuerProfile: { enabled: true },
        agentPoolProfiles: [{ name: "system", vmSize: "Standard_D4s_v5", count: 3, enableNodePublicIP: false }],
        ...args,
    });
const vmss = (profile: Unwrap<compute.VirtualMachineScaleSetArgs>["virtualMachineProfile"]) =>
    resource<compute.VirtualMachineScaleSetArgs>("azure-native:compute:VirtualMachineScaleSet", { resourceGroupName: "rg", virtualMachineProfile: profile });
const b64 = (text: string) => Buffer.from(text).toString("base64");

describePack("security", {
    "aws-ec2-enable-imdsv2": {
        good: [lt(), lt({ metadataOptions: { httpEndpoint: "disabled" } })],
        bad: [
            [lt({ metadataOptions: { httpTokens: "optional" } }), ['metadataOptions.httpTokens is "optional"; set it to "required" so only IMDSv2 session requests get instance credentials.']],
            [lt({ metadataOptions: undefined }), ['metadataOptions.httpTokens is unset (the provider default "optional" allows IMDSv1); set it to "required" so only IMDSv2 session requests get instance credentials.']],
            [resource<aws.ec2.InstanceArgs>("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro" }), ['metadataOptions.httpTokens is unset (the provider default "optional" allows IMDSv1); set it to "required" so only IMDSv2 session requests get instance credentials.']],
        ],
    },
    "aws-ec2-configure-imds-hop-limit": {
        good: [lt(), lt({ metadataOptions: { httpEndpoint: "disabled" } })],
        bad: [
            [lt({ metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } }), ["metadataOptions.httpPutResponseHopLimit is 2; the most allowed is 1."]],
            [lt({ metadataOptions: { httpTokens: "required" } }), ["metadataOptions.httpPutResponseHopLimit is unset, so the AMI's default applies (2 on Amazon Linux 2023); set it to 1."]],
        ],
    },
    "compute-disallow-public-ip": {
        good: [
            lt({ networkInterfaces: [{ associatePublicIpAddress: "false" }] }),
            resource<gcp.compute.InstanceTemplateArgs>("gcp:compute/instanceTemplate:InstanceTemplate", { machineType: "n2-standard-2", disks: [{ sourceImage: "img" }], networkInterfaces: [{ subnetwork: "s" }] }),
            aks(),
            resource<aws.ec2.EipArgs>("aws:ec2/eip:Eip", { domain: "vpc" }),
        ],
        bad: [
            [lt({ networkInterfaces: [{ associatePublicIpAddress: "true" }] }), ["networkInterfaces[0].associatePublicIpAddress is true; launched instances get a public IP."]],
            [resource<gcp.compute.InstanceTemplateArgs>("gcp:compute/instanceTemplate:InstanceTemplate", { machineType: "n2-standard-2", disks: [{ sourceImage: "img" }], networkInterfaces: [{ subnetwork: "s", accessConfigs: [{}] }] }), ["networkInterfaces[0].accessConfigs gives the VM an external IP."]],
            [vmss({ networkProfile: { networkInterfaceConfigurations: [{ name: "nic", ipConfigurations: [{ name: "ip", publicIPAddressConfiguration: { name: "pip" } }] }] } }), ["virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration gives every instance a public IP."]],
            [aks({ agentPoolProfiles: [{ name: "system", enableNodePublicIP: true }] }), ["agentPoolProfiles[0].enableNodePublicIP is true; AKS nodes get public IPs."]],
            [gke({ privateClusterConfig: { enablePrivateNodes: false } }), ["privateClusterConfig.enablePrivateNodes is not true; GKE nodes get external IPs."]],
            [resource<aws.ec2.EipArgs>("aws:ec2/eip:Eip", { domain: "vpc", instance: "i-0123" }), ["the Elastic IP is attached to an instance or its network interface; the host gets a public IP."]],
        ],
    },
    "network-disallow-ssh-from-internet": {
        good: [
            sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }]),
            gcpFirewall(["35.235.240.0/20"], ["22"]),
            resource<gcp.compute.FirewallArgs>("gcp:compute/firewall:Firewall", { network: "default", sourceTags: ["bastion"], allows: [{ protocol: "tcp", ports: ["22"] }] }),
            nsgRule("443", "Internet"),
        ],
        bad: [
            [sg([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]), ["ingress[0] allows SSH (port 22) from the internet."]],
            [gcpFirewall(["0.0.0.0/0"], ["20-30"]), ["allows[0] allows SSH (port 22) from the internet."]],
            [resource<gcp.compute.FirewallArgs>("gcp:compute/firewall:Firewall", { network: "default", allows: [{ protocol: "tcp", ports: ["22"] }] }), ["allows[0] allows SSH (port 22) from the internet."]],
            [nsgRule("22", "*"), ["this rule allows SSH (port 22) from the internet."]],
            [resource<aws.vpc.SecurityGroupIngressRuleArgs>("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }), ["this rule allows SSH (port 22) from the internet."]],
        ],
    },
    "network-disallow-rdp-from-internet": {
        good: [
            sg([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }]),
            sg([{ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }]),
            nsgRule("3389", "10.0.0.0/16"),
        ],
        bad: [
            [nsgRule("3389", "Internet"), ["this rule allows RDP (port 3389) from the internet."]],
            [resource<aws.ec2.SecurityGroupRuleArgs>("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] }), ["this rule allows RDP (port 3389) from the internet."]],
        ],
    },
    "network-disallow-all-ports-from-internet": {
        good: [sg([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }]), sg([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }])],
        bad: [
            [sg([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]), ["ingress[0] opens every port to the internet."]],
            [resource<gcp.compute.FirewallArgs>("gcp:compute/firewall:Firewall", { network: "default", sourceRanges: ["0.0.0.0/0"], allows: [{ protocol: "all" }] }), ["allows[0] opens every port to the internet."]],
        ],
    },
    "compute-disallow-secrets-in-user-data": {
        good: [
            lt({ userData: b64("#!/bin/bash\nDB_PASSWORD_ARN=arn:aws:secretsmanager:us-east-1:1:secret:db\n") }),
            lt({ userData: b64('#!/bin/bash\nTOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 60")\nDB_PASSWORD_PARAM=/prod/db/password\n') }),
        ],
        bad: [
            [lt({ userData: b64("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n") }), ["userData contains an AWS access key id; read secrets at boot from a secret store instead."]],
            [resource<gcp.compute.InstanceTemplateArgs>("gcp:compute/instanceTemplate:InstanceTemplate", { machineType: "e2-small", disks: [{ sourceImage: "i" }], metadata: { "startup-script": "echo 'DB_PASSWORD=supersecret1' > /etc/app.env" } }), ['metadata["startup-script"] contains a value assigned to DB_PASSWORD; read secrets at boot from a secret store instead.']],
            [vmss({ osProfile: { customData: b64("-----BEGIN RSA PRIVATE KEY-----\nabc\n") } }), ["virtualMachineProfile.osProfile.customData contains a private key; read secrets at boot from a secret store instead."]],
        ],
    },
    "iam-disallow-wildcard-actions": {
        good: [
            resource<aws.iam.PolicyArgs>("aws:iam/policy:Policy", { policy: policyDoc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" }) }),
            resource<aws.iam.PolicyArgs>("aws:iam/policy:Policy", { policy: policyDoc({ Effect: "Deny", Action: "*", Resource: "*" }) }),
        ],
        bad: [
            [resource<aws.iam.RolePolicyArgs>("aws:iam/rolePolicy:RolePolicy", { role: "r", policy: policyDoc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }), ['policy statement 0 allows "s3:*"; name the actions instead.']],
            [resource<authorization.RoleDefinitionArgs>("azure-native:authorization:RoleDefinition", { scope: "/subscriptions/1", permissions: [{ actions: ["*"] }] }), ['permissions[0] allows "*"; name the operations instead.']],
            [resource<k8s.rbac.v1.ClusterRoleArgs>("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", { rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }] }), ['rules[0].resources contains "*"; name the resources.']],
        ],
    },
    "iam-disallow-admin-privileges": {
        good: [
            resource<aws.iam.RolePolicyAttachmentArgs>("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }),
            resource<gcp.projects.IAMMemberArgs>("gcp:projects/iAMMember:IAMMember", { project: "p", role: "roles/storage.objectViewer", member: "serviceAccount:a@p.iam.gserviceaccount.com" }),
        ],
        bad: [
            [resource<aws.iam.RolePolicyAttachmentArgs>("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }), ["policyArn attaches arn:aws:iam::aws:policy/AdministratorAccess (administrator access)."]],
            [resource<aws.iam.PolicyArgs>("aws:iam/policy:Policy", { policy: policyDoc({ Effect: "Allow", Action: "*", Resource: "*" }) }), ["policy statement 0 allows every action on every resource (administrator access)."]],
            [resource<gcp.projects.IAMMemberArgs>("gcp:projects/iAMMember:IAMMember", { project: "p", role: "roles/editor", member: "serviceAccount:a@p.iam.gserviceaccount.com" }), ["role roles/editor is a basic role with administrator rights; grant a predefined or custom role."]],
            [resource<authorization.RoleAssignmentArgs>("azure-native:authorization:RoleAssignment", { scope: "/subscriptions/1", principalId: "x", roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" }), ["roleDefinitionId /providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635 is an administrator role (Owner)."]],
            [resource<k8s.rbac.v1.ClusterRoleBindingArgs>("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", { roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "ServiceAccount", name: "app", namespace: "team" }] }), ["roleRef binds cluster-admin to ServiceAccount/app."]],
        ],
    },
    "storage-disallow-public-buckets": {
        good: [
            resource<aws.s3.BucketPublicAccessBlockArgs>("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
            resource<aws.s3.BucketPolicyArgs>("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: policyDoc({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) }),
            resource<storage.StorageAccountArgs>("azure-native:storage:StorageAccount", { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, allowBlobPublicAccess: false }),
        ],
        bad: [
            [resource<aws.s3.BucketPublicAccessBlockArgs>("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true }), ["blockPublicPolicy is false; set it to true."]],
            [resource<aws.s3.BucketPolicyArgs>("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: policyDoc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }), ['policy statement 0 allows s3:GetObject to Principal "*" without a condition.']],
            [resource<gcp.storage.BucketIAMMemberArgs>("gcp:storage/bucketIAMMember:BucketIAMMember", { bucket: "b", role: "roles/storage.objectViewer", member: "allUsers" }), ["member allUsers gets roles/storage.objectViewer on the bucket."]],
            [resource<storage.BlobContainerArgs>("azure-native:storage:BlobContainer", { resourceGroupName: "rg", accountName: "a", publicAccess: "Container" }), ['publicAccess is "Container"; anonymous reads are allowed.']],
        ],
    },
    "kubernetes-cluster-disallow-public-endpoint": {
        good: [
            eks({ endpointPublicAccess: false, endpointPrivateAccess: true }),
            eks({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
            gke(),
            gke({ privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }] } }),
            aks(),
        ],
        bad: [
            [eks({ subnetIds: ["s1"] }), ["vpcConfig.endpointPublicAccess is unset (defaults to true) and publicAccessCidrs is unset (0.0.0.0/0); the API server is open to the internet."]],
            [gke({ privateClusterConfig: { enablePrivateNodes: true } }), ["the control plane has a public endpoint without master authorized networks limited to named ranges; set privateClusterConfig.enablePrivateEndpoint or masterAuthorizedNetworksConfig."]],
            [gke({ privateClusterConfig: { enablePrivateNodes: true }, masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] } }), ["the control plane has a public endpoint without master authorized networks limited to named ranges; set privateClusterConfig.enablePrivateEndpoint or masterAuthorizedNetworksConfig."]],
            [aks({ apiServerAccessProfile: { authorizedIPRanges: ["0.0.0.0/0"] } }), ["apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges limited to named ranges; the API server is open to the internet."]],
        ],
    },
    "kubernetes-cluster-enable-secrets-encryption": {
        good: [eks({ endpointPublicAccess: false }), gke(), aks()],
        bad: [
            [eks({ endpointPublicAccess: false }, { encryptionConfig: undefined }), ['encryptionConfig does not cover "secrets"; Secrets are not envelope-encrypted with your KMS key.']],
            [gke({ databaseEncryption: { state: "DECRYPTED" } }), ['databaseEncryption.state is not "ENCRYPTED"; application-layer secrets encryption is off.']],
            [aks({ securityProfile: {} }), ["securityProfile.azureKeyVaultKms.enabled is not true; Secrets are not encrypted with your Key Vault key."]],
        ],
    },
    "kubernetes-cluster-enable-network-policy": {
        good: [gke(), gke({ datapathProvider: undefined, networkPolicy: { enabled: true } }), aks()],
        bad: [
            [gke({ datapathProvider: undefined }), ['neither Dataplane V2 (datapathProvider "ADVANCED_DATAPATH") nor networkPolicy.enabled is set; NetworkPolicies are not enforced.']],
            [aks({ networkProfile: {} }), ["networkProfile.networkPolicy is unset; NetworkPolicies are not enforced."]],
        ],
    },
    "kubernetes-cluster-disallow-legacy-authentication": {
        good: [gke(), aks(), eks({ endpointPublicAccess: false }, { accessConfig: { authenticationMode: "API" } })],
        bad: [
            [gke({ enableLegacyAbac: true }), ["enableLegacyAbac is true; legacy ABAC bypasses RBAC."]],
            [aks({ disableLocalAccounts: false }), ["disableLocalAccounts is not true; the static local admin kubeconfig stays usable."]],
            [eks({ endpointPublicAccess: false }, { accessConfig: { authenticationMode: "CONFIG_MAP" } }), ['accessConfig.authenticationMode is "CONFIG_MAP"; use access entries ("API").']],
        ],
    },
    "kubernetes-cluster-enable-control-plane-logging": {
        good: [eks({ endpointPublicAccess: false }), gke()],
        bad: [
            [eks({ endpointPublicAccess: false }, { enabledClusterLogTypes: ["api"] }), ["enabledClusterLogTypes is missing audit, authenticator."]],
            [gke({ loggingService: "none" }), ['loggingService is "none"; control-plane and workload logs are dropped.']],
        ],
    },
    "kubernetes-cluster-enable-workload-identity": {
        good: [gke(), aks()],
        bad: [
            [gke({ workloadIdentityConfig: undefined }), ["workloadIdentityConfig.workloadPool is unset; pods use the node's service account."]],
            [aks({ oidcIssuerProfile: { enabled: false } }), ["oidcIssuerProfile.enabled is not true."]],
        ],
    },
    "network-enable-flow-logs": {
        good: [
            [
                resource<aws.ec2.VpcArgs>("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }, { name: "vpc", outputs: { id: "vpc-1" } }),
                resource<aws.ec2.FlowLogArgs>("aws:ec2/flowLog:FlowLog", { vpcId: "vpc-1", trafficType: "ALL", logDestination: "arn:aws:s3:::logs" }, { name: "flow" }),
            ],
            resource<gcp.compute.SubnetworkArgs>("gcp:compute/subnetwork:Subnetwork", { network: "n", ipCidrRange: "10.0.0.0/20", logConfig: { aggregationInterval: "INTERVAL_5_SEC" } }),
        ],
        bad: [
            [[resource<aws.ec2.VpcArgs>("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }, { name: "vpc", outputs: { id: "vpc-1" } })], ["VPC vpc has no aws.ec2.FlowLog."]],
            [[resource<gcp.compute.SubnetworkArgs>("gcp:compute/subnetwork:Subnetwork", { network: "n", ipCidrRange: "10.0.0.0/20" }, { name: "sub" })], ["subnetwork sub has no logConfig; VPC flow logs are off."]],
        ],
    },
    "kms-enable-key-rotation": {
        good: [resource<aws.kms.KeyArgs>("aws:kms/key:Key", { enableKeyRotation: true }), resource<gcp.kms.CryptoKeyArgs>("gcp:kms/cryptoKey:CryptoKey", { keyRing: "r", rotationPeriod: "7776000s" })],
        bad: [
            [resource<aws.kms.KeyArgs>("aws:kms/key:Key", {}), ["enableKeyRotation is not true."]],
            [resource<gcp.kms.CryptoKeyArgs>("gcp:kms/cryptoKey:CryptoKey", { keyRing: "r" }), ["rotationPeriod is unset; the key never rotates."]],
            [resource<keyvault.KeyArgs>("azure-native:keyvault:Key", { resourceGroupName: "rg", vaultName: "v", properties: { kty: "RSA" } }), ["rotationPolicy has no Rotate lifetime action; the key never rotates."]],
        ],
    },
    "secrets-store-enable-deletion-protection": {
        good: [
            resource<keyvault.VaultArgs>("azure-native:keyvault:Vault", { resourceGroupName: "rg", properties: { tenantId: "t", sku: { family: "A", name: "standard" }, enablePurgeProtection: true } }),
            resource<aws.secretsmanager.SecretArgs>("aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 7 }),
        ],
        bad: [
            [resource<keyvault.VaultArgs>("azure-native:keyvault:Vault", { resourceGroupName: "rg", properties: { tenantId: "t", sku: { family: "A", name: "standard" } } }), ["properties.enablePurgeProtection is not true; deleted keys and secrets can be purged at once."]],
            [resource<aws.secretsmanager.SecretArgs>("aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 0 }), ["recoveryWindowInDays is 0; a deleted secret is gone immediately."]],
        ],
    },
    "compute-enable-disk-encryption": {
        good: [lt(), resource<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", { availabilityZone: "us-east-1a", size: 10, encrypted: true }), vmss({ securityProfile: { encryptionAtHost: true } })],
        bad: [
            [lt({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] }), ['blockDeviceMappings[0].ebs.encrypted is not "true".']],
            [resource<aws.ebs.VolumeArgs>("aws:ebs/volume:Volume", { availabilityZone: "us-east-1a", size: 10 }), ["encrypted is not true."]],
            [vmss({}), ["virtualMachineProfile.securityProfile.encryptionAtHost is not true; temp disks and caches are not encrypted."]],
        ],
        config: { requireEncryptionAtHost: true },
    },
    "compute-disallow-password-authentication": {
        good: [vmss({ osProfile: { adminUsername: "ops", linuxConfiguration: { disablePasswordAuthentication: true } } })],
        bad: [
            [vmss({ osProfile: { adminUsername: "ops", linuxConfiguration: { disablePasswordAuthentication: false } } }), ["virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication is false."]],
            [resource<compute.VirtualMachineArgs>("azure-native:compute:VirtualMachine", { resourceGroupName: "rg", osProfile: { adminUsername: "ops", adminPassword: "P@ssw0rd!" } }), ["osProfile.adminPassword is set and disablePasswordAuthentication is unset; password logins are allowed."]],
        ],
    },
    "load-balancer-disallow-plaintext-listeners": {
        good: [
            resource<aws.lb.ListenerArgs>("aws:lb/listener:Listener", { loadBalancerArn: "arn", port: 80, protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }),
            resource<aws.lb.ListenerArgs>("aws:lb/listener:Listener", { loadBalancerArn: "arn", port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }),
        ],
        bad: [
            [resource<aws.lb.ListenerArgs>("aws:lb/listener:Listener", { loadBalancerArn: "arn", port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }), ["protocol HTTP serves traffic in plain text; make it a redirect to HTTPS."]],
            [resource<aws.lb.ListenerArgs>("aws:lb/listener:Listener", { loadBalancerArn: "arn", port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }), ["sslPolicy ELBSecurityPolicy-2016-08 allows TLS versions older than 1.2."]],
        ],
    },
});
