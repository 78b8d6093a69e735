import { resourceRule } from "../../core/define";
import { cisKubernetes } from "../../core/rule";
import { asList, list, policyStatements } from "../../core/props";

interface Config {
    allowedWildcardActions: string[];
}

export const IAM_POLICY_TYPES = [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
    "aws:iam/role:Role",
];

/** Inline and managed AWS policy documents of a resource, with where they sit. */
export function awsPolicyDocuments(type: string, props: Record<string, unknown>): Array<[string, unknown]> {
    if (type === "aws:iam/role:Role") return list(props.inlinePolicies).map((p, i): [string, unknown] => [`inlinePolicies[${i}].policy`, p.policy]);
    return [["policy", props.policy]];
}

/** Least privilege: a `*` action grants every future API of the service too. */
export const iamDisallowWildcardActions = resourceRule<Config>({
    name: "iam-disallow-wildcard-actions",
    description: "IAM policies, Azure role definitions and Kubernetes RBAC roles grant named actions, not `*` or whole-service wildcards.",
    severity: "high",
    remediation: "List the actions the workload calls (e.g. `s3:GetObject`, not `s3:*`); in Kubernetes roles name verbs and resources; in Azure role definitions name the operations.",
    topics: ["identity"],
    frameworks: [cisKubernetes("5.1.3")],
    checkov: ["CKV_AWS_63", "CKV_AWS_49", "CKV_K8S_49"],
    trivy: ["AWS-0057", "AZU-0030", "KSV-0044", "KSV-0045", "KSV-0046"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedWildcardActions: { type: "array", items: { type: "string" }, default: [], description: "Wildcard actions accepted anyway, e.g. [\"logs:*\"]." },
        },
    },
    resourceTypes: [
        ...IAM_POLICY_TYPES,
        "azure-native:authorization:RoleDefinition",
        "kubernetes:rbac.authorization.k8s.io/v1:Role",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    ],
    check: ({ type, props, config }, report) => {
        const allowed = new Set(config.allowedWildcardActions);
        if (type.startsWith("aws:")) {
            for (const [field, document] of awsPolicyDocuments(type, props)) {
                policyStatements(document).forEach((s, i) => {
                    if ((s.Effect ?? "Allow") !== "Allow") return;
                    if (s.NotAction !== undefined) report(`${field} statement ${i} allows NotAction, which grants every other action.`);
                    for (const action of asList(s.Action)) {
                        if ((action === "*" || /^[a-z0-9-]+:\*$/i.test(action)) && !allowed.has(action)) {
                            report(`${field} statement ${i} allows "${action}"; name the actions instead.`);
                        }
                    }
                });
            }
        } else if (type === "azure-native:authorization:RoleDefinition") {
            list(props.permissions).forEach((p, i) => {
                for (const action of [...asList(p.actions), ...asList(p.dataActions)]) {
                    if ((action === "*" || /^[^/]+\/\*$/.test(action)) && !allowed.has(action)) report(`permissions[${i}] allows "${action}"; name the operations instead.`);
                }
            });
        } else {
            list(props.rules).forEach((r, i) => {
                if (asList(r.verbs).includes("*")) report(`rules[${i}].verbs contains "*"; name the verbs.`);
                if (asList(r.resources).includes("*")) report(`rules[${i}].resources contains "*"; name the resources.`);
            });
        }
    },
});
