import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue, list, obj } from "../../core/props";

/** Identity-based logins expire and are audited; shared database passwords are neither. */
export const dataEnableIamAuthentication = resourceRule({
    name: "data-enable-iam-authentication",
    description: "Databases accept cloud-identity logins: RDS IAM authentication, Cloud SQL IAM authentication, Azure PostgreSQL Entra ID authentication.",
    severity: "low",
    remediation: "RDS: `iamDatabaseAuthenticationEnabled: true`; Cloud SQL: database flag `cloudsql.iam_authentication=on`; Azure PostgreSQL: `authConfig: { activeDirectoryAuth: \"Enabled\" }`.",
    topics: ["data-protection"],
    frameworks: [],
    checkov: ["CKV_AWS_161", "CKV_AWS_162"],
    trivy: ["AWS-0176"],
    enforcementLevel: "advisory",
    resourceTypes: [d.RDS_INSTANCE, d.RDS_CLUSTER, d.CLOUD_SQL, d.AZURE_POSTGRES],
    check: ({ type, props }, report) => {
        if (type === d.CLOUD_SQL) {
            if (!String(props.databaseVersion ?? "").startsWith("POSTGRES") && !String(props.databaseVersion ?? "").startsWith("MYSQL")) return;
            const on = list(obj(props.settings).databaseFlags).some((f) => f.name === "cloudsql.iam_authentication" && f.value === "on");
            if (!on) report("settings.databaseFlags has no cloudsql.iam_authentication=on.");
        } else if (type === d.AZURE_POSTGRES) {
            if (obj(props.authConfig).activeDirectoryAuth !== "Enabled") report("authConfig.activeDirectoryAuth is not \"Enabled\".");
        } else if (!isTrue(props.iamDatabaseAuthenticationEnabled)) {
            report("iamDatabaseAuthenticationEnabled is not true.");
        }
    },
});
