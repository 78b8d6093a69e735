import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue, obj } from "../../core/props";
import { Props } from "../../core/props";

interface Config {
    minRetentionDays: number;
}

export const BACKUP_TYPES = [d.RDS_INSTANCE, d.RDS_CLUSTER, d.DOCDB, d.ELASTICACHE, d.DYNAMODB, d.CLOUD_SQL, d.MEMORYSTORE, d.MEMORYSTORE_CLUSTER, d.AZURE_POSTGRES, d.CNPG_CLUSTER];

/** Why the store has no (or too short) automated backups, or undefined. Shared with the DataFleet stack rule. */
export function backupProblem(type: string, props: Props, minDays: number): string | undefined {
    switch (type) {
        case d.RDS_INSTANCE:
        case d.RDS_CLUSTER:
        case d.DOCDB: {
            if (type === d.RDS_INSTANCE && props.replicateSourceDb !== undefined) return undefined;
            // Provider defaults: 0 (no backups) for RDS instances, 1 day for Aurora and DocumentDB clusters.
            const fallback = type === d.RDS_INSTANCE ? 0 : 1;
            const days = props.backupRetentionPeriod === undefined ? fallback : Number(props.backupRetentionPeriod);
            const shown = props.backupRetentionPeriod === undefined ? `unset (${fallback === 0 ? "0, no backups" : "1 day"})` : String(days);
            return days < minDays ? `backupRetentionPeriod is ${shown}; keep at least ${minDays} days.` : undefined;
        }
        case d.ELASTICACHE: {
            const days = Number(props.snapshotRetentionLimit ?? 0);
            return days < Math.min(minDays, 35) ? `snapshotRetentionLimit is ${props.snapshotRetentionLimit ?? "unset (0, no snapshots)"}; keep at least ${Math.min(minDays, 35)}.` : undefined;
        }
        case d.DYNAMODB:
            return isTrue(obj(props.pointInTimeRecovery).enabled) ? undefined : "pointInTimeRecovery.enabled is not true.";
        case d.CLOUD_SQL: {
            const backup = obj(obj(props.settings).backupConfiguration);
            if (!isTrue(backup.enabled)) return "settings.backupConfiguration.enabled is not true.";
            const kept = obj(backup.backupRetentionSettings).retainedBackups;
            return kept !== undefined && Number(kept) < minDays ? `settings.backupConfiguration.backupRetentionSettings.retainedBackups is ${kept}; keep at least ${minDays}.` : undefined;
        }
        case d.MEMORYSTORE:
            if (props.tier !== "STANDARD_HA") return undefined; // Basic tier has no persistence to configure
            return obj(props.persistenceConfig).persistenceMode === "RDB" ? undefined : `persistenceConfig.persistenceMode is ${obj(props.persistenceConfig).persistenceMode ?? "unset (DISABLED)"}; a restart loses the data.`;
        case d.MEMORYSTORE_CLUSTER:
            return props.automatedBackupConfig !== undefined || ["RDB", "AOF"].includes(String(obj(props.persistenceConfig).mode)) ? undefined : "neither automatedBackupConfig nor persistenceConfig is set.";
        case d.AZURE_POSTGRES: {
            const days = obj(props.backup).backupRetentionDays;
            return days !== undefined && Number(days) < minDays ? `backup.backupRetentionDays is ${days}; keep at least ${minDays}.` : undefined;
        }
        case d.CNPG_CLUSTER:
            return obj(props.spec).backup === undefined ? "spec.backup is unset; no base backups or WAL archive are kept." : undefined;
    }
    return undefined;
}

export const dataEnableBackups = resourceRule<Config>({
    name: "data-enable-backups",
    description: "Data stores keep automated backups for at least `minRetentionDays` (default 7): RDS/Aurora/DocumentDB retention, ElastiCache snapshots, DynamoDB point-in-time recovery, Cloud SQL backups, Memorystore persistence, Azure PostgreSQL retention, CloudNativePG backups.",
    severity: "high",
    remediation: "RDS: `backupRetentionPeriod: 7`+; ElastiCache: `snapshotRetentionLimit`; DynamoDB: `pointInTimeRecovery: { enabled: true }`; Cloud SQL: `backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true }`; Memorystore: `persistenceConfig: { persistenceMode: \"RDB\" }`; CloudNativePG: `spec.backup.barmanObjectStore` plus a ScheduledBackup.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: ["CKV_AWS_133", "CKV_AWS_134", "CKV_AWS_28", "CKV_GCP_14"],
    trivy: ["AWS-0077", "AWS-0050", "GCP-0024"],
    enforcementLevel: "mandatory",
    configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, default: 7, description: "Shortest accepted backup retention in days." } } },
    resourceTypes: BACKUP_TYPES,
    check: ({ type, props, config }, report) => {
        const problem = backupProblem(type, props, config.minRetentionDays);
        if (problem) report(problem);
    },
});
