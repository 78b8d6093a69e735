import type { PolicyComplianceFramework, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PackName, RuleDefinition } from "./core/rule";
import { RULES } from "./rules";

export interface PackDefinition {
    name: PackName;
    /** The PolicyPack's name in the Pulumi engine. */
    packName: string;
    description: string;
    /** Rules whose topics include one of these belong to the pack. */
    topics: readonly string[];
}

export const PACKS: Readonly<Record<PackName, PackDefinition>> = {
    security: {
        name: "security",
        packName: "platform-kit-security",
        description: "Hosts, networks, identities, keys and clusters on AWS, Google Cloud, Azure: IMDSv2, no public IPs or internet-facing admin ports, no secrets in user data, least-privilege IAM, private buckets, private and encrypted Kubernetes control planes.",
        topics: ["instance-hardening", "network-exposure", "secrets", "identity", "storage-access", "cluster-hardening", "keys"],
    },
    immutable: {
        name: "immutable",
        packName: "platform-kit-immutable",
        description: "Immutable infrastructure: hosts from pinned baked images in self-healing, rolling, multi-zone groups, no SSH, immutable artifact tags.",
        topics: ["immutable-hosts", "immutable-artifacts"],
    },
    serverless: {
        name: "serverless",
        packName: "platform-kit-serverless",
        description: "Functions on Lambda, Cloud Functions, Cloud Run, Azure Functions and Knative: no secrets in environment, no anonymous invocation, supported runtimes, tracing, bounded scale.",
        topics: ["function-security", "function-operations"],
    },
    kubernetes: {
        name: "kubernetes",
        packName: "platform-kit-kubernetes",
        description: "Every Pod Security Standards control (baseline and restricted) on every workload kind including Knative Services, plus pinned images, requests and limits, tokens and exposure.",
        topics: ["pod-security", "workload-hygiene", "workload-exposure"],
    },
    data: {
        name: "data",
        packName: "platform-kit-data",
        description: "Databases, caches and brokers on every cloud and operator: encrypted at rest and in transit, private, authenticated, backed up, protected from deletion.",
        topics: ["data-protection", "data-resilience"],
    },
    "cost-and-tags": {
        name: "cost-and-tags",
        packName: "platform-kit-cost-and-tags",
        description: "Tags and labels for cost attribution, allowed machine and database sizes, bounded groups, gp3, log retention and lifecycle rules.",
        topics: ["tagging", "cost-control"],
    },
};

export const PACK_NAMES: readonly PackName[] = ["security", "immutable", "serverless", "kubernetes", "data", "cost-and-tags"];

/** The rules a pack selects from the registry. */
export function rulesFor(pack: PackName): RuleDefinition[] {
    const topics = PACKS[pack].topics;
    return RULES.filter((rule) => rule.topics.some((t) => topics.includes(t)));
}

function framework(rule: RuleDefinition): PolicyComplianceFramework | undefined {
    const first = rule.frameworks[0];
    return first ? { name: first.name, version: first.version, reference: first.control, specification: rule.frameworks.map((f) => `${f.name} ${f.control}`).join("; ") } : undefined;
}

/** A registry rule as a @pulumi/policy policy, for a PolicyPack. */
export function toPolicy(rule: RuleDefinition): ResourceValidationPolicy | StackValidationPolicy {
    const common = {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel,
        severity: rule.severity,
        configSchema: rule.configSchema,
        remediationSteps: rule.remediation,
        framework: framework(rule),
        tags: [...rule.topics, ...rule.checkov.map((id) => `checkov:${id}`), ...rule.trivy.map((id) => `trivy:${id}`)],
    };
    if (rule.validateStack) return { ...common, validateStack: rule.validateStack };
    return { ...common, validateResource: rule.validateResource, remediateResource: rule.remediateResource };
}

/** The @pulumi/policy policies of one pack. */
export function policiesFor(pack: PackName): Array<ResourceValidationPolicy | StackValidationPolicy> {
    return rulesFor(pack).map(toPolicy);
}
