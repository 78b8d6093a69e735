/**
 * vCPU counts read from machine type names, per cloud's naming scheme, so a size policy
 * needs no price list: AWS `m7i.2xlarge` (8), Google Cloud `n2-standard-8` / `custom-8-32768`,
 * Azure `Standard_D8s_v5`. Unknown shapes return undefined and are left alone.
 */
export function awsVcpus(instanceType: string): number | undefined {
    const size = instanceType.replace(/^(db|cache|kafka)\./, "").split(".")[1];
    if (size === undefined) return undefined;
    if (["nano", "micro", "small", "medium"].includes(size)) return 2;
    if (size === "large") return 2;
    if (size === "xlarge") return 4;
    if (size.startsWith("metal")) return 96;
    const m = /^(\d+)xlarge$/.exec(size);
    return m ? Number(m[1]) * 4 : undefined;
}

export function gcpVcpus(machineType: string): number | undefined {
    const name = machineType.split("/").pop() ?? machineType;
    const custom = /custom-(\d+)-\d+/.exec(name);
    if (custom) return Number(custom[1]);
    if (/^(e2|f1|g1)-(micro|small|medium)$/.test(name)) return 2;
    const m = /^[a-z0-9]+-[a-z]+-(\d+)/.exec(name);
    return m ? Number(m[1]) : undefined;
}

export function azureVcpus(vmSize: string): number | undefined {
    const m = /^Standard_[A-Za-z]+?(\d+)/.exec(vmSize);
    return m ? Number(m[1]) : undefined;
}

/** Cloud SQL tiers: `db-custom-4-16384`, `db-perf-optimized-N-8`, `db-n1-standard-4`, `db-f1-micro`. */
export function cloudSqlVcpus(tier: string): number | undefined {
    const custom = /^db-custom-(\d+)-/.exec(tier);
    if (custom) return Number(custom[1]);
    const m = /-(\d+)$/.exec(tier);
    if (m) return Number(m[1]);
    return /^db-(f1-micro|g1-small)$/.test(tier) ? 1 : undefined;
}

export function vcpusFor(cloud: "aws" | "gcp" | "azure", machine: string): number | undefined {
    return cloud === "aws" ? awsVcpus(machine) : cloud === "gcp" ? gcpVcpus(machine) : azureVcpus(machine);
}

/** GPU / accelerator families: large hourly prices, allowed only on purpose. */
export function isAccelerated(cloud: "aws" | "gcp" | "azure", machine: string): boolean {
    if (cloud === "aws") return /^(p\d|g\d|inf\d|trn\d|dl\d|f\d|vt\d)/.test(machine.replace(/^(db|cache|kafka)\./, ""));
    if (cloud === "gcp") return /^(a2|a3|a4|g2|g4|ct\d)-/.test(machine.split("/").pop() ?? machine);
    return /^Standard_N/i.test(machine);
}

/** Previous-generation families: slower per dollar than their successors. */
export function isPreviousGeneration(cloud: "aws" | "gcp" | "azure", machine: string): boolean {
    if (cloud === "aws") return /^(t1|t2|m1|m2|m3|m4|c1|c3|c4|r3|r4|i2|d2|g2|g3|p2|x1|x1e)\./.test(machine.replace(/^(db|cache|kafka)\./, ""));
    if (cloud === "gcp") return /^(n1-|f1-micro|g1-small|db-n1-|db-f1-micro|db-g1-small)/.test(machine.split("/").pop() ?? machine);
    return /^(Basic_|Standard_A\d|Standard_D\d+s?_v[23]$|Standard_DS\d+_v2$|Standard_F\d+s?$|Standard_E\d+s?_v3$)/.test(machine);
}
