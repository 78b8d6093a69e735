import { containers } from "../../core/kubernetes";
import { isTrue, obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowPrivileged = podRule({
    name: "kubernetes-pod-disallow-privileged",
    description: "No container runs privileged (Pod Security Standards baseline).",
    severity: "critical",
    remediation: "Remove `securityContext.privileged: true`; grant the one capability needed instead.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "privileged"), cisKubernetes("5.2.2")],
    checkov: ["CKV_K8S_16"],
    trivy: ["KSV-0017"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) if (isTrue(obj(c.container.securityContext).privileged)) report(`${c.path}.securityContext.privileged is true.`);
    },
});
