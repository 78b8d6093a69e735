import * as fs from "fs";
import * as path from "path";

/** What the critical path needs to know of a resource. */
export interface GraphNode {
    urn: string;
    type: string;
    custom: boolean;
    parent?: string;
    dependencies: readonly string[];
}

export interface CreationTime {
    seconds: number;
    basis: "documented" | "timeout" | "observed";
    source: string;
}

export interface CreationTimes {
    types: Record<string, CreationTime>;
    providers: Record<string, CreationTime>;
    default: CreationTime;
}

export interface CriticalPath {
    /** Estimated seconds of the longest chain of dependent resources. */
    seconds: number;
    /** That chain, first created first. */
    urns: string[];
}

let cached: CreationTimes | undefined;

/** The creation-time table (cli/data/creation-times.json), with its sources. */
export function creationTimes(): CreationTimes {
    if (!cached) {
        const candidates = [path.join(__dirname, "..", "data", "creation-times.json"), path.join(__dirname, "..", "..", "..", "cli", "data", "creation-times.json")];
        const file = candidates.find((f) => fs.existsSync(f));
        if (!file) throw new Error("platform-kit: cli/data/creation-times.json is missing from the installation");
        cached = JSON.parse(fs.readFileSync(file, "utf8")) as CreationTimes;
    }
    return cached;
}

export function secondsFor(type: string, table: CreationTimes = creationTimes()): number {
    return (table.types[type] ?? table.providers[type.split(":")[0]] ?? table.default).seconds;
}

/**
 * The deploy's critical path: the longest chain of dependent custom resources, weighted by
 * each type's typical creation time. Depending on a component means waiting for every
 * resource inside it, as the engine does. Linear in resources plus dependency edges.
 */
export function criticalPath(nodes: readonly GraphNode[], weight: (type: string) => number = (t) => secondsFor(t)): CriticalPath {
    const byUrn = new Map(nodes.map((n) => [n.urn, n]));
    const children = new Map<string, string[]>();
    for (const n of nodes) {
        if (!n.parent) continue;
        const list = children.get(n.parent) ?? [];
        list.push(n.urn);
        children.set(n.parent, list);
    }

    // A component's "finish" is the latest finish among the custom resources inside it;
    // computed once per component so fan-in on a large component stays linear.
    const finish = new Map<string, { seconds: number; via?: string }>();
    // The custom resource each one waits on last: the critical path, read backwards.
    const predecessor = new Map<string, string | undefined>();
    const visiting = new Set<string>();

    const finishOf = (urn: string): { seconds: number; via?: string } => {
        const known = finish.get(urn);
        if (known) return known;
        const node = byUrn.get(urn);
        if (!node || visiting.has(urn)) return { seconds: 0 };
        visiting.add(urn);
        let result: { seconds: number; via?: string };
        if (node.custom) {
            let start = { seconds: 0, via: undefined as string | undefined };
            for (const dep of node.dependencies) {
                const f = finishOf(dep);
                if (f.seconds > start.seconds) start = { seconds: f.seconds, via: f.via };
            }
            result = { seconds: start.seconds + weight(node.type), via: urn };
            predecessor.set(urn, start.via);
        } else {
            result = { seconds: 0 };
            for (const child of [...(children.get(urn) ?? []), ...node.dependencies]) {
                const f = finishOf(child);
                if (f.seconds > result.seconds) result = f;
            }
        }
        visiting.delete(urn);
        finish.set(urn, result);
        return result;
    };

    let end: { seconds: number; via?: string } = { seconds: 0 };
    for (const n of nodes) {
        if (!n.custom) continue;
        const f = finishOf(n.urn);
        if (f.seconds > end.seconds) end = f;
    }
    const urns: string[] = [];
    for (let at = end.via; at; at = predecessor.get(at)) urns.unshift(at);
    return { seconds: end.seconds, urns };
}
