import { resourceRule } from "../../core/define";
import { GCF1, GCF2, CLOUD_RUN, KNATIVE_SERVICE, LAMBDA, WEB_APP, isFunctionApp } from "../../core/functions";
import { obj } from "../../core/props";

interface Config {
    maxInstances: number;
}

/** Unbounded scale-out turns a traffic spike or a loop into an outage of the database behind it and a large bill. */
export const functionConfigureConcurrencyLimit = resourceRule<Config>({
    name: "function-configure-concurrency-limit",
    description: "Functions cap their scale-out: Lambda reserved concurrency, Cloud Functions/Cloud Run max instances, Azure scale limit, Knative max-scale; none above `maxInstances` (default 1000).",
    severity: "medium",
    remediation: "Lambda: `reservedConcurrentExecutions`; Cloud Functions: `serviceConfig.maxInstanceCount`; Cloud Run: `template.scaling.maxInstanceCount`; Azure: `siteConfig.functionAppScaleLimit`; Knative: annotation `autoscaling.knative.dev/max-scale` on the revision template.",
    topics: ["function-operations"],
    frameworks: [],
    checkov: ["CKV_AWS_115"],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { maxInstances: { type: "integer", minimum: 1, default: 1000, description: "Highest concurrency / instance cap accepted." } } },
    resourceTypes: [LAMBDA, GCF2, GCF1, CLOUD_RUN, WEB_APP, KNATIVE_SERVICE],
    check: ({ type, props, config }, report) => {
        let field: string;
        let value: unknown;
        switch (type) {
            case LAMBDA:
                [field, value] = ["reservedConcurrentExecutions", props.reservedConcurrentExecutions === -1 ? undefined : props.reservedConcurrentExecutions];
                break;
            case GCF2:
                [field, value] = ["serviceConfig.maxInstanceCount", obj(props.serviceConfig).maxInstanceCount];
                break;
            case GCF1:
                [field, value] = ["maxInstances", props.maxInstances];
                break;
            case CLOUD_RUN:
                [field, value] = ["template.scaling.maxInstanceCount", obj(obj(props.template).scaling).maxInstanceCount];
                break;
            case WEB_APP:
                if (!isFunctionApp(props)) return;
                [field, value] = ["siteConfig.functionAppScaleLimit", obj(props.siteConfig).functionAppScaleLimit ?? obj(obj(props.functionAppConfig).scaleAndConcurrency).maximumInstanceCount];
                break;
            default:
                [field, value] = ['spec.template.metadata.annotations["autoscaling.knative.dev/max-scale"]', obj(obj(obj(props.spec).template).metadata).annotations?.["autoscaling.knative.dev/max-scale"]];
        }
        const n = value === undefined || value === null ? undefined : Number(value);
        if (n === undefined || n === 0) report(`${field} is ${n === 0 ? "0 (unbounded)" : "unset"}; cap the function's scale-out.`);
        else if (n > config.maxInstances) report(`${field} is ${n}; at most ${config.maxInstances}.`);
    },
});
