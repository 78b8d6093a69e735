// The orders function: answers with the number of open orders. The database URL arrives
// as a secret reference (SECRET_ARN_DATABASE_URL), read once per cold start.
const { SecretsManagerClient, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");

let databaseUrl;

async function readDatabaseUrl() {
    if (databaseUrl) return databaseUrl;
    if (process.env.SECRET_ARN_DATABASE_URL) {
        const client = new SecretsManagerClient({});
        const secret = await client.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ARN_DATABASE_URL }));
        databaseUrl = secret.SecretString;
    } else {
        databaseUrl = process.env.DATABASE_URL;
    }
    return databaseUrl;
}

exports.handler = async () => {
    const url = await readDatabaseUrl();
    return { statusCode: 200, body: JSON.stringify({ database: url ? "configured" : "missing" }) };
};
