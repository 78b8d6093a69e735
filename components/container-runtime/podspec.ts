import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";

/**
 * Pure builders for the pod specs every ContainerRuntime workload gets: image-reference
 * checks, resource quantities, placement on capacity groups, and a pod spec that meets the
 * Kubernetes "restricted" Pod Security Standard. No resource is created here.
 */

type PodSpec = k8s.types.input.core.v1.PodSpec;
type Toleration = k8s.types.input.core.v1.Toleration;
type Affinity = k8s.types.input.core.v1.Affinity;

/** Label every platform-kit node carries: the capacity group it belongs to. */
export const CAPACITY_GROUP_LABEL = "platform-kit.io/capacity-group";
/** Label every platform-kit node carries: what its capacity group is for. */
export const PURPOSE_LABEL = "platform-kit.io/purpose";

/** What a capacity group's nodes run. */
export type CapacityPurpose = "batch" | "service" | "system";
export const CAPACITY_PURPOSES: readonly CapacityPurpose[] = ["batch", "service", "system"];

/** Kubernetes taint effects, as the Kubernetes API spells them. */
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";
export const TAINT_EFFECTS: readonly TaintEffect[] = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** A node taint: pods without a matching toleration stay off (or are evicted from) the node. */
export interface NodeTaint {
    /** @example "dedicated" */
    key: string;
    /** @default no value (matched with `Exists`) */
    value?: string;
    effect: TaintEffect;
}

/**
 * Where workloads go, from the runtime's capacity groups: which purposes have nodes, and the
 * taints on batch capacity that batch jobs must tolerate.
 */
export interface CapacityPlacement {
    /** Purposes that have at least one capacity group. */
    purposes: readonly CapacityPurpose[];
    /** Every taint on batch capacity (deduplicated): batch jobs tolerate them. */
    batchTaints: readonly NodeTaint[];
    /** Every taint on service capacity (deduplicated): services tolerate them. */
    serviceTaints: readonly NodeTaint[];
}

/** No capacity groups known (an existing cluster): pods go wherever the scheduler puts them. */
export const UNCONSTRAINED_PLACEMENT: CapacityPlacement = { purposes: [], batchTaints: [], serviceTaints: [] };

// ---------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

/** An image reference, split into its parts. */
export interface ImageReference {
    /** Registry host (with port), when the reference names one. */
    registry?: string;
    repository: string;
    tag?: string;
    digest?: string;
}

/** Splits an image reference (`registry/repo:tag@sha256:...`); `undefined` if malformed. */
export function parseImageReference(image: string): ImageReference | undefined {
    let rest = image;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest)) return undefined;
    }
    const slash = rest.lastIndexOf("/");
    const lastSegment = rest.slice(slash + 1);
    const colon = lastSegment.indexOf(":");
    let tag: string | undefined;
    if (colon >= 0) {
        tag = lastSegment.slice(colon + 1);
        rest = rest.slice(0, slash + 1 + colon);
        if (!TAG.test(tag)) return undefined;
    }
    const parts = rest.split("/");
    let registry: string | undefined;
    // As in the Docker reference grammar: a first segment with a dot, a port or "localhost" is a host.
    if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost" || parts[0].startsWith("["))) {
        registry = parts.shift();
        if (!REGISTRY.test(registry ?? "")) return undefined;
    }
    if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) return undefined;
    return { registry, repository: parts.join("/"), tag, digest };
}

/**
 * What is wrong with an image reference for a platform-kit workload, or `undefined`.
 * Refused: malformed references, no tag and no digest (the runtime would pull `latest`),
 * and the `latest` tag without a digest. A tag is accepted, but a digest
 * (`repo@sha256:...`) is preferred: a tag can be moved to other bytes, a digest cannot,
 * so every node and every rollback runs exactly the image that was reviewed.
 */
export function imageReferenceProblem(image: unknown): string | undefined {
    if (typeof image !== "string" || image.length === 0) return "an image reference such as \"ghcr.io/acme/api@sha256:...\" or \"ghcr.io/acme/api:1.4.2\"";
    if (image.length > 1024) return "an image reference of at most 1024 characters";
    const ref = parseImageReference(image);
    if (ref === undefined) return "a well-formed image reference ([registry/]repository[:tag][@sha256:digest], lower-case repository)";
    if (ref.digest === undefined && ref.tag === undefined) {
        return "an image pinned by digest (\"repo@sha256:...\", preferred) or a version tag; an untagged image pulls \"latest\"";
    }
    if (ref.digest === undefined && ref.tag === "latest") {
        return "an image pinned by digest (\"repo@sha256:...\", preferred) or a version tag; \"latest\" changes under a running service";
    }
    return undefined;
}

/** Whether an image reference is pinned by digest (the preferred form). */
export function isDigestPinned(image: string): boolean {
    return parseImageReference(image)?.digest !== undefined;
}

// ---------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------

/** CPU and memory for a workload's container. */
export interface WorkloadResources {
    /**
     * CPU requested, as a Kubernetes quantity.
     * @default "250m"
     * @example "500m"
     */
    cpu?: string;
    /**
     * Memory requested, as a Kubernetes quantity.
     * @default "256Mi"
     * @example "1Gi"
     */
    memory?: string;
    /**
     * CPU limit. Unset: the request, so the pod has a predictable share.
     * @default the CPU request
     */
    cpuLimit?: string;
    /**
     * Memory limit. Unset: the request, which gives memory the "Guaranteed" behaviour
     * (a pod is not killed for using memory it asked for).
     * @default the memory request
     */
    memoryLimit?: string;
}

export interface ResolvedResources {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
}

export const DEFAULT_RESOURCES = { cpu: "250m", memory: "256Mi" } as const;

const QUANTITY = /^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** Whether `value` is a Kubernetes resource quantity (`250m`, `1`, `512Mi`, `2Gi`). */
export function isQuantity(value: unknown): value is string {
    return typeof value === "string" && QUANTITY.test(value);
}

/** A quantity in base units (cores, bytes), to compare a request with a limit. */
export function quantityValue(quantity: string): number {
    const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(quantity);
    if (!match) return NaN;
    const factors: Record<string, number> = {
        "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
        Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
    };
    return Number(match[1]) * (factors[match[2]] ?? NaN);
}

export function resolveResources(resources: WorkloadResources = {}): ResolvedResources {
    const cpu = resources.cpu ?? DEFAULT_RESOURCES.cpu;
    const memory = resources.memory ?? DEFAULT_RESOURCES.memory;
    return {
        requests: { cpu, memory },
        limits: { cpu: resources.cpuLimit ?? cpu, memory: resources.memoryLimit ?? memory },
    };
}

/** Problems with a workload's resources, as `[field, value, allowed]`. */
export function resourceProblems(resources: WorkloadResources | undefined, field = "resources"): Array<{ field: string; value: unknown; allowed: string }> {
    const problems: Array<{ field: string; value: unknown; allowed: string }> = [];
    if (resources === undefined) return problems;
    const keys = ["cpu", "memory", "cpuLimit", "memoryLimit"] as const;
    for (const key of keys) {
        const value = resources[key];
        if (value !== undefined && !isQuantity(value)) {
            problems.push({ field: `${field}.${key}`, value, allowed: "a Kubernetes quantity such as \"250m\", \"1\", \"512Mi\" or \"2Gi\"" });
        }
    }
    if (problems.length > 0) return problems;
    const resolved = resolveResources(resources);
    if (quantityValue(resolved.limits.cpu) < quantityValue(resolved.requests.cpu)) {
        problems.push({ field: `${field}.cpuLimit`, value: resolved.limits.cpu, allowed: `at least the CPU request (${resolved.requests.cpu})` });
    }
    if (quantityValue(resolved.limits.memory) < quantityValue(resolved.requests.memory)) {
        problems.push({ field: `${field}.memoryLimit`, value: resolved.limits.memory, allowed: `at least the memory request (${resolved.requests.memory})` });
    }
    return problems;
}

// ---------------------------------------------------------------------------------------
// Placement
// ---------------------------------------------------------------------------------------

/** Tolerations that let a pod onto every taint in `taints`. */
export function tolerationsFor(taints: readonly NodeTaint[]): Toleration[] {
    return taints.map((t) =>
        t.value === undefined
            ? { key: t.key, operator: "Exists", effect: t.effect }
            : { key: t.key, operator: "Equal", value: t.value, effect: t.effect },
    );
}

/**
 * Node affinity that keeps a pod on capacity of `purpose`, when such capacity exists.
 * Without capacity of that purpose no constraint is added, so pods are never stranded.
 */
export function affinityFor(purpose: CapacityPurpose, placement: CapacityPlacement): Affinity | undefined {
    if (!placement.purposes.includes(purpose)) return undefined;
    return {
        nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: PURPOSE_LABEL, operator: "In", values: [purpose] }] }],
            },
        },
    };
}

// ---------------------------------------------------------------------------------------
// Pod spec
// ---------------------------------------------------------------------------------------

/**
 * The user id workload containers run as unless told otherwise: the `nonroot` user of
 * distroless and Chainguard images. `runAsNonRoot` alone refuses an image whose USER is
 * root; a numeric user makes such images start as non-root instead.
 */
export const DEFAULT_RUN_AS_USER = 65532;

export interface RestrictedPodInput {
    /** Name of the single container. */
    containerName: string;
    image: string;
    command?: string[];
    args?: string[];
    /** Named container ports. */
    ports?: Array<{ name: string; containerPort: number }>;
    env?: Record<string, pulumi.Input<string>>;
    resources: ResolvedResources;
    serviceAccountName: pulumi.Input<string>;
    /** Mount the service-account token: only for pods that call the Kubernetes API. */
    automountServiceAccountToken: boolean;
    priorityClassName?: pulumi.Input<string>;
    tolerations?: Toleration[];
    affinity?: Affinity;
    restartPolicy?: "Always" | "OnFailure" | "Never";
    /** @default {@link DEFAULT_RUN_AS_USER} */
    runAsUser?: number;
    /** HTTP path probed for readiness and liveness on the first port. */
    healthCheckPath?: string;
}

/**
 * A pod spec meeting the "restricted" Pod Security Standard
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/): non-root user,
 * no privilege escalation, every capability dropped, RuntimeDefault seccomp, read-only
 * root filesystem (with a writable, size-limited `/tmp`), requests and limits, and no
 * service-account token unless asked.
 */
export function restrictedPodSpec(input: RestrictedPodInput): PodSpec {
    const runAsUser = input.runAsUser ?? DEFAULT_RUN_AS_USER;
    const firstPort = input.ports?.[0];
    const probe =
        input.healthCheckPath !== undefined && firstPort !== undefined
            ? { httpGet: { path: input.healthCheckPath, port: firstPort.name } }
            : undefined;
    const env = input.env === undefined ? undefined : Object.entries(input.env).map(([name, value]) => ({ name, value }));
    return {
        serviceAccountName: input.serviceAccountName,
        automountServiceAccountToken: input.automountServiceAccountToken,
        priorityClassName: input.priorityClassName,
        restartPolicy: input.restartPolicy,
        tolerations: input.tolerations && input.tolerations.length > 0 ? input.tolerations : undefined,
        affinity: input.affinity,
        enableServiceLinks: false,
        securityContext: {
            runAsNonRoot: true,
            runAsUser,
            runAsGroup: runAsUser,
            fsGroup: runAsUser,
            seccompProfile: { type: "RuntimeDefault" },
        },
        containers: [
            {
                name: input.containerName,
                image: input.image,
                imagePullPolicy: "IfNotPresent",
                command: input.command,
                args: input.args,
                env,
                ports: input.ports?.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: "TCP" })),
                resources: { requests: { ...input.resources.requests }, limits: { ...input.resources.limits } },
                readinessProbe: probe,
                livenessProbe: probe === undefined ? undefined : { ...probe, initialDelaySeconds: 10, periodSeconds: 20 },
                securityContext: {
                    runAsNonRoot: true,
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ["ALL"] },
                    seccompProfile: { type: "RuntimeDefault" },
                },
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
        ],
        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
    };
}
