import { containers, KNATIVE_TYPES } from "../../core/kubernetes";
import { podRule } from "./pod-rule";

const SKIP = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob", "kubernetes:core/v1:Pod", ...KNATIVE_TYPES];

/** Without probes, rollouts send traffic to pods that are not ready and never restart hung ones. */
export const kubernetesPodConfigureHealthProbes = podRule({
    name: "kubernetes-pod-configure-health-probes",
    description: "Long-running workload containers declare readiness and liveness probes.",
    severity: "low",
    remediation: "Add `readinessProbe` and `livenessProbe` (HTTP or TCP) to each app container.",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_8", "CKV_K8S_9"],
    trivy: [],
    enforcementLevel: "advisory",
    skipTypes: SKIP,
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            if (c.kind !== "containers") continue;
            const missing = ["readinessProbe", "livenessProbe"].filter((p) => c.container[p] === undefined);
            if (missing.length > 0) report(`${c.path} has no ${missing.join(" or ")}.`);
        }
    },
});
