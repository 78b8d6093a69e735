import { resourceRule } from "../../core/define";
import { cisAws, cisAzure, cisGcp } from "../../core/rule";
import { INGRESS_TYPES, worldIngress } from "../../core/network";

export const networkDisallowRdpFromInternet = resourceRule({
    name: "network-disallow-rdp-from-internet",
    description: "No security group, firewall or network security group rule allows RDP (port 3389) from the whole internet.",
    severity: "critical",
    remediation: "Remove the internet source from rules covering port 3389; use Azure Bastion, IAP or SSM port forwarding.",
    topics: ["network-exposure"],
    frameworks: [cisAws("5.3"), cisGcp("3.7"), cisAzure("7.1")],
    checkov: ["CKV_AWS_25", "CKV_GCP_3", "CKV_AZURE_9"],
    trivy: ["AWS-0107", "GCP-0070", "AZU-0048"],
    enforcementLevel: "mandatory",
    resourceTypes: INGRESS_TYPES,
    check: ({ type, props }, report) => {
        for (const rule of worldIngress(type, props)) {
            if (rule.includes(3389)) report(`${rule.where} allows RDP (port 3389) from the internet.`);
        }
    },
});
