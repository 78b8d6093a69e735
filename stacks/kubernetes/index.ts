import * as k8s from "@pulumi/kubernetes";
import { Platform, readPlatformStackConfig } from "platform-kit";

// Every setting comes from Pulumi.<stack>.yaml, checked against the platform config schema.
const { kubeconfig, renderYamlToDirectory, runtime, ...settings } = readPlatformStackConfig("kubernetes");

// Without a kubeconfig the provider uses the ambient one (KUBECONFIG or ~/.kube/config).
// renderYamlToDirectory writes manifests instead of applying them: a dry run that a
// reviewer (or CI) can read, with no cluster at all.
const provider = new k8s.Provider("cluster", { kubeconfig, renderYamlToDirectory });

const platform = new Platform("platform", { cloud: "kubernetes", ...settings, runtime: { ...runtime, provider } });

export const clusterName = platform.runtime?.clusterName;
export const tenantNamespaces = platform.runtime?.tenantNamespaces;
export const functionUrls = platform.functionUrls;
export const dataEndpoints = platform.dataEndpoints;
