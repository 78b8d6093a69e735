import { ContainerRuntime, FunctionService, Network } from "platform-kit";

// Lab 05 solution: the cluster keeps the always-on storefront; the nightly report runs on a
// schedule and thumbnails from a queue as functions, billed only while they run.
const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "shop" } });

const runtime = new ContainerRuntime("shop", {
    cloud: "aws",
    network,
    kubernetesVersion: "1.33",
    capacityGroups: [{ name: "services", size: "medium", min: 2, max: 10 }],
    tenants: [{ name: "shop", quota: { cpu: "32", memory: "64Gi" } }],
    deletionProtection: false,
    tags: { team: "shop" },
});

runtime.service("storefront", {
    tenant: "shop",
    image: "ghcr.io/acme/storefront:3.2.0",
    port: 8080,
    healthCheckPath: "/healthz",
    autoscale: { min: 2, max: 10 },
});

const report = new FunctionService("report", {
    cloud: "aws",
    code: "./functions/report",
    runtime: "nodejs22",
    handler: "index.handler",
    schedule: "cron(0 3 * * *)",
    timeoutSeconds: 600,
    network,
    concurrency: { max: 1 },
    tags: { team: "shop" },
});

const thumbnails = new FunctionService("thumbnails", {
    cloud: "aws",
    code: "./functions/thumbnails",
    runtime: "nodejs22",
    handler: "index.handler",
    queue: { batchSize: 10, maxReceiveCount: 5 },
    memoryMb: 1024,
    network,
    concurrency: { max: 20 },
    tags: { team: "shop" },
});

export const clusterName = runtime.clusterName;
export const reportFunction = report.functionName;
export const thumbnailsFunction = thumbnails.functionName;
