import { policiesFor } from "../packs";

/** The serverless pack's rules as @pulumi/policy policies; import this, never ./index (it starts the pack's server). */
export const policies = policiesFor("serverless");
