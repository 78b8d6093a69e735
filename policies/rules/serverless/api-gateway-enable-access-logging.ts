import { resourceRule } from "../../core/define";

export const apiGatewayEnableAccessLogging = resourceRule({
    name: "api-gateway-enable-access-logging",
    description: "API Gateway REST and HTTP API stages write access logs.",
    severity: "medium",
    remediation: "Set `accessLogSettings: { destinationArn: logGroup.arn, format: ... }` on the stage.",
    topics: ["function-operations"],
    frameworks: [],
    checkov: ["CKV_AWS_76"],
    trivy: ["AWS-0001"],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:apigateway/stage:Stage", "aws:apigatewayv2/stage:Stage"],
    check: ({ props }, report) => {
        if (props.accessLogSettings === undefined) report("accessLogSettings is unset; requests to the stage are not logged.");
    },
});
