import { PolicyPack } from "@pulumi/policy";
import { PACKS } from "../packs";
import { policies } from "./policies";

// Entry point for `pulumi preview --policy-pack policies/cost-and-tags`: constructing the pack starts its gRPC server.
new PolicyPack(PACKS["cost-and-tags"].packName, {
    policies,
    enforcementLevel: "advisory",
    description: PACKS["cost-and-tags"].description,
});
