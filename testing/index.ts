/**
 * platform-kit/testing: the in-process engine the kit's own tests, the offline `plan` and
 * the lab checks run on, for your tests too.
 *
 *     const run = await runProgram(() => new Network("net", { cloud: "aws" }));
 *     const vpc = run.resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
 */
export * from "./engine";
export * from "./catalogue";
export * from "./query";
export * from "./policy";
