import assert from "node:assert/strict";
import {
    COMPONENT_KEY,
    MANAGED_BY_KEY,
    awsTagProblems,
    azureTagProblems,
    gcpLabelProblems,
    gcpLabels,
    kubernetesLabels,
    stableHash,
    standardTags,
} from "../../components/core";

describe("core tags", () => {
    describe("standardTags", () => {
        it("adds who manages the resource and which component made it to the user's tags", () => {
            assert.deepEqual(standardTags("network", { team: "payments" }), {
                team: "payments",
                "managed-by": "platform-kit",
                "platform-kit-component": "network",
            });
        });

        it("cannot be overridden by a user tag of the same key", () => {
            const tags = standardTags("network", { [MANAGED_BY_KEY]: "terraform", [COMPONENT_KEY]: "other" });
            assert.equal(tags[MANAGED_BY_KEY], "platform-kit");
            assert.equal(tags[COMPONENT_KEY], "network");
        });
    });

    describe("awsTagProblems", () => {
        it("accepts ordinary tags", () => {
            assert.deepEqual(awsTagProblems({ team: "payments", "cost-center": "42" }), []);
        });

        it("refuses keys with the reserved aws: prefix, in any case", () => {
            assert.deepEqual(awsTagProblems({ "aws:createdBy": "me", "AWS:Team": "x" }), [
                { field: "tags.aws:createdBy", value: "aws:createdBy", allowed: 'a key not starting with "aws:" (reserved by AWS)' },
                { field: "tags.AWS:Team", value: "AWS:Team", allowed: 'a key not starting with "aws:" (reserved by AWS)' },
            ]);
        });

        it("refuses keys over 128 characters and values over 256", () => {
            const key = "k".repeat(129);
            assert.deepEqual(awsTagProblems({ [key]: "v", team: "v".repeat(257) }), [
                { field: `tags.${key}`, value: key, allowed: "a key of 1 to 128 characters" },
                { field: "tags.team", value: "257 characters", allowed: "a value of at most 256 characters" },
            ]);
        });

        it("refuses more than 48 tags (AWS allows 50, platform-kit adds 2)", () => {
            const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, "v"]));
            assert.deepEqual(awsTagProblems(tags), [{ field: "tags", value: "49 tags", allowed: "at most 48 tags (AWS allows 50; platform-kit adds 2)" }]);
            assert.deepEqual(awsTagProblems(Object.fromEntries(Object.entries(tags).slice(0, 48))), []);
        });

        it("names the field it was given", () => {
            assert.equal(awsTagProblems({ "aws:x": "y" }, "members[0].tags")[0].field, "members[0].tags.aws:x");
        });
    });

    describe("azureTagProblems", () => {
        it("refuses names with characters Azure forbids", () => {
            for (const key of ["a<b", "a>b", "50%", "a&b", "a\\b", "a?b", "a/b"]) {
                assert.deepEqual(azureTagProblems({ [key]: "v" }), [
                    { field: `tags.${key}`, value: key, allowed: "a name of 1 to 512 characters without < > % & \\ ? /" },
                ]);
            }
        });

        it("accepts long names up to 512 and refuses values over 256", () => {
            assert.deepEqual(azureTagProblems({ ["k".repeat(512)]: "v" }), []);
            assert.equal(azureTagProblems({ ["k".repeat(513)]: "v" }).length, 1);
            assert.deepEqual(azureTagProblems({ team: "v".repeat(257) }), [
                { field: "tags.team", value: "257 characters", allowed: "a value of at most 256 characters" },
            ]);
        });
    });

    describe("gcpLabels", () => {
        it("folds keys and values to Google Cloud's lower-case character set", () => {
            assert.deepEqual(gcpLabels({ Team: "Platform Eng", "cost.center": "R&D/42" }), { team: "platform_eng", cost_center: "r_d_42" });
        });

        it("keeps the standard tags as they are (they are already valid labels)", () => {
            assert.deepEqual(gcpLabels(standardTags("network")), { "managed-by": "platform-kit", "platform-kit-component": "network" });
        });

        it("makes keys start with a letter", () => {
            assert.deepEqual(gcpLabels({ "1st": "x", _private: "y" }), { k1st: "x", k_private: "y" });
        });

        it("cuts keys and values over 63 characters with a stable hash", () => {
            const long = "Value ".repeat(20);
            const labels = gcpLabels({ note: long });
            assert.equal(labels.note.length, 63);
            assert.equal(labels.note, `${"value_".repeat(10).slice(0, 55)}_${stableHash(long, 7)}`);
            assert.deepEqual(gcpLabels({ note: long }), labels);
            const key = "k".repeat(80);
            const [folded] = Object.keys(gcpLabels({ [key]: "v" }));
            assert.equal(folded.length, 63);
            assert.match(folded, /^[a-z][a-z0-9_-]*$/);
        });
    });

    describe("gcpLabelProblems", () => {
        it("reports keys that fold to the same label", () => {
            assert.deepEqual(gcpLabelProblems({ Team: "a", team: "b" }), [
                { field: "tags.team", value: "team", allowed: 'a key that does not fold to the same Google Cloud label as "Team" ("team")' },
            ]);
            assert.equal(gcpLabelProblems({ "cost.center": "a", cost_center: "b" }).length, 1);
        });

        it("refuses more than 62 labels (Google Cloud allows 64, platform-kit adds 2)", () => {
            const tags = Object.fromEntries(Array.from({ length: 63 }, (_, i) => [`k${i}`, "v"]));
            assert.deepEqual(gcpLabelProblems(tags), [{ field: "tags", value: "63 labels", allowed: "at most 62 labels (Google Cloud allows 64; platform-kit adds 2)" }]);
        });

        it("accepts distinct keys", () => {
            assert.deepEqual(gcpLabelProblems({ Team: "a", owner: "b" }), []);
        });
    });

    it("kubernetesLabels uses the well-known app.kubernetes.io keys", () => {
        assert.deepEqual(kubernetesLabels("data-fleet", "orders"), {
            "app.kubernetes.io/managed-by": "platform-kit",
            "app.kubernetes.io/part-of": "data-fleet",
            "app.kubernetes.io/name": "orders",
        });
    });
});
