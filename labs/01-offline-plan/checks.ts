import { LabDefinition, findingsOf, noBlockingFindings, resourcesOfType } from "../../cli/lab/objectives";

const lab: LabDefinition = {
    title: "The kit and the offline plan",
    minutes: 20,
    objectives: [
        {
            id: "three-zones",
            title: "The network spans three availability zones",
            hint: "Set `zones: 3` on the Network: one private and one public subnet per zone.",
            check: (result) => {
                const privateSubnets = resourcesOfType(result, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-"));
                return privateSubnets.length === 3 || `${privateSubnets.length} private subnet(s)`;
            },
        },
        {
            id: "nat-per-zone",
            title: "Each zone has its own NAT gateway",
            hint: 'Set `nat: "perZone"`: with a single NAT, private subnets lose egress when its zone fails.',
            check: (result) => {
                const nats = resourcesOfType(result, "aws:ec2/natGateway:NatGateway").length;
                const subnets = resourcesOfType(result, "aws:ec2/subnet:Subnet").filter((s) => s.name.includes("-private-")).length;
                return (nats > 1 && nats === subnets) || `${nats} NAT gateway(s) for ${subnets} private subnet(s)`;
            },
        },
        {
            id: "flow-logs",
            title: "Flow logs record the network's traffic",
            hint: "Delete `flowLogRetentionDays: 0`; the default keeps flow logs 90 days, and the security/network-enable-flow-logs finding goes away.",
            check: (result) => {
                const logs = resourcesOfType(result, "aws:ec2/flowLog:FlowLog").length;
                const open = findingsOf(result, "network-enable-flow-logs").length;
                return (logs > 0 && open === 0) || `${logs} flow log(s), ${open} network-enable-flow-logs finding(s)`;
            },
        },
        {
            id: "export-private-subnets",
            title: "The stack exports privateSubnetIds",
            hint: "Add `export const privateSubnetIds = network.privateSubnetIds;` so other stacks can place workloads in them.",
            check: (result) => {
                const ids = result.run.outputs.privateSubnetIds;
                return (Array.isArray(ids) && ids.length > 0) || `outputs: ${Object.keys(result.run.outputs).join(", ") || "none"}`;
            },
        },
        noBlockingFindings(),
    ],
};

export default lab;
