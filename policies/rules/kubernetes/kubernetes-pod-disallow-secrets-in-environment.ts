import { containers, KNATIVE_TYPES } from "../../core/kubernetes";
import { list, plaintextSecretEnv } from "../../core/props";
import { podRule } from "./pod-rule";

/** Pod specs are readable by everyone with `get` on the workload; Secrets have their own RBAC. */
export const kubernetesPodDisallowSecretsInEnvironment = podRule({
    name: "kubernetes-pod-disallow-secrets-in-environment",
    description: "Containers take credentials from Secrets (`valueFrom.secretKeyRef`, `envFrom.secretRef`, volumes), never as literal `env` values (Knative services are covered by function-disallow-secrets-in-environment).",
    severity: "high",
    remediation: "Create a Kubernetes Secret (from a Pulumi secret or External Secrets) and reference it with `valueFrom.secretKeyRef`.",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_35"],
    trivy: [],
    enforcementLevel: "mandatory",
    skipTypes: KNATIVE_TYPES,
    checkPod: (pod, report) => {
        for (const c of containers(pod)) {
            list(c.container.env).forEach((e, i) => {
                const why = plaintextSecretEnv(String(e.name), e.value);
                if (why) report(`${c.path}.env[${i}]: ${why}; use valueFrom.secretKeyRef.`);
            });
        }
    },
});
