import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, PlatformKitError, renderValue } from "../../components/core";

describe("core errors", () => {
    describe("PlatformKitError", () => {
        const error = new PlatformKitError('Network "core"', [
            { field: "zones", value: 9, allowed: "a whole number from 1 to 6" },
            { field: "nat", value: "both", allowed: 'one of "none", "single", "perZone"' },
        ]);

        it("names the component, and each field, value and what is allowed, in one message", () => {
            assert.equal(
                error.message,
                'Network "core": invalid arguments:\n' +
                    "  - zones: got 9; allowed: a whole number from 1 to 6\n" +
                    '  - nat: got "both"; allowed: one of "none", "single", "perZone"',
            );
            assert.equal(error.component, 'Network "core"');
            assert.equal(error.problems.length, 2);
            assert.equal(error.name, "PlatformKitError");
        });

        it("is the engine's InputPropertiesError, with one property path a problem", () => {
            assert.ok(error instanceof pulumi.InputPropertiesError);
            assert.deepEqual(
                error.errors.map((e) => e.propertyPath),
                ["zones", "nat"],
            );
            assert.equal(error.errors[1].reason, 'nat: got "both"; allowed: one of "none", "single", "perZone"');
        });
    });

    describe("ArgsChecker", () => {
        it("collects every problem and throws them together", () => {
            const check = new ArgsChecker("Network", "core");
            assert.equal(check.require(false, "cidr", "8.8.8.0/24", "a private block"), false);
            assert.equal(check.integer("zones", 0, 1, 6), false);
            assert.equal(check.oneOf("nat", "both", ["none", "single"] as const), false);
            assert.equal(check.hasProblems, true);
            assert.throws(
                () => check.done(),
                (e: unknown) =>
                    e instanceof PlatformKitError &&
                    e.component === 'Network "core"' &&
                    e.problems.map((p) => p.field).join(",") === "cidr,zones,nat",
            );
        });

        it("does not throw when nothing is wrong", () => {
            const check = new ArgsChecker("Network", "core");
            assert.equal(check.require(true, "cidr", "10.0.0.0/16", "a private block"), true);
            assert.equal(check.integer("zones", undefined, 1, 6), true);
            assert.equal(check.integer("zones", 6, 1, 6), true);
            assert.equal(check.oneOf("nat", "single", ["none", "single"] as const), true);
            assert.equal(check.hasProblems, false);
            check.done();
        });

        it("integer refuses fractions and names the unit", () => {
            const check = new ArgsChecker("Network", "core");
            check.integer("flowLogRetentionDays", 1.5, 0, 3653, "days");
            assert.throws(() => check.done(), /flowLogRetentionDays: got 1\.5; allowed: a whole number from 0 to 3653 \(days\)/);
        });

        it("plain refuses an Output where the value decides which children exist", () => {
            const check = new ArgsChecker("ImmutableGroup", "web");
            assert.equal(check.plain("zones", 3), true);
            assert.equal(check.plain("zones", pulumi.output(3)), false);
            assert.throws(() => check.done(), /zones: got an Output \(this argument must be a plain value\); allowed: a plain value, known when the program runs/);
        });

        it("unique reports the second use of a name and where the first was", () => {
            const check = new ArgsChecker("DataFleet", "fleet");
            check.unique(
                [
                    ["members[0].name", "orders"],
                    ["members[1].name", "users"],
                    ["members[2].name", "orders"],
                ],
                "member name",
            );
            assert.throws(() => check.done(), /members\[2\]\.name: got "orders"; allowed: a member name not already used \(members\[0\]\.name has it\)/);
        });
    });

    describe("renderValue", () => {
        it("renders values briefly and unambiguously", () => {
            assert.equal(renderValue(undefined), "nothing");
            assert.equal(renderValue("10.0.0.0/8"), '"10.0.0.0/8"');
            assert.equal(renderValue(7), "7");
            assert.equal(renderValue({ a: 1 }), '{"a":1}');
            assert.equal(renderValue(pulumi.output("x")), "an Output (this argument must be a plain value)");
        });

        it("cuts long values and never prints [object Object]", () => {
            const long = renderValue({ text: "x".repeat(200) });
            assert.equal(long.length, 120);
            assert.ok(long.endsWith("..."));
            const circular: Record<string, unknown> = {};
            circular.self = circular;
            assert.equal(renderValue(circular), "an object with circular references");
            assert.equal(renderValue(() => 1), "a function");
            assert.equal(renderValue(10n), "10");
            assert.equal(renderValue(Symbol("s")), "Symbol(s)");
        });
    });
});
