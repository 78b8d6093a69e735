import type { NetworkInfo } from "../../components/network";
import type { ImmutableGroupArgsBase } from "../../components/immutable-group";

/** Networks made of fake ids, standing in for a Network built elsewhere. */
export const awsNetwork: NetworkInfo = {
    cloud: "aws",
    cidr: "10.0.0.0/16",
    networkId: "vpc-0a1b2c3d4e5f60718",
    networkName: "core",
    region: "eu-west-1",
    privateSubnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"],
    publicSubnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2", "subnet-0bbbbbbbbbbbbbbb3"],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
};

export const gcpNetwork: NetworkInfo = {
    cloud: "gcp",
    cidr: "10.10.0.0/16",
    networkId: "projects/platform-kit-demo/global/networks/core",
    networkName: "core",
    region: "europe-west1",
    privateSubnetIds: ["projects/platform-kit-demo/regions/europe-west1/subnetworks/core-private"],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
};

const rg = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core";
export const azureNetwork: NetworkInfo = {
    cloud: "azure",
    cidr: "10.20.0.0/16",
    networkId: `${rg}/providers/Microsoft.Network/virtualNetworks/core`,
    networkName: "core",
    region: "westeurope",
    privateSubnetIds: [`${rg}/providers/Microsoft.Network/virtualNetworks/core/subnets/apps`],
    publicSubnetIds: [],
    kubernetesSubnetIds: [],
    dataSubnetIds: [],
    endpointSubnetIds: [],
    resourceGroupName: "core",
};

export const AMI = "ami-0abcdef1234567890";
export const AMI_NEXT = "ami-0fedcba9876543210";
export const GCP_IMAGE = "projects/platform-kit-images/global/images/web-20261101";
export const GCP_IMAGE_NEXT = "projects/platform-kit-images/global/images/web-20261201";
export const AZURE_IMAGE = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/images/providers/Microsoft.Compute/galleries/platform/images/web/versions/1.4.0";
export const AZURE_IMAGE_NEXT = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/images/providers/Microsoft.Compute/galleries/platform/images/web/versions/1.5.0";

/** Valid shared arguments; tests change one field at a time. */
export function baseArgs(network: NetworkInfo, image: string): ImmutableGroupArgsBase {
    return { network, image, size: "small", minSize: 2, maxSize: 6, port: 8080, healthCheckPath: "/healthz" };
}
