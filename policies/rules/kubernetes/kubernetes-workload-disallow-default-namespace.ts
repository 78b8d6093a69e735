import { resourceRule } from "../../core/define";
import { WORKLOAD_TYPES } from "../../core/kubernetes";
import { obj } from "../../core/props";

const NAMESPACED = [
    ...WORKLOAD_TYPES,
    "kubernetes:core/v1:Service",
    "kubernetes:core/v1:ConfigMap",
    "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:ServiceAccount",
    "kubernetes:networking.k8s.io/v1:Ingress",
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
];

/** The default namespace has no quota, no Pod Security labels and is shared by every tenant. */
export const kubernetesWorkloadDisallowDefaultNamespace = resourceRule({
    name: "kubernetes-workload-disallow-default-namespace",
    description: "Namespaced objects name a tenant namespace, not `default` (an unset namespace lands in default unless the provider sets one).",
    severity: "low",
    remediation: "Set `metadata.namespace` to the tenant's namespace (or give the Kubernetes provider a `namespace`).",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_21"],
    trivy: ["KSV-0110"],
    enforcementLevel: "advisory",
    resourceTypes: NAMESPACED,
    check: ({ props }, report) => {
        const namespace = obj(props.metadata).namespace;
        if (namespace === undefined || namespace === "" || namespace === "default") report(`metadata.namespace is ${namespace === undefined ? "unset" : `"${namespace}"`}; the object lands in the default namespace.`);
    },
});
