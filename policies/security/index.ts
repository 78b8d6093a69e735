import { PolicyPack } from "@pulumi/policy";
import { PACKS } from "../packs";
import { policies } from "./policies";

// Entry point for `pulumi preview --policy-pack policies/security`: constructing the pack starts its gRPC server.
new PolicyPack(PACKS["security"].packName, {
    policies,
    enforcementLevel: "advisory",
    description: PACKS["security"].description,
});
