import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { podRule } from "./pod-rule";

export const kubernetesPodConfigureResourceRequests = podRule({
    name: "kubernetes-pod-configure-resource-requests",
    description: "Every container requests CPU and memory, so the scheduler places it and autoscalers size nodes correctly.",
    severity: "low",
    remediation: "Set `resources.requests: { cpu: \"100m\", memory: \"128Mi\" }` (measured values) on every container.",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_10", "CKV_K8S_12"],
    trivy: ["KSV-0015", "KSV-0016"],
    enforcementLevel: "advisory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            if (c.kind === "ephemeralContainers") continue;
            const requests = obj(obj(c.container.resources).requests);
            const missing = ["cpu", "memory"].filter((r) => requests[r] === undefined);
            if (missing.length > 0) report(`${c.path}.resources.requests has no ${missing.join(" or ")}.`);
        }
    },
});
