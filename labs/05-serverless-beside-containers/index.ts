import { ContainerRuntime, Network } from "platform-kit";

// Lab 05: the container platform runs the always-on services. Two jobs do not need it:
// a report that runs a few minutes a night, and thumbnails made when an upload arrives.
const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "shop" } });

const runtime = new ContainerRuntime("shop", {
    cloud: "aws",
    network,
    kubernetesVersion: "1.33",
    capacityGroups: [
        { name: "services", size: "medium", min: 2, max: 10 },
        // TODO 3: once the report is a function, nothing runs here: delete this group.
        // Its one large node is billed around the clock for a few minutes of work a night.
        { name: "batch", size: "large", min: 1, max: 4, purpose: "batch" },
    ],
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

// TODO 1: make the nightly report a scheduled function instead of a batch job:
//   new FunctionService("report", { cloud: "aws", code: "./functions/report", runtime: "nodejs22",
//     handler: "index.handler", schedule: "cron(0 3 * * *)", network, concurrency: { max: 1 } })
// and delete this batchJob.
runtime.batchJob("report", {
    tenant: "shop",
    image: "ghcr.io/acme/report:2.0.1",
    schedule: "0 3 * * *",
    resources: { cpu: "2", memory: "4Gi" },
});

// TODO 2: make thumbnails when an upload is queued: a FunctionService "thumbnails" from
// "./functions/thumbnails" with `queue: { batchSize: 10, maxReceiveCount: 5 }`, the
// network, and `concurrency: { max: 20 }`.

export const clusterName = runtime.clusterName;
