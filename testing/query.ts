import { RecordedResource } from "./engine";

/** Resources of one type, in registration order. */
export function ofType(resources: readonly RecordedResource[], type: string): RecordedResource[] {
    return resources.filter((r) => r.type === type);
}

/** The one resource of `type` (and logical `name`, when given); throws naming what exists. */
export function only(resources: readonly RecordedResource[], type: string, name?: string): RecordedResource {
    const matches = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    if (matches.length !== 1) {
        const have = ofType(resources, type).map((r) => r.name);
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${matches.length} (names: ${have.join(", ") || "none"})`);
    }
    return matches[0];
}

/** `[type, name]` of every custom resource, sorted: the shape a rename guard compares. */
export function inventory(resources: readonly RecordedResource[]): Array<[string, string]> {
    return resources
        .filter((r) => r.custom)
        .map((r): [string, string] => [r.type, r.name])
        .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

/** Resources whose parent chain reaches `urn`. */
export function descendants(resources: readonly RecordedResource[], urn: string): RecordedResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.filter((r) => {
        for (let p = r.parent; p; p = byUrn.get(p)?.parent) if (p === urn) return true;
        return false;
    });
}
