import { resourceRule } from "../../core/define";

/** A lone VM is a pet: patched in place, never replaced. Immutable fleets run in groups. */
export const computeDisallowStandaloneInstances = resourceRule({
    name: "compute-disallow-standalone-instances",
    description: "Hosts run in instance groups (ASG, MIG, VMSS) built from templates, not as standalone VMs.",
    severity: "low",
    remediation: "Use the ImmutableGroup component (or an ASG / MIG / VMSS of size 1) so a failed or outdated host is replaced from the template.",
    topics: ["immutable-hosts"],
    frameworks: [],
    checkov: [],
    trivy: [],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:ec2/instance:Instance", "gcp:compute/instance:Instance", "azure-native:compute:VirtualMachine"],
    check: ({ type }, report) => {
        report(`${type} is a standalone VM; run it in an instance group from a template.`);
    },
});
