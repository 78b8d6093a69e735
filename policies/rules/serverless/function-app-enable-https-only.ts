import { resourceRule, copyProps } from "../../core/define";
import { GCF1, WEB_APP, isFunctionApp } from "../../core/functions";
import { isTrue, obj } from "../../core/props";

const OLD_TLS = ["1.0", "1.1"];

/** Plain HTTP exposes requests, keys and cookies on the wire. */
export const functionAppEnableHttpsOnly = resourceRule({
    name: "function-app-enable-https-only",
    description: "HTTP functions refuse plain HTTP and old TLS: Azure function apps `httpsOnly` with TLS 1.2+, Cloud Functions (1st gen) `SECURE_ALWAYS`.",
    severity: "high",
    remediation: "Azure: `httpsOnly: true`, `siteConfig.minTlsVersion: \"1.2\"`; Cloud Functions (1st gen): `httpsTriggerSecurityLevel: \"SECURE_ALWAYS\"`.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AZURE_70", "CKV_AZURE_145", "CKV2_GCP_10"],
    trivy: ["AZU-0004", "AZU-0006", "AZU-0072"],
    enforcementLevel: "mandatory",
    resourceTypes: [WEB_APP, GCF1],
    check: ({ type, props }, report) => {
        if (type === WEB_APP) {
            if (!isFunctionApp(props)) return;
            if (!isTrue(props.httpsOnly)) report(`httpsOnly is ${props.httpsOnly === undefined ? "unset (false)" : "false"}; plain HTTP is served.`);
            const tls = obj(props.siteConfig).minTlsVersion;
            if (OLD_TLS.includes(String(tls))) report(`siteConfig.minTlsVersion is "${tls}"; use "1.2" or newer.`);
        } else if (isTrue(props.triggerHttp) && props.httpsTriggerSecurityLevel !== "SECURE_ALWAYS") {
            report(`httpsTriggerSecurityLevel is ${props.httpsTriggerSecurityLevel ?? "unset (SECURE_OPTIONAL)"}; plain HTTP is served.`);
        }
    },
    remediate: ({ type, props }) => {
        if (type === WEB_APP && isFunctionApp(props) && !isTrue(props.httpsOnly)) return { ...copyProps(props), httpsOnly: true };
        return undefined;
    },
});
