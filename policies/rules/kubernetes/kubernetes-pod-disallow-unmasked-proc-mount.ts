import { containers } from "../../core/kubernetes";
import { obj } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowUnmaskedProcMount = podRule({
    name: "kubernetes-pod-disallow-unmasked-proc-mount",
    description: "Containers keep the default masked /proc (Pod Security Standards baseline).",
    severity: "medium",
    remediation: "Remove `securityContext.procMount` or set it to \"Default\".",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "proc-mount-type")],
    checkov: [],
    trivy: ["KSV-0027"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            const mount = obj(c.container.securityContext).procMount;
            if (mount !== undefined && mount !== "Default") report(`${c.path}.securityContext.procMount is "${mount}".`);
        }
    },
});
