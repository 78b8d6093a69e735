import Ajv, { ErrorObject } from "ajv";
import * as pulumi from "@pulumi/pulumi";
import { Cloud, PlatformKitError, Problem } from "./core";
import { PlatformArgs } from "./platform";

/**
 * Typed, validated stack configuration for a Platform: what the ready stacks read from
 * `Pulumi.<stack>.yaml`. The JSON schema checks shapes and catches misspelt keys at once;
 * each component then checks the meaning of its own values.
 */

/** The keys a platform stack reads from its project's config namespace. */
export interface PlatformStackConfig extends Omit<PlatformArgs, "cloud" | "region" | "resourceGroupName" | "runtime"> {
    runtime?: Omit<NonNullable<PlatformArgs["runtime"]>, "provider" | "kubeconfig">;
    /** Azure only: use this resource group instead of a new one. */
    resourceGroupName?: string;
    /**
     * Kubernetes only: the cluster's kubeconfig, kept secret
     * (`pulumi config set --secret kubeconfig "$(cat ~/.kube/config)"`). Unset: the ambient one.
     */
    kubeconfig?: pulumi.Output<string>;
    /**
     * Kubernetes only: write the manifests to this folder instead of applying them to a
     * cluster (the Kubernetes provider's renderYamlToDirectory).
     */
    renderYamlToDirectory?: string;
}

const object = (properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });
const strings = { type: "array", items: { type: "string" } };
const stringMap = { type: "object", additionalProperties: { type: "string" } };
const namedMap = (item: object) => ({ type: "object", additionalProperties: item });

/** JSON schema of the platform stack config: shapes only; components check meanings. */
export const PLATFORM_STACK_CONFIG_SCHEMA = object(
    {
        network: object(
            { cidr: { type: "string" }, zones: { type: "integer" }, nat: { enum: ["none", "single", "perZone"] }, flowLogRetentionDays: { type: "integer" } },
            { additionalProperties: false },
        ),
        runtime: object(
            {
                kubernetesVersion: { type: "string" },
                capacityGroups: { type: "array", items: object({ name: { type: "string" }, min: { type: "integer" }, max: { type: "integer" } }, { required: ["name", "min", "max"] }) },
                tenants: { type: "array", items: object({ name: { type: "string" } }, { required: ["name"] }) },
                clusterAdmins: strings,
                publicEndpoint: object({ allowedCidrs: strings }, { required: ["allowedCidrs"] }),
                deletionProtection: { type: "boolean" },
                clusterName: { type: "string" },
            },
            { additionalProperties: false },
        ),
        services: namedMap(object({ tenant: { type: "string" }, image: { type: "string" }, port: { type: "integer" } }, { required: ["tenant", "image", "port"] })),
        batchJobs: namedMap(object({ tenant: { type: "string" }, image: { type: "string" }, schedule: { type: "string" } }, { required: ["tenant", "image"] })),
        functions: namedMap(object({ code: { type: "string" }, image: { type: "string" }, runtime: { type: "string" }, handler: { type: "string" }, schedule: { type: "string" } })),
        groups: namedMap(
            object({ image: { type: "string" }, minSize: { type: "integer" }, maxSize: { type: "integer" }, port: { type: "integer" }, healthCheckPath: { type: "string" } }, { required: ["image", "minSize", "maxSize", "port", "healthCheckPath"] }),
        ),
        data: object({ members: { type: "array", items: object({ name: { type: "string" }, engine: { enum: ["postgres", "redis", "kafka"] } }, { required: ["name", "engine"] }) } }, { required: ["members"] }),
        tags: stringMap,
        resourceGroupName: { type: "string" },
        kubeconfig: { type: "string" },
        renderYamlToDirectory: { type: "string" },
    },
    { additionalProperties: false },
);

const KEYS = Object.keys(PLATFORM_STACK_CONFIG_SCHEMA.properties);

/** Keys that only make sense on one target. */
const ONLY_ON: Partial<Record<keyof PlatformStackConfig, Cloud>> = {
    resourceGroupName: "azure",
    kubeconfig: "kubernetes",
    renderYamlToDirectory: "kubernetes",
};

let validator: ReturnType<Ajv["compile"]> | undefined;

/** Problems with a platform stack config object (already parsed from YAML). */
export function platformStackConfigProblems(cloud: Cloud, value: Record<string, unknown>, project = "<project>"): Problem[] {
    validator ??= new Ajv({ allErrors: true, strict: false }).compile(PLATFORM_STACK_CONFIG_SCHEMA);
    const problems: Problem[] = [];
    if (!validator(value)) {
        for (const error of validator.errors ?? []) problems.push(toProblem(error, value, project));
    }
    for (const [key, only] of Object.entries(ONLY_ON)) {
        if (value[key] !== undefined && only !== cloud) {
            problems.push({ field: `${project}:${key}`, value: "a value", allowed: `only in a "${only}" stack` });
        }
    }
    if (cloud === "kubernetes" && value.network !== undefined) {
        problems.push({ field: `${project}:network`, value: "network settings", allowed: 'nothing in a "kubernetes" stack: the cluster brings its own network' });
    }
    return problems;
}

function toProblem(error: ErrorObject, root: Record<string, unknown>, project: string): Problem {
    const segments = error.instancePath.split("/").filter(Boolean);
    const [key, ...rest] = segments;
    let field = key ? `${project}:${key}${rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("")}` : project;
    let value: unknown = segments.reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], root);
    let allowed = error.message ?? "a valid value";
    if (error.keyword === "additionalProperties") {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty);
        field = key ? `${field}.${extra}` : `${project}:${extra}`;
        value = "a value";
        allowed = key ? "no such setting here (check the spelling)" : `one of the platform settings: ${KEYS.join(", ")}`;
    } else if (error.keyword === "enum") {
        allowed = `one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    return { field, value, allowed };
}

/**
 * Reads and validates a platform stack's config from the current project's namespace
 * (`<project>:network`, `<project>:runtime`, ...). Throws one PlatformKitError naming every
 * misspelt key and wrong type.
 */
export function readPlatformStackConfig(cloud: Cloud, config: pulumi.Config = new pulumi.Config()): PlatformStackConfig {
    const project = pulumi.getProject();
    const value: Record<string, unknown> = {};
    const prefix = `${project}:`;
    for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        // Unknown keys stay in so the schema names them; the kubeconfig is only read as a secret.
        value[key] = !KEYS.includes(key) ? true : key === "kubeconfig" ? "[secret]" : readValue(config, key);
    }
    const problems = platformStackConfigProblems(cloud, value, project);
    if (problems.length > 0) throw new PlatformKitError(`stack config of ${project}`, problems);
    // The schema has checked the shape of every value read above.
    const settings = Object.fromEntries(Object.entries(value).filter(([key]) => key !== "kubeconfig")) as Omit<PlatformStackConfig, "kubeconfig">;
    return cloud === "kubernetes" && value.kubeconfig !== undefined ? { ...settings, kubeconfig: config.requireSecret("kubeconfig") } : settings;
}

function readValue(config: pulumi.Config, key: string): unknown {
    const raw = config.get(key);
    if (raw === undefined) return undefined;
    try {
        return JSON.parse(raw) as unknown;
    } catch {
        return raw;
    }
}
