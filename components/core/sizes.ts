import { VmCloud } from "./cloud";

/** Portable machine sizes: the same intent on every cloud. */
export type Size = "small" | "medium" | "large" | "xlarge";

export const SIZES: readonly Size[] = ["small", "medium", "large", "xlarge"];

/**
 * Current general-purpose x86 machine types with the same shape on each cloud
 * (small: 2 vCPU / 8 GiB, medium: 4 / 16, large: 8 / 32, xlarge: 16 / 64).
 * Sources: AWS M7i, Google Cloud N2 standard and Azure Dsv5 series pages.
 */
export const MACHINE_TYPES: Readonly<Record<VmCloud, Readonly<Record<Size, string>>>> = {
    aws: { small: "m7i.large", medium: "m7i.xlarge", large: "m7i.2xlarge", xlarge: "m7i.4xlarge" },
    gcp: { small: "n2-standard-2", medium: "n2-standard-4", large: "n2-standard-8", xlarge: "n2-standard-16" },
    azure: { small: "Standard_D2s_v5", medium: "Standard_D4s_v5", large: "Standard_D8s_v5", xlarge: "Standard_D16s_v5" },
};

/** vCPU and memory of each portable size, for Kubernetes requests and sanity checks. */
export const SIZE_SHAPES: Readonly<Record<Size, { vcpu: number; memoryGiB: number }>> = {
    small: { vcpu: 2, memoryGiB: 8 },
    medium: { vcpu: 4, memoryGiB: 16 },
    large: { vcpu: 8, memoryGiB: 32 },
    xlarge: { vcpu: 16, memoryGiB: 64 },
};

export function isSize(value: unknown): value is Size {
    return typeof value === "string" && (SIZES as readonly string[]).includes(value);
}

/**
 * The machine type for a portable size, or the explicit override when one is given.
 * Callers validate `size` with {@link isSize} first and report a PlatformKitError.
 */
export function machineType(cloud: VmCloud, size: Size = "small", override?: string): string {
    return override ?? MACHINE_TYPES[cloud][size];
}
