import { containers, effective } from "../../core/kubernetes";
import { isFalse, isTrue, obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodConfigureRunAsNonRoot = podRule({
    name: "kubernetes-pod-configure-run-as-non-root",
    description: "Pods set `runAsNonRoot: true` on the pod or on every container, and no container sets it false (Pod Security Standards restricted).",
    severity: "medium",
    remediation: "Set `securityContext: { runAsNonRoot: true, runAsUser: 10001 }` on the pod and build images with a non-root USER.",
    topics: ["pod-security"],
    frameworks: [pss("restricted", "running-as-non-root"), cisKubernetes("5.2.7")],
    checkov: ["CKV_K8S_23"],
    trivy: ["KSV-0012"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            const own = obj(c.container.securityContext).runAsNonRoot;
            if (isFalse(own)) report(`${c.path}.securityContext.runAsNonRoot is false.`);
            else if (!isTrue(effective(pod, c.container, "runAsNonRoot"))) report(`${c.path} may run as root: runAsNonRoot is set on neither the container nor the pod.`);
        }
    },
});
