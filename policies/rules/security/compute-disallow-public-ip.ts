import { resourceRule } from "../../core/define";
import { cisAzure } from "../../core/rule";
import { isTrue, list, obj } from "../../core/props";

/** Hosts reach the internet through NAT; a public address makes every open port an exposure. */
export const computeDisallowPublicIp = resourceRule({
    name: "compute-disallow-public-ip",
    description: "Virtual machines, instance templates, scale sets and Kubernetes nodes get no public IP address.",
    severity: "high",
    remediation: "Place hosts in private subnets and remove public addresses: AWS `associatePublicIpAddress: false`, Google Cloud no `accessConfigs`, Azure no `publicIPAddressConfiguration` / `enableNodePublicIP: false`, GKE `privateClusterConfig.enablePrivateNodes: true`. Reach the internet through NAT and hosts through a load balancer.",
    topics: ["network-exposure"],
    frameworks: [cisAzure("7.7")],
    checkov: ["CKV_AWS_88", "CKV_AWS_389", "CKV_GCP_40", "CKV_AZURE_143", "CKV2_AZURE_39"],
    trivy: ["AWS-0009", "GCP-0031", "AZU-0076"],
    enforcementLevel: "mandatory",
    resourceTypes: [
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/instance:Instance",
        "aws:ec2/launchConfiguration:LaunchConfiguration",
        "aws:ec2/eip:Eip",
        "aws:ec2/eipAssociation:EipAssociation",
        "gcp:compute/instanceTemplate:InstanceTemplate",
        "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
        "gcp:compute/instance:Instance",
        "gcp:container/cluster:Cluster",
        "azure-native:compute:VirtualMachineScaleSet",
        "azure-native:network:NetworkInterface",
        "azure-native:containerservice:ManagedCluster",
        "azure-native:containerservice:AgentPool",
    ],
    check: ({ type, props }, report) => {
        switch (type) {
            case "aws:ec2/launchTemplate:LaunchTemplate":
                list(props.networkInterfaces).forEach((nic, i) => {
                    if (isTrue(nic.associatePublicIpAddress)) report(`networkInterfaces[${i}].associatePublicIpAddress is true; launched instances get a public IP.`);
                });
                return;
            case "aws:ec2/instance:Instance":
            case "aws:ec2/launchConfiguration:LaunchConfiguration":
                if (isTrue(props.associatePublicIpAddress)) report("associatePublicIpAddress is true; the instance gets a public IP.");
                return;
            case "aws:ec2/eip:Eip":
                // EIPs for NAT gateways name neither; one bound to an instance or its interface makes the host public.
                if (props.instance !== undefined || props.networkInterface !== undefined) report("the Elastic IP is attached to an instance or its network interface; the host gets a public IP.");
                return;
            case "aws:ec2/eipAssociation:EipAssociation":
                if (props.instanceId !== undefined || props.networkInterfaceId !== undefined) report("the Elastic IP association gives an instance a public IP.");
                return;
            case "gcp:compute/instanceTemplate:InstanceTemplate":
            case "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate":
            case "gcp:compute/instance:Instance":
                list(props.networkInterfaces).forEach((nic, i) => {
                    if (list(nic.accessConfigs).length > 0) report(`networkInterfaces[${i}].accessConfigs gives the VM an external IP.`);
                    if (list(nic.ipv6AccessConfigs).length > 0) report(`networkInterfaces[${i}].ipv6AccessConfigs gives the VM an external IPv6 address.`);
                });
                return;
            case "gcp:container/cluster:Cluster":
                if (!isTrue(obj(props.privateClusterConfig).enablePrivateNodes) && !isTrue(obj(obj(props.nodeConfig)).enablePrivateNodes)) {
                    report("privateClusterConfig.enablePrivateNodes is not true; GKE nodes get external IPs.");
                }
                return;
            case "azure-native:compute:VirtualMachineScaleSet":
                list(obj(obj(props.virtualMachineProfile).networkProfile).networkInterfaceConfigurations).forEach((nic, i) =>
                    list(nic.ipConfigurations).forEach((ip, j) => {
                        if (ip.publicIPAddressConfiguration !== undefined) {
                            report(`virtualMachineProfile.networkProfile.networkInterfaceConfigurations[${i}].ipConfigurations[${j}].publicIPAddressConfiguration gives every instance a public IP.`);
                        }
                    }),
                );
                return;
            case "azure-native:network:NetworkInterface":
                list(props.ipConfigurations).forEach((ip, i) => {
                    if (ip.publicIPAddress !== undefined) report(`ipConfigurations[${i}].publicIPAddress attaches a public IP.`);
                });
                return;
            case "azure-native:containerservice:ManagedCluster":
                list(props.agentPoolProfiles).forEach((pool, i) => {
                    if (isTrue(pool.enableNodePublicIP)) report(`agentPoolProfiles[${i}].enableNodePublicIP is true; AKS nodes get public IPs.`);
                });
                return;
            case "azure-native:containerservice:AgentPool":
                if (isTrue(props.enableNodePublicIP)) report("enableNodePublicIP is true; AKS nodes get public IPs.");
                return;
        }
    },
});
