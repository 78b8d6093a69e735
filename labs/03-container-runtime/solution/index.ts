import { ContainerRuntime, Network } from "platform-kit";

// Lab 03 solution: one EKS cluster shared by two tenants, a service capacity group and a
// Spot batch group, a service and a nightly batch job side by side.
const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "platform" } });

const runtime = new ContainerRuntime("titus", {
    cloud: "aws",
    network,
    kubernetesVersion: "1.33",
    capacityGroups: [
        { name: "services", size: "medium", min: 2, max: 10 },
        { name: "batch", size: "large", min: 0, max: 20, spot: true, purpose: "batch" },
    ],
    tenants: [
        { name: "payments", quota: { cpu: "32", memory: "64Gi" } },
        { name: "analytics", quota: { cpu: "64", memory: "128Gi", pods: 400 } },
    ],
    // A workshop cluster: deleting it must not need a second step. Keep the default (true) for real ones.
    deletionProtection: false,
    tags: { team: "platform" },
});

runtime.service("api", {
    tenant: "payments",
    image: "ghcr.io/acme/payments-api:1.4.2",
    port: 8080,
    healthCheckPath: "/healthz",
    autoscale: { min: 2, max: 8 },
});

runtime.batchJob("nightly-report", {
    tenant: "analytics",
    image: "ghcr.io/acme/report:2.0.1",
    schedule: "0 3 * * *",
    parallelism: 4,
    completions: 4,
    priority: "low",
    resources: { cpu: "1", memory: "2Gi" },
});

export const clusterName = runtime.clusterName;
