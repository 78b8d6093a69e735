import assert from "node:assert/strict";
import { MACHINE_TYPES, SIZES, SIZE_SHAPES, isSize, machineType } from "../../components/core";

describe("core sizes", () => {
    it("maps every portable size to a current machine type on each cloud", () => {
        assert.deepEqual(SIZES.map((s) => machineType("aws", s)), ["m7i.large", "m7i.xlarge", "m7i.2xlarge", "m7i.4xlarge"]);
        assert.deepEqual(SIZES.map((s) => machineType("gcp", s)), ["n2-standard-2", "n2-standard-4", "n2-standard-8", "n2-standard-16"]);
        assert.deepEqual(SIZES.map((s) => machineType("azure", s)), ["Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8s_v5", "Standard_D16s_v5"]);
    });

    it("defaults to small", () => {
        assert.equal(machineType("aws"), "m7i.large");
    });

    it("uses an explicit override instead of the portable size", () => {
        assert.equal(machineType("aws", "large", "c7g.2xlarge"), "c7g.2xlarge");
        assert.equal(machineType("gcp", undefined, "e2-medium"), "e2-medium");
    });

    it("doubles vCPU and memory at each step, 4 GiB per vCPU", () => {
        let previous = 1;
        for (const size of SIZES) {
            const shape = SIZE_SHAPES[size];
            assert.equal(shape.vcpu, previous * 2);
            assert.equal(shape.memoryGiB, shape.vcpu * 4);
            previous = shape.vcpu;
        }
    });

    it("has a machine type for every size on every cloud", () => {
        for (const cloud of ["aws", "gcp", "azure"] as const) {
            assert.deepEqual(Object.keys(MACHINE_TYPES[cloud]).sort(), [...SIZES].sort());
        }
    });

    it("isSize accepts the four sizes only", () => {
        for (const size of SIZES) assert.equal(isSize(size), true);
        for (const other of ["tiny", "Small", "", undefined, 2, null]) assert.equal(isSize(other), false);
    });
});
