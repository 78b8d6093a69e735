import { resourceRule } from "../../core/define";
import * as d from "../../core/data";
import { isTrue } from "../../core/props";

export const dataConfigureFinalSnapshot = resourceRule({
    name: "data-configure-final-snapshot",
    description: "Deleting a database or cache leaves a final snapshot: RDS/Aurora/DocumentDB do not skip it, ElastiCache names one.",
    severity: "medium",
    remediation: "RDS/Aurora: `skipFinalSnapshot: false` with `finalSnapshotIdentifier`; ElastiCache: `finalSnapshotIdentifier`.",
    topics: ["data-resilience"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [d.RDS_INSTANCE, d.RDS_CLUSTER, d.DOCDB, d.ELASTICACHE],
    check: ({ type, props }, report) => {
        if (type === d.ELASTICACHE) {
            if (!props.finalSnapshotIdentifier) report("finalSnapshotIdentifier is unset; deleting the group keeps no snapshot.");
        } else if (isTrue(props.skipFinalSnapshot)) {
            report("skipFinalSnapshot is true; deleting it keeps no snapshot.");
        } else if (!props.finalSnapshotIdentifier) {
            report("finalSnapshotIdentifier is unset; the provider cannot take the final snapshot on delete.");
        }
    },
});
