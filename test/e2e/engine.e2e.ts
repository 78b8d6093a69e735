import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { createWorkspace, expectSuccess, fixturesDir, projectPolicyPacks, pulumi, repoRoot, Workspace } from "./harness";

// The real engine (CLI, language host, Kubernetes provider, policy analyzer) on fixture
// programs: what the mocks cannot prove is that Pulumi itself accepts what we declare.

interface Manifest {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    spec?: Record<string, unknown>;
}

function readManifests(dir: string): Manifest[] {
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    return files.flatMap((file) =>
        parseAllDocuments(fs.readFileSync(path.join(dir, file), "utf8")).map((doc) => doc.toJS() as Manifest),
    );
}

describe("real engine: Kubernetes program rendered to YAML", () => {
    let ws: Workspace;

    before(() => {
        ws = createWorkspace("k8s-app");
        expectSuccess(pulumi(ws, ["stack", "init", "e2e"]), "pulumi stack init");
    });

    after(() => ws?.dispose());

    it("previews the provider, namespace, quota, deployment and service", () => {
        const { stdout } = expectSuccess(pulumi(ws, ["preview"]), "pulumi preview");
        for (const type of [
            "pulumi:providers:kubernetes",
            "kubernetes:core/v1:Namespace",
            "kubernetes:core/v1:ResourceQuota",
            "kubernetes:apps/v1:Deployment",
            "kubernetes:core/v1:Service",
        ]) {
            assert.match(stdout, new RegExp(`\\+\\s+${type}\\s`), `preview lists ${type} to create`);
        }
        assert.match(stdout, /\+ 6 to create/);
        assert.equal(fs.existsSync(ws.renderDir), false, "a preview renders nothing");
    });

    it("up renders exactly the four manifests, with the restricted pod settings", () => {
        const { stdout } = expectSuccess(pulumi(ws, ["up", "--yes"]), "pulumi up");
        assert.match(stdout, /\+ 6 created/);

        const manifests = readManifests(ws.renderDir);
        assert.deepEqual(
            manifests.map((m) => `${m.apiVersion} ${m.kind} ${m.metadata.namespace ?? "-"}/${m.metadata.name}`).sort(),
            [
                "apps/v1 Deployment e2e-app/web",
                "v1 Namespace -/e2e-app",
                "v1 ResourceQuota e2e-app/app",
                "v1 Service e2e-app/web",
            ],
        );
        const namespace = manifests.find((m) => m.kind === "Namespace");
        assert.equal(namespace?.metadata.labels?.["pod-security.kubernetes.io/enforce"], "restricted");

        const deployment = manifests.find((m) => m.kind === "Deployment");
        const pod = (deployment?.spec as { template: { spec: Record<string, unknown> } }).template.spec;
        assert.deepEqual(pod.securityContext, { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
        assert.equal(pod.automountServiceAccountToken, false);
        const [container] = pod.containers as { securityContext: unknown }[];
        assert.deepEqual(container.securityContext, {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            runAsUser: 101,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });

        const service = manifests.find((m) => m.kind === "Service");
        assert.deepEqual((service?.spec as { ports: unknown }).ports, [
            { name: "http", port: 80, targetPort: "http" },
        ]);
    });

    it("a second up changes nothing", () => {
        const { stdout } = expectSuccess(
            pulumi(ws, ["up", "--yes", "--expect-no-changes"]),
            "second pulumi up --expect-no-changes",
        );
        assert.match(stdout, /6 unchanged/);
    });
});

describe("real engine: stacks/kubernetes, the ready stack, rendered to YAML", () => {
    let ws: Workspace;
    const kinds = (manifests: Manifest[]) => manifests.map((m) => `${m.kind} ${m.metadata.namespace ?? "-"}/${m.metadata.name}`);

    before(() => {
        ws = createWorkspace(path.join(repoRoot, "stacks", "kubernetes"));
        // Same program, loaded by tsx as the fixtures are; Pulumi.e2e.yaml is the stack's
        // offline configuration (no Helm charts to download).
        const project = path.join(ws.projectDir, "Pulumi.yaml");
        fs.writeFileSync(project, `${fs.readFileSync(project, "utf8")}main: index.ts\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n    nodeargs: "--import tsx"\n`.replace(/^runtime: nodejs\n/m, ""));
        expectSuccess(pulumi(ws, ["stack", "init", "e2e"]), "pulumi stack init");
        expectSuccess(pulumi(ws, ["config", "set", "renderYamlToDirectory", ws.renderDir]), "pulumi config set");
    });

    after(() => ws?.dispose());

    it("up renders the tenants, their guard rails, the service and the batch job", () => {
        expectSuccess(pulumi(ws, ["up", "--yes"]), "pulumi up");
        const manifests = readManifests(ws.renderDir);
        assert.deepEqual(kinds(manifests).sort(), [
            "CronJob analytics/nightly-report",
            "Deployment storefront/web",
            "HorizontalPodAutoscaler storefront/web",
            "LimitRange analytics/tenant-limits",
            "LimitRange storefront/tenant-limits",
            "Namespace -/analytics",
            "Namespace -/storefront",
            "NetworkPolicy analytics/allow-dns-egress",
            "NetworkPolicy analytics/allow-same-namespace",
            "NetworkPolicy analytics/default-deny",
            "NetworkPolicy storefront/allow-dns-egress",
            "NetworkPolicy storefront/allow-same-namespace",
            "NetworkPolicy storefront/default-deny",
            "PodDisruptionBudget storefront/web",
            "PriorityClass -/platform-runtime-batch-high",
            "PriorityClass -/platform-runtime-batch-low",
            "PriorityClass -/platform-runtime-batch-normal",
            "PriorityClass -/platform-runtime-service",
            "ResourceQuota analytics/tenant-quota",
            "ResourceQuota storefront/tenant-quota",
            "Service storefront/web",
            "ServiceAccount analytics/nightly-report",
            "ServiceAccount storefront/web",
        ]);
        const namespaces = manifests.filter((m) => m.kind === "Namespace");
        assert.ok(namespaces.length >= 2 && namespaces.every((n) => n.metadata.labels?.["pod-security.kubernetes.io/enforce"] === "restricted"));
        const deployment = manifests.find((m) => m.kind === "Deployment");
        const container = (deployment?.spec as { template: { spec: { containers: Array<{ securityContext: Record<string, unknown> }> } } }).template.spec.containers[0];
        assert.equal(container.securityContext.allowPrivilegeEscalation, false);
        assert.deepEqual(container.securityContext.capabilities, { drop: ["ALL"] });
    });

    it("a second up changes nothing", () => {
        expectSuccess(pulumi(ws, ["up", "--yes", "--expect-no-changes"]), "second pulumi up --expect-no-changes");
    });
});

describe("real engine: dynamic provider through pulumi-resource-pulumi-nodejs", () => {
    let ws: Workspace;

    before(() => {
        ws = createWorkspace("dynamic");
        expectSuccess(pulumi(ws, ["stack", "init", "e2e"]), "pulumi stack init");
    });

    after(() => ws?.dispose());

    it("creates the resource and exports what its provider computed", () => {
        expectSuccess(pulumi(ws, ["up", "--yes"]), "pulumi up");
        const { stdout } = expectSuccess(pulumi(ws, ["stack", "output", "message"]), "pulumi stack output");
        assert.equal(stdout.trim(), "hello platform-kit");
    });

    it("a second up changes nothing", () => {
        expectSuccess(pulumi(ws, ["up", "--yes", "--expect-no-changes"]), "second pulumi up --expect-no-changes");
    });
});

/**
 * A policy pack and the rules the violating program must trip. Every policies/<pack>/ with
 * a PulumiPolicy.yaml is picked up: each must let the compliant program through, and
 * those listed in `projectPackRules` must also stop the violating one.
 */
interface PackCase {
    dir: string;
    violatingRules?: string[];
}

const fixturePack: PackCase = {
    dir: path.join(fixturesDir, "policy-pack"),
    violatingRules: ["e2e-namespace-restricted-pod-security", "e2e-pods-run-as-non-root", "e2e-no-privileged-containers"],
};

/** Rules of the project's packs that the violating Kubernetes program must trip. */
const projectPackRules: Record<string, string[]> = {
    kubernetes: [
        "kubernetes-pod-disallow-privileged",
        "kubernetes-pod-disallow-privilege-escalation",
        "kubernetes-pod-configure-run-as-non-root",
        "kubernetes-pod-configure-drop-all-capabilities",
        "kubernetes-pod-configure-seccomp",
    ],
};

const packCases: PackCase[] = [
    fixturePack,
    ...projectPolicyPacks().map((dir) => ({ dir, violatingRules: projectPackRules[path.basename(dir)] })),
];

describe("real analyzer: policy packs on the Kubernetes program", () => {
    let ws: Workspace;

    before(() => {
        ws = createWorkspace("k8s-app");
        expectSuccess(pulumi(ws, ["stack", "init", "e2e"]), "pulumi stack init");
    });

    after(() => ws?.dispose());

    for (const pack of packCases) {
        const label = path.relative(path.resolve(__dirname, "../.."), pack.dir);

        it(`${label}: the compliant program passes`, () => {
            assert.ok(
                fs.existsSync(path.join(pack.dir, "package.json")),
                `${label} has no package.json: @pulumi/policy reads the pack's version from it, so the ` +
                    `analyzer cannot start the pack (add {"name", "version", "main": "index.ts"})`,
            );
            const { stdout } = expectSuccess(
                pulumi(ws, ["preview", "--policy-pack", pack.dir]),
                `pulumi preview --policy-pack ${label}`,
            );
            assert.match(stdout, /Policies:/, "the analyzer ran and reported");
            assert.doesNotMatch(stdout, /mandatory/);
        });

        const rules = pack.violatingRules;
        if (rules) {
            it(`${label}: the violating program fails with ${rules.join(", ")}`, () => {
                const result = pulumi(ws, ["preview", "--policy-pack", pack.dir], {
                    PLATFORM_KIT_E2E_VARIANT: "violating",
                });
                assert.notEqual(result.status, 0, `preview should fail:\n${result.output}`);
                for (const rule of rules) {
                    assert.match(
                        result.stdout,
                        new RegExp(`\\[mandatory\\](?: \\[severity: \\w+\\])?\\s+${rule}\\s`),
                        `reports ${rule}`,
                    );
                }
            });
        }
    }
});
