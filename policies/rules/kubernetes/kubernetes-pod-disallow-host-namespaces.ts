import { isTrue } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { podRule } from "./pod-rule";

export const kubernetesPodDisallowHostNamespaces = podRule({
    name: "kubernetes-pod-disallow-host-namespaces",
    description: "Pods do not share the node's network, PID or IPC namespace (Pod Security Standards baseline).",
    severity: "high",
    remediation: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them false).",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "host-namespaces"), cisKubernetes("5.2.3")],
    checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"],
    trivy: ["KSV-0008", "KSV-0009", "KSV-0010"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (isTrue(pod.spec[field])) report(`${pod.path}.${field} is true; the pod shares the node's namespace.`);
        }
    },
});
