import { resourceRule } from "../../core/define";
import { list, obj } from "../../core/props";

interface Config {
    allowedSslPolicies: string[];
}

/** Plain HTTP listeners may only redirect to HTTPS; TLS listeners use a TLS 1.2+ policy. */
export const loadBalancerDisallowPlaintextListeners = resourceRule<Config>({
    name: "load-balancer-disallow-plaintext-listeners",
    description: "AWS load balancer listeners serve HTTPS/TLS with a TLS 1.2+ policy; HTTP listeners only redirect to HTTPS.",
    severity: "high",
    remediation: "Use `protocol: \"HTTPS\"` with a certificate and `sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-2021-06\"`; make port 80 a `redirect` to HTTPS.",
    topics: ["network-exposure"],
    frameworks: [],
    checkov: ["CKV_AWS_2", "CKV_AWS_103", "CKV2_AWS_20"],
    trivy: ["AWS-0047"],
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            allowedSslPolicies: {
                type: "array",
                items: { type: "string" },
                default: ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10"],
                description: "Listener SSL policies that enforce TLS 1.2 or newer.",
            },
        },
    },
    resourceTypes: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    check: ({ props, config }, report) => {
        const protocol = props.protocol ?? "HTTP";
        if (protocol === "HTTP") {
            const actions = list(props.defaultActions);
            if (!actions.every((a) => a.type === "redirect" && obj(a.redirect).protocol === "HTTPS")) report("protocol HTTP serves traffic in plain text; make it a redirect to HTTPS.");
        } else if ((protocol === "HTTPS" || protocol === "TLS") && props.sslPolicy !== undefined && !config.allowedSslPolicies.includes(props.sslPolicy)) {
            report(`sslPolicy ${props.sslPolicy} allows TLS versions older than 1.2.`);
        }
    },
});
