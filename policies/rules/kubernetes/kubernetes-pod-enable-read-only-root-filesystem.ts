import { containers } from "../../core/kubernetes";
import { isTrue, obj } from "../../core/props";
import { podRule } from "./pod-rule";

export const kubernetesPodEnableReadOnlyRootFilesystem = podRule({
    name: "kubernetes-pod-enable-read-only-root-filesystem",
    description: "Containers run with a read-only root filesystem, so an intruder cannot drop tools or change binaries.",
    severity: "low",
    remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the app writes (e.g. /tmp).",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_22"],
    trivy: ["KSV-0014"],
    enforcementLevel: "advisory",
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            if (c.kind === "ephemeralContainers") continue;
            if (!isTrue(obj(c.container.securityContext).readOnlyRootFilesystem)) report(`${c.path}.securityContext.readOnlyRootFilesystem is not true.`);
        }
    },
});
