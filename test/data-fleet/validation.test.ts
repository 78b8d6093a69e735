import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import {
    DataFleet,
    ENGINE_VERSIONS,
    assignWaves,
    maintenanceWindows,
    parseWindow,
    validateDataFleetArgs,
} from "../../components/data-fleet";
import { runProgram } from "../../testing";
import { AWS_NETWORK, MEMBERS, testCluster } from "./fixtures";

const fails = (pattern: RegExp) => (e: unknown) => e instanceof PlatformKitError && pattern.test(e.message);

describe("data-fleet: maintenance waves", () => {
    it("spreads each engine's members round-robin, each engine starting one wave later", () => {
        const waves = assignWaves(
            [
                { name: "pg-a", engine: "postgres" },
                { name: "pg-b", engine: "postgres" },
                { name: "pg-c", engine: "postgres" },
                { name: "cache-a", engine: "redis" },
                { name: "cache-b", engine: "redis" },
                { name: "stream", engine: "kafka" },
            ],
            3,
        );
        assert.deepEqual(waves, { "pg-a": 0, "pg-b": 1, "pg-c": 2, "cache-a": 1, "cache-b": 2, stream: 2 });
    });

    it("never puts all members of an engine in one wave when there are at least two waves", () => {
        const members = Array.from({ length: 7 }, (_, i) => ({ name: `pg-${i}`, engine: "postgres" as const }));
        for (let waves = 2; waves <= 7; waves++) {
            const assigned = Object.values(assignWaves(members, waves));
            assert.ok(new Set(assigned).size >= 2, `waves=${waves}: ${assigned}`);
        }
    });

    it("keeps existing members in their wave when one is appended", () => {
        const before = assignWaves([{ name: "a", engine: "postgres" }, { name: "b", engine: "redis" }], 3);
        const after = assignWaves([{ name: "a", engine: "postgres" }, { name: "b", engine: "redis" }, { name: "c", engine: "postgres" }], 3);
        assert.equal(after.a, before.a);
        assert.equal(after.b, before.b);
    });

    it("staggers windows one day apart in every cloud's format", () => {
        const windows = maintenanceWindows("sat:23:30", 3);
        assert.deepEqual(
            windows.map((w) => [w.aws, w.awsBackup, w.gcp, w.gcpDayName, w.azure, w.azureDayName]),
            [
                ["sat:23:30-sun:00:30", "21:30-22:30", { day: 6, hour: 23 }, "SATURDAY", { dayOfWeek: 6, startHour: 23, startMinute: 30 }, "Saturday"],
                ["sun:23:30-mon:00:30", "21:30-22:30", { day: 7, hour: 23 }, "SUNDAY", { dayOfWeek: 0, startHour: 23, startMinute: 30 }, "Sunday"],
                ["mon:23:30-tue:00:30", "21:30-22:30", { day: 1, hour: 23 }, "MONDAY", { dayOfWeek: 1, startHour: 23, startMinute: 30 }, "Monday"],
            ],
        );
    });

    it("accepts the object form of a window and wraps the backup hour past midnight", () => {
        const [w] = maintenanceWindows({ day: "wed", hour: 1 }, 1);
        assert.equal(w.aws, "wed:01:00-wed:02:00");
        assert.equal(w.awsBackup, "23:00-00:00");
        assert.equal(parseWindow("sun:24:00"), undefined);
        assert.throws(() => maintenanceWindows("sunday 3am", 2), RangeError);
        assert.throws(() => maintenanceWindows("sun:03:00", 8), RangeError);
    });
});

describe("data-fleet: argument validation", () => {
    it("applies defaults: newest version, small, 32 GB, 7 days, deletion protection, up to 3 waves", () => {
        const resolved = validateDataFleetArgs("DataFleet", "data", "aws", { members: [{ name: "db", engine: "postgres" }, { name: "q", engine: "kafka" }] });
        assert.deepEqual(resolved.members, [
            { name: "db", engine: "postgres", version: "17", size: "small", storageGb: 32, highAvailability: false, wave: 0 },
            { name: "q", engine: "kafka", version: "3.9.x", size: "small", storageGb: 100, highAvailability: false, wave: 0 },
        ]);
        assert.equal(resolved.windows.length, 2);
        assert.equal(resolved.retentionDays, 7);
        assert.equal(resolved.deletionProtection, true);
    });

    it("refuses duplicate member names, naming the first holder", () => {
        assert.throws(
            () => validateDataFleetArgs("DataFleet", "data", "aws", { members: [{ name: "db", engine: "postgres" }, { name: "db", engine: "redis" }] }),
            fails(/members\[1\]\.name: got "db"; allowed: a member name not already used \(members\[0\]\.name has it\)/),
        );
    });

    it("refuses a version the cloud does not offer, naming what it offers", () => {
        assert.throws(
            () => validateDataFleetArgs("DataFleet", "data", "gcp", { members: [{ name: "db", engine: "postgres", version: "12" }] }),
            fails(/members\[0\]\.version: got "12"; allowed: a postgres version Cloud SQL for PostgreSQL offers: "17", "16", "15", "14"/),
        );
        assert.throws(
            () => validateDataFleetArgs("DataFleet", "data", "aws", { members: [{ name: "q", engine: "kafka", version: "2.8.1" }] }),
            fails(/"3\.9\.x", "3\.8\.x", "3\.7\.x", "3\.6\.0"/),
        );
        assert.throws(
            () => validateDataFleetArgs("DataFleet", "data", "azure", { members: [{ name: "q", engine: "kafka", version: "3.6" }] }),
            fails(/members\[0\]\.version: got "3\.6"; allowed: nothing: Azure Event Hubs \(Kafka endpoint\) chooses the kafka version itself/),
        );
    });

    it("refuses backup retention outside each cloud's range", () => {
        const cases: Array<["aws" | "gcp" | "azure" | "kubernetes", number, RegExp]> = [
            ["aws", 36, /backups\.retentionDays: got 36; allowed: a whole number from 1 to 35/],
            ["gcp", 366, /from 1 to 365/],
            ["azure", 5, /backups\.retentionDays: got 5; allowed: a whole number from 7 to 35/],
            ["kubernetes", 0, /from 1 to 365/],
        ];
        for (const [cloud, days, pattern] of cases) {
            assert.throws(() => validateDataFleetArgs("DataFleet", "data", cloud, { members: [{ name: "db", engine: "postgres" }], backups: { retentionDays: days } }), fails(pattern), cloud);
        }
        assert.equal(validateDataFleetArgs("DataFleet", "data", "gcp", { members: [{ name: "db", engine: "postgres" }], backups: { retentionDays: 365 } }).retentionDays, 365);
    });

    it("reports every problem of one call together", () => {
        assert.throws(
            () =>
                validateDataFleetArgs("DataFleet", "data", "azure", {
                    members: [
                        { name: "Bad_Name", engine: "postgres", storageGb: 100 },
                        { name: "cache", engine: "memcached" as "redis" },
                        { name: "cache2", engine: "redis", storageGb: 10 },
                    ],
                    maintenance: { window: "someday", waves: 9 },
                }),
            (e: unknown) => {
                assert.ok(e instanceof PlatformKitError);
                assert.deepEqual(
                    e.problems.map((p) => p.field),
                    ["members[0].name", "members[0].storageGb", "members[1].engine", "members[2].storageGb", "maintenance.window", "maintenance.waves"],
                );
                assert.match(e.message, /^DataFleet "data": invalid arguments:/);
                assert.match(e.message, /members\[0\]\.storageGb: got 100; allowed: one of 32, 64, 128/);
                return true;
            },
        );
    });

    it("offers the documented versions per cloud", () => {
        assert.deepEqual(ENGINE_VERSIONS.aws.kafka.versions, ["3.9.x", "3.8.x", "3.7.x", "3.6.0"]);
        assert.deepEqual(ENGINE_VERSIONS.gcp.redis.versions, ["7.2", "7.0"]);
        assert.deepEqual(ENGINE_VERSIONS.azure.redis.versions, ["6"]);
        assert.deepEqual(ENGINE_VERSIONS.kubernetes.kafka.versions, ["4.1.0", "4.0.0"]);
    });
});

describe("data-fleet: facade", () => {
    it("refuses a network on kubernetes and a missing cluster", async () => {
        await assert.rejects(
            runProgram(() => new DataFleet("data", { cloud: "kubernetes", network: AWS_NETWORK, members: MEMBERS })),
            fails(/network: got .*; allowed: nothing with cloud "kubernetes".*\n.*cluster: got nothing; allowed: a ClusterTarget/),
        );
    });

    it("refuses a missing network, a cluster on a cloud, and a network of another cloud", async () => {
        await assert.rejects(runProgram(() => new DataFleet("data", { cloud: "gcp", members: MEMBERS })), fails(/network: got nothing; allowed: a NetworkInfo/));
        await assert.rejects(
            runProgram(() => new DataFleet("data", { cloud: "gcp", network: AWS_NETWORK, cluster: testCluster(), members: MEMBERS })),
            fails(/cluster: got "a cluster"; allowed: only with cloud "kubernetes"[\s\S]*network\.cloud: got "aws"; allowed: "gcp"/),
        );
    });

    it("refuses an unknown cloud", async () => {
        await assert.rejects(runProgram(() => new DataFleet("data", { cloud: "oracle" as "aws", network: AWS_NETWORK, members: MEMBERS })), fails(/cloud: got "oracle"/));
    });
});
