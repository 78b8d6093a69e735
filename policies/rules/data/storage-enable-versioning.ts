import { stackRule } from "../../core/define";
import { isTrue, obj } from "../../core/props";

const S3_BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const S3_VERSIONING = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

/** Versioning turns an overwrite or delete into something you can undo. */
export const storageEnableVersioning = stackRule({
    name: "storage-enable-versioning",
    description: "Object storage keeps old versions: every S3 bucket has versioning Enabled, Cloud Storage buckets `versioning.enabled`, Azure blob services `isVersioningEnabled`.",
    severity: "medium",
    remediation: "AWS: an `aws.s3.BucketVersioning` with `versioningConfiguration: { status: \"Enabled\" }`; Google Cloud: `versioning: { enabled: true }`; Azure: `BlobServiceProperties` with `isVersioningEnabled: true`. Add lifecycle rules to expire old versions.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_21", "CKV_GCP_78"],
    trivy: ["AWS-0090", "GCP-0078"],
    enforcementLevel: "advisory",
    resourceTypes: [...S3_BUCKETS, ...S3_VERSIONING, "gcp:storage/bucket:Bucket", "azure-native:storage:BlobServiceProperties"],
    check: (args, report) => {
        const versioned = new Set<string>();
        for (const r of args.resources) {
            if (S3_VERSIONING.includes(r.type) && obj(r.props.versioningConfiguration).status === "Enabled") versioned.add(String(r.props.bucket));
        }
        for (const r of args.resources) {
            if (S3_BUCKETS.includes(r.type)) {
                const inline = isTrue(obj(r.props.versioning).enabled);
                const names = [r.props.id, r.props.bucket].map(String);
                if (!inline && !names.some((n) => versioned.has(n))) report(`S3 bucket ${r.name} has no BucketVersioning with status Enabled.`, r.urn);
            } else if (r.type === "gcp:storage/bucket:Bucket") {
                if (!isTrue(obj(r.props.versioning).enabled)) report(`bucket ${r.name} has versioning.enabled unset.`, r.urn);
            } else if (r.type === "azure-native:storage:BlobServiceProperties") {
                if (!isTrue(r.props.isVersioningEnabled)) report(`blob service ${r.name} has isVersioningEnabled unset.`, r.urn);
            }
        }
    },
});
