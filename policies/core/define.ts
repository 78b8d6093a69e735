import type { ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { RuleDefinition } from "./rule";
import { Props } from "./props";

type Common = Omit<RuleDefinition, "validateResource" | "remediateResource" | "validateStack">;

/** What a resource rule's check sees: the @pulumi/policy args plus the config with defaults. */
export interface Subject<Config> {
    args: ResourceValidationArgs;
    type: string;
    props: Props;
    config: Config;
}

export interface ResourceRuleSpec<Config extends object> extends Common {
    /** Reports every violation of this resource (called only for `resourceTypes`). */
    check: (subject: Subject<Config>, report: ReportViolation) => void;
    /** Returns fixed inputs when a safe fix exists and is needed, else undefined. */
    remediate?: (subject: Subject<Config>) => Props | undefined;
}

/** A resource rule that only looks at `resourceTypes`. */
export function resourceRule<Config extends object = Record<string, never>>(spec: ResourceRuleSpec<Config>): RuleDefinition {
    const { check, remediate, ...common } = spec;
    const applies = new Set(spec.resourceTypes);
    const subject = (args: ResourceValidationArgs): Subject<Config> => ({ args, type: args.type, props: args.props, config: args.getConfig<Config>() });
    return {
        ...common,
        validateResource: (args, report) => {
            if (!applies.has(args.type)) return;
            check(subject(args), report);
        },
        remediateResource: remediate
            ? (args) => {
                  if (!applies.has(args.type)) return undefined;
                  return remediate(subject(args));
              }
            : undefined,
    };
}

export interface StackRuleSpec<Config extends object> extends Common {
    check: (args: StackValidationArgs, report: ReportViolation, config: Config) => void;
}

/** A rule over the whole stack: relations between resources. */
export function stackRule<Config extends object = Record<string, never>>(spec: StackRuleSpec<Config>): RuleDefinition {
    const { check, ...common } = spec;
    return { ...common, validateStack: (args, report) => check(args, report, args.getConfig<Config>()) };
}

/** A deep copy of resource inputs that a remediation may change (drops the unknown proxy). */
export function copyProps(props: Props): Props {
    return JSON.parse(JSON.stringify(props)) as Props;
}
