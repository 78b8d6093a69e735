import { resourceRule } from "../../core/define";
import { obj } from "../../core/props";

/** NodePorts open a port on every node, bypassing the load balancer's controls. */
export const kubernetesServiceDisallowNodePort = resourceRule({
    name: "kubernetes-service-disallow-node-port",
    description: "Services are not of type NodePort.",
    severity: "medium",
    remediation: "Use `type: ClusterIP` behind an Ingress / Gateway, or an internal LoadBalancer.",
    topics: ["workload-exposure"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: ["kubernetes:core/v1:Service"],
    check: ({ props }, report) => {
        if (obj(props.spec).type === "NodePort") report("spec.type is NodePort; the port opens on every node.");
    },
});
