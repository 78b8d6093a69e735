import { LabDefinition, inputAt, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";
import type { PlanResult } from "../../cli/plan";
import type { RecordedResource } from "../../testing";

const knative = (result: PlanResult, name: string): RecordedResource | undefined =>
    resourcesOfType(result, "kubernetes:serving.knative.dev/v1:Service").find((s) => inputAt(s, "metadata.name") === name);

const annotation = (service: RecordedResource | undefined, key: string): unknown => inputAt(service, ["spec", "template", "metadata", "annotations", `autoscaling.knative.dev/${key}`]);

const lab: LabDefinition = {
    title: "Functions on Kubernetes at scale",
    minutes: 25,
    objectives: [
        {
            id: "checkout-warm",
            title: "checkout keeps warm instances: no cold start on the buying path",
            hint: "Set `concurrency: { warm: 2, ... }` on checkout: Knative's min-scale.",
            check: (result) => {
                const minScale = Number(annotation(knative(result, "checkout"), "min-scale") ?? 0);
                return minScale >= 1 || `checkout's min-scale is ${minScale}`;
            },
        },
        {
            id: "checkout-bounded",
            title: "checkout is capped and serves several requests per instance",
            hint: "Set `concurrency: { warm: 2, max: 20, perInstance: 10 }`: max-scale 20, containerConcurrency 10.",
            check: (result) => {
                const service = knative(result, "checkout");
                const maxScale = annotation(service, "max-scale");
                const perInstance = inputAt(service, "spec.template.spec.containerConcurrency");
                return (maxScale !== undefined && Number(perInstance) > 1) || `max-scale ${String(maxScale)}, containerConcurrency ${String(perInstance)}`;
            },
        },
        {
            id: "checkout-canary",
            title: "10% of checkout's traffic goes to the new revision, 90% to the stable one",
            hint: 'Set `traffic: { canaryPercent: 10, stableRevision: "checkout-00001" }`.',
            check: (result) => {
                const traffic = (inputAt(knative(result, "checkout"), "spec.traffic") ?? []) as Array<{ percent?: number; latestRevision?: boolean; revisionName?: string }>;
                const canary = traffic.find((t) => t.latestRevision === true)?.percent;
                const stable = traffic.find((t) => t.revisionName !== undefined)?.percent;
                return (canary === 10 && stable === 90) || `traffic: ${traffic.map((t) => `${t.percent}% to ${t.revisionName ?? "latest"}`).join(", ") || "none"}`;
            },
        },
        {
            id: "thumbnails-scale-to-zero",
            title: "thumbnails scales to zero when idle, and to at most 50",
            hint: 'Add FunctionService "thumbnails" with `concurrency: { warm: 0, max: 50, perInstance: 1 }`.',
            check: (result) => {
                const service = knative(result, "thumbnails");
                if (!service) return "no Knative service named thumbnails";
                const minScale = annotation(service, "min-scale");
                const maxScale = annotation(service, "max-scale");
                return (minScale === "0" && maxScale === "50") || `min-scale ${String(minScale)}, max-scale ${String(maxScale)}`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
