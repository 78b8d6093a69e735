import { Platform, readPlatformStackConfig } from "platform-kit";

// Every setting comes from Pulumi.<stack>.yaml, checked against the platform config schema.
const settings = readPlatformStackConfig("gcp");

const platform = new Platform("platform", { cloud: "gcp", ...settings });

export const networkId = platform.network?.networkId;
export const privateSubnetIds = platform.network?.privateSubnetIds;
export const clusterName = platform.runtime?.clusterName;
export const kubeconfig = platform.runtime?.kubeconfig;
export const functionUrls = platform.functionUrls;
export const groupEndpoints = platform.groupEndpoints;
export const dataEndpoints = platform.dataEndpoints;
