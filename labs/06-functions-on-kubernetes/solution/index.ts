import * as pulumi from "@pulumi/pulumi";
import { ContainerRuntime, FunctionService } from "platform-kit";

// Lab 06 solution: Knative functions on an existing cluster. checkout stays warm and splits
// traffic 90/10 between its stable revision and the new one; thumbnails scales to zero.
const config = new pulumi.Config();

const runtime = new ContainerRuntime("fn", {
    cloud: "kubernetes",
    kubeconfig: config.requireSecret("kubeconfig"),
    tenants: [{ name: "shop", quota: { cpu: "16", memory: "32Gi" } }],
});

const checkout = new FunctionService(
    "checkout",
    {
        cloud: "kubernetes",
        cluster: runtime,
        // The tenant's namespace: its quota and the restricted Pod Security Standard apply.
        namespace: "shop",
        installKnative: true,
        image: "ghcr.io/acme/checkout:1.5.0",
        memoryMb: 256,
        concurrency: { warm: 2, max: 20, perInstance: 10 },
        traffic: { canaryPercent: 10, stableRevision: "checkout-00001" },
    },
    { dependsOn: [runtime] },
);

const thumbnails = new FunctionService(
    "thumbnails",
    {
        cloud: "kubernetes",
        cluster: runtime,
        namespace: "shop",
        image: "ghcr.io/acme/thumbnails:0.9.3",
        memoryMb: 512,
        concurrency: { warm: 0, max: 50, perInstance: 1 },
    },
    // Knative is installed once per cluster, by checkout.
    { dependsOn: [checkout] },
);

export const checkoutUrl = checkout.url;
export const thumbnailsUrl = thumbnails.url;
