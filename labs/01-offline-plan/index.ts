import { Network } from "platform-kit";

// Lab 01: a private network on AWS, planned offline. No account, no Pulumi CLI needed:
//   npx platform-kit lab check 01 <this folder>
const network = new Network("core", {
    cloud: "aws",
    cidr: "10.0.0.0/16",
    // TODO 1: spread the network over three availability zones.
    zones: 2,
    // TODO 2: one NAT gateway per zone ("perZone"), so egress survives the loss of a zone.
    nat: "single",
    // TODO 3: turn the flow logs back on: delete this line (the default keeps them 90 days).
    flowLogRetentionDays: 0,
    tags: { team: "platform" },
});

export const networkId = network.networkId;
// TODO 4: export the private subnet ids as `privateSubnetIds`.
