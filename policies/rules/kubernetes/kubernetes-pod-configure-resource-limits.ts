import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { podRule } from "./pod-rule";

interface Config {
    requireCpuLimit: boolean;
}

/** A container without a memory limit can take the node's memory and get its neighbours killed. */
export const kubernetesPodConfigureResourceLimits = podRule<Config>({
    name: "kubernetes-pod-configure-resource-limits",
    description: "Every container sets a memory limit (and a CPU limit when `requireCpuLimit`).",
    severity: "medium",
    remediation: "Set `resources.limits.memory` (often equal to the request); add `limits.cpu` where your policy requires it.",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_13", "CKV_K8S_11"],
    trivy: ["KSV-0018", "KSV-0011"],
    enforcementLevel: "advisory",
    configSchema: { properties: { requireCpuLimit: { type: "boolean", default: false, description: "Also require CPU limits (they throttle; many teams only limit memory)." } } },
    checkPod: (pod, report, { config }) => {
        for (const c of containers(pod)) {
            if (c.kind === "ephemeralContainers") continue;
            const limits = obj(obj(c.container.resources).limits);
            if (limits.memory === undefined) report(`${c.path}.resources.limits.memory is unset.`);
            if (config.requireCpuLimit && limits.cpu === undefined) report(`${c.path}.resources.limits.cpu is unset.`);
        }
    },
});
