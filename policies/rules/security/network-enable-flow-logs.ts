import { stackRule } from "../../core/define";
import { cisAws, cisGcp } from "../../core/rule";
import { obj } from "../../core/props";

/** Flow logs are the only record of who talked to what after an incident. */
export const networkEnableFlowLogs = stackRule({
    name: "network-enable-flow-logs",
    description: "Every AWS VPC has a flow log and every Google Cloud subnetwork has flow logging on.",
    severity: "medium",
    remediation: "AWS: add an `aws.ec2.FlowLog` with `vpcId` of the VPC (to CloudWatch Logs or S3); Google Cloud: set `logConfig` on each subnetwork.",
    topics: ["network-exposure"],
    frameworks: [cisAws("3.7"), cisGcp("3.8")],
    checkov: ["CKV2_AWS_11", "CKV_GCP_26"],
    trivy: ["AWS-0178", "GCP-0029"],
    enforcementLevel: "advisory",
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/flowLog:FlowLog", "gcp:compute/subnetwork:Subnetwork"],
    check: (args, report) => {
        const logged = new Set<string>();
        for (const r of args.resources) {
            if (r.type !== "aws:ec2/flowLog:FlowLog") continue;
            for (const key of ["vpcId", "subnetId", "eniId", "transitGatewayId"]) if (typeof r.props[key] === "string") logged.add(r.props[key]);
        }
        for (const r of args.resources) {
            if (r.type === "aws:ec2/vpc:Vpc") {
                const id = r.props.id;
                if (typeof id !== "string" || !logged.has(id)) report(`VPC ${r.name} has no aws.ec2.FlowLog.`, r.urn);
            } else if (r.type === "gcp:compute/subnetwork:Subnetwork") {
                const purpose = r.props.purpose;
                if (purpose !== undefined && purpose !== "PRIVATE" && purpose !== "PRIVATE_RFC_1918") continue;
                if (r.props.logConfig === undefined || obj(r.props.logConfig).enable === false) report(`subnetwork ${r.name} has no logConfig; VPC flow logs are off.`, r.urn);
            }
        }
    },
});
