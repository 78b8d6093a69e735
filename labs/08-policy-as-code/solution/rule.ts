import { resourceRule } from "platform-kit/policies";

/** The tag that names who answers for a bucket's data: an email address. */
export const OWNER_TAG = "owner";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Every S3 bucket names its owner. When a bucket leaks, fills up or must be deleted, someone
 * has to be asked; a bucket without an owner is a bucket nobody dares to touch.
 */
export const s3BucketMissingOwnerTag = resourceRule({
    name: "s3-bucket-missing-owner-tag",
    description: "Every S3 bucket carries an `owner` tag: the email address of the team that answers for its data.",
    severity: "medium",
    remediation: 'Add `tags: { owner: "team@example.com" }` to the bucket, or exempt it with a reason: `"platform-kit.exempt/s3-bucket-missing-owner-tag": "<why>"`.',
    topics: ["tags"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "mandatory",
    resourceTypes: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    check: ({ props }, report) => {
        const tags: Record<string, unknown> = props.tags ?? {};
        const owner = tags[OWNER_TAG];
        if (owner === undefined) report(`tags has no ${OWNER_TAG}; name the team that answers for this bucket's data.`);
        else if (typeof owner !== "string" || !EMAIL.test(owner)) report(`tags.${OWNER_TAG} is "${String(owner)}"; give an email address.`);
    },
});
