import { resourceRule } from "../../core/define";
import { INGRESS_TYPES, worldIngress } from "../../core/network";

/** A rule that opens every port exposes whatever happens to listen on the host. */
export const networkDisallowAllPortsFromInternet = resourceRule({
    name: "network-disallow-all-ports-from-internet",
    description: "No rule opens every port (or protocol -1) to the whole internet.",
    severity: "high",
    remediation: "Open only the ports a load balancer serves (80/443) to the internet; keep everything else to private ranges or security-group references.",
    topics: ["network-exposure"],
    frameworks: [],
    checkov: ["CKV_AWS_277"],
    trivy: ["AWS-0107", "GCP-0027", "AZU-0047"],
    enforcementLevel: "mandatory",
    resourceTypes: INGRESS_TYPES,
    check: ({ type, props }, report) => {
        for (const rule of worldIngress(type, props)) {
            if (rule.allPorts) report(`${rule.where} opens every port to the internet.`);
        }
    },
});
