import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { isWindows, podRule } from "./pod-rule";

interface Config {
    level: "baseline" | "restricted";
}

const ALLOWED = ["RuntimeDefault", "Localhost"];

export const kubernetesPodConfigureSeccomp = podRule<Config>({
    name: "kubernetes-pod-configure-seccomp",
    description: "Pods never run seccomp Unconfined (baseline) and set RuntimeDefault or Localhost on the pod or every container (restricted, the default `level`).",
    severity: "medium",
    remediation: "Set `securityContext: { seccompProfile: { type: \"RuntimeDefault\" } }` on the pod.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "seccomp"), pss("restricted", "seccomp"), cisKubernetes("5.7.2")],
    checkov: ["CKV_K8S_31"],
    trivy: ["KSV-0030", "KSV-0104"],
    enforcementLevel: "mandatory",
    configSchema: { properties: { level: { type: "string", enum: ["baseline", "restricted"], default: "restricted", description: "Pod Security Standards level to hold pods to." } } },
    checkPod: (pod, report, { config }) => {
        const podType = obj(obj(pod.spec.securityContext).seccompProfile).type;
        if (podType !== undefined && !ALLOWED.includes(String(podType))) report(`${pod.path}.securityContext.seccompProfile.type is "${podType}".`);
        for (const c of containers(pod)) {
            const type = obj(obj(c.container.securityContext).seccompProfile).type;
            if (type !== undefined && !ALLOWED.includes(String(type))) report(`${c.path}.securityContext.seccompProfile.type is "${type}".`);
            else if (type === undefined && podType === undefined && config.level === "restricted" && !isWindows(pod)) {
                report(`${c.path} has no seccompProfile (and the pod sets none); set type "RuntimeDefault".`);
            }
        }
    },
});
