import type {
    PolicyConfigSchema,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import * as policyRuntime from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import { RecordedResource } from "./engine";

/**
 * The policy harness: runs CrossGuard policies (@pulumi/policy) over resources recorded by
 * {@link runProgram}, or built with {@link resource}, exactly as the engine would hand them
 * over: inputs behind the engine's unknown-checking proxy, config with the schema's defaults,
 * `notApplicable` and remediation. The offline `plan` evaluates the packs through it, and
 * users test their own policies with it:
 *
 *     const lt = resource<aws.ec2.LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", {
 *         metadataOptions: { httpTokens: "optional" },
 *     });
 *     const outcome = await validateResource(myPolicy, lt);
 *     assert.deepEqual(outcome.violations.map((v) => v.message), ["..."]);
 */

/**
 * The engine's own unknown-checking proxy and error, so policies see exactly what they see
 * under `pulumi preview`. @pulumi/policy exports both at runtime, but its published
 * declarations strip their types (`proxy.d.ts` is empty), hence the typed view.
 */
const engine = policyRuntime as unknown as {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};

/** The engine's sentinel for a value not known during preview (@pulumi/policy's `unknownObjectValue`). */
const UNKNOWN_SENTINEL = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

const UNKNOWN_MARKER: unique symbol = Symbol("platform-kit.unknown");
interface UnknownMarker {
    readonly [UNKNOWN_MARKER]: true;
}
const UNKNOWN_VALUE: UnknownMarker = { [UNKNOWN_MARKER]: true };

/**
 * A value unknown at preview time (an output of a resource not yet created), for test
 * resources: `resource(type, { vpcConfig: { endpointPublicAccess: unknownValue() } })`.
 */
export function unknownValue<T = never>(): T {
    return UNKNOWN_VALUE as unknown as T;
}

function isUnknownMarker(value: unknown): boolean {
    return value === UNKNOWN_VALUE;
}

/** Options a test resource may set besides its inputs. */
export type TestResourceOptions = Partial<Omit<RecordedResource, "type" | "inputs">>;

/**
 * A resource as the engine records it, built from the provider's real argument type:
 * `resource<aws.rds.InstanceArgs>("aws:rds/instance:Instance", { instanceClass: "db.t4g.micro", ... })`.
 * Values from {@link unknownValue} become unknowns, as outputs of uncreated resources are in a preview.
 */
export function resource<TArgs extends object>(type: string, props: Unwrap<TArgs>, options: TestResourceOptions = {}): RecordedResource {
    const name = options.name ?? "test";
    return {
        urn: options.urn ?? `urn:pulumi:test::platform-kit::${type}::${name}`,
        type,
        name,
        custom: options.custom ?? true,
        parent: options.parent,
        dependencies: options.dependencies ?? [],
        inputs: recordUnknowns(props) as Record<string, unknown>,
        secretPaths: options.secretPaths ?? [],
        outputs: options.outputs ?? {},
        id: options.id,
        provider: options.provider,
        protect: options.protect ?? false,
        retainOnDelete: options.retainOnDelete ?? false,
        deleteBeforeReplace: options.deleteBeforeReplace ?? false,
        ignoreChanges: options.ignoreChanges ?? [],
        replaceOnChanges: options.replaceOnChanges ?? [],
        additionalSecretOutputs: options.additionalSecretOutputs ?? [],
        deletedWith: options.deletedWith,
    };
}

/**
 * As the SDK serialises inputs: keys set to `undefined` are dropped (unset, the provider
 * default), and unknown markers become `undefined` under a present key, which is how
 * {@link runProgram} records values unknown at preview.
 */
function recordUnknowns(value: unknown): unknown {
    if (isUnknownMarker(value)) return undefined;
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : recordUnknowns(v)));
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = recordUnknowns(v);
    return out;
}

/**
 * Recorded inputs as the engine's wire form: a key present with an `undefined` value (or an
 * `undefined` array element) is an unknown, because the SDK drops unset keys before sending.
 */
function withUnknownSentinels(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? UNKNOWN_SENTINEL : withUnknownSentinels(v)));
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = v === undefined ? UNKNOWN_SENTINEL : withUnknownSentinels(v);
    return out;
}

/** The props a policy sees: unknowns throw the engine's UnknownValueError when read. */
export function policyProps(inputs: Record<string, unknown>): Record<string, unknown> {
    return engine.unknownCheckingProxy(withUnknownSentinels(inputs) as Record<string, unknown>);
}

/** Whether the recorded inputs hold any value unknown at preview. */
export function hasUnknowns(value: unknown): boolean {
    if (value === undefined) return true;
    if (Array.isArray(value)) return value.some(hasUnknowns);
    if (value === null || typeof value !== "object") return false;
    return Object.values(value).some(hasUnknowns);
}

/**
 * A policy's config as the engine hands it to `getConfig()`: the schema's defaults, then the
 * user's values on top (an `enforcementLevel` key is kept, as the engine does).
 */
export function policyConfig(schema: PolicyConfigSchema | undefined, config: Record<string, unknown> = {}): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema?.properties ?? {})) {
        if (property.default !== undefined) defaults[key] = structuredClone(property.default);
    }
    return { ...defaults, ...config };
}

/** Thrown by `args.notApplicable()`; the harness reports it as {@link PolicyOutcome.notApplicable}. */
export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

export interface PolicyRunOptions {
    /** The policy's config (knobs); schema defaults are applied under it. */
    config?: Record<string, unknown>;
    /** Stack tags the policy sees in `stackTags`. */
    stackTags?: Record<string, string>;
    /** Every resource of the run, to resolve parents, dependencies and providers. */
    resources?: readonly RecordedResource[];
}

function resourceOptions(r: RecordedResource): PolicyResourceOptions & { retainOnDelete: boolean } {
    return {
        protect: r.protect,
        ignoreChanges: r.ignoreChanges,
        deleteBeforeReplace: r.deleteBeforeReplace,
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: r.additionalSecretOutputs,
        parent: r.parent,
        // Not in the engine's options; the planner knows it and data rules accept it as protection.
        retainOnDelete: r.retainOnDelete,
    };
}

/** `urn:...::pulumi:providers:aws::default_7_0_0::<id>` as the provider resource. */
function providerOf(r: RecordedResource, all: readonly RecordedResource[] = []): PolicyProviderResource | undefined {
    if (!r.provider) return undefined;
    const urn = r.provider.replace(/::[^:]*$/, "");
    const parts = urn.split("::");
    const recorded = all.find((x) => x.urn === urn);
    return { urn, type: parts[2]?.split("$").pop() ?? "", name: parts[3] ?? "", props: policyProps(recorded?.inputs ?? {}) };
}

function typeMatcher(type: string) {
    return (resourceClass: { new (...rest: never[]): unknown }): boolean => {
        const token = (resourceClass as unknown as { __pulumiType?: string }).__pulumiType;
        if (token) return token === type;
        const isInstance = (resourceClass as unknown as { isInstance?: (o: unknown) => boolean }).isInstance;
        return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
    };
}

/** The ResourceValidationArgs the engine would pass for this resource. */
export function resourceArgs(r: RecordedResource, schema?: PolicyConfigSchema, options: PolicyRunOptions = {}): ResourceValidationArgs {
    const props = policyProps(r.inputs);
    const isType = typeMatcher(r.type);
    const config = policyConfig(schema, options.config);
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: resourceOptions(r),
        provider: providerOf(r, options.resources),
        stackTags: new Map(Object.entries(options.stackTags ?? {})),
        isType,
        asType: ((resourceClass: { new (...rest: never[]): unknown }) => (isType(resourceClass) ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => config as T,
        notApplicable: throwNotApplicable,
    };
}

/**
 * The StackValidationArgs the engine would pass: every custom resource with its outputs
 * over its inputs, parents and dependencies linked.
 */
export function stackArgs(resources: readonly RecordedResource[], schema?: PolicyConfigSchema, options: PolicyRunOptions = {}): StackValidationArgs {
    const byUrn = new Map<string, PolicyResource>();
    const config = policyConfig(schema, options.config);
    for (const r of resources) {
        if (r.type === "pulumi:pulumi:Stack") continue;
        const props = policyProps({ ...r.inputs, ...r.outputs });
        const isType = typeMatcher(r.type);
        const policyResource: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: resourceOptions(r),
            provider: providerOf(r, resources),
            dependencies: [],
            propertyDependencies: {},
            isType,
            asType: ((resourceClass: { new (...rest: never[]): unknown }) => (isType(resourceClass) ? props : undefined)) as PolicyResource["asType"],
        };
        byUrn.set(r.urn, policyResource);
    }
    for (const r of resources) {
        const pr = byUrn.get(r.urn);
        if (!pr) continue;
        pr.parent = r.parent ? byUrn.get(r.parent) : undefined;
        pr.dependencies = r.dependencies.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    }
    return {
        resources: [...byUrn.values()],
        stackTags: new Map(Object.entries(options.stackTags ?? {})),
        getConfig: <T extends object>() => config as T,
        notApplicable: throwNotApplicable,
    };
}

export interface PolicyViolation {
    message: string;
    urn?: string;
}

/** What running one policy produced. */
export interface PolicyOutcome {
    violations: PolicyViolation[];
    /** Set when the policy called `notApplicable(reason)`. */
    notApplicable?: string;
    /**
     * Set when the policy read a value unknown at preview. The engine then reports an
     * advisory "can't run policy during preview" diagnostic instead of passing or failing.
     */
    unknown?: string;
}

function settle(error: unknown, outcome: PolicyOutcome): PolicyOutcome {
    if (error instanceof engine.UnknownValueError) return { ...outcome, unknown: error.message };
    if (error instanceof NotApplicableError) return { ...outcome, notApplicable: error.reason ?? error.message };
    throw error;
}

/** Runs a resource policy's validations over one resource. */
export async function validateResource(policy: ResourceValidationPolicy, r: RecordedResource, options: PolicyRunOptions = {}): Promise<PolicyOutcome> {
    const violations: PolicyViolation[] = [];
    const validations = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    let outcome: PolicyOutcome = { violations };
    for (const validation of validations) {
        try {
            await validation(resourceArgs(r, policy.configSchema, options), (message) => violations.push({ message, urn: r.urn }));
        } catch (e) {
            outcome = settle(e, outcome);
        }
    }
    return outcome;
}

/** Runs a stack policy over every resource of a run. */
export async function validateStack(policy: StackValidationPolicy, resources: readonly RecordedResource[], options: PolicyRunOptions = {}): Promise<PolicyOutcome> {
    const violations: PolicyViolation[] = [];
    try {
        await policy.validateStack(stackArgs(resources, policy.configSchema, { ...options, resources }), (message, urn) => violations.push({ message, urn }));
        return { violations };
    } catch (e) {
        return settle(e, { violations });
    }
}

export interface RemediationOutcome {
    /** The fixed inputs, when the policy changed anything. */
    props?: Record<string, unknown>;
    notApplicable?: string;
    unknown?: string;
}

/** Runs a policy's `remediateResource` as the engine does before validation. */
export async function remediateResource(policy: ResourceValidationPolicy, r: RecordedResource, options: PolicyRunOptions = {}): Promise<RemediationOutcome> {
    if (!policy.remediateResource) return {};
    try {
        const result = await policy.remediateResource(resourceArgs(r, policy.configSchema, options));
        return result ? { props: JSON.parse(JSON.stringify(result)) as Record<string, unknown> } : {};
    } catch (e) {
        const settled = settle(e, { violations: [] });
        return { notApplicable: settled.notApplicable, unknown: settled.unknown };
    }
}

/** A copy of a resource with other inputs (e.g. after remediation). */
export function withInputs(r: RecordedResource, inputs: Record<string, unknown>): RecordedResource {
    return { ...r, inputs };
}
