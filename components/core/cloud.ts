import { PlatformKitError } from "./errors";

/** The targets platform-kit builds on. */
export type Cloud = "aws" | "gcp" | "azure" | "kubernetes";

/** The clouds that own virtual machines and networks (a Kubernetes cluster brings its own). */
export type VmCloud = Exclude<Cloud, "kubernetes">;

export const CLOUDS: readonly Cloud[] = ["aws", "gcp", "azure", "kubernetes"];
export const VM_CLOUDS: readonly VmCloud[] = ["aws", "gcp", "azure"];

/** The Pulumi SDK package each target needs at run time. */
export const CLOUD_SDK: Readonly<Record<Cloud, string>> = {
    aws: "@pulumi/aws",
    gcp: "@pulumi/gcp",
    azure: "@pulumi/azure-native",
    kubernetes: "@pulumi/kubernetes",
};

/** Raised when a cloud is asked for whose SDK is not installed. */
export class MissingCloudSdkError extends Error {
    constructor(
        readonly cloud: Cloud,
        readonly packageName: string,
        component: string,
    ) {
        super(
            `${component} targets cloud "${cloud}", which needs the package ${packageName}. ` +
                `Install it in your Pulumi project: npm install ${packageName}`,
        );
        this.name = "MissingCloudSdkError";
    }
}

/**
 * Loads one cloud's implementation module, after checking that cloud's SDK is installed.
 * The cloud SDKs are optional peer dependencies: a user of one cloud never loads the others.
 *
 * @param resolve how to look a package up; tests pass one that fails.
 */
export function loadCloudModule<T>(
    cloud: Cloud,
    component: string,
    load: () => T,
    resolve: (id: string) => string = require.resolve,
): T {
    const packageName = CLOUD_SDK[cloud];
    try {
        resolve(packageName);
    } catch {
        throw new MissingCloudSdkError(cloud, packageName, component);
    }
    return load();
}

/** Checks `cloud` is one of `allowed`, with a hint for a target the component does not serve. */
export function checkCloud<C extends Cloud>(
    component: string,
    cloud: unknown,
    allowed: readonly C[],
    hint?: string,
): asserts cloud is C {
    if (typeof cloud === "string" && (allowed as readonly string[]).includes(cloud)) return;
    const list = allowed.map((c) => `"${c}"`).join(", ");
    throw new PlatformKitError(component, [
        { field: "cloud", value: cloud, allowed: hint ? `one of ${list}; ${hint}` : `one of ${list}` },
    ]);
}
