import { policiesFor } from "../packs";

/** The data pack's rules as @pulumi/policy policies; import this, never ./index (it starts the pack's server). */
export const policies = policiesFor("data");
