import { resourceRule, copyProps } from "../../core/define";
import * as d from "../../core/data";
import { isFalse, isTrue, obj } from "../../core/props";

/** One mistaken `pulumi destroy` or replace must not drop a production database. */
export const dataEnableDeletionProtection = resourceRule({
    name: "data-enable-deletion-protection",
    description: "Data stores with a native deletion-protection switch have it on: RDS instances and clusters, DocumentDB, DynamoDB, Cloud SQL, Memorystore clusters.",
    severity: "high",
    remediation: "RDS/DocumentDB: `deletionProtection: true`; DynamoDB: `deletionProtectionEnabled: true`; Cloud SQL: keep `deletionProtection` (Pulumi) and set `settings.deletionProtectionEnabled: true`; Memorystore cluster: `deletionProtectionEnabled: true`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_293", "CKV_AWS_139"],
    trivy: ["AWS-0177", "AWS-0343"],
    enforcementLevel: "mandatory",
    resourceTypes: [d.RDS_INSTANCE, d.RDS_CLUSTER, d.DOCDB, d.DYNAMODB, d.CLOUD_SQL, d.MEMORYSTORE_CLUSTER],
    check: ({ type, props }, report) => {
        switch (type) {
            case d.RDS_INSTANCE:
            case d.RDS_CLUSTER:
            case d.DOCDB:
                if (!isTrue(props.deletionProtection)) report(`deletionProtection is ${props.deletionProtection === undefined ? "unset (false)" : "false"}.`);
                return;
            case d.DYNAMODB:
                if (!isTrue(props.deletionProtectionEnabled)) report("deletionProtectionEnabled is not true.");
                return;
            case d.CLOUD_SQL:
                if (isFalse(props.deletionProtection)) report("deletionProtection is false; Pulumi will delete the instance on destroy or replace.");
                if (isFalse(obj(props.settings).deletionProtectionEnabled)) report("settings.deletionProtectionEnabled is false.");
                return;
            case d.MEMORYSTORE_CLUSTER:
                if (isFalse(props.deletionProtectionEnabled)) report("deletionProtectionEnabled is false.");
                return;
        }
    },
    remediate: ({ type, props }) => {
        if ((type === d.RDS_INSTANCE || type === d.RDS_CLUSTER || type === d.DOCDB) && !isTrue(props.deletionProtection)) return { ...copyProps(props), deletionProtection: true };
        if (type === d.DYNAMODB && !isTrue(props.deletionProtectionEnabled)) return { ...copyProps(props), deletionProtectionEnabled: true };
        return undefined;
    },
});
