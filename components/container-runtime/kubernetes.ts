import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { Transform, transformed } from "../core";
import { ContainerRuntimeArgsBase, ResolvedRuntimeArgs, validateContainerRuntimeArgs } from "./index";
import { UNCONSTRAINED_PLACEMENT } from "./podspec";
import { BuiltRuntime, RuntimeComponent } from "./runtime";
import { buildTenancy } from "./tenancy";

/** A runtime on a cluster platform-kit did not create: give its kubeconfig or a provider. */
export interface KubernetesContainerRuntimeArgs extends Omit<ContainerRuntimeArgsBase, "capacityGroups" | "publicEndpoint" | "kubernetesVersion" | "deletionProtection"> {
    /** A kubeconfig for the cluster (give this or `provider`); kept as a secret. */
    kubeconfig?: pulumi.Input<string>;
    /** A `@pulumi/kubernetes` Provider for the cluster (give this or `kubeconfig`). */
    provider?: pulumi.ProviderResource;
    /**
     * The cluster's name, for outputs and FunctionService/DataFleet.
     * @default the runtime's name
     */
    clusterName?: pulumi.Input<string>;
    /** Overrides for the provider built from `kubeconfig`. */
    transform?: { provider?: Transform<k8s.ProviderArgs, pulumi.CustomResourceOptions> };
}

export interface KubernetesBuildArgs extends ResolvedRuntimeArgs {
    kubeconfig?: pulumi.Input<string>;
    provider?: pulumi.ProviderResource;
    clusterName?: pulumi.Input<string>;
    transform?: KubernetesContainerRuntimeArgs["transform"];
}

export function buildKubernetesContainerRuntime(name: string, args: KubernetesBuildArgs, parent: pulumi.ComponentResource): BuiltRuntime {
    let provider: pulumi.ProviderResource;
    if (args.provider !== undefined) {
        provider = args.provider;
    } else {
        const [providerArgs, providerOpts] = transformed<k8s.ProviderArgs, pulumi.CustomResourceOptions>(
            { kubeconfig: pulumi.secret(args.kubeconfig ?? ""), enableServerSideApply: true },
            { parent },
            args.transform?.provider,
        );
        provider = new k8s.Provider(`${name}-provider`, providerArgs, providerOpts);
    }
    const tenancy = buildTenancy(name, { tenants: args.tenants, clusterAdminUsers: args.clusterAdmins }, provider, parent);
    return {
        clusterName: pulumi.output(args.clusterName ?? name),
        kubeconfig: pulumi.secret(args.kubeconfig ?? ""),
        provider,
        tenantNamespaces: tenancy.tenantNamespaces,
        priorityClassNames: tenancy.priorityClassNames,
        placement: UNCONSTRAINED_PLACEMENT,
        workloadDependencies: [],
    };
}

/**
 * A ContainerRuntime on an existing Kubernetes cluster (any distribution): tenancy,
 * priority classes and workloads, through the cluster's kubeconfig or provider. The cluster
 * and its nodes stay its owner's: no capacity groups are created.
 */
export class KubernetesContainerRuntime extends RuntimeComponent {
    constructor(name: string, args: KubernetesContainerRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
        const { transform, ...common } = args;
        const resolved = validateContainerRuntimeArgs(name, { ...common, cloud: "kubernetes" }, "KubernetesContainerRuntime");
        super("platform-kit:container-runtime:KubernetesContainerRuntime", name, opts, (parent) =>
            buildKubernetesContainerRuntime(name, { ...resolved, kubeconfig: args.kubeconfig, provider: args.provider, clusterName: args.clusterName, transform }, parent),
        );
    }
}
