import { LabDefinition, findingsOf, inputAt, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";
import type { PlanResult } from "../../cli/plan";

const lambda = (result: PlanResult) => resourcesOfType(result, "aws:lambda/function:Function")[0];

const lab: LabDefinition = {
    title: "Functions, safely",
    minutes: 20,
    objectives: [
        {
            id: "private-url",
            title: "Only signed (IAM) callers can invoke the function",
            hint: "Delete `http: { public: true }`: the function URL then takes AWS_IAM auth and no permission is granted to principal \"*\".",
            check: (result) => {
                const found = findingsOf(result, "function-disallow-unauthenticated-invocation");
                if (found.length > 0) return `${found.length} finding(s): ${found[0].message}`;
                const url = resourcesOfType(result, "aws:lambda/functionUrl:FunctionUrl")[0];
                return url === undefined || inputAt(url, "authorizationType") === "AWS_IAM" || `the URL's authorizationType is ${String(inputAt(url, "authorizationType"))}`;
            },
        },
        {
            id: "no-secret-in-environment",
            title: "No password in the function's plain environment",
            hint: "Remove DATABASE_URL from `env`; pass `secrets: { DATABASE_URL: config.requireSecret(\"databaseUrl\") }` instead.",
            check: (result) => {
                const found = findingsOf(result, "function-disallow-secrets-in-environment");
                if (found.length > 0) return found[0].message;
                const env = inputAt(lambda(result), "environment.variables") as Record<string, unknown> | undefined;
                return env?.DATABASE_URL === undefined || "DATABASE_URL is still a plain environment variable";
            },
        },
        {
            id: "secret-in-store",
            title: "The database URL lives in Secrets Manager, as a Pulumi secret",
            hint: "Give it in `secrets`; the component stores it in Secrets Manager and passes SECRET_ARN_DATABASE_URL for the code to read.",
            check: (result) => {
                const version = resourcesOfType(result, "aws:secretsmanager/secretVersion:SecretVersion").find((v) => v.name.includes("database_url"));
                if (!version) return "no Secrets Manager secret for DATABASE_URL";
                if (!version.secretPaths.some((p) => p.startsWith("secretString"))) return "the secret's value is not a Pulumi secret: read it with config.requireSecret";
                const env = inputAt(lambda(result), "environment.variables") as Record<string, unknown> | undefined;
                return env?.SECRET_ARN_DATABASE_URL !== undefined || "the function is not given SECRET_ARN_DATABASE_URL";
            },
        },
        {
            id: "concurrency-cap",
            title: "Its scale-out is capped",
            hint: "Add `concurrency: { max: 50 }` (reserved concurrency): a flood of calls cannot drain the account's pool or the database's connections.",
            check: (result) => {
                const reserved = inputAt(lambda(result), "reservedConcurrentExecutions");
                return (typeof reserved === "number" && reserved > 0) || "reservedConcurrentExecutions is unset";
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
