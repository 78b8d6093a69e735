import * as assert from "node:assert/strict";
import { GraphNode, creationTimes, criticalPath, secondsFor } from "../../cli/plan/critical-path";

const node = (urn: string, type: string, dependencies: string[] = [], extra: Partial<GraphNode> = {}): GraphNode => ({
    urn,
    type,
    custom: true,
    dependencies,
    ...extra,
});

describe("critical path", () => {
    const weight = (type: string) => ({ slow: 600, medium: 120, fast: 5 })[type] ?? 1;

    it("picks the longest weighted chain, not the longest by count", () => {
        const nodes = [
            node("a", "fast"),
            node("b", "fast", ["a"]),
            node("c", "fast", ["b"]),
            node("d", "fast", ["c"]),
            node("x", "slow"),
            node("y", "medium", ["x"]),
        ];
        assert.deepEqual(criticalPath(nodes, weight), { seconds: 720, urns: ["x", "y"] });
    });

    it("waits for every resource inside a component a resource depends on", () => {
        const nodes = [
            node("comp", "platform-kit:x:X", [], { custom: false }),
            node("inner-fast", "fast", [], { parent: "comp" }),
            node("inner-slow", "slow", [], { parent: "comp" }),
            node("after", "medium", ["comp"]),
        ];
        assert.deepEqual(criticalPath(nodes, weight), { seconds: 720, urns: ["inner-slow", "after"] });
    });

    it("survives a dependency cycle and unknown dependencies without looping", () => {
        const nodes = [node("a", "fast", ["b", "nowhere"]), node("b", "fast", ["a"])];
        const result = criticalPath(nodes, weight);
        assert.equal(result.seconds, 10);
    });

    it("is empty for a program with no cloud resources", () => {
        assert.deepEqual(criticalPath([node("stack", "pulumi:pulumi:Stack", [], { custom: false })], weight), { seconds: 0, urns: [] });
    });

    it("weights types from the data file, falling back by provider, then to the default", () => {
        const table = creationTimes();
        assert.equal(secondsFor("aws:eks/cluster:Cluster"), table.types["aws:eks/cluster:Cluster"].seconds);
        assert.equal(secondsFor("gcp:compute/unheardOf:UnheardOf"), table.providers.gcp.seconds);
        assert.equal(secondsFor("random:index/randomId:RandomId"), table.default.seconds);
        for (const [type, entry] of Object.entries(table.types)) {
            assert.ok(entry.seconds > 0 && entry.source.length > 10, `${type} has a duration and a source`);
        }
    });
});
