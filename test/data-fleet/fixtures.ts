import * as kubernetes from "@pulumi/kubernetes";
import type { NetworkInfo } from "../../components/network";
import type { ClusterTarget } from "../../components/core";
import type { DataFleetMember } from "../../components/data-fleet";

/** A NetworkInfo whose subnet lists are plain arrays, so tests can index them. */
export type PlainNetwork = NetworkInfo & { privateSubnetIds: string[]; dataSubnetIds: string[]; endpointSubnetIds: string[] };

/** Networks as a Network would describe them, with ids of each cloud's shape. */
export const AWS_NETWORK: PlainNetwork = {
    cloud: "aws",
    cidr: "10.20.0.0/16",
    networkId: "vpc-0a1b2c3d4e5f60718",
    networkName: "core",
    region: "eu-west-1",
    privateSubnetIds: ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"],
    publicSubnetIds: ["subnet-0bbb0000000000001"],
    kubernetesSubnetIds: [],
    dataSubnetIds: ["subnet-0ddd0000000000001", "subnet-0ddd0000000000002", "subnet-0ddd0000000000003"],
    endpointSubnetIds: ["subnet-0aaa0000000000001"],
};

export const GCP_NETWORK: PlainNetwork = {
    cloud: "gcp",
    cidr: "10.30.0.0/16",
    networkId: "projects/platform-kit-demo/global/networks/core",
    networkName: "core",
    region: "europe-west1",
    privateSubnetIds: ["projects/platform-kit-demo/regions/europe-west1/subnetworks/core-private"],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
};

const VNET = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core-rg/providers/Microsoft.Network/virtualNetworks/core";
export const AZURE_NETWORK: PlainNetwork = {
    cloud: "azure",
    cidr: "10.40.0.0/16",
    networkId: VNET,
    networkName: "core",
    region: "westeurope",
    privateSubnetIds: [`${VNET}/subnets/private`],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [`${VNET}/subnets/data`],
    endpointSubnetIds: [`${VNET}/subnets/endpoints`],
    resourceGroupName: "core-rg",
};

export const MEMBERS: DataFleetMember[] = [
    { name: "orders", engine: "postgres", version: "16", size: "medium", storageGb: 64, highAvailability: true },
    { name: "sessions", engine: "redis", highAvailability: true },
    { name: "events", engine: "kafka" },
];

/** A ClusterTarget over a provider with an inline kubeconfig (never contacted under mocks). */
export function testCluster(): ClusterTarget {
    const provider = new kubernetes.Provider("cluster", { kubeconfig: "apiVersion: v1\nkind: Config\n" });
    return { provider, clusterName: "test-cluster" };
}
