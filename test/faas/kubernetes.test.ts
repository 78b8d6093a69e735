import * as assert from "node:assert/strict";
import * as kubernetes from "@pulumi/kubernetes";
import { ClusterTarget, PlatformKitError } from "../../components/core";
import { FunctionService } from "../../components/faas";
import { KNATIVE_OPERATOR_VERSION, KnativeFunctionService, knativeTraffic } from "../../components/faas/kubernetes";
import { RecordedResource, inventory, kubeconfig, only, runProgram } from "../../testing";

const IMAGE = "ghcr.io/acme/hello:1.4.2";

function cluster(): ClusterTarget {
    return { provider: new kubernetes.Provider("dev-cluster", { kubeconfig: kubeconfig("dev", "https://10.0.0.1:443") }), clusterName: "dev" };
}

type Spec = {
    template: {
        metadata: { annotations: Record<string, string> };
        spec: { serviceAccountName: string; containerConcurrency: number; timeoutSeconds: number; containers: Array<Record<string, unknown>> };
    };
    traffic: unknown;
};
const specOf = (r: RecordedResource) => r.inputs.spec as Spec;

describe("faas: Knative Serving on Kubernetes", () => {
    it("a private HTTP function: every child, by type and name, and its settings", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "kubernetes", cluster: cluster(), image: IMAGE, env: { LOG_LEVEL: "info" } }));
        assert.deepEqual(inventory(run.resources).filter(([type]) => !type.startsWith("pulumi:providers:")), [
            ["kubernetes:core/v1:Namespace", "hello-ns"],
            ["kubernetes:core/v1:ServiceAccount", "hello-sa"],
            ["kubernetes:serving.knative.dev/v1:Service", "hello-service"],
        ]);
        const ns = only(run.resources, "kubernetes:core/v1:Namespace");
        assert.equal((ns.inputs.metadata as { labels: Record<string, string> }).labels["pod-security.kubernetes.io/enforce"], "restricted");
        const sa = only(run.resources, "kubernetes:core/v1:ServiceAccount");
        assert.equal(sa.inputs.automountServiceAccountToken, false);

        const svc = only(run.resources, "kubernetes:serving.knative.dev/v1:Service");
        const metadata = svc.inputs.metadata as { name: string; namespace: string; labels: Record<string, string> };
        assert.deepEqual([metadata.name, metadata.namespace], ["hello", "hello"]);
        assert.equal(metadata.labels["networking.knative.dev/visibility"], "cluster-local");
        const spec = specOf(svc);
        assert.deepEqual(spec.template.metadata.annotations, { "autoscaling.knative.dev/min-scale": "0", "autoscaling.knative.dev/target": "1" });
        assert.equal(spec.template.spec.containerConcurrency, 1);
        assert.equal(spec.template.spec.timeoutSeconds, 30);
        assert.equal(spec.template.spec.serviceAccountName, "hello");
        const container = spec.template.spec.containers[0];
        assert.equal(container.image, IMAGE);
        assert.deepEqual(container.env, [{ name: "LOG_LEVEL", value: "info" }]);
        assert.deepEqual(container.resources, { requests: { cpu: "100m", memory: "512Mi" }, limits: { memory: "512Mi" } });
        assert.deepEqual(container.securityContext, {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
        assert.deepEqual(spec.traffic, [{ latestRevision: true, percent: 100 }]);
        assert.match(svc.provider ?? "", /\$pulumi:providers:kubernetes::dev-cluster::/, "placed on the target cluster's provider");
    });

    it("secrets come from a Kubernetes Secret by reference; warm, max, concurrency, canary and a PingSource", async () => {
        const run = await runProgram(
            () =>
                new KnativeFunctionService("jobs", {
                    cluster: cluster(),
                    namespace: "team-a",
                    image: IMAGE,
                    secrets: { DB_PASSWORD: "hunter2" },
                    schedule: "cron(*/10 * * * *)",
                    concurrency: { max: 5, warm: 1, perInstance: 20 },
                    traffic: { canaryPercent: 20, stableRevision: "jobs-00003" },
                    memoryMb: 256,
                }),
        );
        assert.deepEqual(inventory(run.resources).filter(([type]) => !type.startsWith("pulumi:providers:")), [
            ["kubernetes:core/v1:Secret", "jobs-secrets"],
            ["kubernetes:core/v1:ServiceAccount", "jobs-sa"],
            ["kubernetes:serving.knative.dev/v1:Service", "jobs-service"],
            ["kubernetes:sources.knative.dev/v1:PingSource", "jobs-schedule"],
        ]);
        const secret = only(run.resources, "kubernetes:core/v1:Secret");
        assert.deepEqual(secret.secretPaths, ["stringData"]);
        const svc = only(run.resources, "kubernetes:serving.knative.dev/v1:Service");
        const spec = specOf(svc);
        assert.deepEqual(spec.template.spec.containers[0].env, [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "jobs-secrets", key: "DB_PASSWORD" } } }]);
        assert.ok(!JSON.stringify(svc.inputs).includes("hunter2"));
        assert.deepEqual(spec.template.metadata.annotations, {
            "autoscaling.knative.dev/min-scale": "1",
            "autoscaling.knative.dev/max-scale": "5",
            "autoscaling.knative.dev/target": "20",
        });
        assert.equal(spec.template.spec.containerConcurrency, 20);
        assert.deepEqual(spec.traffic, [
            { latestRevision: true, percent: 20, tag: "canary" },
            { revisionName: "jobs-00003", percent: 80, tag: "stable" },
        ]);
        const ping = only(run.resources, "kubernetes:sources.knative.dev/v1:PingSource");
        const pingSpec = ping.inputs.spec as { schedule: string; sink: unknown };
        assert.equal(pingSpec.schedule, "*/10 * * * *");
        assert.deepEqual(pingSpec.sink, { ref: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: "jobs" } });
        assert.equal((ping.inputs.metadata as { namespace: string }).namespace, "team-a");
    });

    it("installs Knative through the operator chart at a pinned version, before the service", async () => {
        const run = await runProgram(() => new FunctionService("hello", { cloud: "kubernetes", cluster: cluster(), image: IMAGE, installKnative: true, schedule: "rate(1 hour)" }));
        const chart = only(run.resources, "kubernetes:helm.sh/v4:Chart");
        assert.ok(!run.warnings.some((w) => /conflict between the 'provider' field/.test(w)), run.warnings.join("\n"));
        assert.match(chart.provider ?? "", /\$pulumi:providers:kubernetes::dev-cluster::/);
        assert.equal(chart.inputs.chart, "knative-operator");
        assert.equal(chart.inputs.version, KNATIVE_OPERATOR_VERSION);
        assert.deepEqual(chart.inputs.repositoryOpts, { repo: "https://knative.github.io/operator" });
        const serving = only(run.resources, "kubernetes:operator.knative.dev/v1beta1:KnativeServing");
        const config = (serving.inputs.spec as { config: Record<string, Record<string, string>> }).config;
        assert.equal(config.defaults["max-revision-timeout-seconds"], "600");
        assert.equal(config.network["ingress-class"], "kourier.ingress.networking.knative.dev");
        const eventing = only(run.resources, "kubernetes:operator.knative.dev/v1beta1:KnativeEventing");
        const svc = only(run.resources, "kubernetes:serving.knative.dev/v1:Service");
        assert.ok(svc.dependencies.includes(serving.urn), "the Service waits for Knative Serving");
        const ping = only(run.resources, "kubernetes:sources.knative.dev/v1:PingSource");
        assert.ok(ping.dependencies.includes(eventing.urn), "the PingSource waits for Knative Eventing");
    });

    it("a public service has no cluster-local label and a URL on the domain", async () => {
        const seen: Record<string, unknown> = {};
        const run = await runProgram(() => {
            const fn = new FunctionService("site", { cloud: "kubernetes", cluster: cluster(), image: IMAGE, http: { public: true }, domain: "fn.example.com" });
            fn.url.apply((u) => (seen.url = u));
            fn.identity.apply((i) => (seen.identity = i));
            fn.functionName.apply((n) => (seen.functionName = n));
        });
        const svc = only(run.resources, "kubernetes:serving.knative.dev/v1:Service");
        assert.equal((svc.inputs.metadata as { labels: Record<string, string> }).labels["networking.knative.dev/visibility"], undefined);
        assert.deepEqual(seen, { url: "http://site.site.fn.example.com", identity: "site", functionName: "site" });
        assert.ok(run.warnings.some((w) => /http\.public is set/.test(w)));
    });

    it("outputs the cluster-local URL of a private service", async () => {
        const seen: Record<string, unknown> = {};
        await runProgram(() => {
            const fn = new FunctionService("hello", { cloud: "kubernetes", cluster: cluster(), image: IMAGE, namespace: "apps" });
            fn.url.apply((u) => (seen.url = u));
        });
        assert.equal(seen.url, "http://hello.apps.svc.cluster.local");
    });

    it("builds the traffic block", () => {
        assert.deepEqual(knativeTraffic(undefined, undefined), [{ latestRevision: true, percent: 100 }]);
        assert.deepEqual(knativeTraffic(5, "a-00001"), [
            { latestRevision: true, percent: 5, tag: "canary" },
            { revisionName: "a-00001", percent: 95, tag: "stable" },
        ]);
    });

    it("refuses latest images, code folders and queues on Kubernetes", async () => {
        await assert.rejects(
            runProgram(() => new FunctionService("bad", { cloud: "kubernetes", cluster: cluster(), image: "ghcr.io/acme/hello:latest", code: "./x", queue: true })),
            (e) => e instanceof PlatformKitError && /image/.test(e.message) && /code/.test(e.message) && /no queue on cloud "kubernetes"/.test(e.message),
        );
    });
});
