import { PolicyPack } from "@pulumi/policy";
import { PACKS } from "../packs";
import { policies } from "./policies";

// Entry point for `pulumi preview --policy-pack policies/kubernetes`: constructing the pack starts its gRPC server.
new PolicyPack(PACKS["kubernetes"].packName, {
    policies,
    enforcementLevel: "advisory",
    description: PACKS["kubernetes"].description,
});
