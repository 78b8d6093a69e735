import { LabDefinition, inputAt, noBlockingFindings, resourceNamed, resourcesOfType } from "../../cli/lab/objectives";
import type { PlanResult } from "../../cli/plan";

const LAMBDA = "aws:lambda/function:Function";

const inNetwork = (result: PlanResult, name: string): true | string => {
    const fn = resourceNamed(result, LAMBDA, `${name}-function`);
    if (!fn) return `no function ${name}`;
    const subnets = inputAt(fn, "vpcConfig.subnetIds");
    return (Array.isArray(subnets) && subnets.length > 0) || `${name} has no private egress (network)`;
};

const lab: LabDefinition = {
    title: "Serverless bits in a bigger deployment",
    minutes: 25,
    objectives: [
        {
            id: "scheduled-report",
            title: "The nightly report is a function on a schedule",
            hint: 'Add FunctionService "report" with `schedule: "cron(0 3 * * *)"`; EventBridge Scheduler calls it at 03:00 UTC.',
            check: (result) => {
                const schedule = resourcesOfType(result, "aws:scheduler/schedule:Schedule").find((s) => s.name.startsWith("report"));
                if (!schedule) return "no EventBridge schedule for report";
                return inputAt(schedule, "scheduleExpression") === "cron(0 3 * * ? *)" || `it runs on ${String(inputAt(schedule, "scheduleExpression"))}`;
            },
        },
        {
            id: "no-batch-job",
            title: "The report no longer runs as a batch job on the cluster",
            hint: 'Delete runtime.batchJob("report", ...): the function does its work.',
            check: (result) => {
                const jobs = resourcesOfType(result, "kubernetes:batch/v1:CronJob");
                return jobs.length === 0 || `CronJob(s) still declared: ${jobs.map((j) => j.name).join(", ")}`;
            },
        },
        {
            id: "queue-driven-thumbnails",
            title: "Thumbnails are made from a queue, with a dead-letter queue",
            hint: 'Add FunctionService "thumbnails" with `queue: { batchSize: 10, maxReceiveCount: 5 }`.',
            check: (result) => {
                const mapping = resourcesOfType(result, "aws:lambda/eventSourceMapping:EventSourceMapping").find((m) => m.name.startsWith("thumbnails"));
                if (!mapping) return "no SQS event source for thumbnails";
                const dlq = resourcesOfType(result, "aws:sqs/queue:Queue").some((q) => q.name === "thumbnails-dlq");
                return dlq || "no dead-letter queue for thumbnails";
            },
        },
        {
            id: "private-egress",
            title: "Both functions reach the data privately, through the network",
            hint: "Pass `network` to both FunctionServices: they run in the private subnets, beside the cluster.",
            check: (result) => {
                const report = inNetwork(result, "report");
                return report === true ? inNetwork(result, "thumbnails") : report;
            },
        },
        {
            id: "no-idle-batch-capacity",
            title: "No node is kept running for batch",
            hint: 'Delete the "batch" capacity group: its large node was billed around the clock for minutes of work a night.',
            check: (result) => {
                const batch = resourcesOfType(result, "aws:eks/nodeGroup:NodeGroup").filter((g) => inputAt(g, ["labels", "platform-kit.io/purpose"]) === "batch");
                const idle = batch.filter((g) => Number(inputAt(g, "scalingConfig.minSize")) > 0);
                return idle.length === 0 || `${idle.map((g) => g.name).join(", ")} keeps at least one node`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
