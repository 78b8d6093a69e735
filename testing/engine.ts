import * as pulumi from "@pulumi/pulumi";
import { Catalogue, CatalogueOverrides, CloudContext, defaultCloudContext } from "./catalogue";

/**
 * The in-process engine: runs a Pulumi program under `pulumi.runtime.setMocks`, answers its
 * data-source calls and resource registrations from a catalogue of realistic values, and
 * records everything the program registered. The offline `plan`, the lab checks, the test
 * suite and users' own tests (`platform-kit/testing`) all run on this one harness.
 */

/** One resource the program registered. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** `false` for component resources and the stack. */
    custom: boolean;
    parent?: string;
    /** URNs this resource depends on: `dependsOn` and every resource its inputs came from. */
    dependencies: string[];
    /** Inputs as plain values; secrets unwrapped (see `secretPaths`), assets summarised. */
    inputs: Record<string, unknown>;
    /** Dotted paths in `inputs` that held secrets. */
    secretPaths: string[];
    /** Outputs the mock engine answered with. */
    outputs: Record<string, unknown>;
    id?: string;
    provider?: string;
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    additionalSecretOutputs: string[];
    deletedWith?: string;
}

export interface RecordedInvoke {
    token: string;
    inputs: Record<string, unknown>;
    /** `false` when the catalogue had no answer and `{}` was returned. */
    answered: boolean;
}

export interface ProgramRun {
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    /** The program's exports (stack outputs), secrets masked. */
    outputs: Record<string, unknown>;
    /** Unanswered data-source calls and messages the program logged as warnings. */
    warnings: string[];
    /** The cloud context the catalogue answered with. */
    context: CloudContext;
}

export interface RunOptions {
    /** @default "platform-kit" */
    project?: string;
    /** @default "dev" */
    stack?: string;
    /**
     * Configuration, keyed as in `Pulumi.<stack>.yaml` (`aws:region`, `myproject:size`).
     * Objects and arrays become structured config.
     */
    config?: Record<string, unknown>;
    /** Config keys whose values are secrets. */
    secretKeys?: string[];
    /**
     * Run as a preview: the real engine's preview leaves computed outputs unknown; under
     * the mocks every output is known, so this only sets `pulumi.runtime.isDryRun()`.
     * @default false
     */
    preview?: boolean;
    /** Extra or replaced answers for particular data sources or resource types. */
    catalogue?: CatalogueOverrides;
}

const UNKNOWN = pulumi.runtime.unknownValue;
const SIG = pulumi.runtime.specialSigKey;

/** Placeholder that replaces a secret in every printed or serialised form. */
export const MASKED_SECRET = "[secret]";

interface MonitorLike {
    registerResource(req: RegisterRequest, callback: (err: unknown, resp: RegisterResponse | undefined) => void): Promise<void>;
    readResource(req: unknown, callback: (err: unknown, resp: unknown) => void): Promise<void>;
    invoke(req: InvokeRequest, callback: (err: unknown, resp: unknown) => void): Promise<void>;
    registerResourceOutputs(req: OutputsRequest, callback: (err: unknown, resp: unknown) => void): void;
}

interface Struct {
    toJavaScript(): Record<string, unknown>;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): Struct | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getProvider(): string;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getReplaceonchangesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getDeletedwith(): string;
    getRemote(): boolean;
}

interface RegisterResponse {
    getUrn(): string;
    getId(): string;
    getObject(): Struct | undefined;
}

interface OutputsRequest {
    getUrn(): string;
    getOutputs(): Struct | undefined;
}

interface InvokeRequest {
    getTok(): string;
    getArgs(): Struct | undefined;
}

/** Serialises program runs: the Pulumi runtime keeps its state in one global store. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `program` (a function that declares resources, like a Pulumi program's body)
 * under the mock engine and returns what it registered.
 */
export function runProgram(program: () => unknown, options: RunOptions = {}): Promise<ProgramRun> {
    const run = queue.then(() => runExclusive(program, options));
    queue = run.catch(() => undefined);
    return run;
}

async function runExclusive(program: () => unknown, options: RunOptions): Promise<ProgramRun> {
    const project = options.project ?? "platform-kit";
    const stack = options.stack ?? "dev";
    const config = options.config ?? {};
    const context = defaultCloudContext(project, stack, config);
    const catalogue = new Catalogue(context, options.catalogue);

    const resources: RecordedResource[] = [];
    const invokes: RecordedInvoke[] = [];
    const warnings: string[] = [];

    const configStrings: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        configStrings[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    pulumi.runtime.setAllConfig(configStrings, options.secretKeys ?? []);

    await pulumi.runtime.setMocks(
        {
            call: (args) => catalogue.call(args.token, args.inputs) ?? {},
            newResource: (args) => catalogue.resource(args.type, args.name, args.inputs, args.custom ?? true),
        },
        project,
        stack,
        options.preview ?? false,
    );
    const stackOutputs: Record<string, unknown> = {};
    instrument(pulumi.runtime.getMonitor() as unknown as MonitorLike, catalogue, { resources, invokes, warnings, stackOutputs });

    const failures: unknown[] = [];
    // A value computed inside an apply that throws leaves every resource fed by it waiting
    // forever: the first unhandled rejection ends the run instead of the program finishing.
    let fail: (reason: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    const onRejection = (reason: unknown) => {
        failures.push(reason);
        fail(reason);
    };
    process.on("unhandledRejection", onRejection);
    const restoreLog = captureWarnings(warnings);
    try {
        const finished = (async () => {
            await pulumi.runtime.runInPulumiStack(async () => await program());
            await pulumi.runtime.disconnect();
        })();
        finished.catch(() => undefined);
        await Promise.race([finished, failed]);
    } finally {
        // A failed program leaves the stack's own promises rejecting a turn later; keep
        // listening until they have settled so they are reported here, not as a crash.
        await new Promise((resolve) => setImmediate(resolve));
        restoreLog();
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) throw failures[0];
    return { resources, invokes, outputs: stackOutputs, warnings, context };
}

interface Recording {
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    warnings: string[];
    stackOutputs: Record<string, unknown>;
}

function instrument(monitor: MonitorLike, catalogue: Catalogue, recording: Recording): void {
    const { resources, invokes, warnings, stackOutputs } = recording;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        register(req, (err, resp) => {
            if (!err && resp) {
                resources.push(recordResource(req, resp));
                if (req.getRemote()) {
                    warnings.push(`${req.getType()} "${req.getName()}" is a component implemented by a provider plugin; offline, its children are not expanded and its outputs are empty`);
                }
            }
            callback(err, resp);
        });

    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req, callback) => {
        const token = req.getTok();
        const raw = req.getArgs()?.toJavaScript() ?? {};
        const inputs = decode(raw, "", []) as Record<string, unknown>;
        const answered = token === "pulumi:pulumi:getResource" || catalogue.knows(token);
        invokes.push({ token, inputs, answered });
        if (!answered) {
            warnings.push(`no realistic answer for data source ${token}; answered with an empty result`);
        }
        return invoke(req, callback);
    };

    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req, callback) => {
        const type = (req as { getType(): string }).getType();
        if (type === "pulumi:pulumi:StackReference") {
            warnings.push(`stack reference "${(req as { getName(): string }).getName()}" has no outputs offline; its values are undefined`);
        }
        return read(req, callback);
    };

    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, callback) => {
        if (req.getUrn().includes("::pulumi:pulumi:Stack::")) {
            const secretPaths: string[] = [];
            const plain = decode(req.getOutputs()?.toJavaScript() ?? {}, "", secretPaths) as Record<string, unknown>;
            Object.assign(stackOutputs, maskedInputs({ inputs: plain, secretPaths }));
        }
        registerOutputs(req, callback);
    };
}

function recordResource(req: RegisterRequest, resp: RegisterResponse): RecordedResource {
    const secretPaths: string[] = [];
    const inputs = decode(req.getObject()?.toJavaScript() ?? {}, "", secretPaths) as Record<string, unknown>;
    const outputs = decode(resp.getObject()?.toJavaScript() ?? {}, "", []) as Record<string, unknown>;
    const dependencies = new Set(req.getDependenciesList());
    req.getPropertydependenciesMap().forEach((deps) => deps.getUrnsList().forEach((u) => dependencies.add(u)));
    const parent = req.getParent();
    if (parent) dependencies.delete(parent);
    return {
        urn: resp.getUrn(),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: parent || undefined,
        dependencies: [...dependencies].filter((d) => d !== ""),
        inputs,
        secretPaths,
        outputs,
        id: resp.getId() || undefined,
        provider: req.getProvider() || undefined,
        protect: req.getProtect() === true,
        retainOnDelete: req.getRetainondelete() === true,
        deleteBeforeReplace: req.getDeletebeforereplace(),
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        deletedWith: req.getDeletedwith() || undefined,
    };
}

/** Turns the wire form of properties into plain values, noting where secrets were. */
function decode(value: unknown, path: string, secretPaths: string[]): unknown {
    if (value === UNKNOWN) return undefined;
    if (Array.isArray(value)) return value.map((v, i) => decode(v, `${path}[${i}]`, secretPaths));
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    const sig = obj[SIG];
    if (sig === pulumi.runtime.specialSecretSig) {
        secretPaths.push(path);
        return decode(obj.value, path, []);
    }
    if (sig === pulumi.runtime.specialResourceSig) return obj.urn;
    if (sig === pulumi.runtime.specialAssetSig || sig === pulumi.runtime.specialArchiveSig) {
        const { [SIG]: _sig, ...rest } = obj;
        void _sig;
        return { [sig === pulumi.runtime.specialAssetSig ? "asset" : "archive"]: summariseAsset(rest) };
    }
    if (sig === pulumi.runtime.specialOutputValueSig) {
        if (obj.secret === true) secretPaths.push(path);
        return decode(obj.value, path, []);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = decode(v, path ? `${path}.${k}` : k, secretPaths);
    return out;
}

function summariseAsset(asset: Record<string, unknown>): unknown {
    if (typeof asset.path === "string") return asset.path;
    if (typeof asset.uri === "string") return asset.uri;
    if (typeof asset.text === "string") return `${asset.text.length} characters of text`;
    if (asset.assets && typeof asset.assets === "object") return Object.keys(asset.assets as object);
    return "asset";
}

/** A copy of `inputs` with every secret path replaced by {@link MASKED_SECRET}. */
export function maskedInputs(resource: Pick<RecordedResource, "inputs" | "secretPaths">): Record<string, unknown> {
    const copy = structuredClone(resource.inputs);
    for (const path of resource.secretPaths) setPath(copy, path, MASKED_SECRET);
    return copy;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
    if (path === "") return;
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let node: Record<string, unknown> = target;
    for (let i = 0; i < keys.length - 1; i++) {
        const next = node[keys[i]];
        if (next === null || typeof next !== "object") return;
        node = next as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
}

/** Collects `pulumi.log.warn` and `console.warn` lines while a program runs. */
function captureWarnings(warnings: string[]): () => void {
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(" ").replace(/^warning: (\[runtime\] )?/, ""));
    };
    return () => {
        console.warn = original;
    };
}
