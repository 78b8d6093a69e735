import * as pulumi from "@pulumi/pulumi";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as storage from "@pulumi/azure-native/storage";
import * as web from "@pulumi/azure-native/web";
import { Transform, cloudName, stableHash, standardTags, transformed } from "../core";
import { FUNCTION_SERVICE, FunctionServiceArgsBase, FunctionServiceOutputs, codeArchive, validateFunctionArgs, warnSecretValuesInEnv } from "./index";

/** Azure Functions function service: the shared arguments plus the rest of Azure. */
export interface AzureFunctionServiceArgs extends FunctionServiceArgsBase {
    /**
     * The resource group for every child. Unset: the network's resource group, else a new one.
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * The subnet for VNet integration (with `network`). Flex Consumption needs a subnet
     * delegated to `Microsoft.App/environments`.
     * @default the network's first private subnet
     */
    subnetId?: pulumi.Input<string>;
    /** Escape hatches: change any child's arguments before it is created. */
    transform?: {
        storageAccount?: Transform<storage.StorageAccountArgs>;
        plan?: Transform<web.AppServicePlanArgs>;
        app?: Transform<web.WebAppArgs>;
        vault?: Transform<keyvault.VaultArgs>;
        insights?: Transform<applicationinsights.ComponentArgs>;
        workspace?: Transform<operationalinsights.WorkspaceArgs>;
        serviceBusNamespace?: Transform<servicebus.NamespaceArgs>;
        queue?: Transform<servicebus.QueueArgs>;
    };
}

export interface AzureFunctionServiceResources extends FunctionServiceOutputs {
    readonly identityResource: managedidentity.UserAssignedIdentity;
    readonly storageAccount: storage.StorageAccount;
    readonly plan: web.AppServicePlan;
    readonly app: web.WebApp;
    readonly insights: applicationinsights.Component;
    readonly vault?: keyvault.Vault;
    readonly queue?: servicebus.Queue;
}

/** Built-in role ids (the same in every tenant). */
export const AZURE_ROLES = {
    storageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
    monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    serviceBusDataReceiver: "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
} as const;

/** The app setting the code's timer trigger binds to: `schedule: "%PLATFORM_KIT_SCHEDULE%"`. */
export const SCHEDULE_SETTING = "PLATFORM_KIT_SCHEDULE";
/** The app setting naming the Service Bus queue: `queueName: "%PLATFORM_KIT_QUEUE%"`. */
export const QUEUE_SETTING = "PLATFORM_KIT_QUEUE";
/** The connection prefix of the Service Bus trigger: `connection: "ServiceBusConnection"`. */
export const SERVICE_BUS_CONNECTION = "ServiceBusConnection";
/** The blob the Flex Consumption host runs the package from. */
export const PACKAGE_BLOB = "released-package.zip";

/** `00:05:00` for 300 seconds: host.json's functionTimeout format. */
export function hostTimeout(seconds: number): string {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

export function buildAzureFunctionService(name: string, args: AzureFunctionServiceArgs, parent: pulumi.Resource): AzureFunctionServiceResources {
    const r = validateFunctionArgs(`Azure${FUNCTION_SERVICE}`, name, "azure", args);
    const transform = args.transform ?? {};
    const tags = standardTags(FUNCTION_SERVICE, r.tags);
    const opts = { parent };
    const location = args.region ?? args.network?.region;
    warnSecretValuesInEnv(`Azure${FUNCTION_SERVICE}`, name, r.env, parent);
    const client = authorization.getClientConfigOutput({ parent });
    const role = (id: string) => pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${id}`;
    // Storage accounts and vaults have global names: a stable hash of project, stack and name keeps them unique.
    const unique = stableHash(`${pulumi.getProject()}/${pulumi.getStack()}/${name}`, 6);

    const resourceGroupName: pulumi.Input<string> =
        args.resourceGroupName ?? args.network?.resourceGroupName ?? new resources.ResourceGroup(`${name}-rg`, { location, tags }, opts).name;

    const identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, { resourceGroupName, location, tags }, opts);
    const grant = (roleName: string, roleId: string, scope: pulumi.Input<string>) =>
        new authorization.RoleAssignment(`${name}-${roleName}`, { principalId: identity.principalId, principalType: "ServicePrincipal", roleDefinitionId: role(roleId), scope }, opts);

    const workspace = new operationalinsights.Workspace(
        `${name}-logs`,
        ...transformed<operationalinsights.WorkspaceArgs, pulumi.CustomResourceOptions>(
            { resourceGroupName, location, sku: { name: "PerGB2018" }, retentionInDays: Math.max(30, r.logRetentionDays), tags },
            { ...opts },
            transform.workspace,
        ),
    );
    // Local (key) ingestion off: the function sends telemetry with its identity.
    const insights = new applicationinsights.Component(
        `${name}-insights`,
        ...transformed<applicationinsights.ComponentArgs, pulumi.CustomResourceOptions>(
            { resourceGroupName, location, kind: "web", applicationType: "web", workspaceResourceId: workspace.id, disableLocalAuth: true, tags },
            { ...opts },
            transform.insights,
        ),
    );
    const metricsGrant = grant("metrics-publisher", AZURE_ROLES.monitoringMetricsPublisher, insights.id);

    // The host's storage and the deployment package. Shared keys stay on only because
    // Pulumi uploads the package blob with the account key; the app itself uses its identity.
    const storageAccount = new storage.StorageAccount(
        `${name}-storage`,
        ...transformed<storage.StorageAccountArgs, pulumi.CustomResourceOptions>(
            {
                accountName: cloudName("azure-storage", name, "fn", unique),
                resourceGroupName,
                location,
                kind: "StorageV2",
                sku: { name: "Standard_LRS" },
                allowBlobPublicAccess: false,
                allowSharedKeyAccess: true,
                defaultToOAuthAuthentication: true,
                enableHttpsTrafficOnly: true,
                minimumTlsVersion: "TLS1_2",
                tags,
            },
            { ...opts },
            transform.storageAccount,
        ),
    );
    const container = new storage.BlobContainer(`${name}-deployments`, { resourceGroupName, accountName: storageAccount.name, containerName: "app-package", publicAccess: "None" }, opts);
    new storage.Blob(
        `${name}-package`,
        { resourceGroupName, accountName: storageAccount.name, containerName: container.name, blobName: PACKAGE_BLOB, type: "Block", contentType: "application/zip", source: codeArchive(args.code!) },
        opts,
    );
    const storageGrant = grant("storage-blob-owner", AZURE_ROLES.storageBlobDataOwner, storageAccount.id);

    // Secrets: Key Vault with RBAC, purge protection and soft delete; the app reads them
    // through Key Vault references resolved with its identity.
    let vault: keyvault.Vault | undefined;
    const secretSettings: Record<string, pulumi.Input<string>> = {};
    const grants: pulumi.Resource[] = [metricsGrant, storageGrant];
    if (Object.keys(r.secrets).length > 0) {
        vault = new keyvault.Vault(
            `${name}-vault`,
            ...transformed<keyvault.VaultArgs, pulumi.CustomResourceOptions>(
                {
                    vaultName: cloudName("azure-key-vault", name, unique),
                    resourceGroupName,
                    location,
                    properties: {
                        tenantId: client.tenantId,
                        sku: { family: "A", name: "standard" },
                        enableRbacAuthorization: true,
                        enablePurgeProtection: true,
                        enableSoftDelete: true,
                        softDeleteRetentionInDays: 90,
                    },
                    tags,
                },
                { ...opts },
                transform.vault,
            ),
        );
        const vaultUri = vault.properties.vaultUri;
        for (const [key, value] of Object.entries(r.secrets)) {
            const secretName = key.toLowerCase().replace(/_/g, "-");
            new keyvault.Secret(`${name}-secret-${secretName}`, { resourceGroupName, vaultName: vault.name, secretName, properties: { value: pulumi.secret(value), contentType: "text/plain" } }, opts);
            // Versionless reference: the app picks up a rotated value within a day, or on restart.
            secretSettings[key] = pulumi.interpolate`@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)`;
        }
        grants.push(grant("vault-secrets-user", AZURE_ROLES.keyVaultSecretsUser, vault.id));
    }

    let queue: servicebus.Queue | undefined;
    const queueSettings: Record<string, pulumi.Input<string>> = {};
    if (r.queue) {
        const namespace = new servicebus.Namespace(
            `${name}-bus`,
            ...transformed<servicebus.NamespaceArgs, pulumi.CustomResourceOptions>(
                { resourceGroupName, location, sku: { name: "Standard", tier: "Standard" }, disableLocalAuth: true, minimumTlsVersion: "1.2", tags },
                { ...opts },
                transform.serviceBusNamespace,
            ),
        );
        queue = new servicebus.Queue(
            `${name}-queue`,
            ...transformed<servicebus.QueueArgs, pulumi.CustomResourceOptions>(
                { resourceGroupName, namespaceName: namespace.name, maxDeliveryCount: r.queue.maxReceiveCount, deadLetteringOnMessageExpiration: true, lockDuration: "PT1M" },
                { ...opts },
                transform.queue,
            ),
        );
        grants.push(grant("queue-receiver", AZURE_ROLES.serviceBusDataReceiver, queue.id));
        queueSettings[`${SERVICE_BUS_CONNECTION}__fullyQualifiedNamespace`] = pulumi.interpolate`${namespace.name}.servicebus.windows.net`;
        queueSettings[`${SERVICE_BUS_CONNECTION}__credential`] = "managedidentity";
        queueSettings[`${SERVICE_BUS_CONNECTION}__clientId`] = identity.clientId;
        queueSettings[QUEUE_SETTING] = queue.name;
    }

    const plan = new web.AppServicePlan(
        `${name}-plan`,
        ...transformed<web.AppServicePlanArgs, pulumi.CustomResourceOptions>(
            { resourceGroupName, location, kind: "functionapp", reserved: true, sku: { name: "FC1", tier: "FlexConsumption" }, tags },
            { ...opts },
            transform.plan,
        ),
    );

    const settings: Record<string, pulumi.Input<string>> = {
        ...r.env,
        ...secretSettings,
        ...queueSettings,
        // The host reaches its storage and Application Insights with the managed identity, not keys.
        AzureWebJobsStorage__accountName: storageAccount.name,
        AzureWebJobsStorage__credential: "managedidentity",
        AzureWebJobsStorage__clientId: identity.clientId,
        APPLICATIONINSIGHTS_CONNECTION_STRING: insights.connectionString,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: pulumi.interpolate`Authorization=AAD;ClientId=${identity.clientId}`,
        // host.json's functionTimeout, set from infrastructure so the limit is checked here.
        AzureFunctionsJobHost__functionTimeout: hostTimeout(r.timeoutSeconds),
    };
    if (r.schedule) settings[SCHEDULE_SETTING] = r.schedule;

    const warm = args.concurrency?.warm ?? 0;
    const cors = args.http?.cors;
    const app = new web.WebApp(
        `${name}-app`,
        ...transformed<web.WebAppArgs, pulumi.CustomResourceOptions>(
            {
                resourceGroupName,
                location,
                kind: "functionapp,linux",
                serverFarmId: plan.id,
                httpsOnly: true,
                publicNetworkAccess: r.publicHttp ? "Enabled" : "Disabled",
                identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
                keyVaultReferenceIdentity: identity.id,
                virtualNetworkSubnetId: args.network ? (args.subnetId ?? pulumi.output(args.network.privateSubnetIds).apply((ids) => ids[0])) : undefined,
                siteConfig: {
                    appSettings: Object.entries(settings).map(([settingName, value]) => ({ name: settingName, value })),
                    ftpsState: "Disabled",
                    minTlsVersion: "1.2",
                    scmMinTlsVersion: "1.2",
                    http20Enabled: true,
                    cors: cors ? { allowedOrigins: cors.allowOrigins } : undefined,
                },
                functionAppConfig: {
                    deployment: {
                        storage: {
                            type: "blobContainer",
                            value: pulumi.interpolate`${storageAccount.primaryEndpoints.blob}${container.name}`,
                            authentication: { type: "UserAssignedIdentity", userAssignedIdentityResourceId: identity.id },
                        },
                    },
                    runtime: { name: r.runtime!.id, version: r.runtime!.version },
                    scaleAndConcurrency: {
                        instanceMemoryMB: r.memoryMb,
                        maximumInstanceCount: args.concurrency?.max ?? 100,
                        alwaysReady: warm > 0 ? [{ name: "http", instanceCount: warm }] : undefined,
                        triggers: args.concurrency?.perInstance !== undefined ? { http: { perInstanceConcurrency: args.concurrency.perInstance } } : undefined,
                    },
                },
                tags,
            },
            // The identity's grants exist before the host starts and reads storage and secrets.
            { ...opts, dependsOn: grants },
            transform.app,
        ),
    );
    if (r.publicHttp) {
        pulumi.log.warn(`${FUNCTION_SERVICE} "${name}": http.public is set: the function app accepts calls from the internet; its functions' authLevel decides who may call them.`, parent);
    }

    return {
        identityResource: identity,
        storageAccount,
        plan,
        app,
        insights,
        vault,
        queue,
        url: pulumi.interpolate`https://${app.defaultHostName}`.apply((u): string | undefined => u),
        functionName: app.name,
        identity: identity.principalId,
    };
}

/**
 * An Azure Functions app on Flex Consumption with its own storage account (no public
 * blob access, TLS 1.2, HTTPS only), a user-assigned managed identity used for storage,
 * telemetry, secrets and queues, Key Vault references for secrets, workspace-based
 * Application Insights, FTP off, and public network access off unless public.
 *
 * Schedules are code-side on Azure: the timer trigger binds to `%PLATFORM_KIT_SCHEDULE%`.
 * A private app (public network access off) is reached through a private endpoint in
 * your network; create one for the `sites` group on {@link AzureFunctionService.app}.
 *
 * Cost: executions and GB-seconds (Flex Consumption); always-ready instances are billed
 * while idle; Application Insights and Log Analytics by ingested GB; Service Bus Standard
 * has a base charge.
 */
export class AzureFunctionService extends pulumi.ComponentResource implements FunctionServiceOutputs {
    readonly url: pulumi.Output<string | undefined>;
    readonly functionName: pulumi.Output<string>;
    readonly identity: pulumi.Output<string>;
    readonly identityResource: managedidentity.UserAssignedIdentity;
    readonly storageAccount: storage.StorageAccount;
    readonly plan: web.AppServicePlan;
    readonly app: web.WebApp;
    readonly insights: applicationinsights.Component;
    readonly vault?: keyvault.Vault;
    readonly queue?: servicebus.Queue;

    constructor(name: string, args: AzureFunctionServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:faas:AzureFunctionService", name, {}, opts);
        const built = buildAzureFunctionService(name, args, this);
        this.identityResource = built.identityResource;
        this.storageAccount = built.storageAccount;
        this.plan = built.plan;
        this.app = built.app;
        this.insights = built.insights;
        this.vault = built.vault;
        this.queue = built.queue;
        this.url = built.url;
        this.functionName = built.functionName;
        this.identity = built.identity;
        this.registerOutputs({ url: this.url, functionName: this.functionName, identity: this.identity });
    }
}
