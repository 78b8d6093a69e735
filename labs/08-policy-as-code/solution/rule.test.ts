import * as assert from "node:assert/strict";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { s3BucketMissingOwnerTag } from "./rule";

/** What CrossGuard hands a rule for one resource: its type, name and inputs. */
function argsFor(type: string, props: Record<string, unknown>): ResourceValidationArgs {
    return {
        type,
        props,
        urn: `urn:pulumi:dev::lab::${type}::test`,
        name: "test",
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => ({}) as T,
        notApplicable: (reason?: string) => {
            throw new Error(reason);
        },
    };
}

/** The messages the rule reports for one bucket. */
async function violations(props: Record<string, unknown>, type = "aws:s3/bucket:Bucket"): Promise<string[]> {
    const messages: string[] = [];
    const validate = s3BucketMissingOwnerTag.validateResource;
    if (validate === undefined) throw new Error("the rule has no validateResource");
    for (const check of Array.isArray(validate) ? validate : [validate]) await check(argsFor(type, props), (message: string) => messages.push(message));
    return messages;
}

describe("lab 08: s3-bucket-missing-owner-tag", () => {
    it("reports a bucket without tags", async () => {
        assert.equal((await violations({})).length, 1);
    });

    it("reports a bucket whose tags have no owner", async () => {
        const found = await violations({ tags: { team: "finance" } });
        assert.equal(found.length, 1);
        assert.match(found[0], /owner/);
    });

    it("reports an owner that is not an email address", async () => {
        assert.equal((await violations({ tags: { owner: "finance" } })).length, 1);
    });

    it("accepts a bucket owned by an email address", async () => {
        assert.deepEqual(await violations({ tags: { owner: "finance@example.com" } }), []);
    });

    it("is enforced: a violation stops the deploy", () => {
        assert.equal(s3BucketMissingOwnerTag.enforcementLevel, "mandatory");
    });
});
