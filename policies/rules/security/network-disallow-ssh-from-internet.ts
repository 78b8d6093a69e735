import { resourceRule } from "../../core/define";
import { cisAws, cisAzure, cisGcp } from "../../core/rule";
import { INGRESS_TYPES, worldIngress } from "../../core/network";

/** SSH open to 0.0.0.0/0 is the most scanned port on the internet. */
export const networkDisallowSshFromInternet = resourceRule({
    name: "network-disallow-ssh-from-internet",
    description: "No security group, firewall or network security group rule allows SSH (TCP 22) from the whole internet.",
    severity: "critical",
    remediation: "Remove the 0.0.0.0/0 (or ::/0, `*`, `Internet`) source from rules covering port 22; use SSM Session Manager, IAP TCP forwarding or Azure Bastion, or a narrow source range.",
    topics: ["network-exposure"],
    frameworks: [cisAws("5.2"), cisGcp("3.6"), cisAzure("7.2")],
    checkov: ["CKV_AWS_24", "CKV_GCP_2", "CKV_AZURE_10"],
    trivy: ["AWS-0107", "GCP-0071", "AZU-0050"],
    enforcementLevel: "mandatory",
    resourceTypes: INGRESS_TYPES,
    check: ({ type, props }, report) => {
        for (const rule of worldIngress(type, props)) {
            if (rule.includes(22)) report(`${rule.where} allows SSH (port 22) from the internet.`);
        }
    },
});
