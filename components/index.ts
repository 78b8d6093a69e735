/**
 * platform-kit: the portable surface. Each facade validates the common intent and builds
 * the concrete component of the cloud asked for, loading only that cloud's SDK. The
 * concrete classes, with every option of their cloud, live in `platform-kit/aws`,
 * `platform-kit/gcp`, `platform-kit/azure` and `platform-kit/kubernetes`.
 */
export * from "./core";
export {
    Network,
    NAT_MODES,
    resolveNetworkArgs,
    zonalLayout,
    gcpLayout,
    azureLayout,
    cidrProblems,
} from "./network";
export type {
    NetworkArgs,
    NetworkArgsBase,
    NetworkCloud,
    NetworkInfo,
    NetworkOutputs,
    NatMode,
} from "./network";
export {
    ImmutableGroup,
    ROLLOUT_STRATEGIES,
    validateImmutableGroupArgs,
    isPinnedImage,
    startupScriptSecret,
    releaseHash,
} from "./immutable-group";
export type {
    ImmutableGroupArgs,
    ImmutableGroupArgsBase,
    ImmutableGroupCloud,
    ImmutableGroupOutputs,
    ImmutableGroupLoadBalancerArgs,
    ImmutableGroupScalingArgs,
    RolloutArgs,
    RolloutStrategy,
    ResolvedImmutableGroupArgs,
} from "./immutable-group";
export {
    FunctionService,
    FUNCTION_RUNTIMES,
    RUNTIME_TABLE,
    supportedRuntimes,
    resolveRuntime,
    validateFunctionArgs,
    parseSchedule,
    scheduleExpression,
    imageProblem,
    TIMEOUT_LIMITS,
    MEMORY_LIMITS,
} from "./faas";
export type {
    FunctionServiceArgs,
    FunctionServiceArgsBase,
    FunctionServiceOutputs,
    KnativeTargetArgs,
    FunctionRuntime,
    CloudRuntime,
    FunctionHttp,
    FunctionCors,
    FunctionQueue,
    FunctionConcurrency,
    FunctionTraffic,
    FunctionArchitecture,
} from "./faas";
export {
    DataFleet,
    ENGINES,
    ENGINE_VERSIONS,
    RETENTION_DAYS,
    STORAGE_GB,
    validateDataFleetArgs,
    dataFleetProblems,
    assignWaves,
    maintenanceWindows,
    parseWindow,
} from "./data-fleet";
export type {
    DataFleetArgs,
    DataFleetArgsBase,
    DataFleetMember,
    DataFleetMemberOutputs,
    DataFleetOutputs,
    DataFleetMaintenance,
    DataFleetBackups,
    WeeklyTime,
    Weekday,
    Engine,
    KubernetesDataOptions,
    MaintenanceWindow,
} from "./data-fleet";
export {
    ContainerRuntime,
    validateContainerRuntimeArgs,
    validateServiceArgs,
    validateBatchJobArgs,
    imageReferenceProblem,
    restrictedPodSpec,
} from "./container-runtime";
export type {
    ContainerRuntimeArgs,
    ContainerRuntimeArgsBase,
    CapacityGroup,
    Tenant,
    TenantQuota,
    PublicEndpoint,
    ServiceArgs,
    BatchJobArgs,
    AutoscaleArgs,
    BatchPriority,
    WorkloadResources,
    NodeTaint,
    CapacityPurpose,
    TaintEffect,
} from "./container-runtime";
// The workload components ContainerRuntime.service() and .batchJob() return. Types only: the
// classes load @pulumi/kubernetes, which the root never does ("Service" alone would also read
// as a Kubernetes Service).
export type { Service as RuntimeService, BatchJob as RuntimeBatchJob } from "./container-runtime";
export { Platform, dataEnvPrefix, platformProblems } from "./platform";
export type { PlatformArgs, PlatformDataArgs, PlatformFunctionArgs, PlatformGroupArgs, PlatformNetworkArgs, PlatformRuntimeArgs } from "./platform";
export { PLATFORM_STACK_CONFIG_SCHEMA, platformStackConfigProblems, readPlatformStackConfig } from "./stack-config";
export type { PlatformStackConfig } from "./stack-config";
