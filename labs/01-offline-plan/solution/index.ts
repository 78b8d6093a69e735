import { Network } from "platform-kit";

// Lab 01 solution: three zones, a NAT gateway per zone, flow logs kept 90 days (the default).
const network = new Network("core", {
    cloud: "aws",
    cidr: "10.0.0.0/16",
    zones: 3,
    nat: "perZone",
    tags: { team: "platform" },
});

export const networkId = network.networkId;
export const privateSubnetIds = network.privateSubnetIds;
