import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceRemediation,
    ResourceValidation,
    StackValidation,
} from "@pulumi/policy";

/** How bad a violation is. Matches @pulumi/policy's `Severity`. */
export type Severity = "low" | "medium" | "high" | "critical";

/** The six packs shipped in `policies/<pack>/`. */
export type PackName = "security" | "immutable" | "serverless" | "kubernetes" | "data" | "cost-and-tags";

/** A control of a compliance framework that a rule helps satisfy. */
export interface FrameworkReference {
    /** e.g. "CIS AWS Foundations", "CIS Kubernetes", "Pod Security Standards". */
    name: string;
    /** Framework version the control id refers to. */
    version: string;
    /** Control id or section, e.g. "5.2.1" or "baseline/privileged". */
    control: string;
}

/**
 * One rule of the registry with everything a reviewer, the planner and CrossGuard need.
 * A rule is either resource-level (`validateResource`, optional `remediateResource`) or
 * stack-level (`validateStack`, for relations between resources such as "every DataFleet
 * member has backups").
 */
export interface RuleDefinition {
    /** compliance-policies style: `<scope>-<disallow|enable|configure|missing>-<thing>`. */
    name: string;
    description: string;
    severity: Severity;
    /** What to change, in the program, to comply. */
    remediation: string;
    /** Concerns this rule belongs to; packs select rules by their topics. */
    topics: readonly string[];
    frameworks: readonly FrameworkReference[];
    /** Checkov check ids with the same intent (Terraform attribute names differ). */
    checkov: readonly string[];
    /** Trivy check ids (AVD ids) with the same intent. */
    trivy: readonly string[];
    /** The level the rule runs at unless the pack config overrides it. */
    enforcementLevel: Exclude<EnforcementLevel, "disabled">;
    /** Knobs, in @pulumi/policy's config schema format (defaults are applied for `getConfig`). */
    configSchema?: PolicyConfigSchema;
    /** Resource types a resource rule inspects (documentation and a fast filter). */
    resourceTypes: readonly string[];
    validateResource?: ResourceValidation;
    remediateResource?: ResourceRemediation;
    validateStack?: StackValidation;
}

export function isStackRule(rule: RuleDefinition): boolean {
    return rule.validateStack !== undefined;
}

/** Pod Security Standards reference for Kubernetes rules. */
export function pss(level: "baseline" | "restricted", control: string): FrameworkReference {
    return { name: "Pod Security Standards", version: "v1.33", control: `${level}/${control}` };
}

export function cisAws(control: string): FrameworkReference {
    return { name: "CIS AWS Foundations Benchmark", version: "3.0.0", control };
}

export function cisGcp(control: string): FrameworkReference {
    return { name: "CIS Google Cloud Platform Foundation Benchmark", version: "3.0.0", control };
}

export function cisAzure(control: string): FrameworkReference {
    return { name: "CIS Microsoft Azure Foundations Benchmark", version: "3.0.0", control };
}

export function cisKubernetes(control: string): FrameworkReference {
    return { name: "CIS Kubernetes Benchmark", version: "1.10.0", control };
}

export function cisEks(control: string): FrameworkReference {
    return { name: "CIS Amazon EKS Benchmark", version: "1.7.0", control };
}

export function cisGke(control: string): FrameworkReference {
    return { name: "CIS Google Kubernetes Engine Benchmark", version: "1.7.0", control };
}

export function cisAks(control: string): FrameworkReference {
    return { name: "CIS Azure Kubernetes Service Benchmark", version: "1.7.0", control };
}
