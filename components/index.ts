/**
 * platform-kit: the portable surface. Each facade validates the common intent and builds
 * the concrete component of the cloud asked for, loading only that cloud's SDK. The
 * concrete classes, with every option of their cloud, live in `platform-kit/aws`,
 * `platform-kit/gcp`, `platform-kit/azure` and `platform-kit/kubernetes`.
 */
export * from "./core";
export { Network, NetworkArgs, NetworkArgsBase, NetworkCloud, NetworkInfo, NetworkOutputs, NatMode, NAT_MODES } from "./network";
