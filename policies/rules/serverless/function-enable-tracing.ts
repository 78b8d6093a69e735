import { resourceRule, copyProps } from "../../core/define";
import { LAMBDA, WEB_APP, appSettings, isFunctionApp } from "../../core/functions";
import { isTrue, obj } from "../../core/props";

/** Without traces a slow or failing call chain through functions cannot be followed. */
export const functionEnableTracing = resourceRule({
    name: "function-enable-tracing",
    description: "Functions and API stages emit traces: Lambda X-Ray active tracing, API Gateway stage X-Ray, Azure Functions Application Insights (Cloud Run and Cloud Functions trace by default).",
    severity: "low",
    remediation: "Lambda: `tracingConfig: { mode: \"Active\" }`; API Gateway: `xrayTracingEnabled: true`; Azure: set `APPLICATIONINSIGHTS_CONNECTION_STRING` in the app settings.",
    topics: ["function-operations"],
    frameworks: [],
    checkov: ["CKV_AWS_50", "CKV_AWS_73"],
    trivy: ["AWS-0066", "AWS-0003"],
    enforcementLevel: "advisory",
    resourceTypes: [LAMBDA, "aws:apigateway/stage:Stage", WEB_APP],
    check: ({ type, props }, report) => {
        if (type === LAMBDA) {
            if (obj(props.tracingConfig).mode !== "Active") report(`tracingConfig.mode is ${obj(props.tracingConfig).mode ?? "unset (PassThrough)"}; set it to "Active".`);
        } else if (type === "aws:apigateway/stage:Stage") {
            if (!isTrue(props.xrayTracingEnabled)) report("xrayTracingEnabled is not true.");
        } else if (isFunctionApp(props) && obj(props.siteConfig).appSettings !== undefined) {
            const settings = appSettings(props);
            if (!settings.has("APPLICATIONINSIGHTS_CONNECTION_STRING") && !settings.has("APPINSIGHTS_INSTRUMENTATIONKEY")) report("siteConfig.appSettings has no APPLICATIONINSIGHTS_CONNECTION_STRING; the function app sends no traces.");
        }
    },
    remediate: ({ type, props }) => {
        if (type === LAMBDA && obj(props.tracingConfig).mode !== "Active") return { ...copyProps(props), tracingConfig: { mode: "Active" } };
        if (type === "aws:apigateway/stage:Stage" && !isTrue(props.xrayTracingEnabled)) return { ...copyProps(props), xrayTracingEnabled: true };
        return undefined;
    },
});
