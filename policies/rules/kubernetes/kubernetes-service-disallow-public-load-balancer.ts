import { resourceRule } from "../../core/define";
import { obj } from "../../core/props";

interface Config {
    allowPublic: boolean;
}

/** Annotations that make each cloud's controller create an internal load balancer. */
export const INTERNAL_LB_ANNOTATIONS: Record<string, string[]> = {
    "service.beta.kubernetes.io/aws-load-balancer-internal": ["true", "0.0.0.0/0"],
    "service.beta.kubernetes.io/aws-load-balancer-scheme": ["internal"],
    "networking.gke.io/load-balancer-type": ["Internal"],
    "cloud.google.com/load-balancer-type": ["Internal", "internal"],
    "service.beta.kubernetes.io/azure-load-balancer-internal": ["true"],
};

export const kubernetesServiceDisallowPublicLoadBalancer = resourceRule<Config>({
    name: "kubernetes-service-disallow-public-load-balancer",
    description: "Services of type LoadBalancer are internal (cloud annotation) unless `allowPublic`; internet traffic enters through one reviewed ingress.",
    severity: "medium",
    remediation: "Add the internal annotation (`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, `networking.gke.io/load-balancer-type: Internal`, `service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"`) or expose the app through the cluster's Ingress / Gateway.",
    topics: ["workload-exposure"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { allowPublic: { type: "boolean", default: false, description: "Accept internet-facing LoadBalancer Services." } } },
    resourceTypes: ["kubernetes:core/v1:Service"],
    check: ({ props, config }, report) => {
        if (obj(props.spec).type !== "LoadBalancer" || config.allowPublic) return;
        const annotations = obj(obj(props.metadata).annotations);
        const internal = Object.entries(INTERNAL_LB_ANNOTATIONS).some(([key, values]) => values.includes(String(annotations[key])));
        if (!internal) report("spec.type is LoadBalancer with no internal-load-balancer annotation; the cloud creates an internet-facing load balancer.");
    },
});
