import { resourceRule } from "../../core/define";
import { CLOUD_RUN, GCF1, GCF2 } from "../../core/functions";
import { obj } from "../../core/props";

/** Google Cloud's default compute service account often holds Editor on the whole project. */
export const functionConfigureDedicatedIdentity = resourceRule({
    name: "function-configure-dedicated-identity",
    description: "Cloud Functions and Cloud Run services run as a dedicated service account, not the project's default compute service account.",
    severity: "medium",
    remediation: "Create a service account per function with only the roles it needs and set `serviceConfig.serviceAccountEmail` (Cloud Functions) or `template.serviceAccount` (Cloud Run).",
    topics: ["function-security"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [GCF2, GCF1, CLOUD_RUN],
    check: ({ type, props }, report) => {
        const [field, account] =
            type === GCF2 ? ["serviceConfig.serviceAccountEmail", obj(props.serviceConfig).serviceAccountEmail] : type === GCF1 ? ["serviceAccountEmail", props.serviceAccountEmail] : ["template.serviceAccount", obj(props.template).serviceAccount];
        if (account === undefined) report(`${field} is unset; the function runs as the default compute service account.`);
        else if (typeof account === "string" && /-compute@developer\.gserviceaccount\.com$/.test(account)) report(`${field} is the default compute service account.`);
    },
});
