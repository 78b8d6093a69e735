import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import type * as awsTypes from "@pulumi/aws";
import type * as gcpTypes from "@pulumi/gcp";
import type * as azureStorage from "@pulumi/azure-native/storage";
import type * as k8s from "@pulumi/kubernetes";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { EvaluateOptions, Finding, PACKS, PACK_NAMES, RULES, evaluatePolicies, failsPlan, packOf, rulesFor, toPolicy } from "../../policies";
import { runProgram } from "../../testing/engine";
import { policyConfig, remediateResource, resource, stackArgs, unknownValue, validateResource, validateStack, withInputs } from "../../testing/policy";
import { rule } from "./rule-cases";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const goodLt = (tags: Record<string, string> = {}, name = "web") =>
    resource<awsTypes.ec2.LaunchTemplateArgs>(LT, { imageId: "ami-1", instanceType: "m7i.large", metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 1 }, tags: { "managed-by": "platform-kit", ...tags } }, { name, urn: `urn:pulumi:dev::p::${LT}::${name}` });
const only = (findings: Finding[], policy: string) => findings.filter((f) => f.policy === policy);

describe("policy registry", () => {
    it("has at least 90 rules with unique, well-formed names", () => {
        assert.ok(RULES.length >= 90, `${RULES.length} rules`);
        const names = RULES.map((r) => r.name);
        assert.equal(new Set(names).size, names.length);
        for (const name of names) {
            assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*-(disallow|enable|configure|missing)-[a-z0-9-]+$/, name);
            // The Google Cloud exemption label `pk-exempt-<policy>` must fit in 63 characters.
            assert.ok(`pk-exempt-${name}`.length <= 63, `${name} is too long for a label`);
        }
    });

    it("gives every rule its metadata and exactly one pack", () => {
        const ajv = new Ajv({ strict: false });
        for (const r of RULES) {
            assert.ok(r.description.length > 20 && r.remediation.length > 20, r.name);
            assert.ok(["low", "medium", "high", "critical"].includes(r.severity), r.name);
            assert.ok(["advisory", "mandatory", "remediate"].includes(r.enforcementLevel), r.name);
            for (const id of r.checkov) assert.match(id, /^CKV2?_[A-Z0-9]+_\d+$/, r.name);
            for (const id of r.trivy) assert.match(id, /^(AWS|GCP|AZU|KSV)-\d{4,5}$/, r.name);
            assert.ok(r.resourceTypes.length > 0, r.name);
            assert.ok((r.validateResource === undefined) !== (r.validateStack === undefined), `${r.name} is a resource xor a stack rule`);
            const packs = PACK_NAMES.filter((p) => rulesFor(p).includes(r));
            assert.deepEqual(packs, [packOf(r)], `${r.name} belongs to ${packs.join(", ") || "no pack"}`);
            if (r.configSchema) {
                const defaults = policyConfig(r.configSchema);
                assert.ok(ajv.validate({ type: "object", ...r.configSchema }, defaults), `${r.name}: defaults do not match the schema: ${ajv.errorsText()}`);
            }
        }
    });

    it("covers every Pod Security Standards control", () => {
        const controls = new Set(RULES.flatMap((r) => r.frameworks.filter((f) => f.name === "Pod Security Standards").map((f) => f.control)));
        const expected = [
            "baseline/hostProcess", "baseline/host-namespaces", "baseline/privileged", "baseline/capabilities", "baseline/hostPath-volumes", "baseline/host-ports",
            "baseline/AppArmor", "baseline/SELinux", "baseline/proc-mount-type", "baseline/seccomp", "baseline/sysctls", "restricted/volume-types",
            "restricted/privilege-escalation", "restricted/running-as-non-root", "restricted/running-as-non-root-user", "restricted/seccomp", "restricted/capabilities",
        ];
        for (const control of expected) assert.ok(controls.has(control), control);
    });

    it("keeps each pack folder a policy-pack project whose rules match the registry's selection", () => {
        const root = path.join(__dirname, "..", "..", "policies");
        for (const pack of PACK_NAMES) {
            const yaml = fs.readFileSync(path.join(root, pack, "PulumiPolicy.yaml"), "utf8");
            assert.match(yaml, /^runtime: nodejs$/m);
            assert.match(yaml, /^description: /m);
            // @pulumi/policy reads the pack's version from package.json in the directory it runs in.
            const manifest = JSON.parse(fs.readFileSync(path.join(root, pack, "package.json"), "utf8")) as { version?: string; main?: string };
            assert.ok(manifest.version && manifest.main === "index.ts", `${pack}/package.json`);
            assert.match(fs.readFileSync(path.join(root, pack, "index.ts"), "utf8"), /new PolicyPack\(PACKS\["[a-z-]+"\]\.packName/);
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { policies } = require(path.join(root, pack, "policies")) as { policies: Array<{ name: string }> };
            assert.deepEqual(policies.map((p) => p.name), rulesFor(pack).map((r) => r.name));
            assert.equal(PACKS[pack].packName, `platform-kit-${pack}`);
        }
        assert.ok(rulesFor("kubernetes").length >= 20 && rulesFor("security").length >= 15);
    });
});

describe("evaluatePolicies", () => {
    it("reports exemptions from a name pattern in the pack config and from tags, never hiding them", async () => {
        const resources = [
            goodLt({}, "bastion-1"),
            goodLt({ "platform-kit.exempt/aws-ec2-enable-imdsv2": "vendor agent needs IMDSv1 until 2027" }, "legacy"),
            goodLt({}, "web"),
        ];
        const config: EvaluateOptions["config"] = { security: { exemptions: [{ policy: "aws-ec2-enable-imdsv2", namePattern: "bastion-*", reason: "break-glass hosts" }] } };
        const findings = only(await evaluatePolicies(resources, { packs: ["security"], config }), "aws-ec2-enable-imdsv2");
        assert.deepEqual(
            findings.map((f) => [f.resourceName, f.enforcement, f.exemption]),
            [
                ["bastion-1", "mandatory", { reason: "break-glass hosts", source: "config" }],
                ["legacy", "mandatory", { reason: "vendor agent needs IMDSv1 until 2027", source: "tag" }],
                ["web", "mandatory", undefined],
            ],
        );
        assert.deepEqual(findings.map(failsPlan), [false, false, true]);
    });

    it("reads the Google Cloud label form and the Azure tag form of an exemption", async () => {
        const template = resource<gcpTypes.compute.InstanceTemplateArgs>(
            "gcp:compute/instanceTemplate:InstanceTemplate",
            { machineType: "e2-small", disks: [{ sourceImage: "i" }], networkInterfaces: [{ accessConfigs: [{}] }], labels: { "pk-exempt-compute-disallow-public-ip": "public_demo_host" } },
            { name: "demo" },
        );
        const account = resource<azureStorage.StorageAccountArgs>(
            "azure-native:storage:StorageAccount",
            { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" }, allowBlobPublicAccess: true, tags: { "platform-kit.exempt.storage-disallow-public-buckets": "static website" } },
            { name: "site" },
        );
        const findings = await evaluatePolicies([template, account], { packs: ["security"] });
        assert.deepEqual(only(findings, "compute-disallow-public-ip")[0].exemption, { reason: "public demo host", source: "tag" });
        assert.deepEqual(only(findings, "storage-disallow-public-buckets")[0].exemption, { reason: "static website", source: "tag" });
    });

    it("turns an unknown deciding value at preview into an advisory finding, neither a pass nor a crash", async () => {
        const cluster = resource<awsTypes.eks.ClusterArgs>("aws:eks/cluster:Cluster", { roleArn: "r", vpcConfig: { subnetIds: ["a"], endpointPublicAccess: unknownValue<boolean>() } }, { name: "eks" });
        const findings = only(await evaluatePolicies([cluster], { packs: ["security"], preview: true }), "kubernetes-cluster-disallow-public-endpoint");
        assert.deepEqual(findings.map((f) => [f.enforcement, f.message]), [
            ["advisory", "can't run policy kubernetes-cluster-disallow-public-endpoint during preview: Object value at .vpcConfig.endpointPublicAccess can't be known during preview"],
        ]);
        // A rule that never reads the unknown still decides.
        const logging = only(await evaluatePolicies([cluster], { packs: ["security"], preview: true }), "kubernetes-cluster-enable-control-plane-logging");
        assert.deepEqual(logging.map((f) => f.message), ["enabledClusterLogTypes is missing api, audit, authenticator."]);
    });

    it("remediates when the level is remediate, and falls back to mandatory when no fix exists", async () => {
        const config = { security: { "aws-ec2-enable-imdsv2": { enforcementLevel: "remediate" }, "iam-disallow-admin-privileges": "remediate" } };
        const admin = resource<awsTypes.iam.RolePolicyAttachmentArgs>("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, { name: "admin" });
        const findings = await evaluatePolicies([goodLt(), admin], { packs: ["security"], config });
        assert.deepEqual(only(findings, "aws-ec2-enable-imdsv2").map((f) => [f.enforcement, f.message]), [
            ["remediate", 'metadataOptions.httpTokens is "optional"; set it to "required" so only IMDSv2 session requests get instance credentials. (remediated)'],
        ]);
        assert.deepEqual(only(findings, "iam-disallow-admin-privileges").map((f) => f.enforcement), ["mandatory"]);
    });

    it("applies knob config over the schema defaults, and disables rules", async () => {
        const lt = resource<awsTypes.ec2.LaunchTemplateArgs>(LT, { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } }, { name: "nodes" });
        assert.equal(only(await evaluatePolicies([lt], { packs: ["security"] }), "aws-ec2-configure-imds-hop-limit").length, 1);
        const relaxed = { security: { "aws-ec2-configure-imds-hop-limit": { maxHopLimit: 2 } } };
        assert.equal(only(await evaluatePolicies([lt], { packs: ["security"], config: relaxed }), "aws-ec2-configure-imds-hop-limit").length, 0);
        const disabled = { security: { "aws-ec2-configure-imds-hop-limit": "disabled" } };
        assert.equal(only(await evaluatePolicies([lt], { packs: ["security"], config: disabled }), "aws-ec2-configure-imds-hop-limit").length, 0);
    });

    it("asks only for some tags and leaves Azure encryption at host to a knob by default", async () => {
        const untagged = resource<awsTypes.sqs.QueueArgs>("aws:sqs/queue:Queue", {}, { name: "q" });
        const tagged = resource<awsTypes.sqs.QueueArgs>("aws:sqs/queue:Queue", { tags: { team: "web" } }, { name: "tagged" });
        const findings = only(await evaluatePolicies([untagged, tagged], { packs: ["cost-and-tags"] }), "resource-missing-required-tags");
        assert.deepEqual(findings.map((f) => [f.resourceName, f.message]), [["q", "tags is empty; the resource carries no tags (required: any)."]]);
        const vmss = resource<Record<string, never>>("azure-native:compute:VirtualMachineScaleSet", {}, { name: "vmss" });
        assert.deepEqual(only(await evaluatePolicies([vmss], { packs: ["security"] }), "compute-enable-disk-encryption"), []);
    });

    it("refuses knobs that do not match the rule's schema", async () => {
        await assert.rejects(
            evaluatePolicies([], { packs: ["security"], config: { security: { "aws-ec2-configure-imds-hop-limit": { maxHopLimit: "two" } } } }),
            /policy config for security\/aws-ec2-configure-imds-hop-limit: config\/maxHopLimit must be integer/,
        );
    });

    it("reports a rule that throws on an input as an advisory finding instead of failing the plan", async () => {
        const broken = goodLt({}, "odd");
        Object.defineProperty(broken.inputs, "metadataOptions", { enumerable: true, get: () => { throw new Error("boom"); } });
        const findings = only(await evaluatePolicies([broken], { packs: ["security"] }), "aws-ec2-enable-imdsv2");
        assert.deepEqual(findings.map((f) => [f.enforcement, f.message]), [["advisory", "policy aws-ec2-enable-imdsv2 could not evaluate this resource: boom"]]);
    });

    it("refuses unknown packs and malformed exemptions", async () => {
        await assert.rejects(evaluatePolicies([], { packs: ["secruity"] }), /unknown policy pack "secruity"; the packs are security, immutable/);
        await assert.rejects(evaluatePolicies([], { packs: ["data"], config: { data: { exemptions: [{ policy: "x", namePattern: "*" }] } } }), /exemptions\[0\] needs string policy, namePattern and a non-empty reason/);
    });

    it("finds the expected violations in a small program run under the mock engine", async () => {
        const run = await runProgram(() => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const aws = require("@pulumi/aws") as typeof awsTypes;
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const kubernetes = require("@pulumi/kubernetes") as typeof k8s;
            new aws.ec2.LaunchTemplate("web", { imageId: "ami-1", instanceType: "m7i.large", metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 1 }, tags: { "managed-by": "me" } });
            new aws.ec2.SecurityGroup("ssh", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }], tags: { "managed-by": "me" } });
            new kubernetes.core.v1.Pod("debug", { metadata: { namespace: "team" }, spec: { containers: [{ name: "sh", image: "busybox", securityContext: { privileged: true } }] } });
        });
        const findings = await evaluatePolicies(run.resources);
        const blocking = findings.filter(failsPlan).map((f) => `${f.policy} ${f.resourceName}`);
        assert.deepEqual(blocking, [
            "aws-ec2-enable-imdsv2 web",
            "network-disallow-ssh-from-internet ssh",
            "kubernetes-pod-configure-drop-all-capabilities debug",
            "kubernetes-pod-configure-pinned-images debug",
            "kubernetes-pod-configure-run-as-non-root debug",
            "kubernetes-pod-configure-seccomp debug",
            "kubernetes-pod-disallow-privilege-escalation debug",
            "kubernetes-pod-disallow-privileged debug",
        ]);
        assert.ok(findings.every((f) => f.urn && run.resources.some((r) => r.urn === f.urn)));
    });
});

describe("policy harness", () => {
    it("runs a remediation and the fixed resource passes", async () => {
        const policy = toPolicy(rule("aws-ec2-enable-imdsv2")) as ResourceValidationPolicy;
        const lt = goodLt();
        const fixed = await remediateResource(policy, lt);
        assert.deepEqual((fixed.props?.metadataOptions as Record<string, unknown>).httpTokens, "required");
        assert.deepEqual((await validateResource(policy, withInputs(lt, fixed.props ?? {}))).violations, []);
        assert.deepEqual(await remediateResource(policy, withInputs(lt, fixed.props ?? {})), {});
    });

    it("remediates gp2 volumes, namespaces without Pod Security labels and privilege escalation", async () => {
        const gp3 = await remediateResource(toPolicy(rule("aws-storage-configure-gp3-volumes")) as ResourceValidationPolicy, resource<awsTypes.ebs.VolumeArgs>("aws:ebs/volume:Volume", { availabilityZone: "a", size: 10, type: "gp2" }));
        assert.equal(gp3.props?.type, "gp3");
        const ns = await remediateResource(toPolicy(rule("kubernetes-namespace-configure-pod-security")) as ResourceValidationPolicy, resource<k8s.core.v1.NamespaceArgs>("kubernetes:core/v1:Namespace", { metadata: { name: "a" } }), { config: { minimumLevel: "restricted" } });
        assert.deepEqual(ns.props?.metadata, { name: "a", labels: { "pod-security.kubernetes.io/enforce": "restricted" } });
        const job = resource<k8s.batch.v1.CronJobArgs>("kubernetes:batch/v1:CronJob", { spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "c", image: "i:1" }] } } } } } });
        const escalation = await remediateResource(toPolicy(rule("kubernetes-pod-disallow-privilege-escalation")) as ResourceValidationPolicy, job);
        assert.deepEqual(JSON.stringify(escalation.props), JSON.stringify({ spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "c", image: "i:1", securityContext: { allowPrivilegeEscalation: false } }] } } } } } }));
    });

    it("applies schema defaults under user config", () => {
        const schema = rule("compute-configure-allowed-instance-sizes").configSchema;
        assert.deepEqual(policyConfig(schema), { maxVcpus: 16, allowedInstanceTypes: [], allowAccelerators: false });
        assert.deepEqual(policyConfig(schema, { maxVcpus: 8 }), { maxVcpus: 8, allowedInstanceTypes: [], allowAccelerators: false });
    });

    it("reports notApplicable and unknowns the way the engine does", async () => {
        const picky: ResourceValidationPolicy = {
            name: "picky",
            description: "only buckets",
            validateResource: (args, report) => {
                if (args.type !== "aws:s3/bucket:Bucket") args.notApplicable("only buckets");
                if (args.props.acl === "public-read") report("public");
            },
        };
        assert.deepEqual(await validateResource(picky, goodLt()), { violations: [], notApplicable: "only buckets" });
        const unknownAcl = resource<awsTypes.s3.BucketArgs>("aws:s3/bucket:Bucket", { acl: unknownValue<string>() });
        assert.deepEqual(await validateResource(picky, unknownAcl), { violations: [], unknown: "Object value at .acl can't be known during preview" });
        assert.deepEqual((await validateResource(picky, resource<awsTypes.s3.BucketArgs>("aws:s3/bucket:Bucket", { acl: "public-read" }))).violations.map((v) => v.message), ["public"]);
    });

    it("links parents and dependencies for stack policies", async () => {
        const parent = resource<Record<string, never>>("platform-kit:data-fleet:DataFleet", {}, { name: "fleet", custom: false, urn: "urn:fleet" });
        const child = resource<awsTypes.sqs.QueueArgs>("aws:sqs/queue:Queue", {}, { name: "q", parent: "urn:fleet", urn: "urn:q", dependencies: ["urn:fleet"] });
        const args = stackArgs([parent, child]);
        const q = args.resources.find((r) => r.name === "q");
        assert.equal(q?.parent?.name, "fleet");
        assert.deepEqual(q?.dependencies.map((d) => d.name), ["fleet"]);
        const stackPolicy: StackValidationPolicy = {
            name: "children",
            description: "children name their parent",
            validateStack: (a, report) => a.resources.filter((r) => r.parent).forEach((r) => report(`${r.name} under ${r.parent?.name}`, r.urn)),
        };
        assert.deepEqual(await validateStack(stackPolicy, [parent, child]), { violations: [{ message: "q under fleet", urn: "urn:q" }] });
    });
});
