/**
 * platform-kit/aws: the concrete AWS components, with every option of the cloud and typed
 * `transform` escape hatches per child. Each is also exported under the portable name,
 * so `import { Network } from "platform-kit/aws"` gives this cloud's class.
 */
export { AwsNetwork, AwsNetwork as Network, buildAwsNetwork, resolveAwsNetworkArgs, pickZones, CLOUDWATCH_RETENTION_DAYS } from "./network/aws";
export type { AwsNetworkArgs, AwsNetworkResources, AwsNetworkArgs as NetworkArgs } from "./network/aws";
export { AwsImmutableGroup, AwsImmutableGroup as ImmutableGroup, buildAwsImmutableGroup } from "./immutable-group/aws";
export type { AwsImmutableGroupArgs, AwsImmutableGroupArgs as ImmutableGroupArgs } from "./immutable-group/aws";
export { AwsFunctionService, AwsFunctionService as FunctionService } from "./faas/aws";
export type { AwsFunctionServiceArgs, AwsFunctionServiceArgs as FunctionServiceArgs } from "./faas/aws";
export { AwsDataFleet, AwsDataFleet as DataFleet, buildAwsDataFleet } from "./data-fleet/aws";
export type { AwsDataFleetArgs, AwsDataFleetArgs as DataFleetArgs } from "./data-fleet/aws";
export { AwsContainerRuntime, AwsContainerRuntime as ContainerRuntime, buildAwsContainerRuntime } from "./container-runtime/aws";
export type { AwsContainerRuntimeArgs, AwsContainerRuntimeArgs as ContainerRuntimeArgs, EksAccessEntry } from "./container-runtime/aws";
