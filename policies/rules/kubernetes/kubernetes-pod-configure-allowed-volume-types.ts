import { list } from "../../core/props";
import { pss } from "../../core/rule";
import { podRule } from "./pod-rule";

const ALLOWED = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

export const kubernetesPodConfigureAllowedVolumeTypes = podRule({
    name: "kubernetes-pod-configure-allowed-volume-types",
    description: "Pods use only the restricted volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret (Pod Security Standards restricted).",
    severity: "medium",
    remediation: "Replace other volume sources (hostPath, nfs, iscsi, ...) with a PersistentVolumeClaim backed by a StorageClass.",
    topics: ["pod-security"],
    frameworks: [pss("restricted", "volume-types")],
    checkov: [],
    trivy: ["KSV-0028"],
    enforcementLevel: "mandatory",
    checkPod: (pod, report) => {
        list(pod.spec.volumes).forEach((v, i) => {
            const kinds = Object.keys(v).filter((k) => k !== "name");
            for (const kind of kinds) if (!ALLOWED.includes(kind)) report(`${pod.path}.volumes[${i}] (${v.name}) uses volume type ${kind}.`);
        });
    },
});
