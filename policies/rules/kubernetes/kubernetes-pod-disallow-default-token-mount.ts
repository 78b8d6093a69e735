import { isFalse } from "../../core/props";
import { cisKubernetes } from "../../core/rule";
import { podRule } from "./pod-rule";

/** The default service account's token is never needed by an application, only handed to whoever breaks in. */
export const kubernetesPodDisallowDefaultTokenMount = podRule({
    name: "kubernetes-pod-disallow-default-token-mount",
    description: "Pods that run as the namespace's default service account do not mount its API token (`automountServiceAccountToken: false`).",
    severity: "medium",
    remediation: "Set `automountServiceAccountToken: false` on the pod spec, or give the workload its own ServiceAccount when it must call the Kubernetes API.",
    topics: ["workload-hygiene"],
    frameworks: [cisKubernetes("5.1.6")],
    checkov: ["CKV_K8S_38", "CKV_K8S_41"],
    trivy: ["KSV-0036"],
    enforcementLevel: "advisory",
    checkPod: (pod, report) => {
        const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
        if ((account === undefined || account === "default") && !isFalse(pod.spec.automountServiceAccountToken)) {
            report(`${pod.path} runs as the default service account and automountServiceAccountToken is not false; its API token is mounted.`);
        }
    },
});
