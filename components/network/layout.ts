import * as ipaddr from "ipaddr.js";
import { Problem } from "../core";

/** An IPv4 block, as `10.0.0.0/16`. */
export interface Cidr {
    /** The first address as a 32-bit number. */
    base: number;
    prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
    if (typeof text !== "string" || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(text)) return undefined;
    try {
        const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
        const base = toNumber(address.octets);
        // A block must start on its own boundary: 10.0.1.0/16 is a typo, not a network.
        if (prefix < 32 && base % 2 ** (32 - prefix) !== 0) return undefined;
        return { base, prefix };
    } catch {
        return undefined;
    }
}

export function formatCidr(c: Cidr): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
    return `${octets.join(".")}/${c.prefix}`;
}

/** The `index`-th block of `prefix` inside `parent`. */
export function subBlock(parent: Cidr, prefix: number, index: number): Cidr {
    return { base: parent.base + index * 2 ** (32 - prefix), prefix };
}

function toNumber(octets: number[]): number {
    return octets.reduce((n, o) => n * 256 + o, 0);
}

/** The largest network prefix each cloud allows for a whole network we lay out. */
export const NETWORK_PREFIX = { min: 16, max: 24 } as const;

/**
 * Problems with a network CIDR: it must be a private (RFC 1918) block between /16 and /24,
 * written on its own boundary.
 */
export function cidrProblems(cidr: unknown, field = "cidr"): Problem[] {
    const allowed = `a private IPv4 block from /${NETWORK_PREFIX.min} to /${NETWORK_PREFIX.max} (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), written on its boundary, e.g. "10.0.0.0/16"`;
    const parsed = typeof cidr === "string" ? parseCidr(cidr) : undefined;
    if (!parsed) return [{ field, value: cidr, allowed }];
    const octets = formatCidr(parsed).split("/")[0];
    const isPrivate = ipaddr.IPv4.parse(octets).range() === "private";
    if (!isPrivate || parsed.prefix < NETWORK_PREFIX.min || parsed.prefix > NETWORK_PREFIX.max) {
        return [{ field, value: cidr, allowed }];
    }
    return [];
}

/** Subnets over N zones: private ones for workloads, public ones for load balancers and NAT. */
export interface ZonalLayout {
    private: string[];
    public: string[];
}

/**
 * Lays out one private and one public subnet per zone (AWS): the private subnets share the
 * first half of the block, the public ones (smaller: they hold only load balancers and NAT)
 * take a quarter, and the last quarter stays free for later growth.
 *
 *     zonalLayout("10.0.0.0/16", 3)
 *     // private: 10.0.0.0/19, 10.0.32.0/19, 10.0.64.0/19
 *     // public:  10.0.128.0/20, 10.0.144.0/20, 10.0.160.0/20
 */
export function zonalLayout(cidr: string, zones: number): ZonalLayout {
    const block = mustParse(cidr);
    const slotBits = Math.ceil(Math.log2(Math.max(zones, 1)));
    const privatePrefix = block.prefix + 1 + slotBits;
    const publicPrefix = privatePrefix + 1;
    const secondHalf = subBlock(block, block.prefix + 1, 1);
    const privateSubnets: string[] = [];
    const publicSubnets: string[] = [];
    for (let i = 0; i < zones; i++) {
        privateSubnets.push(formatCidr(subBlock(block, privatePrefix, i)));
        publicSubnets.push(formatCidr(subBlock(secondHalf, publicPrefix, i)));
    }
    return { private: privateSubnets, public: publicSubnets };
}

/** The smallest subnet each cloud accepts. */
export const MIN_SUBNET_PREFIX = { aws: 28, gcp: 29, azure: 29 } as const;

/** The prefix of the smallest subnet {@link zonalLayout} makes for `zones` zones. */
export function zonalLayoutSmallestPrefix(cidr: string, zones: number): number {
    const block = mustParse(cidr);
    return block.prefix + 2 + Math.ceil(Math.log2(Math.max(zones, 1)));
}

/**
 * Google Cloud: one regional subnet for nodes and VMs, with secondary ranges for GKE pods
 * and services, and a proxy-only subnet for regional internal load balancers.
 * For a /16: nodes /18, services /20, proxy-only /23, pods /17 (room for 128 nodes at /24 each).
 */
export interface GcpLayout {
    primary: string;
    services: string;
    proxyOnly: string;
    pods: string;
}

export function gcpLayout(cidr: string): GcpLayout {
    const block = mustParse(cidr);
    const p = block.prefix;
    const firstQuarter = subBlock(block, p + 2, 0);
    const secondQuarter = subBlock(block, p + 2, 1);
    return {
        primary: formatCidr(firstQuarter),
        services: formatCidr(subBlock(secondQuarter, p + 4, 0)),
        proxyOnly: formatCidr(subBlock(secondQuarter, p + 7, 8)),
        pods: formatCidr(subBlock(block, p + 1, 1)),
    };
}

/**
 * Azure: subnets by role. Kubernetes nodes get a quarter (pods use the CNI overlay, not
 * VNet addresses), apps a quarter, the data subnet (delegated to PostgreSQL flexible
 * servers) an eighth, and private endpoints (Redis, Event Hubs, Key Vault) an eighth.
 */
export interface AzureLayout {
    apps: string;
    kubernetes: string;
    data: string;
    endpoints: string;
}

export function azureLayout(cidr: string): AzureLayout {
    const block = mustParse(cidr);
    const p = block.prefix;
    return {
        kubernetes: formatCidr(subBlock(block, p + 2, 0)),
        apps: formatCidr(subBlock(block, p + 2, 1)),
        data: formatCidr(subBlock(block, p + 3, 4)),
        endpoints: formatCidr(subBlock(block, p + 3, 5)),
    };
}

function mustParse(cidr: string): Cidr {
    const parsed = parseCidr(cidr);
    if (!parsed) throw new Error(`not a CIDR block: ${cidr}`);
    return parsed;
}
