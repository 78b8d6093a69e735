import { resourceRule } from "../../core/define";
import { cisAws, cisGcp, cisKubernetes } from "../../core/rule";
import { asList, list, policyStatements } from "../../core/props";
import { IAM_POLICY_TYPES, awsPolicyDocuments } from "./iam-disallow-wildcard-actions";

interface Config {
    awsManagedPolicies: string[];
    gcpRoles: string[];
    azureRoleIds: string[];
    kubernetesClusterRoles: string[];
}

const ATTACHMENTS = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
];

const GCP_IAM = [
    "gcp:projects/iAMMember:IAMMember",
    "gcp:projects/iAMBinding:IAMBinding",
    "gcp:organizations/iAMMember:IAMMember",
    "gcp:organizations/iAMBinding:IAMBinding",
    "gcp:folder/iAMMember:IAMMember",
    "gcp:folder/iAMBinding:IAMBinding",
];

const BINDINGS = ["kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"];

/** Workloads get roles scoped to what they do; an admin grant turns any compromise into a full takeover. */
export const iamDisallowAdminPrivileges = resourceRule<Config>({
    name: "iam-disallow-admin-privileges",
    description: "No identity is granted full administrator rights: AWS `*` on `*` or AdministratorAccess, Google Cloud basic Owner/Editor roles, Azure Owner / User Access Administrator, Kubernetes cluster-admin.",
    severity: "critical",
    remediation: "Grant a role scoped to the workload's actions and resources; keep administrator access to break-glass human roles managed outside the workload's stack.",
    topics: ["identity"],
    frameworks: [cisAws("1.16"), cisGcp("1.5"), cisKubernetes("5.1.1")],
    checkov: ["CKV_AWS_62", "CKV_AWS_1", "CKV_AWS_274", "CKV_AWS_275", "CKV_GCP_42"],
    trivy: ["AWS-0057", "KSV-0111"],
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            awsManagedPolicies: { type: "array", items: { type: "string" }, default: ["arn:aws:iam::aws:policy/AdministratorAccess"], description: "Managed policy ARNs treated as administrator access." },
            gcpRoles: { type: "array", items: { type: "string" }, default: ["roles/owner", "roles/editor"], description: "Google Cloud roles treated as administrator access." },
            azureRoleIds: {
                type: "array",
                items: { type: "string" },
                default: ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"],
                description: "Azure built-in role definition GUIDs treated as administrator access (Owner, User Access Administrator).",
            },
            kubernetesClusterRoles: { type: "array", items: { type: "string" }, default: ["cluster-admin"], description: "Kubernetes cluster roles treated as administrator access." },
        },
    },
    resourceTypes: [...IAM_POLICY_TYPES, ...ATTACHMENTS, ...GCP_IAM, "azure-native:authorization:RoleAssignment", ...BINDINGS],
    check: ({ type, props, config }, report) => {
        if (IAM_POLICY_TYPES.includes(type)) {
            for (const [field, document] of awsPolicyDocuments(type, props)) {
                policyStatements(document).forEach((s, i) => {
                    if ((s.Effect ?? "Allow") === "Allow" && asList(s.Action).includes("*") && asList(s.Resource).includes("*")) {
                        report(`${field} statement ${i} allows every action on every resource (administrator access).`);
                    }
                });
            }
            if (type === "aws:iam/role:Role") {
                for (const arn of asList(props.managedPolicyArns)) if (config.awsManagedPolicies.includes(arn)) report(`managedPolicyArns attaches ${arn}.`);
            }
        } else if (ATTACHMENTS.includes(type)) {
            if (config.awsManagedPolicies.includes(String(props.policyArn))) report(`policyArn attaches ${props.policyArn} (administrator access).`);
        } else if (GCP_IAM.includes(type)) {
            if (config.gcpRoles.includes(String(props.role))) report(`role ${props.role} is a basic role with administrator rights; grant a predefined or custom role.`);
        } else if (type === "azure-native:authorization:RoleAssignment") {
            const id = String(props.roleDefinitionId ?? "").toLowerCase();
            const match = config.azureRoleIds.find((guid) => id.endsWith(guid.toLowerCase()));
            if (match) report(`roleDefinitionId ${props.roleDefinitionId} is an administrator role (${match === "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" ? "Owner" : "privileged"}).`);
        } else {
            const ref = props.roleRef ?? {};
            if (ref.kind === "ClusterRole" && config.kubernetesClusterRoles.includes(String(ref.name))) {
                const subjects = list(props.subjects).map((s) => `${s.kind}/${s.name}`).join(", ");
                report(`roleRef binds ${ref.name} to ${subjects || "its subjects"}.`);
            }
        }
    },
});
