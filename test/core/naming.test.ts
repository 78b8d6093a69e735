import assert from "node:assert/strict";
import { NAME_RULES, NameKind, cloudName, nameProblem, stableHash } from "../../components/core";

const KINDS = Object.keys(NAME_RULES) as NameKind[];

/** Inputs users really type, and the awkward ones. */
const ODD_INPUTS: string[][] = [
    ["core"],
    ["checkout-web", "alb"],
    ["Checkout Web", "ALB"],
    ["9lives", "db"],
    ["--edge--", "__x__"],
    ["日本語の名前"],
    ["!!!"],
    ["a"],
    ["team.payments/prod", "primary"],
    ["x".repeat(300)],
    ["Platform-Kit-".repeat(20), "Redis"],
    ["prod", "a".repeat(60), "b".repeat(60)],
];

describe("core naming", () => {
    for (const kind of KINDS) {
        describe(kind, () => {
            it("turns every input into a name the cloud accepts", () => {
                for (const parts of ODD_INPUTS) {
                    const name = cloudName(kind, ...parts);
                    assert.equal(nameProblem(kind, name), undefined, `${kind}: ${JSON.stringify(parts)} gave ${JSON.stringify(name)}`);
                }
            });

            it("leaves room for a provider suffix when asked to", () => {
                const reserve = Math.min(8, NAME_RULES[kind].maxLength - 4);
                const name = cloudName(kind, "x".repeat(300), { reserve });
                assert.ok(name.length <= NAME_RULES[kind].maxLength - reserve, `${kind}: ${name.length} > ${NAME_RULES[kind].maxLength - reserve}`);
                assert.equal(nameProblem(kind, name), undefined);
            });

            it("shortens with a stable hash: the same input, the same name", () => {
                const long = ["Platform Kit ".repeat(30), "primary"];
                assert.equal(cloudName(kind, ...long), cloudName(kind, ...long));
            });

            it("keeps long names that share a prefix different", () => {
                const prefix = "shared-prefix-".repeat(40);
                assert.notEqual(cloudName(kind, `${prefix}alpha`), cloudName(kind, `${prefix}beta`));
            });
        });
    }

    it("leaves a valid short name as it is", () => {
        assert.equal(cloudName("aws-load-balancer", "checkout", "alb"), "checkout-alb");
        assert.equal(cloudName("gcp-resource", "core", "vpc"), "core-vpc");
        assert.equal(cloudName("azure-resource", "Core", "VNet"), "Core-VNet");
    });

    it("folds case where the cloud wants lower case", () => {
        assert.equal(cloudName("gcp-resource", "Core", "VPC"), "core-vpc");
        assert.equal(cloudName("aws-rds", "Orders", "DB"), "orders-db");
        assert.equal(cloudName("kubernetes", "My App"), "my-app");
    });

    it("replaces invalid characters and collapses separators", () => {
        assert.equal(cloudName("gcp-resource", "team.payments//prod", "primary"), "team-payments-prod-primary");
        assert.equal(cloudName("aws-load-balancer", "--edge--", "alb"), "edge-alb");
    });

    it("starts with a letter where the cloud requires it", () => {
        assert.equal(cloudName("gcp-resource", "9lives"), "n-9lives");
        assert.equal(cloudName("aws-s3", "9lives"), "9lives");
    });

    it("drops separators from kinds that allow none", () => {
        assert.equal(cloudName("azure-storage", "Core-Data", "logs"), "coredatalogs");
    });

    it("cuts a long name to the limit and ends it with a hash of the whole input", () => {
        const long = "a".repeat(100);
        const name = cloudName("aws-load-balancer", long, "alb");
        assert.equal(name.length, 32);
        assert.equal(name, `${"a".repeat(24)}-${stableHash(`${long}/alb`, 7)}`);
    });

    it("pads a name shorter than the minimum with a hash", () => {
        const name = cloudName("azure-storage", "a");
        assert.equal(name, `a${stableHash("a", 4)}`);
        assert.equal(cloudName("gcp-service-account", "ci"), `ci-${stableHash("ci", 4)}`);
    });

    it("gives a name that folds to nothing no leading separator", () => {
        const name = cloudName("aws-s3", "日本");
        assert.equal(name, stableHash("日本", 4));
        assert.match(cloudName("azure-web", "!!"), /^[0-9a-f]{4}$/);
    });

    it("keeps a name under a tight reserve within the limit", () => {
        const name = cloudName("azure-computer-prefix", "verylongname-abcdef", { reserve: 4 });
        assert.equal(name.length, 5);
        assert.equal(nameProblem("azure-computer-prefix", name), undefined);
    });

    it("refuses a reserve that leaves no room", () => {
        assert.throws(() => cloudName("azure-computer-prefix", "x", { reserve: 6 }), /leaves 3 characters/);
    });

    it("stableHash is deterministic hex of the asked length", () => {
        assert.equal(stableHash("core"), stableHash("core"));
        assert.notEqual(stableHash("core"), stableHash("Core"));
        assert.match(stableHash("core", 12), /^[0-9a-f]{12}$/);
    });

    describe("nameProblem", () => {
        it("names each broken rule", () => {
            assert.equal(nameProblem("aws-load-balancer", "a".repeat(33)), "1 to 32 characters");
            assert.equal(nameProblem("aws-load-balancer", "a_b"), 'letters, digits and "-" only');
            assert.equal(nameProblem("gcp-resource", "Core"), "lower case only");
            assert.equal(nameProblem("gcp-resource", "1core"), "a name that starts with a letter");
            assert.equal(nameProblem("gcp-resource", "core-"), "a name that ends with a letter or digit");
            assert.equal(nameProblem("azure-storage", "ab"), "3 to 24 characters");
            assert.equal(nameProblem("azure-storage", "ab-c"), "letters, digits only");
            assert.equal(nameProblem("gcp-resource", "core-vpc"), undefined);
        });
    });
});
