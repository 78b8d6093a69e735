import { LabDefinition, inputAt, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";

const lab: LabDefinition = {
    title: "A container runtime",
    minutes: 30,
    objectives: [
        {
            id: "batch-capacity",
            title: "A Spot capacity group for batch",
            hint: 'Add `{ name: "batch", size: "large", min: 0, max: 20, spot: true, purpose: "batch" }` to capacityGroups.',
            check: (result) => {
                const groups = resourcesOfType(result, "aws:eks/nodeGroup:NodeGroup");
                const batch = groups.find((g) => inputAt(g, ["labels", "platform-kit.io/purpose"]) === "batch");
                if (!batch) return `node groups: ${groups.map((g) => String(inputAt(g, "nodeGroupName"))).join(", ") || "none"}; none for batch`;
                return inputAt(batch, "capacityType") === "SPOT" || `the batch group runs ${String(inputAt(batch, "capacityType"))} capacity`;
            },
        },
        {
            id: "analytics-tenant",
            title: "The analytics tenant has its namespace and quota",
            hint: 'Add `{ name: "analytics", quota: { cpu: "64", memory: "128Gi", pods: 400 } }` to tenants.',
            check: (result) => {
                const quota = resourcesOfType(result, "kubernetes:core/v1:ResourceQuota").find((q) => inputAt(q, "metadata.namespace") === "analytics");
                if (!quota) return "no ResourceQuota in an analytics namespace";
                const cpu = inputAt(quota, ["spec", "hard", "requests.cpu"]);
                return cpu === "64" || `the analytics quota allows ${String(cpu)} CPUs`;
            },
        },
        {
            id: "service-probes",
            title: "The api service is probed before it gets traffic",
            hint: 'Set `healthCheckPath: "/healthz"` on runtime.service("api", ...).',
            check: (result) => {
                const deployment = resourcesOfType(result, "kubernetes:apps/v1:Deployment").find((d) => inputAt(d, "metadata.name") === "api");
                if (!deployment) return "no Deployment named api";
                return inputAt(deployment, "spec.template.spec.containers.0.readinessProbe") !== undefined || "the api container has no readinessProbe";
            },
        },
        {
            id: "nightly-batch-job",
            title: "nightly-report runs every night as low-priority batch",
            hint: 'Add runtime.batchJob("nightly-report", { tenant: "analytics", schedule: "0 3 * * *", priority: "low", ... }).',
            check: (result) => {
                const cron = resourcesOfType(result, "kubernetes:batch/v1:CronJob").find((c) => inputAt(c, "metadata.name") === "nightly-report");
                if (!cron) return "no CronJob named nightly-report";
                if (inputAt(cron, "metadata.namespace") !== "analytics") return `it runs in ${String(inputAt(cron, "metadata.namespace"))}, not analytics`;
                const priority = inputAt(cron, "spec.jobTemplate.spec.template.spec.priorityClassName");
                return (typeof priority === "string" && priority.endsWith("batch-low")) || `its priority class is ${String(priority)}`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
