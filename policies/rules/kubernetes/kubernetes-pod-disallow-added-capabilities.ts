import { containers } from "../../core/kubernetes";
import { asList, obj } from "../../core/props";
import { cisKubernetes, pss } from "../../core/rule";
import { podRule } from "./pod-rule";

/** The capabilities the baseline profile lets a container add. */
export const BASELINE_CAPABILITIES = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];

export const kubernetesPodDisallowAddedCapabilities = podRule({
    name: "kubernetes-pod-disallow-added-capabilities",
    description: "Containers add no Linux capabilities beyond the baseline default set (no SYS_ADMIN, NET_ADMIN, NET_RAW, ...) (Pod Security Standards baseline).",
    severity: "high",
    remediation: "Remove the capability from `securityContext.capabilities.add`; redesign the workload so it does not need kernel privileges.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "capabilities"), cisKubernetes("5.2.9")],
    checkov: ["CKV_K8S_25", "CKV_K8S_39"],
    trivy: ["KSV-0022", "KSV-0005"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            for (const cap of asList(obj(obj(c.container.securityContext).capabilities).add)) {
                if (!BASELINE_CAPABILITIES.includes(cap.replace(/^CAP_/, ""))) report(`${c.path}.securityContext.capabilities.add includes ${cap}.`);
            }
        }
    },
});
