import { resourceRule } from "../../core/define";
import { LAMBDA } from "../../core/functions";
import { obj } from "../../core/props";

/** Asynchronous events that fail every retry are dropped unless they have somewhere to go. */
export const functionConfigureDeadLetterQueue = resourceRule({
    name: "function-configure-dead-letter-queue",
    description: "Lambda functions send events that fail every retry to a dead-letter queue or topic.",
    severity: "low",
    remediation: "Set `deadLetterConfig: { targetArn: queue.arn }` (or an `aws.lambda.FunctionEventInvokeConfig` on-failure destination) and grant the role `sqs:SendMessage`.",
    topics: ["function-operations"],
    frameworks: [],
    checkov: ["CKV_AWS_116"],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [LAMBDA],
    check: ({ props }, report) => {
        if (!obj(props.deadLetterConfig).targetArn) report("deadLetterConfig.targetArn is unset; failed asynchronous events are dropped.");
    },
});
