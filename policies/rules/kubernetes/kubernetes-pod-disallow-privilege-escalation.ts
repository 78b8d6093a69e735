import { copyProps } from "../../core/define";
import { containers, podTemplate } from "../../core/kubernetes";
import { isFalse, obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { isWindows, podRule } from "./pod-rule";

export const kubernetesPodDisallowPrivilegeEscalation = podRule({
    name: "kubernetes-pod-disallow-privilege-escalation",
    description: "Every container sets `allowPrivilegeEscalation: false` (Pod Security Standards restricted).",
    severity: "medium",
    remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
    topics: ["pod-security"],
    frameworks: [pss("restricted", "privilege-escalation"), cisKubernetes("5.2.6")],
    checkov: ["CKV_K8S_20"],
    trivy: ["KSV-0001"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        if (isWindows(pod)) return;
        for (const c of containers(pod)) {
            const value = obj(c.container.securityContext).allowPrivilegeEscalation;
            if (!isFalse(value)) report(`${c.path}.securityContext.allowPrivilegeEscalation is ${value === undefined ? "unset (defaults to true)" : "true"}.`);
        }
    },
    remediate: ({ type, props }) => {
        const pod = podTemplate(type, props);
        if (!pod || isWindows(pod) || containers(pod).every((c) => isFalse(obj(c.container.securityContext).allowPrivilegeEscalation))) return undefined;
        const fixed = copyProps(props);
        const fixedPod = podTemplate(type, fixed);
        for (const c of fixedPod ? containers(fixedPod) : []) c.container.securityContext = { ...obj(c.container.securityContext), allowPrivilegeEscalation: false };
        return fixed;
    },
});
