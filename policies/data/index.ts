import { PolicyPack } from "@pulumi/policy";
import { PACKS } from "../packs";
import { policies } from "./policies";

// Entry point for `pulumi preview --policy-pack policies/data`: constructing the pack starts its gRPC server.
new PolicyPack(PACKS["data"].packName, {
    policies,
    enforcementLevel: "advisory",
    description: PACKS["data"].description,
});
