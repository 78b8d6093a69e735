import { resourceRule } from "../../core/define";
import { GCF1, GCF2, LAMBDA, WEB_APP, appSettings, isFunctionApp } from "../../core/functions";
import { obj } from "../../core/props";

interface Config {
    additionalDeprecatedRuntimes: string[];
    allowedRuntimes: string[];
}

/** Runtimes past their providers' deprecation dates (as of 2026-11); no security patches. */
export const DEPRECATED_LAMBDA_RUNTIMES = [
    "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x",
    "python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
    "ruby2.5", "ruby2.7", "ruby3.2", "java8", "go1.x", "provided",
    "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
];
export const DEPRECATED_GCF_RUNTIMES = [
    "nodejs6", "nodejs8", "nodejs10", "nodejs12", "nodejs14", "nodejs16", "nodejs18",
    "python37", "python38", "python39", "go111", "go113", "go116", "go118", "go119", "go120",
    "java11", "ruby26", "ruby27", "ruby30", "php74", "php81", "dotnet3", "dotnet6",
];
const AZURE_MINIMUM: Record<string, string> = { node: "22", python: "3.10", dotnet: "8", "dotnet-isolated": "8", java: "11", powershell: "7.4" };

/** Compares dotted versions numerically ("3.9" < "3.10"). */
function olderThan(version: string, minimum: string): boolean {
    const a = version.split(".").map(Number);
    const b = minimum.split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (x !== y) return x < y;
    }
    return false;
}

function azureRuntime(props: Record<string, unknown>): { name: string; version: string; label: string } | undefined {
    const flex = obj(obj(props.functionAppConfig).runtime);
    if (typeof flex.name === "string" && flex.version !== undefined) {
        return { name: flex.name.toLowerCase(), version: String(flex.version), label: `${flex.name} ${flex.version}` };
    }
    const fx = obj(props.siteConfig).linuxFxVersion;
    const m = typeof fx === "string" ? /^([A-Za-z-]+)\|(\d+(?:\.\d+)?)/.exec(fx) : null;
    return m ? { name: m[1].toLowerCase(), version: m[2], label: fx as string } : undefined;
}

export const functionDisallowDeprecatedRuntimes = resourceRule<Config>({
    name: "function-disallow-deprecated-runtimes",
    description: "Functions run on a runtime their cloud still patches: no deprecated Lambda, Cloud Functions or Azure Functions runtimes or retired Functions host versions.",
    severity: "high",
    remediation: "Move to a supported runtime (e.g. `nodejs22.x`, `python3.13`, Cloud Functions `nodejs22`, Azure `Node|22` or Functions host `~4`) and redeploy.",
    topics: ["function-security"],
    frameworks: [],
    checkov: ["CKV_AWS_363"],
    trivy: ["AZU-0070"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            additionalDeprecatedRuntimes: { type: "array", items: { type: "string" }, default: [], description: "More runtime identifiers to refuse, e.g. [\"python3.10\"]." },
            allowedRuntimes: { type: "array", items: { type: "string" }, default: [], description: "Runtime identifiers accepted even though listed as deprecated." },
        },
    },
    resourceTypes: [LAMBDA, GCF2, GCF1, WEB_APP],
    check: ({ type, props, config }, report) => {
        const refuse = (runtime: unknown, list: string[], field: string) => {
            if (typeof runtime !== "string" || config.allowedRuntimes.includes(runtime)) return;
            if (list.includes(runtime) || config.additionalDeprecatedRuntimes.includes(runtime)) report(`${field} "${runtime}" is deprecated and no longer patched.`);
        };
        if (type === LAMBDA) refuse(props.runtime, DEPRECATED_LAMBDA_RUNTIMES, "runtime");
        else if (type === GCF2) refuse(obj(props.buildConfig).runtime, DEPRECATED_GCF_RUNTIMES, "buildConfig.runtime");
        else if (type === GCF1) refuse(props.runtime, DEPRECATED_GCF_RUNTIMES, "runtime");
        else if (isFunctionApp(props)) {
            const runtime = azureRuntime(props);
            const minimum = runtime ? AZURE_MINIMUM[runtime.name] : undefined;
            if (runtime && minimum !== undefined && olderThan(runtime.version, minimum) && !config.allowedRuntimes.includes(runtime.label)) {
                report(`runtime ${runtime.label} is past end of support; use ${runtime.name} ${minimum} or newer.`);
            }
            const host = appSettings(props).get("FUNCTIONS_EXTENSION_VERSION");
            if (typeof host === "string" && /^~?[123]$/.test(host)) report(`FUNCTIONS_EXTENSION_VERSION "${host}" is a retired Functions host; use "~4".`);
        }
    },
});
