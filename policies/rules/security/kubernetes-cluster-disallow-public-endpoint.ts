import { resourceRule } from "../../core/define";
import { cisAks, cisEks, cisGke } from "../../core/rule";
import { asList, isFalse, isTrue, isWorld, list, obj } from "../../core/props";

interface Config {
    allowAuthorizedNetworks: boolean;
}

/** The Kubernetes API is the cluster's root of control; it answers only private or allow-listed networks. */
export const kubernetesClusterDisallowPublicEndpoint = resourceRule<Config>({
    name: "kubernetes-cluster-disallow-public-endpoint",
    description: "EKS, GKE and AKS API servers are private, or (when `allowAuthorizedNetworks`) public only to named source ranges, never to the whole internet.",
    severity: "high",
    remediation: "EKS: `vpcConfig.endpointPublicAccess: false` (or narrow `publicAccessCidrs`); GKE: `privateClusterConfig.enablePrivateEndpoint: true` or `masterAuthorizedNetworksConfig` with your ranges; AKS: `apiServerAccessProfile.enablePrivateCluster: true` or `authorizedIPRanges`.",
    topics: ["cluster-hardening"],
    frameworks: [cisEks("5.4.2"), cisGke("5.6.4"), cisAks("5.4.2")],
    checkov: ["CKV_AWS_38", "CKV_AWS_39", "CKV_GCP_25", "CKV_GCP_20", "CKV_AZURE_6", "CKV_AZURE_115"],
    trivy: ["AWS-0040", "AWS-0041", "GCP-0053", "AZU-0041"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: { allowAuthorizedNetworks: { type: "boolean", default: true, description: "Accept a public endpoint restricted to named source ranges." } },
    },
    resourceTypes: ["aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster", "azure-native:containerservice:ManagedCluster"],
    check: ({ type, props, config }, report) => {
        const restricted = (ranges: string[]) => config.allowAuthorizedNetworks && ranges.length > 0 && !ranges.some(isWorld);
        if (type === "aws:eks/cluster:Cluster") {
            const vpc = obj(props.vpcConfig);
            if (isFalse(vpc.endpointPublicAccess)) return;
            if (restricted(asList(vpc.publicAccessCidrs))) return;
            report(`vpcConfig.endpointPublicAccess is ${vpc.endpointPublicAccess === undefined ? "unset (defaults to true)" : "true"} and publicAccessCidrs ${vpc.publicAccessCidrs === undefined ? "is unset (0.0.0.0/0)" : "allows the internet"}; the API server is open to the internet.`);
        } else if (type === "gcp:container/cluster:Cluster") {
            if (isTrue(obj(props.privateClusterConfig).enablePrivateEndpoint)) return;
            if (isFalse(obj(obj(props.controlPlaneEndpointsConfig).ipEndpointsConfig).enabled)) return;
            // Authorized networks with no CIDR blocks admit no internet source at all.
            const networks = obj(props.masterAuthorizedNetworksConfig);
            const cidrs = list(networks.cidrBlocks).map((b) => String(b.cidrBlock));
            if (props.masterAuthorizedNetworksConfig !== undefined && config.allowAuthorizedNetworks && !cidrs.some(isWorld)) return;
            report("the control plane has a public endpoint without master authorized networks limited to named ranges; set privateClusterConfig.enablePrivateEndpoint or masterAuthorizedNetworksConfig.");
        } else {
            const access = obj(props.apiServerAccessProfile);
            if (isTrue(access.enablePrivateCluster)) return;
            if (restricted(asList(access.authorizedIPRanges))) return;
            report("apiServerAccessProfile has neither enablePrivateCluster nor authorizedIPRanges limited to named ranges; the API server is open to the internet.");
        }
    },
});
