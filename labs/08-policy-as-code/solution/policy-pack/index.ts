import { PolicyPack } from "@pulumi/policy";
import { toPolicy } from "platform-kit/policies";
import { s3BucketMissingOwnerTag } from "../rule";

// The lab's own pack: `pulumi preview --policy-pack policy-pack` runs it beside the program.
new PolicyPack("lab-08-own-rules", { policies: [toPolicy(s3BucketMissingOwnerTag)] });
