/**
 * platform-kit/gcp: the concrete Google Cloud components, with every option of the cloud and typed
 * `transform` escape hatches per child. Each is also exported under the portable name,
 * so `import { Network } from "platform-kit/gcp"` gives this cloud's class.
 */
export { GcpNetwork, GcpNetwork as Network, buildGcpNetwork, resolveGcpNetworkArgs, GCP_HEALTH_CHECK_RANGES, GCP_HEALTH_CHECK_TAG, GCP_PODS_RANGE_NAME, GCP_SERVICES_RANGE_NAME } from "./network/gcp";
export type { GcpNetworkArgs, GcpNetworkResources, GcpNetworkArgs as NetworkArgs } from "./network/gcp";
export { GcpImmutableGroup, GcpImmutableGroup as ImmutableGroup, buildGcpImmutableGroup } from "./immutable-group/gcp";
export type { GcpImmutableGroupArgs, GcpImmutableGroupArgs as ImmutableGroupArgs } from "./immutable-group/gcp";
export { GcpFunctionService, GcpFunctionService as FunctionService } from "./faas/gcp";
export type { GcpFunctionServiceArgs, GcpFunctionServiceArgs as FunctionServiceArgs } from "./faas/gcp";
export { GcpDataFleet, GcpDataFleet as DataFleet, buildGcpDataFleet } from "./data-fleet/gcp";
export type { GcpDataFleetArgs, GcpDataFleetArgs as DataFleetArgs } from "./data-fleet/gcp";
export { GcpContainerRuntime, GcpContainerRuntime as ContainerRuntime, buildGcpContainerRuntime } from "./container-runtime/gcp";
export type { GcpContainerRuntimeArgs, GcpContainerRuntimeArgs as ContainerRuntimeArgs, GkeReleaseChannel } from "./container-runtime/gcp";
