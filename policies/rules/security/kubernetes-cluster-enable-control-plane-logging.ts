import { resourceRule } from "../../core/define";
import { cisEks, cisGke } from "../../core/rule";
import { asList } from "../../core/props";

interface Config {
    eksLogTypes: string[];
}

export const kubernetesClusterEnableControlPlaneLogging = resourceRule<Config>({
    name: "kubernetes-cluster-enable-control-plane-logging",
    description: "Control-plane audit and API logs are shipped: EKS `enabledClusterLogTypes`, GKE logging not disabled.",
    severity: "medium",
    remediation: "EKS: `enabledClusterLogTypes: [\"api\", \"audit\", \"authenticator\"]`; GKE: leave `loggingService` at its default (not \"none\").",
    topics: ["cluster-hardening"],
    frameworks: [cisEks("2.1.1"), cisGke("5.7.1")],
    checkov: ["CKV_AWS_37"],
    trivy: ["AWS-0038", "GCP-0060"],
    enforcementLevel: "advisory",
    configSchema: {
        properties: { eksLogTypes: { type: "array", items: { type: "string" }, default: ["api", "audit", "authenticator"], description: "EKS control-plane log types that must be enabled." } },
    },
    resourceTypes: ["aws:eks/cluster:Cluster", "gcp:container/cluster:Cluster"],
    check: ({ type, props, config }, report) => {
        if (type === "aws:eks/cluster:Cluster") {
            const enabled = asList(props.enabledClusterLogTypes);
            const missing = config.eksLogTypes.filter((t) => !enabled.includes(t));
            if (missing.length > 0) report(`enabledClusterLogTypes is missing ${missing.join(", ")}.`);
        } else if (props.loggingService === "none") {
            report("loggingService is \"none\"; control-plane and workload logs are dropped.");
        }
    },
});
