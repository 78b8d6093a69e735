import * as pulumi from "@pulumi/pulumi";

/**
 * A Kubernetes cluster workloads can be placed on: what FunctionService (Knative) and
 * DataFleet (operators) need from a ContainerRuntime. A ContainerRuntime is one; so is any
 * object with a Kubernetes provider, for a cluster platform-kit did not create.
 */
export interface ClusterTarget {
    /** A `@pulumi/kubernetes` Provider that targets the cluster. */
    readonly provider: pulumi.ProviderResource;
    readonly clusterName: pulumi.Input<string>;
}

/**
 * An escape hatch for one child: called with the arguments and options platform-kit chose,
 * before the child is created; change them in place.
 *
 * @example
 * transform: { launchTemplate: (args) => { args.ebsOptimized = true; } }
 */
export type Transform<Args, Opts = pulumi.CustomResourceOptions> = (args: Args, opts: Opts) => void;

/** Applies `transform` (if any) to a child's defaults and returns them. */
export function transformed<Args, Opts>(
    args: Args,
    opts: Opts,
    transform?: Transform<Args, Opts>,
): [Args, Opts] {
    transform?.(args, opts);
    return [args, opts];
}
