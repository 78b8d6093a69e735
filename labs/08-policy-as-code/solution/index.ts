import * as aws from "@pulumi/aws";

// Lab 08 solution: the reports bucket names its owner; scratch is exempted from the rule,
// with the reason written on the bucket itself where every reviewer sees it.
const tags = { team: "finance", "managed-by": "pulumi" };

const reports = new aws.s3.Bucket("reports", { tags: { ...tags, owner: "finance@example.com" } });
new aws.s3.BucketPublicAccessBlock("reports", { bucket: reports.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketVersioning("reports", { bucket: reports.id, versioningConfiguration: { status: "Enabled" } });

const scratch = new aws.s3.Bucket("scratch", {
    forceDestroy: true,
    tags: { ...tags, "platform-kit.exempt/s3-bucket-missing-owner-tag": "throw-away files, emptied every night" },
});
new aws.s3.BucketPublicAccessBlock("scratch", { bucket: scratch.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketLifecycleConfiguration("scratch", { bucket: scratch.id, rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 1 } }] });

export const reportsBucket = reports.bucket;
export const scratchBucket = scratch.bucket;
