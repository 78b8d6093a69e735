/**
 * platform-kit/azure: the concrete Azure components, with every option of the cloud and typed
 * `transform` escape hatches per child. Each is also exported under the portable name,
 * so `import { Network } from "platform-kit/azure"` gives this cloud's class.
 */
export { AzureNetwork, AzureNetwork as Network, buildAzureNetwork, resolveAzureNetworkArgs, AZURE_SUBNET_ROLES, AZURE_DATA_SUBNET_DELEGATION } from "./network/azure";
export type { AzureNetworkArgs, AzureNetworkResources, AzureNetworkArgs as NetworkArgs, AzureSubnetRole } from "./network/azure";
export { AzureImmutableGroup, AzureImmutableGroup as ImmutableGroup, buildAzureImmutableGroup } from "./immutable-group/azure";
export type { AzureImmutableGroupArgs, AzureImmutableGroupArgs as ImmutableGroupArgs } from "./immutable-group/azure";
export { AzureFunctionService, AzureFunctionService as FunctionService } from "./faas/azure";
export type { AzureFunctionServiceArgs, AzureFunctionServiceArgs as FunctionServiceArgs } from "./faas/azure";
export { AzureDataFleet, AzureDataFleet as DataFleet, buildAzureDataFleet } from "./data-fleet/azure";
export type { AzureDataFleetArgs, AzureDataFleetArgs as DataFleetArgs } from "./data-fleet/azure";
export { AzureContainerRuntime, AzureContainerRuntime as ContainerRuntime, buildAzureContainerRuntime } from "./container-runtime/azure";
export type { AzureContainerRuntimeArgs, AzureContainerRuntimeArgs as ContainerRuntimeArgs, AksSecretsEncryption, AksTier } from "./container-runtime/azure";
