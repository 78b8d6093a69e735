import * as pulumi from "@pulumi/pulumi";
import { FunctionService } from "platform-kit";

// Lab 04 solution: a private URL (IAM-signed calls only), the database URL in Secrets
// Manager (the code reads it by ARN), and a concurrency cap.
const config = new pulumi.Config();

const orders = new FunctionService("orders", {
    cloud: "aws",
    code: "./functions/orders",
    runtime: "nodejs22",
    handler: "index.handler",
    memoryMb: 256,
    env: { LOG_LEVEL: "info" },
    secrets: { DATABASE_URL: config.requireSecret("databaseUrl") },
    concurrency: { max: 50 },
});

export const url = orders.url;
export const functionName = orders.functionName;
