import { resourceRule, copyProps } from "../../core/define";
import { isTrue, obj } from "../../core/props";

/** A tag that can be overwritten makes a rollback redeploy something else. */
export const containerRegistryEnableImmutableTags = resourceRule({
    name: "container-registry-enable-immutable-tags",
    description: "Container registries refuse to overwrite an existing tag: ECR `imageTagMutability: IMMUTABLE`, Artifact Registry `dockerConfig.immutableTags`.",
    severity: "medium",
    remediation: "ECR: `imageTagMutability: \"IMMUTABLE\"`; Artifact Registry: `dockerConfig: { immutableTags: true }`.",
    topics: ["immutable-artifacts"],
    frameworks: [],
    checkov: ["CKV_AWS_51"],
    trivy: ["AWS-0031"],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:ecr/repository:Repository", "gcp:artifactregistry/repository:Repository"],
    check: ({ type, props }, report) => {
        if (type === "aws:ecr/repository:Repository") {
            if (props.imageTagMutability !== "IMMUTABLE" && props.imageTagMutability !== "IMMUTABLE_WITH_EXCLUSION") report(`imageTagMutability is ${props.imageTagMutability ?? "unset (MUTABLE)"}; tags can be overwritten.`);
        } else if ((props.format ?? "DOCKER") === "DOCKER" && !isTrue(obj(props.dockerConfig).immutableTags)) {
            report("dockerConfig.immutableTags is not true; tags can be overwritten.");
        }
    },
    remediate: ({ type, props }) => {
        if (type !== "aws:ecr/repository:Repository" || props.imageTagMutability === "IMMUTABLE" || props.imageTagMutability === "IMMUTABLE_WITH_EXCLUSION") return undefined;
        return { ...copyProps(props), imageTagMutability: "IMMUTABLE" };
    },
});
