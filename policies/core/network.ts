import { Props, asList, awsRuleIncludesPort, awsRuleIsAllPorts, isWorld, list, portRangeIncludes } from "./props";

/** Resource types that open inbound traffic, on every cloud. */
export const INGRESS_TYPES = [
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "gcp:compute/firewall:Firewall",
    "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:SecurityRule",
];

/** One inbound allowance from the internet, with a port test. */
export interface WorldIngress {
    where: string;
    includes(port: number): boolean;
    allPorts: boolean;
}

/** Every rule of the resource that lets the whole internet in. */
export function worldIngress(type: string, props: Props): WorldIngress[] {
    const out: WorldIngress[] = [];
    const aws = (where: string, r: Props, sources: unknown[]) => {
        if (!sources.some(isWorld)) return;
        out.push({
            where,
            includes: (port) => awsRuleIncludesPort(r.protocol ?? r.ipProtocol, r.fromPort, r.toPort, port),
            allPorts: awsRuleIsAllPorts(r.protocol ?? r.ipProtocol, r.fromPort, r.toPort),
        });
    };
    switch (type) {
        case "aws:ec2/securityGroup:SecurityGroup":
            list(props.ingress).forEach((r, i) => aws(`ingress[${i}]`, r, [...asList(r.cidrBlocks), ...asList(r.ipv6CidrBlocks)]));
            break;
        case "aws:ec2/securityGroupRule:SecurityGroupRule":
            if (props.type === "ingress") aws("this rule", props, [...asList(props.cidrBlocks), ...asList(props.ipv6CidrBlocks)]);
            break;
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            aws("this rule", props, [props.cidrIpv4, props.cidrIpv6]);
            break;
        case "gcp:compute/firewall:Firewall": {
            const direction = props.direction ?? "INGRESS";
            if (direction !== "INGRESS" || props.disabled === true) break;
            // An ingress rule with no source at all applies to 0.0.0.0/0.
            const noSource = asList(props.sourceRanges).length === 0 && asList(props.sourceTags).length === 0 && asList(props.sourceServiceAccounts).length === 0;
            if (!noSource && !asList(props.sourceRanges).some(isWorld)) break;
            list(props.allows).forEach((allow, i) => {
                const protocol = String(allow.protocol ?? "").toLowerCase();
                const ports = asList(allow.ports);
                const anyPort = protocol === "all" || ports.length === 0;
                if (protocol !== "all" && protocol !== "tcp" && protocol !== "udp" && protocol !== "6" && protocol !== "17") return;
                out.push({ where: `allows[${i}]`, includes: (port) => anyPort || ports.some((p) => portRangeIncludes(p, port)), allPorts: anyPort || ports.some((p) => p === "0-65535" || p === "1-65535") });
            });
            break;
        }
        case "azure-native:network:NetworkSecurityGroup":
            list(props.securityRules).forEach((r, i) => azure(`securityRules[${i}]`, r, out));
            break;
        case "azure-native:network:SecurityRule":
            azure("this rule", props, out);
            break;
    }
    return out;
}

function azure(where: string, r: Props, out: WorldIngress[]): void {
    if ((r.direction ?? "Inbound") !== "Inbound" || (r.access ?? "Allow") !== "Allow") return;
    if (/^(icmp|icmpv6|esp|ah)$/i.test(String(r.protocol ?? "*"))) return;
    const sources = [r.sourceAddressPrefix, ...asList(r.sourceAddressPrefixes)];
    if (!sources.some(isWorld)) return;
    const ranges = [r.destinationPortRange, ...asList(r.destinationPortRanges)].filter((x) => x !== undefined && x !== null);
    out.push({
        where,
        includes: (port) => ranges.some((range) => portRangeIncludes(range, port)),
        allPorts: ranges.some((range) => range === "*" || range === "0-65535" || range === "1-65535"),
    });
}
