import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { asList, obj } from "../../core/props";

export const dataEnableLogExports = resourceRule({
    name: "data-enable-log-exports",
    description: "Database and broker logs leave the instance: RDS/Aurora CloudWatch log exports, MSK broker logs.",
    severity: "low",
    remediation: "RDS: `enabledCloudwatchLogsExports: [\"postgresql\"]` (engine-specific); MSK: `loggingInfo.brokerLogs.cloudwatchLogs: { enabled: true, logGroup }`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_129", "CKV_AWS_80"],
    trivy: ["AWS-0074"],
    enforcementLevel: "advisory",
    resourceTypes: [d.RDS_INSTANCE, d.RDS_CLUSTER, d.MSK],
    check: ({ type, props }, report) => {
        if (type === d.MSK) {
            const logs = obj(obj(props.loggingInfo).brokerLogs);
            if (![logs.cloudwatchLogs, logs.firehose, logs.s3].some((t) => obj(t).enabled === true)) report("loggingInfo.brokerLogs sends broker logs nowhere.");
        } else if (asList(props.enabledCloudwatchLogsExports).length === 0) {
            report("enabledCloudwatchLogsExports is empty; database logs stay on the instance.");
        }
    },
});
