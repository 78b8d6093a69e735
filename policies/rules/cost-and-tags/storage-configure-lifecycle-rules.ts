import { stackRule } from "../../core/define";
import { list } from "../../core/props";

const S3_BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const S3_LIFECYCLE = ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"];

/** Without lifecycle rules, old objects and versions accumulate and are billed forever. */
export const storageConfigureLifecycleRules = stackRule({
    name: "storage-configure-lifecycle-rules",
    description: "Buckets expire or tier old data: S3 buckets have a lifecycle configuration, Cloud Storage buckets lifecycle rules, Azure storage accounts a management policy.",
    severity: "low",
    remediation: "AWS: an `aws.s3.BucketLifecycleConfiguration` (expire noncurrent versions, abort incomplete uploads); Google Cloud: `lifecycleRules`; Azure: a `storage.ManagementPolicy` for the account.",
    topics: ["cost-control"],
    frameworks: [],
    checkov: ["CKV2_AWS_61"],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [...S3_BUCKETS, ...S3_LIFECYCLE, "gcp:storage/bucket:Bucket", "azure-native:storage:StorageAccount", "azure-native:storage:ManagementPolicy"],
    check: (args, report) => {
        const s3 = new Set(args.resources.filter((r) => S3_LIFECYCLE.includes(r.type)).map((r) => String(r.props.bucket)));
        const azure = new Set(args.resources.filter((r) => r.type === "azure-native:storage:ManagementPolicy").map((r) => String(r.props.accountName)));
        for (const r of args.resources) {
            if (S3_BUCKETS.includes(r.type)) {
                if (list(r.props.lifecycleRules).length === 0 && ![r.props.id, r.props.bucket].some((n) => s3.has(String(n)))) report(`S3 bucket ${r.name} has no lifecycle configuration.`, r.urn);
            } else if (r.type === "gcp:storage/bucket:Bucket") {
                if (list(r.props.lifecycleRules).length === 0) report(`bucket ${r.name} has no lifecycleRules.`, r.urn);
            } else if (r.type === "azure-native:storage:StorageAccount") {
                if (![r.props.accountName, r.props.name].some((n) => azure.has(String(n)))) report(`storage account ${r.name} has no ManagementPolicy.`, r.urn);
            }
        }
    },
});
