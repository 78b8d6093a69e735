import { resourceRule } from "../../core/define";
import { WEB_APP, isFunctionApp } from "../../core/functions";
import { obj } from "../../core/props";

/** FTP sends deployment credentials in clear text and bypasses the pipeline. */
export const functionAppDisallowFtpDeployment = resourceRule({
    name: "function-app-disallow-ftp-deployment",
    description: "Azure function apps disable plain FTP deployment (`ftpsState` Disabled or FtpsOnly).",
    severity: "medium",
    remediation: "Set `siteConfig.ftpsState: \"Disabled\"` and deploy with zip deploy / run-from-package.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AZURE_78"],
    trivy: ["AZU-0071"],
    enforcementLevel: "advisory",
    resourceTypes: [WEB_APP],
    check: ({ props }, report) => {
        if (!isFunctionApp(props)) return;
        const state = obj(props.siteConfig).ftpsState;
        if (state !== "Disabled" && state !== "FtpsOnly") report(`siteConfig.ftpsState is ${state === undefined ? "unset (AllAllowed)" : `"${state}"`}; plain FTP deployment is allowed.`);
    },
});
