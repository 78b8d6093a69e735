import { resourceRule, copyProps } from "../../core/define";
import { obj } from "../../core/props";
import { pss } from "../../core/rule";

interface Config {
    minimumLevel: "baseline" | "restricted";
}

const LABEL = "pod-security.kubernetes.io/enforce";
const RANK: Record<string, number> = { privileged: 0, baseline: 1, restricted: 2 };

/** The Pod Security admission controller only enforces namespaces that carry its label. */
export const kubernetesNamespaceConfigurePodSecurity = resourceRule<Config>({
    name: "kubernetes-namespace-configure-pod-security",
    description: "Namespaces carry `pod-security.kubernetes.io/enforce` at `minimumLevel` (default baseline) or stricter, so the cluster itself rejects non-compliant pods.",
    severity: "medium",
    remediation: "Add the label `pod-security.kubernetes.io/enforce: restricted` (or baseline) to the namespace.",
    topics: ["pod-security"],
    frameworks: [pss("baseline", "admission")],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    configSchema: { properties: { minimumLevel: { type: "string", enum: ["baseline", "restricted"], default: "baseline", description: "Least strict enforce level accepted." } } },
    resourceTypes: ["kubernetes:core/v1:Namespace"],
    check: ({ props, config }, report) => {
        const level = obj(obj(props.metadata).labels)[LABEL];
        if (level === undefined) report(`metadata.labels has no ${LABEL}; pods are not checked at admission.`);
        else if ((RANK[String(level)] ?? 0) < RANK[config.minimumLevel]) report(`${LABEL} is "${level}"; use "${config.minimumLevel}" or stricter.`);
    },
    remediate: ({ props, config }) => {
        if (obj(obj(props.metadata).labels)[LABEL] !== undefined) return undefined;
        const fixed = copyProps(props);
        fixed.metadata = { ...obj(fixed.metadata), labels: { ...obj(obj(fixed.metadata).labels), [LABEL]: config.minimumLevel } };
        return fixed;
    },
});
