import { createHash } from "crypto";
import { FleetChange } from "./workspace";

/** One wave of a fleet roll. */
export interface Wave {
    /** 0 is the canary wave. */
    index: number;
    /** `canary`, `wave 1`, `wave 2`... */
    name: string;
    /** Stack ids, in the order given. */
    stacks: string[];
}

export interface WavePlanOptions {
    /**
     * Stacks in the canary wave, rolled and checked alone before any other.
     * @default 1
     */
    canary?: number;
    /**
     * Stacks in each later wave.
     * @default 5
     */
    waveSize?: number;
}

/**
 * Splits the stacks into a canary wave and waves of `waveSize`, keeping the order given (put
 * the least important stacks first). Throws a RangeError for sizes below 1 or duplicate ids.
 */
export function planWaves(stacks: readonly string[], options: WavePlanOptions = {}): Wave[] {
    const canary = options.canary ?? 1;
    const waveSize = options.waveSize ?? 5;
    if (!Number.isInteger(canary) || canary < 0) throw new RangeError(`canary must be a whole number of at least 0, got ${canary}`);
    if (!Number.isInteger(waveSize) || waveSize < 1) throw new RangeError(`waveSize must be a whole number of at least 1, got ${waveSize}`);
    const seen = new Set<string>();
    for (const id of stacks) {
        if (seen.has(id)) throw new RangeError(`stack "${id}" is listed twice`);
        seen.add(id);
    }
    const waves: Wave[] = [];
    let rest = [...stacks];
    if (canary > 0 && rest.length > 0) {
        waves.push({ index: 0, name: "canary", stacks: rest.slice(0, canary) });
        rest = rest.slice(canary);
    }
    while (rest.length > 0) {
        const index = waves.length === 0 ? 1 : waves[waves.length - 1].index + 1;
        waves.push({ index, name: `wave ${index}`, stacks: rest.slice(0, waveSize) });
        rest = rest.slice(waveSize);
    }
    return waves;
}

/**
 * A stable id of a change: the same config values give the same id, so `resume` only
 * counts stacks that were updated with this very change.
 */
export function changeId(change: FleetChange): string {
    const sorted = Object.keys(change.config)
        .sort()
        .map((key) => [key, change.config[key]]);
    return createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 12);
}
