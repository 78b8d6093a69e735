/**
 * platform-kit/kubernetes: the components that run on any Kubernetes cluster through a
 * `@pulumi/kubernetes` provider.
 */
export { KnativeFunctionService, KnativeFunctionService as FunctionService } from "./faas/kubernetes";
export type { KnativeFunctionServiceArgs, KnativeFunctionServiceArgs as FunctionServiceArgs } from "./faas/kubernetes";
export { KubernetesDataFleet, KubernetesDataFleet as DataFleet, buildKubernetesDataFleet, OPERATOR_CHARTS } from "./data-fleet/kubernetes";
export type { KubernetesDataFleetArgs, KubernetesDataFleetArgs as DataFleetArgs } from "./data-fleet/kubernetes";
export { KubernetesContainerRuntime, KubernetesContainerRuntime as ContainerRuntime, buildKubernetesContainerRuntime } from "./container-runtime/kubernetes";
export type { KubernetesContainerRuntimeArgs, KubernetesContainerRuntimeArgs as ContainerRuntimeArgs } from "./container-runtime/kubernetes";
export { Service, BatchJob } from "./container-runtime/workloads";
