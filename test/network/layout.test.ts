import assert from "node:assert/strict";
import {
    MIN_SUBNET_PREFIX,
    azureLayout,
    cidrProblems,
    formatCidr,
    gcpLayout,
    parseCidr,
    zonalLayout,
    zonalLayoutSmallestPrefix,
} from "../../components/network/layout";

/** Every address of a block as [first, last] numbers. */
function range(cidr: string): [number, number] {
    const c = parseCidr(cidr);
    assert.ok(c, `not a cidr: ${cidr}`);
    return [c.base, c.base + 2 ** (32 - c.prefix) - 1];
}

function assertDisjointInside(parent: string, blocks: string[]): void {
    const [lo, hi] = range(parent);
    const ranges = blocks.map(range).sort((a, b) => a[0] - b[0]);
    for (const [i, [first, last]] of ranges.entries()) {
        assert.ok(first >= lo && last <= hi, `${blocks[i]} outside ${parent}`);
        if (i > 0) assert.ok(first > ranges[i - 1][1], `overlap in ${blocks.join(", ")}`);
    }
}

const ALLOWED = 'a private IPv4 block from /16 to /24 (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), written on its boundary, e.g. "10.0.0.0/16"';

describe("network layout", () => {
    describe("cidrProblems", () => {
        it("accepts private blocks from /16 to /24 in all three private ranges", () => {
            for (const cidr of ["10.0.0.0/16", "10.250.0.0/16", "172.16.0.0/16", "172.31.255.0/24", "192.168.0.0/16", "192.168.10.0/24", "10.1.0.0/20"]) {
                assert.deepEqual(cidrProblems(cidr), [], cidr);
            }
        });

        it("refuses public, misaligned, too large, too small and malformed blocks", () => {
            for (const cidr of ["8.8.0.0/16", "100.64.0.0/16", "172.32.0.0/16", "10.0.1.0/16", "10.0.0.0/8", "10.0.0.0/15", "10.0.0.0/25", "10.0.0.0/28", "10.0.0.0", "10.0.0.256/24", "ten", ""]) {
                assert.deepEqual(cidrProblems(cidr), [{ field: "cidr", value: cidr, allowed: ALLOWED }], cidr);
            }
        });

        it("refuses a value that is not a string, under the field it is given", () => {
            assert.deepEqual(cidrProblems(16, "network.cidr"), [{ field: "network.cidr", value: 16, allowed: ALLOWED }]);
        });
    });

    describe("parseCidr / formatCidr", () => {
        it("round-trips", () => {
            for (const cidr of ["10.0.0.0/16", "192.168.4.0/22", "172.16.0.0/12", "0.0.0.0/0", "10.1.2.3/32"]) {
                const parsed = parseCidr(cidr);
                assert.ok(parsed);
                assert.equal(formatCidr(parsed), cidr);
            }
        });

        it("refuses a block not on its boundary", () => {
            assert.equal(parseCidr("10.0.1.0/16"), undefined);
            assert.equal(parseCidr("10.0.0.0/33"), undefined);
        });
    });

    describe("zonalLayout (AWS)", () => {
        it("gives private subnets the first half and public subnets a quarter", () => {
            assert.deepEqual(zonalLayout("10.0.0.0/16", 3), {
                private: ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"],
                public: ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"],
            });
            assert.deepEqual(zonalLayout("10.0.0.0/16", 1), { private: ["10.0.0.0/17"], public: ["10.0.128.0/18"] });
            assert.deepEqual(zonalLayout("192.168.0.0/24", 2), {
                private: ["192.168.0.0/26", "192.168.0.64/26"],
                public: ["192.168.0.128/27", "192.168.0.160/27"],
            });
        });

        it("never overlaps and stays inside the block, for every size and zone count", () => {
            for (let prefix = 16; prefix <= 24; prefix++) {
                for (let zones = 1; zones <= 6; zones++) {
                    const cidr = `10.0.0.0/${prefix}`;
                    const layout = zonalLayout(cidr, zones);
                    assert.equal(layout.private.length, zones);
                    assert.equal(layout.public.length, zones);
                    assertDisjointInside(cidr, [...layout.private, ...layout.public]);
                    const smallest = Math.max(...[...layout.private, ...layout.public].map((b) => parseCidr(b)?.prefix ?? 0));
                    assert.equal(zonalLayoutSmallestPrefix(cidr, zones), smallest);
                }
            }
        });

        it("fits 4 zones but not 5 in a /24 with AWS's /28 minimum", () => {
            assert.ok(zonalLayoutSmallestPrefix("10.0.0.0/24", 4) <= MIN_SUBNET_PREFIX.aws);
            assert.ok(zonalLayoutSmallestPrefix("10.0.0.0/24", 5) > MIN_SUBNET_PREFIX.aws);
        });
    });

    describe("gcpLayout", () => {
        it("lays out nodes, pods, services and the proxy-only subnet", () => {
            assert.deepEqual(gcpLayout("10.0.0.0/16"), {
                primary: "10.0.0.0/18",
                services: "10.0.64.0/20",
                proxyOnly: "10.0.80.0/23",
                pods: "10.0.128.0/17",
            });
        });

        it("never overlaps and stays inside the block", () => {
            for (let prefix = 16; prefix <= 24; prefix++) {
                const cidr = `172.16.0.0/${prefix}`;
                const l = gcpLayout(cidr);
                assertDisjointInside(cidr, [l.primary, l.services, l.proxyOnly, l.pods]);
            }
        });
    });

    describe("azureLayout", () => {
        it("lays out kubernetes, apps, data and endpoints", () => {
            assert.deepEqual(azureLayout("10.0.0.0/16"), {
                kubernetes: "10.0.0.0/18",
                apps: "10.0.64.0/18",
                data: "10.0.128.0/19",
                endpoints: "10.0.160.0/19",
            });
        });

        it("never overlaps, stays inside the block and keeps subnets at /29 or larger", () => {
            for (let prefix = 16; prefix <= 24; prefix++) {
                const cidr = `192.168.0.0/${prefix}`;
                const l = azureLayout(cidr);
                const blocks = [l.kubernetes, l.apps, l.data, l.endpoints];
                assertDisjointInside(cidr, blocks);
                for (const b of blocks) assert.ok((parseCidr(b)?.prefix ?? 99) <= MIN_SUBNET_PREFIX.azure, b);
            }
        });
    });
});
