import { containers } from "../../core/kubernetes";
import { asList, obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { isWindows, podRule } from "./pod-rule";

export const kubernetesPodConfigureDropAllCapabilities = podRule({
    name: "kubernetes-pod-configure-drop-all-capabilities",
    description: "Every container drops ALL capabilities and adds back at most NET_BIND_SERVICE (Pod Security Standards restricted).",
    severity: "medium",
    remediation: "Set `securityContext.capabilities: { drop: [\"ALL\"] }` (add `[\"NET_BIND_SERVICE\"]` only to bind ports below 1024).",
    topics: ["pod-security"],
    frameworks: [pss("restricted", "capabilities"), cisKubernetes("5.2.10")],
    checkov: ["CKV_K8S_37", "CKV_K8S_28"],
    trivy: ["KSV-0003", "KSV-0106"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        if (isWindows(pod)) return;
        for (const c of containers(pod)) {
            const caps = obj(obj(c.container.securityContext).capabilities);
            if (!asList(caps.drop).some((d) => d.toUpperCase() === "ALL")) report(`${c.path}.securityContext.capabilities.drop does not include "ALL".`);
            for (const add of asList(caps.add)) if (add.replace(/^CAP_/, "") !== "NET_BIND_SERVICE") report(`${c.path}.securityContext.capabilities.add includes ${add}; only NET_BIND_SERVICE is allowed.`);
        }
    },
});
