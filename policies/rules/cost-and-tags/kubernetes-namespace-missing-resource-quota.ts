import { stackRule } from "../../core/define";
import { obj } from "../../core/props";

const SYSTEM = ["kube-system", "kube-public", "kube-node-lease", "default"];

/** A tenant namespace without a quota can claim the whole cluster (and its autoscaled nodes). */
export const kubernetesNamespaceMissingResourceQuota = stackRule({
    name: "kubernetes-namespace-missing-resource-quota",
    description: "Every Namespace the stack creates has a ResourceQuota (so one tenant cannot scale the cluster's bill).",
    severity: "low",
    remediation: "Add a `kubernetes.core.v1.ResourceQuota` in the namespace with `requests.cpu`, `requests.memory` and `limits.memory` hard limits (the ContainerRuntime tenant helper does this).",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: ["KSV-0040"],
    enforcementLevel: "advisory",
    resourceTypes: ["kubernetes:core/v1:Namespace", "kubernetes:core/v1:ResourceQuota"],
    check: (args, report) => {
        const quotas = new Set(args.resources.filter((r) => r.type === "kubernetes:core/v1:ResourceQuota").map((r) => String(obj(r.props.metadata).namespace)));
        for (const r of args.resources) {
            if (r.type !== "kubernetes:core/v1:Namespace") continue;
            const name = String(obj(r.props.metadata).name ?? r.name);
            if (!SYSTEM.includes(name) && !quotas.has(name)) report(`namespace ${name} has no ResourceQuota.`, r.urn);
        }
    },
});
