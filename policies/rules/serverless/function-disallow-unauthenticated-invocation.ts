import { resourceRule } from "../../core/define";
import { asList, isPublicMember, isTrue } from "../../core/props";

const GCP_INVOKER_IAM = [
    "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctionsv2/functionIamBinding:FunctionIamBinding",
    "gcp:cloudfunctions/functionIamMember:FunctionIamMember",
    "gcp:cloudfunctions/functionIamBinding:FunctionIamBinding",
    "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
    "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
    "gcp:cloudrun/iamMember:IamMember",
    "gcp:cloudrun/iamBinding:IamBinding",
];

/** Anyone on the internet who finds the URL can run (and bill) the function. */
export const functionDisallowUnauthenticatedInvocation = resourceRule({
    name: "function-disallow-unauthenticated-invocation",
    description: "Functions cannot be invoked anonymously: no Lambda function URL with auth NONE, no Lambda permission for principal \"*\" without a source condition, no allUsers/allAuthenticatedUsers invoker on Cloud Functions or Cloud Run.",
    severity: "high",
    remediation: "Lambda: function URL `authorizationType: \"AWS_IAM\"` (front it with CloudFront OAC or API Gateway), permissions with a service principal and `sourceArn`; Google Cloud: grant roles/run.invoker or roles/cloudfunctions.invoker to named service accounts, keep `invokerIamDisabled` false. Front public endpoints with an authenticating gateway.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AWS_258", "CKV_AWS_301", "CKV_GCP_107", "CKV_GCP_102"],
    trivy: ["AWS-0067"],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:lambda/functionUrl:FunctionUrl", "aws:lambda/permission:Permission", "gcp:cloudrunv2/service:Service", ...GCP_INVOKER_IAM],
    check: ({ type, props }, report) => {
        if (type === "aws:lambda/functionUrl:FunctionUrl") {
            if (props.authorizationType === "NONE") report("authorizationType is \"NONE\"; anyone with the URL can invoke the function.");
        } else if (type === "aws:lambda/permission:Permission") {
            const scoped = props.sourceArn !== undefined || props.sourceAccount !== undefined || props.principalOrgId !== undefined;
            if ((props.principal === "*" || props.principal === "AWS:*") && !scoped) report(`principal "*" may call ${props.action ?? "the function"} with no sourceArn, sourceAccount or principalOrgId.`);
        } else if (type === "gcp:cloudrunv2/service:Service") {
            if (isTrue(props.invokerIamDisabled)) report("invokerIamDisabled is true; the service accepts unauthenticated requests.");
        } else {
            const members = [...asList(props.member), ...asList(props.members)].filter(isPublicMember);
            for (const m of members) report(`${m} is granted ${props.role}; anyone can invoke it.`);
        }
    },
});
