import { LabDefinition, inputAt, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";
import type { PlanResult } from "../../cli/plan";

const postgres = (result: PlanResult) => resourcesOfType(result, "aws:rds/instance:Instance");

const lab: LabDefinition = {
    title: "Data fleets",
    minutes: 30,
    objectives: [
        {
            id: "three-engines",
            title: "The fleet runs Postgres, Redis and Kafka",
            hint: 'Add `{ name: "sessions", engine: "redis", ... }` and `{ name: "events", engine: "kafka", ... }` to members.',
            check: (result) => {
                const missing = [
                    ["Postgres (RDS)", "aws:rds/instance:Instance"],
                    ["Redis (ElastiCache)", "aws:elasticache/replicationGroup:ReplicationGroup"],
                    ["Kafka (MSK)", "aws:msk/cluster:Cluster"],
                ].filter(([, type]) => resourcesOfType(result, type).length === 0);
                return missing.length === 0 || `missing: ${missing.map(([what]) => what).join(", ")}`;
            },
        },
        {
            id: "version-from-config",
            title: "The Postgres version comes from config, so a fleet roll can change it",
            hint: "Use `version: postgresVersion` on both databases instead of the literal \"15\".",
            check: (result) => {
                const wanted = String(result.project.config[`${result.project.name}:postgresVersion`]);
                const off = postgres(result).filter((db) => inputAt(db, "engineVersion") !== wanted);
                return off.length === 0 || `${off.map((db) => `${db.name} runs ${String(inputAt(db, "engineVersion"))}`).join(", ")}; config says ${wanted}`;
            },
        },
        {
            id: "high-availability",
            title: "Every database has a standby in another zone",
            hint: "Set `highAvailability: true` on both Postgres members (RDS Multi-AZ): patches fail over instead of stopping them.",
            check: (result) => {
                const single = postgres(result).filter((db) => inputAt(db, "multiAz") !== true);
                return single.length === 0 || `${single.map((db) => db.name).join(", ")} without a standby`;
            },
        },
        {
            id: "maintenance-waves",
            title: "The two databases are never in maintenance at the same time",
            hint: 'Set `maintenance: { window: "sun:03:00", waves: 3 }`: each wave starts a day after the one before.',
            check: (result) => {
                const windows = postgres(result).map((db) => String(inputAt(db, "maintenanceWindow")));
                return (windows.length > 1 && new Set(windows).size === windows.length) || `maintenance windows: ${windows.join(", ")}`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
