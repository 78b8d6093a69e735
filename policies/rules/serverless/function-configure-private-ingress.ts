import { resourceRule } from "../../core/define";
import { CLOUD_RUN, GCF1, GCF2, KNATIVE_SERVICE, WEB_APP, isFunctionApp } from "../../core/functions";
import { obj } from "../../core/props";

/** Functions that only serve internal callers should not be reachable from the internet at all. */
export const functionConfigurePrivateIngress = resourceRule({
    name: "function-configure-private-ingress",
    description: "Functions accept traffic only from inside the network or through a load balancer: Cloud Functions/Cloud Run internal ingress, Azure Functions public network access disabled, Knative `cluster-local` visibility.",
    severity: "medium",
    remediation: "Cloud Functions: `serviceConfig.ingressSettings: \"ALLOW_INTERNAL_AND_GCLB\"` (or ALLOW_INTERNAL_ONLY); Cloud Run: `ingress: \"INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER\"`; Azure: `publicNetworkAccess: \"Disabled\"` with a private endpoint; Knative: label `networking.knative.dev/visibility: cluster-local`.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_GCP_124"],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [GCF2, GCF1, CLOUD_RUN, WEB_APP, KNATIVE_SERVICE],
    check: ({ type, props }, report) => {
        switch (type) {
            case GCF2: {
                const ingress = obj(props.serviceConfig).ingressSettings;
                if (ingress === undefined || ingress === "ALLOW_ALL") report(`serviceConfig.ingressSettings is ${ingress ?? "unset (ALLOW_ALL)"}; the function is reachable from the internet.`);
                return;
            }
            case GCF1:
                if (props.ingressSettings === undefined || props.ingressSettings === "ALLOW_ALL") report(`ingressSettings is ${props.ingressSettings ?? "unset (ALLOW_ALL)"}; the function is reachable from the internet.`);
                return;
            case CLOUD_RUN:
                if (props.ingress === undefined || props.ingress === "INGRESS_TRAFFIC_ALL") report(`ingress is ${props.ingress ?? "unset (INGRESS_TRAFFIC_ALL)"}; the service is reachable from the internet.`);
                return;
            case WEB_APP:
                if (!isFunctionApp(props)) return;
                if (props.publicNetworkAccess !== "Disabled" && obj(props.siteConfig).publicNetworkAccess !== "Disabled") report("publicNetworkAccess is not \"Disabled\"; the function app is reachable from the internet.");
                return;
            default:
                if (obj(obj(props.metadata).labels)["networking.knative.dev/visibility"] !== "cluster-local") report("metadata.labels[\"networking.knative.dev/visibility\"] is not \"cluster-local\"; the service is exposed through the external ingress.");
        }
    },
});
