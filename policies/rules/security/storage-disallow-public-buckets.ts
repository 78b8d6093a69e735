import { resourceRule, copyProps } from "../../core/define";
import { cisAws, cisAzure, cisGcp } from "../../core/rule";
import { asList, isAnyonePrincipal, isPublicMember, isTrue, list, obj, policyStatements } from "../../core/props";

const BLOCK_FIELDS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];

/** Object storage stays private; public content goes through a CDN with origin access control. */
export const storageDisallowPublicBuckets = resourceRule({
    name: "storage-disallow-public-buckets",
    description: "S3 buckets, Cloud Storage buckets and Azure blob containers are not readable or writable by anonymous or all-authenticated users.",
    severity: "critical",
    remediation: "Keep all four S3 public access block settings true and drop public ACLs and `Principal: \"*\"` grants; remove `allUsers`/`allAuthenticatedUsers` bucket bindings; set Azure `allowBlobPublicAccess: false` and container `publicAccess: \"None\"`. Serve public files through CloudFront/Cloud CDN/Front Door.",
    topics: ["storage-access"],
    frameworks: [cisAws("2.1.4"), cisGcp("5.1"), cisAzure("3.7")],
    checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV_AWS_20", "CKV_GCP_28", "CKV_AZURE_34", "CKV_AZURE_190"],
    trivy: ["AWS-0086", "AWS-0087", "AWS-0091", "AWS-0093", "AWS-0092", "GCP-0001", "AZU-0007"],
    enforcementLevel: "mandatory",
    resourceTypes: [
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:s3/bucketAcl:BucketAcl",
        "aws:s3/bucketAclV2:BucketAclV2",
        "aws:s3/bucketPolicy:BucketPolicy",
        "gcp:storage/bucketIAMMember:BucketIAMMember",
        "gcp:storage/bucketIAMBinding:BucketIAMBinding",
        "gcp:storage/bucketAccessControl:BucketAccessControl",
        "azure-native:storage:StorageAccount",
        "azure-native:storage:BlobContainer",
    ],
    check: ({ type, props }, report) => {
        switch (type) {
            case "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":
                for (const field of BLOCK_FIELDS) {
                    if (!isTrue(props[field])) report(`${field} is ${props[field] === undefined ? "unset (defaults to false)" : "false"}; set it to true.`);
                }
                return;
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2":
            case "aws:s3/bucketAcl:BucketAcl":
            case "aws:s3/bucketAclV2:BucketAclV2":
                if (PUBLIC_ACLS.includes(String(props.acl))) report(`acl is "${props.acl}"; the bucket is public.`);
                list(obj(props.accessControlPolicy).grants).forEach((g, i) => {
                    if (/AllUsers|AuthenticatedUsers/.test(String(obj(g.grantee).uri ?? ""))) report(`accessControlPolicy.grants[${i}] grants ${obj(g.grantee).uri}.`);
                });
                return;
            case "aws:s3/bucketPolicy:BucketPolicy":
                policyStatements(props.policy).forEach((s, i) => {
                    if ((s.Effect ?? "Allow") === "Allow" && isAnyonePrincipal(s.Principal) && s.Condition === undefined) {
                        report(`policy statement ${i} allows ${asList(s.Action).join(", ")} to Principal "*" without a condition.`);
                    }
                });
                return;
            case "gcp:storage/bucketIAMMember:BucketIAMMember":
                if (isPublicMember(props.member)) report(`member ${props.member} gets ${props.role} on the bucket.`);
                return;
            case "gcp:storage/bucketIAMBinding:BucketIAMBinding":
                for (const m of asList(props.members)) if (isPublicMember(m)) report(`members includes ${m} for ${props.role}.`);
                return;
            case "gcp:storage/bucketAccessControl:BucketAccessControl":
                if (/^(allUsers|allAuthenticatedUsers)$/.test(String(props.entity))) report(`entity ${props.entity} is granted ${props.role}.`);
                return;
            case "azure-native:storage:StorageAccount":
                if (isTrue(props.allowBlobPublicAccess)) report("allowBlobPublicAccess is true; containers may be made public.");
                return;
            case "azure-native:storage:BlobContainer":
                if (props.publicAccess === "Blob" || props.publicAccess === "Container") report(`publicAccess is "${props.publicAccess}"; anonymous reads are allowed.`);
                return;
        }
    },
    remediate: ({ type, props }) => {
        if (type !== "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock" || BLOCK_FIELDS.every((f) => isTrue(props[f]))) return undefined;
        const fixed = copyProps(props);
        for (const f of BLOCK_FIELDS) fixed[f] = true;
        return fixed;
    },
});
