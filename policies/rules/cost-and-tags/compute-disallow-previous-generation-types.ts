import { resourceRule } from "../../core/define";
import { isPreviousGeneration } from "../../core/sizes";
import { COMPUTE_SIZE_TYPES, machineTypes } from "./compute-configure-allowed-instance-sizes";
import { DATA_SIZE_TYPES, dataMachineTypes } from "./data-configure-allowed-instance-sizes";

/** Old generations cost more per unit of work than their successors. */
export const computeDisallowPreviousGenerationTypes = resourceRule({
    name: "compute-disallow-previous-generation-types",
    description: "Machines and database instances use current generations (no AWS t2/m4/c4/r4, Google Cloud N1/F1/G1, Azure A-series or v2/v3 sizes).",
    severity: "low",
    remediation: "Move to the current family of the same shape (t2→t3/t4g, m4→m7i/m7g, n1→n2/e2, Standard_D4s_v3→Standard_D4s_v5).",
    topics: ["cost-control"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: [...COMPUTE_SIZE_TYPES, ...DATA_SIZE_TYPES],
    check: ({ type, props }, report) => {
        for (const { cloud, field, machine } of [...machineTypes(type, props), ...dataMachineTypes(type, props)]) {
            if (isPreviousGeneration(cloud, machine)) report(`${field} "${machine}" is a previous-generation type.`);
        }
    },
});
