import { FunctionService } from "platform-kit";

// Lab 04: a function with a database password. As written it would be refused at deploy:
// run `npx platform-kit plan .` in this folder and read the ✖ mandatory findings.
const orders = new FunctionService("orders", {
    cloud: "aws",
    code: "./functions/orders",
    runtime: "nodejs22",
    handler: "index.handler",
    memoryMb: 256,
    // TODO 1: a public URL lets anyone on the internet call (and bill) the function.
    // Make it private: delete `public: true` (callers then sign requests with IAM).
    http: { public: true },
    env: {
        LOG_LEVEL: "info",
        // TODO 2: a password in plain environment is readable by anyone who can read the
        // function's configuration. Read it as a secret from config
        // (`new pulumi.Config().requireSecret("databaseUrl")`) and pass it in `secrets`.
        DATABASE_URL: "postgres://app:hunter2@db.internal:5432/orders",
    },
    // TODO 3: cap how far it scales (concurrency: { max: 50 }) so a flood of calls
    // cannot exhaust the account's concurrency or the database's connections.
});

export const url = orders.url;
export const functionName = orders.functionName;
