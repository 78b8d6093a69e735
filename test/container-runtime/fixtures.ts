import type { NetworkInfo } from "../../components/network";
import type { CapacityGroup, Tenant } from "../../components/container-runtime";
import { PlatformKitError } from "../../components/core";
import type { RecordedResource } from "../../testing";

/** A network of each cloud, as literals with fake ids (no Network component needed). */
export function networkFor(cloud: "aws" | "gcp" | "azure"): NetworkInfo {
    const base = {
        cidr: "10.0.0.0/16",
        privateSubnetIds: ["private-a", "private-b"],
        publicSubnetIds: [],
        dataSubnetIds: ["data-a"],
        endpointSubnetIds: ["endpoints-a"],
    };
    switch (cloud) {
        case "aws":
            return { ...base, cloud, networkId: "vpc-0a1b2c3d4e5f67890", networkName: "core", region: "eu-west-1", kubernetesSubnetIds: ["subnet-0k8s0000000000001", "subnet-0k8s0000000000002"] };
        case "gcp":
            return {
                ...base,
                cloud,
                networkId: "projects/platform-kit-demo/global/networks/core",
                networkName: "core",
                region: "europe-west1",
                kubernetesSubnetIds: ["projects/platform-kit-demo/regions/europe-west1/subnetworks/core-kubernetes"],
                podsRangeName: "core-pods",
                servicesRangeName: "core-services",
            };
        case "azure":
            return {
                ...base,
                cloud,
                networkId: "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core-rg/providers/Microsoft.Network/virtualNetworks/core",
                networkName: "core",
                region: "westeurope",
                resourceGroupName: "core-rg",
                kubernetesSubnetIds: ["/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/core-rg/providers/Microsoft.Network/virtualNetworks/core/subnets/kubernetes"],
            };
    }
}

/** A service group, a Spot batch group with a user taint, and (for AKS) nothing more. */
export const CAPACITY: CapacityGroup[] = [
    { name: "services", size: "medium", min: 2, max: 6, labels: { team: "platform" } },
    { name: "batch", size: "large", min: 0, max: 20, spot: true, purpose: "batch", taints: [{ key: "workload", value: "batch", effect: "NoExecute" }] },
];

export const TENANTS: Tenant[] = [
    { name: "payments", quota: { cpu: "32", memory: "64Gi", pods: 300 }, admins: { users: ["alice"], groups: ["payments-admins"] } },
    { name: "search" },
];

export const PINNED_IMAGE = "ghcr.io/acme/api@sha256:3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";

/** Matches a PlatformKitError whose message mentions every pattern. */
export function kitError(...patterns: RegExp[]): (e: unknown) => boolean {
    return (e) => e instanceof PlatformKitError && patterns.every((p) => p.test(e.message));
}

export function inputs(r: RecordedResource): Record<string, any> {
    return r.inputs as Record<string, any>;
}
