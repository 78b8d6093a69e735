import * as pulumi from "@pulumi/pulumi";
import { ContainerRuntime, FunctionService } from "platform-kit";

// Lab 06: functions on Kubernetes with Knative Serving, on a cluster you already have.
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
        // TODO 1: checkout is on the buying path: a cold start costs sales. Keep 2 instances
        // warm, cap it at 20, and let one instance serve 10 requests at once:
        // concurrency: { warm: 2, max: 20, perInstance: 10 }
        concurrency: { warm: 0 },
        // TODO 2: release 1.5.0 as a canary: 10% of requests to the new revision, the rest
        // to the stable one: traffic: { canaryPercent: 10, stableRevision: "checkout-00001" }
    },
    { dependsOn: [runtime] },
);

// TODO 3: add "thumbnails" (image ghcr.io/acme/thumbnails:0.9.3, memoryMb 512, namespace
// "shop") that scales to zero when idle and to at most 50 instances, one request each:
// concurrency: { warm: 0, max: 50, perInstance: 1 }. Make it depend on checkout (which
// installs Knative): { dependsOn: [checkout] }.

export const checkoutUrl = checkout.url;
