import { ContainerRuntime, Network } from "platform-kit";

// Lab 03: a Titus-like container platform. One EKS cluster, shared by tenants; capacity
// groups for services and for batch; services and batch jobs side by side.
const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "platform" } });

const runtime = new ContainerRuntime("titus", {
    cloud: "aws",
    network,
    kubernetesVersion: "1.33",
    capacityGroups: [
        { name: "services", size: "medium", min: 2, max: 10 },
        // TODO 1: add a "batch" capacity group: size "large", min 0, max 20, Spot capacity
        // (spot: true) and purpose "batch" (its nodes are tainted so only batch lands there).
    ],
    tenants: [
        { name: "payments", quota: { cpu: "32", memory: "64Gi" } },
        // TODO 2: add the "analytics" tenant with a quota of 64 CPUs, 128Gi and 400 pods.
    ],
    // A workshop cluster: deleting it must not need a second step. Keep the default (true) for real ones.
    deletionProtection: false,
    tags: { team: "platform" },
});

runtime.service("api", {
    tenant: "payments",
    image: "ghcr.io/acme/payments-api:1.4.2",
    port: 8080,
    // TODO 3: probe "/healthz" so a pod gets traffic only once it is ready (healthCheckPath).
    autoscale: { min: 2, max: 8 },
});

// TODO 4: run "nightly-report" for the analytics tenant: runtime.batchJob("nightly-report", {
// tenant, image "ghcr.io/acme/report:2.0.1", schedule "0 3 * * *", parallelism 4,
// completions 4, priority "low", resources { cpu: "1", memory: "2Gi" } }).

export const clusterName = runtime.clusterName;
