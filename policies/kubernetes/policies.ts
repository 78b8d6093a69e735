import { policiesFor } from "../packs";

/** The kubernetes pack's rules as @pulumi/policy policies; import this, never ./index (it starts the pack's server). */
export const policies = policiesFor("kubernetes");
