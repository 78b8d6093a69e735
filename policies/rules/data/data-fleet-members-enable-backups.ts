import type { PolicyResource } from "@pulumi/policy";
import { stackRule } from "../../core/define";
import * as d from "../../core/data";
import { obj } from "../../core/props";
import { BACKUP_TYPES, backupProblem } from "./data-enable-backups";

interface Config {
    minRetentionDays: number;
}

const FLEET = /^platform-kit:data-fleet:/;

function fleetOf(resource: PolicyResource): PolicyResource | undefined {
    for (let p = resource.parent; p; p = p.parent) if (FLEET.test(p.type)) return p;
    return undefined;
}

/** A DataFleet promises restorable members: each store backs up, and CloudNativePG clusters have a schedule. */
export const dataFleetMembersEnableBackups = stackRule<Config>({
    name: "data-fleet-members-enable-backups",
    description: "Every data store inside a DataFleet component has automated backups, and every CloudNativePG cluster in it has a ScheduledBackup.",
    severity: "high",
    remediation: "Keep the DataFleet member's backup settings at their defaults (or raise retention); for CloudNativePG members add a `ScheduledBackup` whose `spec.cluster.name` is the cluster.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "mandatory",
    configSchema: { properties: { minRetentionDays: { type: "integer", minimum: 1, default: 7, description: "Shortest accepted backup retention in days." } } },
    resourceTypes: [...BACKUP_TYPES, d.CNPG_SCHEDULED_BACKUP],
    check: (args, report, config) => {
        const scheduled = new Set(
            args.resources.filter((r) => r.type === d.CNPG_SCHEDULED_BACKUP).map((r) => `${obj(r.props.metadata).namespace ?? ""}/${obj(obj(r.props.spec).cluster).name}`),
        );
        for (const r of args.resources) {
            const fleet = fleetOf(r);
            if (!fleet || !BACKUP_TYPES.includes(r.type)) continue;
            const problem = backupProblem(r.type, r.props, config.minRetentionDays);
            if (problem) report(`DataFleet ${fleet.name} member ${r.name}: ${problem}`, r.urn);
            if (r.type === d.CNPG_CLUSTER) {
                const meta = obj(r.props.metadata);
                if (!scheduled.has(`${meta.namespace ?? ""}/${meta.name}`)) report(`DataFleet ${fleet.name} member ${r.name}: no ScheduledBackup targets CloudNativePG cluster ${meta.name}.`, r.urn);
            }
        }
    },
});
