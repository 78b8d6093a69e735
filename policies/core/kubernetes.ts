import { Props, list, obj } from "./props";

/**
 * Where each workload kind keeps its pod template. Knative's serving.knative.dev/v1 Service
 * is registered by `kubernetes.apiextensions.CustomResource` under `kubernetes:<apiVersion>:<kind>`.
 */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
    "kubernetes:core/v1:Pod": [],
    "kubernetes:core/v1:ReplicationController": ["spec", "template"],
    "kubernetes:apps/v1:Deployment": ["spec", "template"],
    "kubernetes:apps/v1:StatefulSet": ["spec", "template"],
    "kubernetes:apps/v1:DaemonSet": ["spec", "template"],
    "kubernetes:apps/v1:ReplicaSet": ["spec", "template"],
    "kubernetes:batch/v1:Job": ["spec", "template"],
    "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template"],
    "kubernetes:serving.knative.dev/v1:Service": ["spec", "template"],
    "kubernetes:serving.knative.dev/v1:Configuration": ["spec", "template"],
};

export const WORKLOAD_TYPES: readonly string[] = Object.keys(POD_SPEC_PATHS);
export const KNATIVE_TYPES: readonly string[] = ["kubernetes:serving.knative.dev/v1:Service", "kubernetes:serving.knative.dev/v1:Configuration"];

export interface PodTemplate {
    /** The pod's metadata (annotations carry AppArmor profiles on older clusters). */
    metadata: Props;
    spec: Props;
    /** Dotted path of the pod spec inside the resource, for messages. */
    path: string;
}

/** The pod template of a workload, or undefined when the type has none or it is unset. */
export function podTemplate(type: string, props: Props): PodTemplate | undefined {
    const path = POD_SPEC_PATHS[type];
    if (!path) return undefined;
    let node: unknown = props;
    for (const key of path) node = obj(node)[key];
    const template = obj(node);
    const spec = template.spec;
    if (spec === undefined || spec === null) return undefined;
    return { metadata: obj(template.metadata), spec: obj(spec), path: [...path, "spec"].join(".") };
}

export interface ContainerRef {
    container: Props;
    /** e.g. `spec.template.spec.containers[0]` */
    path: string;
    name: string;
    kind: "containers" | "initContainers" | "ephemeralContainers";
}

export function containers(pod: PodTemplate): ContainerRef[] {
    const out: ContainerRef[] = [];
    for (const kind of ["containers", "initContainers", "ephemeralContainers"] as const) {
        list(pod.spec[kind]).forEach((container, i) => {
            out.push({ container, path: `${pod.path}.${kind}[${i}]`, name: String(container.name ?? `#${i}`), kind });
        });
    }
    return out;
}

/** A container's effective security-context field: the container's own, else the pod's. */
export function effective(pod: PodTemplate, container: Props, field: string): unknown {
    const own = obj(container.securityContext)[field];
    return own !== undefined ? own : obj(pod.spec.securityContext)[field];
}
