import * as assert from "node:assert/strict";
import * as path from "path";
import { PlatformKitError } from "../../components/core";
import { FunctionService } from "../../components/faas";
import { AZURE_ROLES, AzureFunctionService, hostTimeout } from "../../components/faas/azure";
import { RecordedResource, inventory, ofType, only, runProgram } from "../../testing";

const HELLO = path.join(__dirname, "fixtures", "hello");
const config = { "azure-native:location": "westeurope" };
const SUB = "/subscriptions/00000000-1111-2222-3333-444444444444";

type Settings = Record<string, unknown>;
function appSettings(app: RecordedResource): Settings {
    const list = (app.inputs.siteConfig as { appSettings: Array<{ name: string; value: unknown }> }).appSettings;
    return Object.fromEntries(list.map((s) => [s.name, s.value]));
}

describe("faas: Azure Functions (Flex Consumption)", () => {
    it("a private HTTP function: every child, by type and name, and its settings", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "azure", code: HELLO, runtime: "nodejs22" }), { config });
        assert.deepEqual(inventory(run.resources), [
            ["azure-native:applicationinsights:Component", "hello-insights"],
            ["azure-native:authorization:RoleAssignment", "hello-metrics-publisher"],
            ["azure-native:authorization:RoleAssignment", "hello-storage-blob-owner"],
            ["azure-native:managedidentity:UserAssignedIdentity", "hello-identity"],
            ["azure-native:operationalinsights:Workspace", "hello-logs"],
            ["azure-native:resources:ResourceGroup", "hello-rg"],
            ["azure-native:storage:BlobContainer", "hello-deployments"],
            ["azure-native:storage:Blob", "hello-package"],
            ["azure-native:storage:StorageAccount", "hello-storage"],
            ["azure-native:web:AppServicePlan", "hello-plan"],
            ["azure-native:web:WebApp", "hello-app"],
        ]);
        const storage = only(run.resources, "azure-native:storage:StorageAccount");
        assert.equal(storage.inputs.allowBlobPublicAccess, false);
        assert.equal(storage.inputs.minimumTlsVersion, "TLS1_2");
        assert.equal(storage.inputs.enableHttpsTrafficOnly, true);
        assert.match(String(storage.inputs.accountName), /^hellofn[a-f0-9]{6}$/);
        assert.equal(only(run.resources, "azure-native:storage:BlobContainer").inputs.publicAccess, "None");

        const plan = only(run.resources, "azure-native:web:AppServicePlan");
        assert.deepEqual(plan.inputs.sku, { name: "FC1", tier: "FlexConsumption" });
        assert.equal(plan.inputs.reserved, true);

        const app = only(run.resources, "azure-native:web:WebApp");
        const identity = only(run.resources, "azure-native:managedidentity:UserAssignedIdentity");
        assert.equal(app.inputs.httpsOnly, true);
        assert.equal(app.inputs.publicNetworkAccess, "Disabled");
        assert.equal(app.inputs.kind, "functionapp,linux");
        assert.deepEqual(app.inputs.identity, { type: "UserAssigned", userAssignedIdentities: [identity.id] });
        const site = app.inputs.siteConfig as Record<string, unknown>;
        assert.equal(site.ftpsState, "Disabled");
        assert.equal(site.minTlsVersion, "1.2");
        const fac = app.inputs.functionAppConfig as { runtime: unknown; scaleAndConcurrency: Record<string, unknown>; deployment: { storage: Record<string, unknown> } };
        assert.deepEqual(fac.runtime, { name: "node", version: "22" });
        assert.equal(fac.scaleAndConcurrency.instanceMemoryMB, 512);
        assert.deepEqual(fac.deployment.storage.authentication, { type: "UserAssignedIdentity", userAssignedIdentityResourceId: identity.id });
        assert.match(String(fac.deployment.storage.value), /^https:\/\/hellofn[a-f0-9]{6}\.blob\.core\.windows\.net\/app-package$/);

        const settings = appSettings(app);
        assert.equal(settings.AzureWebJobsStorage__credential, "managedidentity");
        assert.equal(settings.AzureWebJobsStorage__clientId, identity.outputs.clientId);
        assert.equal(settings.AzureWebJobsStorage, undefined, "no storage connection string with a key");
        assert.equal(settings.AzureFunctionsJobHost__functionTimeout, "00:00:30");
        assert.match(String(settings.APPLICATIONINSIGHTS_CONNECTION_STRING), /^InstrumentationKey=/);
        assert.equal(settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING, `Authorization=AAD;ClientId=${String(identity.outputs.clientId)}`);

        const insights = only(run.resources, "azure-native:applicationinsights:Component");
        assert.equal(insights.inputs.workspaceResourceId, only(run.resources, "azure-native:operationalinsights:Workspace").id);
        assert.equal(insights.inputs.disableLocalAuth, true);
        const grants = ofType(run.resources, "azure-native:authorization:RoleAssignment").map((g) => [g.name, g.inputs.roleDefinitionId, g.inputs.principalId]);
        assert.deepEqual(grants, [
            ["hello-metrics-publisher", `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_ROLES.monitoringMetricsPublisher}`, identity.outputs.principalId],
            ["hello-storage-blob-owner", `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_ROLES.storageBlobDataOwner}`, identity.outputs.principalId],
        ]);
    });

    it("secrets go to Key Vault and reach the app as Key Vault references", async () => {
        const run = await runProgram(
            () => new AzureFunctionService("api", { code: HELLO, runtime: "python3.12", secrets: { DB_PASSWORD: "hunter2" }, env: { LOG_LEVEL: "info" }, resourceGroupName: "rg-apps", concurrency: { max: 50, warm: 1 } }),
            { config },
        );
        assert.equal(ofType(run.resources, "azure-native:resources:ResourceGroup").length, 0, "the given resource group is used");
        const vault = only(run.resources, "azure-native:keyvault:Vault");
        const props = vault.inputs.properties as Record<string, unknown>;
        assert.equal(props.enableRbacAuthorization, true);
        assert.equal(props.enablePurgeProtection, true);
        assert.equal(props.enableSoftDelete, true);
        assert.equal(props.tenantId, "99999999-8888-7777-6666-555555555555");
        const secret = only(run.resources, "azure-native:keyvault:Secret");
        assert.equal(secret.inputs.secretName, "db-password");
        assert.deepEqual(secret.secretPaths, ["properties.value"]);
        const app = only(run.resources, "azure-native:web:WebApp");
        const settings = appSettings(app);
        assert.equal(settings.DB_PASSWORD, `@Microsoft.KeyVault(SecretUri=https://${String(vault.inputs.vaultName)}.vault.azure.net/secrets/db-password/)`);
        assert.equal(settings.LOG_LEVEL, "info");
        assert.ok(!JSON.stringify(app.inputs).includes("hunter2"));
        assert.equal(app.inputs.keyVaultReferenceIdentity, only(run.resources, "azure-native:managedidentity:UserAssignedIdentity").id);
        const reader = only(run.resources, "azure-native:authorization:RoleAssignment", "api-vault-secrets-user");
        assert.equal(reader.inputs.scope, vault.id);
        assert.equal(reader.inputs.roleDefinitionId, `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_ROLES.keyVaultSecretsUser}`);
        assert.ok(app.dependencies.includes(reader.urn), "the app starts after it may read its secrets");
        const scale = (app.inputs.functionAppConfig as { scaleAndConcurrency: Record<string, unknown> }).scaleAndConcurrency;
        assert.equal(scale.maximumInstanceCount, 50);
        assert.deepEqual(scale.alwaysReady, [{ name: "http", instanceCount: 1 }]);
    });

    it("a scheduled, queue-fed function: the timer binds to an app setting, the queue is Service Bus", async () => {
        const run = await runProgram(() => new FunctionService("jobs", { cloud: "azure", code: HELLO, runtime: "java21", schedule: "rate(15 minutes)", queue: true, timeoutSeconds: 600 }), { config });
        const app = only(run.resources, "azure-native:web:WebApp");
        const settings = appSettings(app);
        assert.equal(settings.PLATFORM_KIT_SCHEDULE, "0 */15 * * * *");
        assert.equal(settings.AzureFunctionsJobHost__functionTimeout, "00:10:00");
        const bus = only(run.resources, "azure-native:servicebus:Namespace");
        assert.equal(bus.inputs.disableLocalAuth, true);
        assert.equal(bus.inputs.minimumTlsVersion, "1.2");
        const queue = only(run.resources, "azure-native:servicebus:Queue");
        assert.equal(queue.inputs.maxDeliveryCount, 5);
        assert.equal(queue.inputs.deadLetteringOnMessageExpiration, true);
        assert.equal(settings.ServiceBusConnection__credential, "managedidentity");
        assert.equal(settings.PLATFORM_KIT_QUEUE, queue.outputs.name);
        const receiver = only(run.resources, "azure-native:authorization:RoleAssignment", "jobs-queue-receiver");
        assert.equal(receiver.inputs.scope, queue.id, "receive rights on this queue only");
        assert.equal(receiver.inputs.roleDefinitionId, `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_ROLES.serviceBusDataReceiver}`);
    });

    it("public network access only when public", async () => {
        const run = await runProgram(() => new FunctionService("site", { cloud: "azure", code: HELLO, runtime: "nodejs22", http: { public: true, cors: { allowOrigins: ["https://app.example.com"] } } }), { config });
        const app = only(run.resources, "azure-native:web:WebApp");
        assert.equal(app.inputs.publicNetworkAccess, "Enabled");
        assert.deepEqual((app.inputs.siteConfig as Record<string, unknown>).cors, { allowedOrigins: ["https://app.example.com"] });
        assert.ok(run.warnings.some((w) => /http\.public is set/.test(w)));
    });

    it("outputs the URL, app name and identity", async () => {
        const seen: Record<string, unknown> = {};
        await runProgram(
            () => {
                const fn = new FunctionService("hello", { cloud: "azure", code: HELLO, runtime: "nodejs22" });
                fn.url.apply((u) => (seen.url = u));
                fn.functionName.apply((n) => (seen.functionName = n));
                fn.identity.apply((i) => (seen.identity = i));
            },
            { config },
        );
        assert.match(String(seen.url), /^https:\/\/hello-app[a-f0-9]{8}\.azurewebsites\.net$/);
        assert.match(String(seen.functionName), /^hello-app[a-f0-9]{8}$/);
        assert.match(String(seen.identity), /^[a-f0-9]{32}$/);
    });

    it("formats host timeouts", () => {
        assert.deepEqual([30, 600, 3600, 3599].map(hostTimeout), ["00:00:30", "00:10:00", "01:00:00", "00:59:59"]);
    });

    it("refuses a canary, a runtime Azure lacks and a timeout over 60 minutes", async () => {
        await assert.rejects(
            runProgram(() => new FunctionService("bad", { cloud: "azure", code: HELLO, runtime: "nodejs24", traffic: { canaryPercent: 5 }, timeoutSeconds: 4000 }), { config }),
            (e) => e instanceof PlatformKitError && /traffic\.canaryPercent/.test(e.message) && /it has no nodejs24/.test(e.message) && /timeoutSeconds/.test(e.message),
        );
    });
});
