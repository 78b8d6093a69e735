import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as web from "@pulumi/azure-native/web";
import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

const LAMBDA = "aws:lambda/function:Function";
const GCF2 = "gcp:cloudfunctionsv2/function:Function";
const RUN = "gcp:cloudrunv2/service:Service";
const WEB_APP = "azure-native:web:WebApp";
const KNATIVE = "kubernetes:serving.knative.dev/v1:Service";

const lambda = (args: Partial<Unwrap<aws.lambda.FunctionArgs>> = {}) =>
    resource<aws.lambda.FunctionArgs>(LAMBDA, {
        role: "arn:aws:iam::123456789012:role/fn",
        runtime: "nodejs22.x",
        handler: "index.handler",
        tracingConfig: { mode: "Active" },
        deadLetterConfig: { targetArn: "arn:aws:sqs:us-east-1:123456789012:dlq" },
        reservedConcurrentExecutions: 50,
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1",
        environment: { variables: { TABLE_NAME: "orders", DB_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" } },
        ...args,
    });
const gcf = (serviceConfig: Unwrap<gcp.types.input.cloudfunctionsv2.FunctionServiceConfig> = {}, runtime = "nodejs22") =>
    resource<gcp.cloudfunctionsv2.FunctionArgs>(GCF2, {
        location: "us-central1",
        buildConfig: { runtime, entryPoint: "handler" },
        serviceConfig: { ingressSettings: "ALLOW_INTERNAL_AND_GCLB", maxInstanceCount: 20, serviceAccountEmail: "fn@p.iam.gserviceaccount.com", ...serviceConfig },
    });
const run = (args: Partial<Unwrap<gcp.cloudrunv2.ServiceArgs>> = {}) =>
    resource<gcp.cloudrunv2.ServiceArgs>(RUN, {
        location: "us-central1",
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        template: { serviceAccount: "run@p.iam.gserviceaccount.com", scaling: { maxInstanceCount: 10 }, containers: [{ image: "us-docker.pkg.dev/p/r/app:1.0.0" }] },
        ...args,
    });
const settings = [
    { name: "FUNCTIONS_EXTENSION_VERSION", value: "~4" },
    { name: "APPLICATIONINSIGHTS_CONNECTION_STRING", value: "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope.in.applicationinsights.azure.com/" },
    { name: "AzureWebJobsStorage__credential", value: "managedidentity" },
    { name: "DB_PASSWORD", value: "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/db/)" },
];
const functionApp = (args: Partial<Unwrap<web.WebAppArgs>> = {}, siteConfig: Unwrap<web.WebAppArgs>["siteConfig"] = {}) =>
    resource<web.WebAppArgs>(WEB_APP, {
        resourceGroupName: "rg",
        kind: "functionapp,linux",
        httpsOnly: true,
        publicNetworkAccess: "Disabled",
        siteConfig: { linuxFxVersion: "Node|22", minTlsVersion: "1.2", ftpsState: "Disabled", functionAppScaleLimit: 20, appSettings: settings, ...siteConfig },
        ...args,
    });
const knative = (labels: Record<string, string>, annotations: Record<string, string>, env: Array<Record<string, string>> = []) =>
    resource<k8s.apiextensions.CustomResourceArgs>(KNATIVE, {
        apiVersion: "serving.knative.dev/v1",
        kind: "Service",
        metadata: { name: "fn", namespace: "team", labels },
        spec: { template: { metadata: { annotations }, spec: { containers: [{ image: "ghcr.io/acme/fn:1.2.3", env }] } } },
    });
const privateKnative = () => knative({ "networking.knative.dev/visibility": "cluster-local" }, { "autoscaling.knative.dev/max-scale": "10" });

describePack("serverless", {
    "function-disallow-secrets-in-environment": {
        good: [lambda(), gcf(), functionApp(), privateKnative()],
        bad: [
            [lambda({ environment: { variables: { STRIPE_KEY: "sk_live_abcdefghijklmnop1234" } } }), ["environment.variables.STRIPE_KEY: STRIPE_KEY holds a Stripe secret key; use a secret reference instead."]],
            [gcf({ environmentVariables: { DB_PASSWORD: "hunter22" } }), ["serviceConfig.environmentVariables.DB_PASSWORD: DB_PASSWORD holds a literal secret value; use a secret reference instead."]],
            [functionApp({}, { appSettings: [{ name: "API_TOKEN", value: "abc123def456" }] }), ["siteConfig.appSettings[0]: API_TOKEN holds a literal secret value; use a secret reference instead."]],
            [knative({}, {}, [{ name: "DATABASE_URL", value: "postgres://app:s3cret@db:5432/app" }]), ["spec.template.spec.containers[0].env[0]: DATABASE_URL holds a URL with an embedded password; use a secret reference instead."]],
        ],
    },
    "function-disallow-unauthenticated-invocation": {
        good: [
            resource<aws.lambda.FunctionUrlArgs>("aws:lambda/functionUrl:FunctionUrl", { functionName: "fn", authorizationType: "AWS_IAM" }),
            resource<aws.lambda.PermissionArgs>("aws:lambda/permission:Permission", { function: "fn", action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com", sourceArn: "arn:aws:execute-api:us-east-1:1:api/*" }),
            run(),
        ],
        bad: [
            [resource<aws.lambda.FunctionUrlArgs>("aws:lambda/functionUrl:FunctionUrl", { functionName: "fn", authorizationType: "NONE" }), ['authorizationType is "NONE"; anyone with the URL can invoke the function.']],
            [resource<aws.lambda.PermissionArgs>("aws:lambda/permission:Permission", { function: "fn", action: "lambda:InvokeFunction", principal: "*" }), ['principal "*" may call lambda:InvokeFunction with no sourceArn, sourceAccount or principalOrgId.']],
            [resource<gcp.cloudrunv2.ServiceIamMemberArgs>("gcp:cloudrunv2/serviceIamMember:ServiceIamMember", { name: "svc", role: "roles/run.invoker", member: "allUsers" }), ["allUsers is granted roles/run.invoker; anyone can invoke it."]],
            [run({ invokerIamDisabled: true }), ["invokerIamDisabled is true; the service accepts unauthenticated requests."]],
        ],
    },
    "function-configure-private-ingress": {
        good: [gcf(), run(), functionApp(), privateKnative()],
        bad: [
            [gcf({ ingressSettings: "ALLOW_ALL" }), ["serviceConfig.ingressSettings is ALLOW_ALL; the function is reachable from the internet."]],
            [run({ ingress: undefined }), ["ingress is unset (INGRESS_TRAFFIC_ALL); the service is reachable from the internet."]],
            [functionApp({ publicNetworkAccess: "Enabled" }), ['publicNetworkAccess is not "Disabled"; the function app is reachable from the internet.']],
            [knative({}, { "autoscaling.knative.dev/max-scale": "10" }), ['metadata.labels["networking.knative.dev/visibility"] is not "cluster-local"; the service is exposed through the external ingress.']],
        ],
    },
    "function-disallow-deprecated-runtimes": {
        good: [lambda(), gcf(), functionApp(), functionApp({}, { linuxFxVersion: "Python|3.12" })],
        bad: [
            [lambda({ runtime: "nodejs18.x" }), ['runtime "nodejs18.x" is deprecated and no longer patched.']],
            [gcf({}, "python39"), ['buildConfig.runtime "python39" is deprecated and no longer patched.']],
            [functionApp({}, { linuxFxVersion: "Python|3.9" }), ["runtime Python|3.9 is past end of support; use python 3.10 or newer."]],
        ],
    },
    "function-enable-tracing": {
        good: [lambda(), functionApp(), resource<aws.apigateway.StageArgs>("aws:apigateway/stage:Stage", { restApi: "api", deployment: "d", stageName: "prod", xrayTracingEnabled: true })],
        bad: [
            [lambda({ tracingConfig: undefined }), ['tracingConfig.mode is unset (PassThrough); set it to "Active".']],
            [functionApp({}, { appSettings: [{ name: "FUNCTIONS_EXTENSION_VERSION", value: "~4" }] }), ["siteConfig.appSettings has no APPLICATIONINSIGHTS_CONNECTION_STRING; the function app sends no traces."]],
        ],
    },
    "function-configure-dead-letter-queue": {
        good: [lambda()],
        bad: [[lambda({ deadLetterConfig: undefined }), ["deadLetterConfig.targetArn is unset; failed asynchronous events are dropped."]]],
    },
    "function-configure-concurrency-limit": {
        good: [lambda(), gcf(), run(), functionApp(), privateKnative()],
        bad: [
            [lambda({ reservedConcurrentExecutions: undefined }), ["reservedConcurrentExecutions is unset; cap the function's scale-out."]],
            [run({ template: { scaling: { maxInstanceCount: 5000 }, containers: [{ image: "i:1" }] } }), ["template.scaling.maxInstanceCount is 5000; at most 1000."]],
            [knative({ "networking.knative.dev/visibility": "cluster-local" }, {}), ['spec.template.metadata.annotations["autoscaling.knative.dev/max-scale"] is unset; cap the function\'s scale-out.']],
        ],
    },
    "function-enable-environment-encryption": {
        good: [lambda(), lambda({ environment: undefined, kmsKeyArn: undefined })],
        bad: [[lambda({ kmsKeyArn: undefined }), ["environment variables are set but kmsKeyArn is unset; they are encrypted with the AWS-managed key only."]]],
    },
    "function-app-enable-https-only": {
        good: [functionApp(), resource<web.WebAppArgs>(WEB_APP, { resourceGroupName: "rg", kind: "app" })],
        bad: [
            [functionApp({ httpsOnly: undefined }), ["httpsOnly is unset (false); plain HTTP is served."]],
            [functionApp({}, { minTlsVersion: "1.0" }), ['siteConfig.minTlsVersion is "1.0"; use "1.2" or newer.']],
            [resource<gcp.cloudfunctions.FunctionArgs>("gcp:cloudfunctions/function:Function", { runtime: "nodejs22", triggerHttp: true }), ["httpsTriggerSecurityLevel is unset (SECURE_OPTIONAL); plain HTTP is served."]],
        ],
    },
    "function-app-disallow-ftp-deployment": {
        good: [functionApp(), functionApp({}, { ftpsState: "FtpsOnly" })],
        bad: [[functionApp({}, { ftpsState: "AllAllowed" }), ['siteConfig.ftpsState is "AllAllowed"; plain FTP deployment is allowed.']]],
    },
    "api-gateway-enable-access-logging": {
        good: [resource<aws.apigatewayv2.StageArgs>("aws:apigatewayv2/stage:Stage", { apiId: "a", name: "$default", accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:1:log-group:api", format: "$context.requestId" } })],
        bad: [[resource<aws.apigatewayv2.StageArgs>("aws:apigatewayv2/stage:Stage", { apiId: "a", name: "$default" }), ["accessLogSettings is unset; requests to the stage are not logged."]]],
    },
    "function-configure-dedicated-identity": {
        good: [gcf(), run()],
        bad: [
            [gcf({ serviceAccountEmail: "271828182845-compute@developer.gserviceaccount.com" }), ["serviceConfig.serviceAccountEmail is the default compute service account."]],
            [run({ template: { containers: [{ image: "i:1" }] } }), ["template.serviceAccount is unset; the function runs as the default compute service account."]],
        ],
    },
});
