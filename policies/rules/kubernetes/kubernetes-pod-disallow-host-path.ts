import { list } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowHostPath = podRule({
    name: "kubernetes-pod-disallow-host-path",
    description: "Pods mount no hostPath volumes (Pod Security Standards baseline).",
    severity: "high",
    remediation: "Replace hostPath volumes with persistentVolumeClaim, emptyDir, configMap or secret volumes.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "hostPath-volumes")],
    checkov: ["CKV_K8S_27"],
    trivy: ["KSV-0023", "KSV-0006"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        list(pod.spec.volumes).forEach((v, i) => {
            if (v.hostPath !== undefined) report(`${pod.path}.volumes[${i}] (${v.name}) mounts host path ${v.hostPath?.path ?? ""}.`);
        });
    },
});
