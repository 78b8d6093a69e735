import * as aws from "@pulumi/aws";

// Lab 08: two buckets and a rule of your own (rule.ts): "every S3 bucket names its owner".
const tags = { team: "finance", "managed-by": "pulumi" };

// TODO 4: reports keeps data people ask about: add `owner: "finance@example.com"` to its tags.
const reports = new aws.s3.Bucket("reports", { tags: { ...tags } });
new aws.s3.BucketPublicAccessBlock("reports", { bucket: reports.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketVersioning("reports", { bucket: reports.id, versioningConfiguration: { status: "Enabled" } });

// TODO 5: scratch holds throw-away files and has no owner: exempt it from the rule, with
// the reason, as a tag: "platform-kit.exempt/s3-bucket-missing-owner-tag": "<why>".
const scratch = new aws.s3.Bucket("scratch", { forceDestroy: true, tags: { ...tags } });
new aws.s3.BucketPublicAccessBlock("scratch", { bucket: scratch.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new aws.s3.BucketLifecycleConfiguration("scratch", { bucket: scratch.id, rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 1 } }] });

export const reportsBucket = reports.bucket;
export const scratchBucket = scratch.bucket;
