import { containers } from "../../core/kubernetes";
import { isTrue, obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowHostProcess = podRule({
    name: "kubernetes-pod-disallow-host-process",
    description: "Pods do not run Windows HostProcess containers (Pod Security Standards baseline).",
    severity: "high",
    remediation: "Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "hostProcess")],
    checkov: [],
    trivy: ["KSV-0103"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        if (isTrue(obj(obj(pod.spec.securityContext).windowsOptions).hostProcess)) report(`${pod.path}.securityContext.windowsOptions.hostProcess is true.`);
        for (const c of containers(pod)) {
            if (isTrue(obj(obj(c.container.securityContext).windowsOptions).hostProcess)) report(`${c.path}.securityContext.windowsOptions.hostProcess is true.`);
        }
    },
});
