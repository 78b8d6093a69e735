import { containers } from "../../core/kubernetes";
import { podRule } from "./pod-rule";

interface Config {
    requireDigest: boolean;
}

/** Splits `registry:5000/team/app:1.2@sha256:...` into its tag and digest. */
export function imageReference(image: string): { tag?: string; digest?: string } {
    const [rest, digest] = image.split("@");
    const lastSegment = rest.slice(rest.lastIndexOf("/") + 1);
    const colon = lastSegment.lastIndexOf(":");
    return { tag: colon >= 0 ? lastSegment.slice(colon + 1) : undefined, digest };
}

/** `latest` and untagged images change under a running Deployment: rollbacks and audits lie. */
export const kubernetesPodConfigurePinnedImages = podRule<Config>({
    name: "kubernetes-pod-configure-pinned-images",
    description: "Container images name a fixed version tag (not `latest`, not untagged) or a digest; with `requireDigest`, a digest.",
    severity: "medium",
    remediation: "Reference images as `repo/app:1.4.2` or, better, `repo/app@sha256:...` and bump the reference to deploy.",
    topics: ["workload-hygiene"],
    frameworks: [],
    checkov: ["CKV_K8S_14", "CKV_K8S_43"],
    trivy: ["KSV-0013"],
    enforcementLevel: "mandatory",
    configSchema: { properties: { requireDigest: { type: "boolean", default: false, description: "Require `@sha256:` digests, not only fixed tags." } } },
    checkPod: (pod, report, { config }) => {
        for (const c of containers(pod)) {
            const image = c.container.image;
            if (typeof image !== "string" || image === "") {
                report(`${c.path}.image is unset.`);
                continue;
            }
            const { tag, digest } = imageReference(image);
            if (digest) continue;
            if (tag === undefined) report(`${c.path}.image "${image}" has no tag (pulls latest).`);
            else if (tag === "latest") report(`${c.path}.image "${image}" uses the latest tag.`);
            else if (config.requireDigest) report(`${c.path}.image "${image}" is not pinned by digest.`);
        }
    },
});
