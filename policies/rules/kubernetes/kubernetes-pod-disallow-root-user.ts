import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowRootUser = podRule({
    name: "kubernetes-pod-disallow-root-user",
    description: "No pod or container sets `runAsUser: 0` (Pod Security Standards restricted).",
    severity: "high",
    remediation: "Set `runAsUser` to a non-zero UID (e.g. 10001) or leave it to the image's non-root USER.",
    topics: ["pod-security"],
    frameworks: [pss("restricted", "running-as-non-root-user")],
    checkov: ["CKV_K8S_40"],
    trivy: ["KSV-0105", "KSV-0020"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        if (Number(obj(pod.spec.securityContext).runAsUser) === 0 && obj(pod.spec.securityContext).runAsUser !== undefined) report(`${pod.path}.securityContext.runAsUser is 0 (root).`);
        for (const c of containers(pod)) {
            const uid = obj(c.container.securityContext).runAsUser;
            if (uid !== undefined && Number(uid) === 0) report(`${c.path}.securityContext.runAsUser is 0 (root).`);
        }
    },
});
