import { PolicyPack } from "@pulumi/policy";
import { PACKS } from "../packs";
import { policies } from "./policies";

// Entry point for `pulumi preview --policy-pack policies/serverless`: constructing the pack starts its gRPC server.
new PolicyPack(PACKS["serverless"].packName, {
    policies,
    enforcementLevel: "advisory",
    description: PACKS["serverless"].description,
});
