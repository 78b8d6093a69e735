import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import type { NetworkOutputs } from "../../components/network";

/** The contract outputs of a network, as a program exports them (resourceGroupName on Azure only). */
export function contractOutputs(net: NetworkOutputs): Record<string, unknown> {
    return {
        networkId: net.networkId,
        networkName: net.networkName,
        region: net.region,
        ...(net.resourceGroupName ? { resourceGroupName: net.resourceGroupName } : {}),
        privateSubnetIds: net.privateSubnetIds,
        publicSubnetIds: net.publicSubnetIds,
        kubernetesSubnetIds: net.kubernetesSubnetIds,
        dataSubnetIds: net.dataSubnetIds,
        endpointSubnetIds: net.endpointSubnetIds,
    };
}

/** The problems of a PlatformKitError, as `field: allowed` lines, or fails. */
export function problemsOf(error: unknown): string[] {
    assert.ok(error instanceof PlatformKitError, `expected a PlatformKitError, got ${String(error)}`);
    return error.problems.map((p) => `${p.field}: ${p.allowed}`);
}

/** What a program run rejected with; fails when it did not. */
export async function rejection(run: Promise<unknown>): Promise<unknown> {
    try {
        await run;
    } catch (e) {
        return e;
    }
    assert.fail("expected the program to fail");
}
