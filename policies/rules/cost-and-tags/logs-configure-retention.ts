import { resourceRule } from "../../core/define";

interface Config {
    minRetentionDays: number;
    maxRetentionDays: number;
}

/** Logs kept forever are a growing bill; logs kept a day are useless in an incident. */
export const logsConfigureRetention = resourceRule<Config>({
    name: "logs-configure-retention",
    description: "Log groups, buckets and workspaces set a retention between `minRetentionDays` (default 30) and `maxRetentionDays` (default 731); CloudWatch's default is to keep logs forever.",
    severity: "low",
    remediation: "AWS: `retentionInDays: 90` (or what your audit policy requires); Google Cloud: `retentionDays`; Azure: `retentionInDays`.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: ["CKV_AWS_338"],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 30, description: "Shortest accepted retention in days." },
            maxRetentionDays: { type: "integer", minimum: 1, default: 731, description: "Longest accepted retention in days." },
        },
    },
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup", "gcp:logging/projectBucketConfig:ProjectBucketConfig", "azure-native:operationalinsights:Workspace"],
    check: ({ type, props, config }, report) => {
        const [field, value] = type === "aws:cloudwatch/logGroup:LogGroup" ? ["retentionInDays", props.retentionInDays] : type.startsWith("gcp:") ? ["retentionDays", props.retentionDays] : ["retentionInDays", props.retentionInDays];
        if (value === undefined || Number(value) === 0) {
            if (type === "aws:cloudwatch/logGroup:LogGroup") report("retentionInDays is unset; logs are kept (and billed) forever.");
            return;
        }
        const days = Number(value);
        if (days < config.minRetentionDays) report(`${field} is ${days}; keep at least ${config.minRetentionDays} days.`);
        else if (days > config.maxRetentionDays) report(`${field} is ${days}; at most ${config.maxRetentionDays} days.`);
    },
});
