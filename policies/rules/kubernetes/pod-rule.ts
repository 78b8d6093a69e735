import type { ReportViolation } from "@pulumi/policy";
import { ResourceRuleSpec, Subject, resourceRule } from "../../core/define";
import { PodTemplate, WORKLOAD_TYPES, podTemplate } from "../../core/kubernetes";
import { RuleDefinition } from "../../core/rule";

export interface PodRuleSpec<Config extends object> extends Omit<ResourceRuleSpec<Config>, "check" | "resourceTypes"> {
    /** Reports violations of one pod template; `pod.path` prefixes every field named. */
    checkPod: (pod: PodTemplate, report: ReportViolation, subject: Subject<Config>) => void;
    /** Workload kinds to skip (e.g. batch kinds for probes). */
    skipTypes?: readonly string[];
}

/** A rule over the pod spec of every workload kind, wherever the kind keeps it. */
export function podRule<Config extends object = Record<string, never>>(spec: PodRuleSpec<Config>): RuleDefinition {
    const { checkPod, skipTypes = [], ...rest } = spec;
    return resourceRule<Config>({
        ...rest,
        resourceTypes: WORKLOAD_TYPES.filter((t) => !skipTypes.includes(t)),
        check: (subject, report) => {
            const pod = podTemplate(subject.type, subject.props);
            if (pod) checkPod(pod, report, subject);
        },
    });
}

export function isWindows(pod: PodTemplate): boolean {
    return (pod.spec.os ?? {}).name === "windows";
}
