import * as pulumi from "@pulumi/pulumi";
import {
    ArgsChecker,
    Problem,
    SIZES,
    Size,
    Tags,
    VM_CLOUDS,
    VmCloud,
    awsTagProblems,
    azureTagProblems,
    checkCloud,
    gcpLabelProblems,
    isSize,
    loadCloudModule,
    machineType,
    stableHash,
} from "../core";
import type { NetworkInfo } from "../network";

/** Clouds an ImmutableGroup is built on; on Kubernetes, run the image as a ContainerRuntime service. */
export type ImmutableGroupCloud = VmCloud;

/**
 * How a new image reaches the group.
 * - `rolling`: the cloud replaces instances in place, in batches, by its own mechanism
 *   (AWS instance refresh, Google Cloud proactive MIG update, Azure rolling upgrade).
 * - `red-black`: every release (image, machine type, startup script) is a new group, stood
 *   up beside the old one behind the same load balancer; the old group is removed once
 *   the new one is in place. Costs twice the instances while both exist.
 */
export type RolloutStrategy = "rolling" | "red-black";
export const ROLLOUT_STRATEGIES: readonly RolloutStrategy[] = ["rolling", "red-black"];

/** How instances are replaced. Every field is honoured on AWS, Google Cloud and Azure. */
export interface RolloutArgs {
    /**
     * @default "rolling"
     */
    strategy: RolloutStrategy;
    /**
     * Extra instances, as a percentage of the desired size, started before old ones are
     * stopped (rolling). AWS: `maxHealthyPercentage = 100 + maxSurge`; Google Cloud:
     * `maxSurgeFixed` (at least 3, one per zone, when above 0); Azure: `maxSurge` on and the
     * batch size. Cost: surge instances are billed while a rollout runs.
     * @default 25
     */
    maxSurge?: number;
    /**
     * The share of the desired size that must stay healthy during a rollout, in percent.
     * `100` never serves below capacity (with `maxSurge` above 0).
     * @default 100
     */
    minHealthyPercent?: number;
    /**
     * Seconds a new instance needs after boot before it is counted healthy: the health
     * check grace period, the instance warm-up and the pause between batches.
     * @default 300
     */
    warmupSeconds?: number;
}

/** The load balancer in front of the group. */
export interface ImmutableGroupLoadBalancerArgs {
    /**
     * Reachable from the internet. Off: only from inside the network's address block.
     * A public load balancer without `certificate` serves plain HTTP (a warning is logged).
     * @default false
     */
    public?: boolean;
    /**
     * Terminate HTTPS with this certificate: an ACM certificate ARN (AWS) or a regional
     * SSL certificate id or self link (Google Cloud). Azure's load balancer works at layer 4
     * and cannot terminate TLS: serve TLS from the instances or put Application Gateway in front.
     * @example "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-..."
     */
    certificate?: pulumi.Input<string>;
}

/** Autoscaling on CPU. */
export interface ImmutableGroupScalingArgs {
    /**
     * Average CPU the group is scaled to hold, in percent. AWS and Google Cloud track it
     * directly; Azure adds an instance above it and removes one below half of it.
     * From 10 to 95.
     * @default 60
     */
    targetCpuPercent?: number;
}

/** The arguments every cloud's ImmutableGroup shares. */
export interface ImmutableGroupArgsBase {
    /**
     * The network: a `Network` or a `NetworkInfo` of an existing one. Instances live in its
     * private subnets; an internal load balancer too, a public one in its public subnets (AWS).
     */
    network: NetworkInfo;
    /**
     * The baked image, pinned to one exact version (a plain value: it names red-black groups
     * and is checked when the program runs).
     * - AWS: an AMI id, `ami-0abcdef1234567890`.
     * - Google Cloud: `projects/P/global/images/NAME` or its full self link (not an image family).
     * - Azure: a managed image id, a gallery image version id (`.../galleries/G/images/D/versions/1.2.3`,
     *   also community and shared gallery versions), or a marketplace URN with a version
     *   (`Canonical:ubuntu-24_04-lts:server:24.04.202411030`).
     * A moving reference (a family, `latest`, `resolve:ssm:` parameter) is refused unless
     * `allowMovingImage` is set: with one, two instances of the same group can run different images.
     * @example "ami-0abcdef1234567890"
     */
    image: string;
    /**
     * Accept an image reference that can change under the group (an image family, `latest`).
     * @default false
     */
    allowMovingImage?: boolean;
    /**
     * Portable machine size: small (2 vCPU, 8 GiB), medium (4, 16), large (8, 32),
     * xlarge (16, 64). Ignored when `instanceType` is set; give one or the other.
     * Cost: billed per instance-hour, times the group's size.
     * @default "small"
     */
    size?: Size;
    /**
     * An exact machine type instead of `size`: `m7i.large`, `n2-standard-2`, `Standard_D2s_v5`.
     */
    instanceType?: string;
    /** The fewest instances the group runs (autoscaling never goes below), 0 to 1000. */
    minSize: number;
    /** The most instances the group runs, 1 to 1000, at least `minSize`. */
    maxSize: number;
    /**
     * Instances when the group is created (autoscaling moves it afterwards), within
     * `[minSize, maxSize]`.
     * @default minSize
     */
    desiredSize?: number;
    /** The port the application listens on, 1 to 65535. The load balancer forwards to it. */
    port: number;
    /**
     * The HTTP path the load balancer and the auto-healing check probe; must answer 200.
     * @example "/healthz"
     */
    healthCheckPath: string;
    /** The load balancer; internal and HTTP by default. */
    loadBalancer?: ImmutableGroupLoadBalancerArgs;
    /**
     * How new images are rolled out.
     * @default { strategy: "rolling", maxSurge: 25, minHealthyPercent: 100, warmupSeconds: 300 }
     */
    rollout?: RolloutArgs;
    /**
     * A non-secret boot script (cloud-init user data on AWS and Azure, `startup-script` on
     * Google Cloud). Scripts that look like they carry a password, an AWS secret key or a
     * private key are refused: read secrets at boot with the instance's identity.
     * Plain value: it is checked, and it is part of the release a red-black group is named after.
     */
    startupScript?: string;
    /** CPU autoscaling between `minSize` and `maxSize`; none when they are equal. */
    scaling?: ImmutableGroupScalingArgs;
    /** Tags (AWS, Azure) or labels (Google Cloud) for every child. */
    tags?: Tags;
}

export interface ImmutableGroupArgs extends ImmutableGroupArgsBase {
    /** Which cloud to build on. */
    cloud: ImmutableGroupCloud;
}

/** The outputs every concrete ImmutableGroup exposes. */
export interface ImmutableGroupOutputs {
    /** The load balancer's address: a DNS name (AWS) or an IP address (Google Cloud, Azure). */
    readonly endpoint: pulumi.Output<string>;
    /** `http://` or `https://` and the endpoint. */
    readonly url: pulumi.Output<string>;
    /** The name of the group serving traffic (Auto Scaling group, MIG or scale set). */
    readonly groupName: pulumi.Output<string>;
    /** The image the group runs. */
    readonly imageId: pulumi.Output<string>;
}

export const DEFAULT_MAX_SURGE = 25;
export const DEFAULT_MIN_HEALTHY_PERCENT = 100;
export const DEFAULT_WARMUP_SECONDS = 300;
export const DEFAULT_TARGET_CPU_PERCENT = 60;
export const MAX_GROUP_SIZE = 1000;

/** The shared arguments checked, with defaults applied. */
export interface ResolvedImmutableGroupArgs {
    cloud: ImmutableGroupCloud;
    /** The image, as given. */
    image: string;
    /** The cloud's machine type for `size` / `instanceType`. */
    machineType: string;
    minSize: number;
    maxSize: number;
    /** `desiredSize`, or `minSize` when not given. */
    desiredSize: number;
    port: number;
    healthCheckPath: string;
    /** `loadBalancer.public`, default `false`. */
    public: boolean;
    certificate?: pulumi.Input<string>;
    /** HTTPS at the load balancer. */
    https: boolean;
    /** The port the load balancer listens on: 443 with a certificate, 80 without. */
    listenerPort: number;
    strategy: RolloutStrategy;
    /** Percent of the desired size. */
    maxSurge: number;
    /** Percent of the desired size. */
    minHealthyPercent: number;
    warmupSeconds: number;
    /** Autoscaling exists only when the group can change size. */
    autoscale: boolean;
    targetCpuPercent: number;
    startupScript?: string;
    /** The user's tags (the builders add the standard ones). */
    tags: Tags;
    /**
     * A stable hash of what a release is made of (image, machine type, startup script):
     * red-black groups are named after it, so a new release is a new group.
     */
    releaseHash: string;
    /** Messages to log as warnings (the arguments are valid but risky). */
    warnings: string[];
}

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;
const GCP_IMAGE_PATH = /^(https:\/\/(www\.|compute\.)?googleapis\.com\/compute\/(v1|beta)\/)?projects\/[a-z][-a-z0-9.:]*[a-z0-9]\/global\/images\/([a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)$/;
const AZURE_SUBSCRIPTION_PATH = "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Compute";
const AZURE_MANAGED_IMAGE = new RegExp(`^${AZURE_SUBSCRIPTION_PATH}/images/[^/]+$`, "i");
const AZURE_GALLERY_VERSION = new RegExp(`^${AZURE_SUBSCRIPTION_PATH}/galleries/[^/]+/images/[^/]+/versions/(\\d+\\.\\d+\\.\\d+)$`, "i");
const AZURE_SHARED_VERSION = /^\/(communityGalleries|sharedGalleries)\/[^/]+\/images\/[^/]+\/versions\/(\d+\.\d+\.\d+)$/i;
const AZURE_MARKETPLACE_URN = /^[^:/\s]+:[^:/\s]+:[^:/\s]+:[^:/\s]+$/;

/** How an Azure image argument is handed to the scale set. */
export type AzureImageReference =
    | { kind: "id"; id: string }
    | { kind: "communityGallery"; id: string }
    | { kind: "sharedGallery"; id: string }
    | { kind: "marketplace"; publisher: string; offer: string; sku: string; version: string };

/**
 * Reads an Azure image argument: a resource id, a community or shared gallery image id,
 * or a marketplace URN `publisher:offer:sku:version`.
 */
export function azureImageReference(image: string): AzureImageReference {
    if (AZURE_MARKETPLACE_URN.test(image)) {
        const [publisher, offer, sku, version] = image.split(":");
        return { kind: "marketplace", publisher, offer, sku, version };
    }
    if (/^\/communityGalleries\//i.test(image)) return { kind: "communityGallery", id: image };
    if (/^\/sharedGalleries\//i.test(image)) return { kind: "sharedGallery", id: image };
    return { kind: "id", id: image };
}

/**
 * Whether `image` names exactly one image version on `cloud`. Families, `latest`,
 * gallery image definitions without a version and SSM parameters move under the group.
 */
export function isPinnedImage(cloud: ImmutableGroupCloud, image: string): boolean {
    switch (cloud) {
        case "aws":
            return AMI_ID.test(image);
        case "gcp":
            return GCP_IMAGE_PATH.test(image) && !/\/images\/family\//.test(image);
        case "azure": {
            if (AZURE_MANAGED_IMAGE.test(image) || AZURE_GALLERY_VERSION.test(image) || AZURE_SHARED_VERSION.test(image)) return true;
            if (AZURE_MARKETPLACE_URN.test(image)) {
                const version = image.split(":")[3];
                return version.toLowerCase() !== "latest" && /^\d+(\.\d+)+$/.test(version);
            }
            return false;
        }
    }
}

const PINNED_IMAGE_HELP: Readonly<Record<ImmutableGroupCloud, string>> = {
    aws: 'an AMI id such as "ami-0abcdef1234567890"',
    gcp: 'one image, "projects/P/global/images/NAME" or its self link (not ".../images/family/F")',
    azure: 'a managed image id, a gallery image version id (".../images/D/versions/1.2.3") or a marketplace URN with a version ("publisher:offer:sku:1.2.3")',
};

/**
 * Patterns of secrets that must never sit in a startup script: user data and instance
 * metadata are readable by anyone who can describe the instance, and kept in the state.
 */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
    // A value, not a variable or command substitution that reads the secret at boot.
    [/(password|passwd)\s*[=:]\s*["']?[^\s$"']/i, "a password assignment"],
    [/\baws_secret_access_key\b/i, "an AWS secret access key"],
    [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
    [/-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/, "a private key"],
];

/** What makes `script` look like it carries a secret, or `undefined`. */
export function startupScriptSecret(script: string): string | undefined {
    return SECRET_PATTERNS.find(([pattern]) => pattern.test(script))?.[1];
}

/** Largest boot script each cloud accepts, in bytes (AWS user data 16 KB before base64; Azure custom data 64 KB after). */
export const STARTUP_SCRIPT_LIMIT: Readonly<Record<ImmutableGroupCloud, number>> = {
    aws: 16 * 1024,
    gcp: 256 * 1024,
    azure: 48 * 1024,
};

/** Instances to add or keep back in a rollout, rounded as Google Cloud regional MIGs require. */
export interface GcpRolloutBudget {
    maxSurgeFixed: number;
    maxUnavailableFixed: number;
}

/** Zones a regional managed instance group spreads over by default. */
export const GCP_MIG_ZONES = 3;

/**
 * Turns the portable rollout percentages into the fixed numbers a regional MIG takes:
 * each is 0 or at least the number of zones. Surge rounds up (a brief extra instance
 * costs little), unavailability rounds down (never below the healthy share asked for).
 */
export function gcpRolloutBudget(desiredSize: number, maxSurge: number, minHealthyPercent: number): GcpRolloutBudget {
    const surge = Math.ceil((desiredSize * maxSurge) / 100);
    const unavailable = Math.floor((desiredSize * (100 - minHealthyPercent)) / 100);
    let maxSurgeFixed = surge === 0 ? 0 : Math.max(surge, GCP_MIG_ZONES);
    const maxUnavailableFixed = unavailable < GCP_MIG_ZONES ? 0 : unavailable;
    if (maxSurgeFixed === 0 && maxUnavailableFixed === 0) maxSurgeFixed = GCP_MIG_ZONES;
    return { maxSurgeFixed, maxUnavailableFixed };
}

/**
 * Azure rolling upgrade limits from the portable rollout: the batch is the surge (or the
 * share allowed down), and a rollout stops when more than the allowed share is unhealthy.
 * Azure accepts 5 to 100 for the batch and the unhealthy share.
 */
export function azureRollingLimits(maxSurge: number, minHealthyPercent: number): {
    maxSurge: boolean;
    maxBatchInstancePercent: number;
    maxUnhealthyInstancePercent: number;
    maxUnhealthyUpgradedInstancePercent: number;
} {
    const clamp = (n: number) => Math.min(100, Math.max(5, n));
    const batch = clamp(maxSurge > 0 ? maxSurge : 100 - minHealthyPercent);
    return {
        maxSurge: maxSurge > 0,
        maxBatchInstancePercent: batch,
        // Azure refuses a batch larger than the unhealthy share.
        maxUnhealthyInstancePercent: Math.max(batch, clamp(100 - minHealthyPercent)),
        // 0 with the default: one upgraded instance failing its probe stops the rollout.
        maxUnhealthyUpgradedInstancePercent: 100 - minHealthyPercent,
    };
}

/**
 * Checks the shared arguments for `cloud` and applies their defaults. Collects every
 * problem and throws them together as a PlatformKitError; needs no Pulumi engine.
 *
 * @param kind the component kind for messages, e.g. `ImmutableGroup` or `AwsImmutableGroup`.
 */
export function validateImmutableGroupArgs(
    kind: string,
    name: string,
    cloud: ImmutableGroupCloud,
    args: ImmutableGroupArgsBase,
): ResolvedImmutableGroupArgs {
    const check = new ArgsChecker(kind, name);
    const rollout: Partial<RolloutArgs> = args.rollout ?? {};
    const lb = args.loadBalancer ?? {};

    // Sizes
    const minOk = requiredInteger(check, "minSize", args.minSize, 0, MAX_GROUP_SIZE, "instances");
    const maxOk = requiredInteger(check, "maxSize", args.maxSize, 1, MAX_GROUP_SIZE, "instances");
    if (minOk && maxOk) {
        check.require(args.minSize <= args.maxSize, "minSize", args.minSize, `at most maxSize (${args.maxSize})`);
    }
    const desiredSize = args.desiredSize ?? args.minSize;
    if (args.desiredSize !== undefined && check.integer("desiredSize", args.desiredSize, 0, MAX_GROUP_SIZE, "instances") && minOk && maxOk) {
        check.require(
            args.desiredSize >= args.minSize && args.desiredSize <= args.maxSize,
            "desiredSize",
            args.desiredSize,
            `a number from minSize (${args.minSize}) to maxSize (${args.maxSize})`,
        );
    }

    // Machine
    if (args.size !== undefined && args.instanceType !== undefined) {
        check.add({ field: "instanceType", value: args.instanceType, allowed: "either size or instanceType, not both" });
    }
    if (args.size !== undefined) {
        check.require(isSize(args.size), "size", args.size, `one of ${SIZES.map((s) => `"${s}"`).join(", ")}`);
    }
    if (args.instanceType !== undefined) {
        check.require(typeof args.instanceType === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(args.instanceType), "instanceType", args.instanceType, "a machine type name such as \"m7i.large\", \"n2-standard-2\" or \"Standard_D2s_v5\"");
    }

    // Traffic
    requiredInteger(check, "port", args.port, 1, 65535);
    check.require(typeof args.healthCheckPath === "string" && /^\/\S*$/.test(args.healthCheckPath), "healthCheckPath", args.healthCheckPath, 'a path starting with "/", without spaces, e.g. "/healthz"');
    check.plain("loadBalancer.public", lb.public);
    const isPublic = lb.public === true;
    const https = lb.certificate !== undefined;
    if (cloud === "azure" && https) {
        check.add({
            field: "loadBalancer.certificate",
            value: "a certificate",
            allowed: "nothing on Azure: its load balancer forwards TCP and cannot terminate TLS; serve TLS from the instances or front the group with Application Gateway",
        });
    }
    const warnings: string[] = [];
    if (isPublic && !https) {
        warnings.push(`${check.component}: the public load balancer serves plain HTTP; give loadBalancer.certificate to serve HTTPS`);
    }

    // Image
    const imageOk = check.plain("image", args.image) && check.require(typeof args.image === "string" && args.image.length > 0, "image", args.image, PINNED_IMAGE_HELP[cloud]);
    if (imageOk && args.allowMovingImage !== true) {
        check.require(isPinnedImage(cloud, args.image), "image", args.image, `${PINNED_IMAGE_HELP[cloud]}; or set allowMovingImage: true to accept an image that can change under the group`);
    }

    // Rollout
    const strategy = rollout.strategy ?? "rolling";
    check.oneOf("rollout.strategy", strategy, ROLLOUT_STRATEGIES);
    const maxSurge = rollout.maxSurge ?? DEFAULT_MAX_SURGE;
    const minHealthyPercent = rollout.minHealthyPercent ?? DEFAULT_MIN_HEALTHY_PERCENT;
    const warmupSeconds = rollout.warmupSeconds ?? DEFAULT_WARMUP_SECONDS;
    const surgeOk = check.integer("rollout.maxSurge", maxSurge, 0, 100, "percent of the desired size");
    const healthyOk = check.integer("rollout.minHealthyPercent", minHealthyPercent, 0, 100, "percent");
    if (surgeOk && healthyOk) {
        check.require(
            maxSurge > 0 || minHealthyPercent < 100,
            "rollout.maxSurge",
            maxSurge,
            "above 0 when minHealthyPercent is 100: otherwise no instance can ever be replaced",
        );
        if (cloud === "aws") {
            // AWS instance refresh: maxHealthyPercentage - minHealthyPercentage <= 100.
            check.require(
                100 + maxSurge - minHealthyPercent <= 100,
                "rollout.maxSurge",
                maxSurge,
                `at most minHealthyPercent (${minHealthyPercent}) on AWS: an instance refresh keeps between min and max healthy within 100 points`,
            );
        }
    }
    check.integer("rollout.warmupSeconds", warmupSeconds, 0, 3600, "seconds");

    // Startup script
    if (args.startupScript !== undefined) {
        if (check.plain("startupScript", args.startupScript) && check.require(typeof args.startupScript === "string", "startupScript", typeof args.startupScript, "a string")) {
            const secret = startupScriptSecret(args.startupScript);
            check.require(
                secret === undefined,
                "startupScript",
                `a script that looks like it contains ${secret}`,
                "a script without secrets: read them at boot from Secrets Manager, Secret Manager or Key Vault with the instance's identity",
            );
            const bytes = Buffer.byteLength(args.startupScript, "utf8");
            check.require(bytes <= STARTUP_SCRIPT_LIMIT[cloud], "startupScript", `${bytes} bytes`, `at most ${STARTUP_SCRIPT_LIMIT[cloud]} bytes on ${cloud}`);
        }
    }

    // Scaling
    const targetCpuPercent = args.scaling?.targetCpuPercent ?? DEFAULT_TARGET_CPU_PERCENT;
    check.integer("scaling.targetCpuPercent", targetCpuPercent, 10, 95, "percent");

    // Network and tags
    const network = args.network;
    if (check.require(network !== undefined && network !== null, "network", network, "a Network or a NetworkInfo")) {
        check.require(network.cloud === cloud, "network.cloud", network.cloud, `"${cloud}", the cloud of the group`);
        if (cloud === "azure") {
            check.require(network.resourceGroupName !== undefined, "network.resourceGroupName", undefined, "the resource group of the Azure network");
        }
    }
    const tags = args.tags ?? {};
    const tagProblems: Problem[] = cloud === "aws" ? awsTagProblems(tags) : cloud === "azure" ? azureTagProblems(tags) : gcpLabelProblems(tags);
    check.addAll(tagProblems);

    check.done();

    const type = machineType(cloud, args.size ?? "small", args.instanceType);
    return {
        cloud,
        image: args.image,
        machineType: type,
        minSize: args.minSize,
        maxSize: args.maxSize,
        desiredSize,
        port: args.port,
        healthCheckPath: args.healthCheckPath,
        public: isPublic,
        certificate: lb.certificate,
        https,
        listenerPort: https ? 443 : 80,
        strategy,
        maxSurge,
        minHealthyPercent,
        warmupSeconds,
        autoscale: args.minSize < args.maxSize,
        targetCpuPercent,
        startupScript: args.startupScript,
        tags,
        releaseHash: releaseHash(args.image, type, args.startupScript),
        warnings,
    };
}

/** Checks a whole number that has no default. */
function requiredInteger(check: ArgsChecker, field: string, value: number | undefined, min: number, max: number, unit = ""): boolean {
    if (value === undefined) return check.require(false, field, value, `a whole number from ${min} to ${max}${unit ? ` (${unit})` : ""}`);
    return check.integer(field, value, min, max, unit);
}

/** A stable hash of a release: the same image, machine type and script always give the same letters. */
export function releaseHash(image: string, type: string, startupScript = ""): string {
    return stableHash(JSON.stringify([image, type, startupScript]), 8);
}

/**
 * A fleet of identical instances from a baked image behind a load balancer, on AWS,
 * Google Cloud or Azure: the portable facade. Every change is a new image, rolled out by
 * replacement; nobody logs in (no usable SSH key, no public addresses, no open management port).
 * For every option a cloud offers, use the concrete class from `platform-kit/aws`, `/gcp`
 * or `/azure`.
 *
 * Cost: the instances (per hour, times the group's size, doubled while a red-black
 * rollout runs), the load balancer (per hour plus traffic) and the root disks.
 *
 * @example
 * const web = new ImmutableGroup("web", {
 *     cloud: "aws",
 *     network: net,
 *     image: "ami-0abcdef1234567890",
 *     size: "small",
 *     minSize: 2,
 *     maxSize: 6,
 *     port: 8080,
 *     healthCheckPath: "/healthz",
 * });
 * export const url = web.url;
 */
export class ImmutableGroup extends pulumi.ComponentResource implements ImmutableGroupOutputs {
    readonly cloud: ImmutableGroupCloud;
    readonly endpoint: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly groupName: pulumi.Output<string>;
    readonly imageId: pulumi.Output<string>;

    constructor(name: string, args: ImmutableGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:immutable-group:ImmutableGroup", name, {}, opts);
        const component = `ImmutableGroup "${name}"`;
        checkCloud(component, args.cloud, VM_CLOUDS, 'on Kubernetes, run the image as a container with ContainerRuntime.service(...)');
        const { cloud, ...common } = args;
        // Fail on bad input before a cloud SDK is loaded; the builder checks again and logs warnings.
        validateImmutableGroupArgs("ImmutableGroup", name, cloud, common);
        let built: ImmutableGroupOutputs;
        switch (cloud) {
            case "aws":
                built = loadCloudModule(cloud, component, () => require("./aws") as typeof import("./aws")).buildAwsImmutableGroup(name, common, this);
                break;
            case "gcp":
                built = loadCloudModule(cloud, component, () => require("./gcp") as typeof import("./gcp")).buildGcpImmutableGroup(name, common, this);
                break;
            case "azure":
                built = loadCloudModule(cloud, component, () => require("./azure") as typeof import("./azure")).buildAzureImmutableGroup(name, common, this);
                break;
        }
        this.cloud = cloud;
        this.endpoint = built.endpoint;
        this.url = built.url;
        this.groupName = built.groupName;
        this.imageId = built.imageId;
        this.registerOutputs({ endpoint: this.endpoint, url: this.url, groupName: this.groupName, imageId: this.imageId });
    }
}
