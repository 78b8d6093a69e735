import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import { releaseHash } from "../../components/immutable-group";
import { GcpImmutableGroup, GcpImmutableGroupArgs } from "../../components/immutable-group/gcp";
import { ProgramRun, inventory, ofType, only, runProgram } from "../../testing";
import { GCP_IMAGE, GCP_IMAGE_NEXT, baseArgs, gcpNetwork } from "./fixtures";

const CERT = "projects/platform-kit-demo/regions/europe-west1/sslCertificates/web";
const SUBNET = "projects/platform-kit-demo/regions/europe-west1/subnetworks/core-private";
const MIG = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
const TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
const FIREWALL = "gcp:compute/firewall:Firewall";
const RULE = "gcp:compute/forwardingRule:ForwardingRule";

function build(change: Partial<GcpImmutableGroupArgs> = {}): Promise<ProgramRun> {
    return runProgram(
        () => {
            const group = new GcpImmutableGroup("web", { ...baseArgs(gcpNetwork, GCP_IMAGE), ...change });
            return { endpoint: group.endpoint, url: group.url, groupName: group.groupName, imageId: group.imageId };
        },
        { config: { "gcp:project": "platform-kit-demo", "gcp:region": "europe-west1" } },
    );
}

describe("ImmutableGroup on Google Cloud", () => {
    it("creates exactly these children (internal, HTTP, rolling)", async () => {
        const run = await build();
        assert.deepEqual(inventory(run.resources), [
            ["gcp:compute/address:Address", "web-address"],
            ["gcp:compute/firewall:Firewall", "web-allow-health-checks"],
            ["gcp:compute/firewall:Firewall", "web-allow-lb-proxies"],
            ["gcp:compute/forwardingRule:ForwardingRule", "web-http"],
            ["gcp:compute/instanceTemplate:InstanceTemplate", "web-template"],
            ["gcp:compute/regionAutoscaler:RegionAutoscaler", "web-autoscaler"],
            ["gcp:compute/regionBackendService:RegionBackendService", "web-backend"],
            ["gcp:compute/regionHealthCheck:RegionHealthCheck", "web-hc"],
            ["gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", "web-mig"],
            ["gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy", "web-http-proxy"],
            ["gcp:compute/regionUrlMap:RegionUrlMap", "web-urlmap"],
            ["gcp:projects/iAMMember:IAMMember", "web-logging-logWriter"],
            ["gcp:projects/iAMMember:IAMMember", "web-monitoring-metricWriter"],
            ["gcp:serviceaccount/account:Account", "web-sa"],
        ]);
    });

    it("builds Shielded VMs with no external IP, blocked project keys, OS Login and no serial port", async () => {
        const run = await build({ startupScript: "#!/bin/sh\nsystemctl start web\n" });
        const t = only(run.resources, TEMPLATE, "web-template").inputs;
        assert.deepEqual(t.shieldedInstanceConfig, { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true });
        assert.deepEqual(t.networkInterfaces, [{ network: gcpNetwork.networkId, subnetwork: SUBNET }]);
        assert.deepEqual(t.metadata, {
            "block-project-ssh-keys": "true",
            "enable-oslogin": "TRUE",
            "serial-port-enable": "false",
            "startup-script": "#!/bin/sh\nsystemctl start web\n",
        });
        assert.equal(t.machineType, "n2-standard-2");
        assert.equal(t.namePrefix, "web-");
        const disks = t.disks as Array<Record<string, unknown>>;
        assert.equal(disks.length, 1);
        assert.equal(disks[0].sourceImage, GCP_IMAGE);
        assert.equal(disks[0].boot, true);
        assert.deepEqual(t.tags, ["web-vm"]);
        const sa = only(run.resources, "gcp:serviceaccount/account:Account", "web-sa");
        assert.equal(sa.inputs.accountId, "web-vm");
        assert.deepEqual(t.serviceAccount, { email: sa.outputs.email, scopes: ["cloud-platform"] });
    });

    it("grants the service account only log and metric writing", async () => {
        const run = await build();
        const sa = only(run.resources, "gcp:serviceaccount/account:Account", "web-sa");
        const bindings = ofType(run.resources, "gcp:projects/iAMMember:IAMMember").map((m) => [m.inputs.project, m.inputs.role, m.inputs.member]);
        assert.deepEqual(bindings, [
            ["platform-kit-demo", "roles/logging.logWriter", sa.outputs.member],
            ["platform-kit-demo", "roles/monitoring.metricWriter", sa.outputs.member],
        ]);
    });

    it("rolls proactively with surge and nothing unavailable, auto-healed by the health check", async () => {
        const run = await build({ desiredSize: 4, rollout: { strategy: "rolling", warmupSeconds: 90 } });
        const hc = only(run.resources, "gcp:compute/regionHealthCheck:RegionHealthCheck", "web-hc");
        assert.deepEqual(hc.inputs.httpHealthCheck, { port: 8080, requestPath: "/healthz" });
        assert.equal(hc.inputs.region, "europe-west1");
        const mig = only(run.resources, MIG, "web-mig");
        const i = mig.inputs;
        assert.equal(i.name, "web");
        assert.equal(i.region, "europe-west1");
        assert.deepEqual(i.updatePolicy, {
            type: "PROACTIVE",
            minimalAction: "REPLACE",
            replacementMethod: "SUBSTITUTE",
            instanceRedistributionType: "PROACTIVE",
            maxSurgeFixed: 3,
            maxUnavailableFixed: 0,
            minReadySec: 90,
        });
        assert.deepEqual(i.autoHealingPolicies, { healthCheck: hc.id, initialDelaySec: 90 });
        assert.deepEqual(i.versions, [{ name: `release-${releaseHash(GCP_IMAGE, "n2-standard-2")}`, instanceTemplate: only(run.resources, TEMPLATE, "web-template").outputs.selfLink }]);
        assert.deepEqual(i.namedPorts, [{ name: "http", port: 8080 }]);
        assert.equal(i.targetSize, 4);
        assert.equal(i.waitForInstances, true);
        assert.equal(i.waitForInstancesStatus, "UPDATED");
        assert.deepEqual(mig.ignoreChanges, ["targetSize"]);
        const autoscaler = only(run.resources, "gcp:compute/regionAutoscaler:RegionAutoscaler", "web-autoscaler").inputs;
        assert.equal(autoscaler.target, mig.id);
        assert.deepEqual(autoscaler.autoscalingPolicy, { minReplicas: 2, maxReplicas: 6, cooldownPeriod: 90, cpuUtilization: { target: 0.6 } });
    });

    it("stands a new template and group up per image for red-black, behind the same backend service", async () => {
        const first = await build({ rollout: { strategy: "red-black" } });
        const next = await build({ rollout: { strategy: "red-black" }, image: GCP_IMAGE_NEXT });
        const mig = only(first.resources, MIG, "web-mig");
        assert.equal(mig.inputs.name, `web-${releaseHash(GCP_IMAGE, "n2-standard-2")}`);
        assert.notEqual(only(next.resources, MIG, "web-mig").inputs.name, mig.inputs.name);
        assert.equal(mig.deleteBeforeReplace, false);
        assert.equal(mig.inputs.waitForInstancesStatus, "STABLE");
        // The new group starts at full size: traffic moves to it in one step.
        assert.equal(mig.inputs.targetSize, 2);
        const backend = only(first.resources, "gcp:compute/regionBackendService:RegionBackendService", "web-backend").inputs;
        assert.deepEqual(backend.backends, [{ group: mig.outputs.instanceGroup, balancingMode: "UTILIZATION", capacityScaler: 1 }]);
        assert.equal(first.outputs.groupName, mig.inputs.name);
    });

    it("lets only Google's health checkers and the load balancer's proxies reach the instances", async () => {
        const run = await build();
        const firewalls = Object.fromEntries(
            ofType(run.resources, FIREWALL).map((f) => [f.name, { direction: f.inputs.direction, sourceRanges: f.inputs.sourceRanges, targetTags: f.inputs.targetTags, allows: f.inputs.allows }]),
        );
        assert.deepEqual(firewalls, {
            "web-allow-health-checks": { direction: "INGRESS", sourceRanges: ["35.191.0.0/16", "130.211.0.0/22"], targetTags: ["web-vm"], allows: [{ protocol: "tcp", ports: ["8080"] }] },
            // The proxy-only range a platform-kit Network lays out for 10.10.0.0/16.
            "web-allow-lb-proxies": { direction: "INGRESS", sourceRanges: ["10.10.80.0/23"], targetTags: ["web-vm"], allows: [{ protocol: "tcp", ports: ["8080"] }] },
        });
        const custom = await build({ proxySubnetCidr: "10.99.0.0/23" });
        assert.deepEqual(only(custom.resources, FIREWALL, "web-allow-lb-proxies").inputs.sourceRanges, ["10.99.0.0/23"]);
    });

    it("puts an internal managed load balancer in the private subnet by default", async () => {
        const run = await build();
        const backend = only(run.resources, "gcp:compute/regionBackendService:RegionBackendService", "web-backend").inputs;
        assert.equal(backend.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.equal(backend.protocol, "HTTP");
        assert.equal(backend.portName, "http");
        assert.equal(backend.healthChecks, only(run.resources, "gcp:compute/regionHealthCheck:RegionHealthCheck", "web-hc").id);
        const address = only(run.resources, "gcp:compute/address:Address", "web-address");
        assert.equal(address.inputs.addressType, "INTERNAL");
        assert.equal(address.inputs.subnetwork, SUBNET);
        const rule = only(run.resources, RULE, "web-http").inputs;
        assert.equal(rule.loadBalancingScheme, "INTERNAL_MANAGED");
        assert.equal(rule.portRange, "80");
        assert.equal(rule.subnetwork, SUBNET);
        assert.equal(rule.ipAddress, address.id);
        assert.equal(rule.target, only(run.resources, "gcp:compute/regionTargetHttpProxy:RegionTargetHttpProxy", "web-http-proxy").id);
        assert.equal(run.outputs.endpoint, address.outputs.address);
    });

    it("serves HTTPS with a modern TLS policy and redirects HTTP when public with a certificate", async () => {
        const run = await build({ loadBalancer: { public: true, certificate: CERT } });
        const proxy = only(run.resources, "gcp:compute/regionTargetHttpsProxy:RegionTargetHttpsProxy", "web-https-proxy").inputs;
        assert.deepEqual(proxy.sslCertificates, [CERT]);
        const tls = only(run.resources, "gcp:compute/regionSslPolicy:RegionSslPolicy", "web-tls");
        assert.equal(proxy.sslPolicy, tls.id);
        assert.equal(tls.inputs.minTlsVersion, "TLS_1_2");
        assert.equal(tls.inputs.profile, "MODERN");
        const https = only(run.resources, RULE, "web-https").inputs;
        assert.equal(https.loadBalancingScheme, "EXTERNAL_MANAGED");
        assert.equal(https.portRange, "443");
        assert.equal(https.subnetwork, undefined);
        assert.equal(only(run.resources, "gcp:compute/address:Address", "web-address").inputs.addressType, "EXTERNAL");
        const redirect = only(run.resources, "gcp:compute/regionUrlMap:RegionUrlMap", "web-redirect").inputs;
        assert.deepEqual(redirect.defaultUrlRedirect, { httpsRedirect: true, stripQuery: false, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT" });
        assert.equal(only(run.resources, RULE, "web-http").inputs.portRange, "80");
        assert.equal(only(run.resources, "gcp:compute/regionBackendService:RegionBackendService", "web-backend").inputs.loadBalancingScheme, "EXTERNAL_MANAGED");
        assert.match(String(run.outputs.url), /^https:\/\//);
    });

    it("has no autoscaler when the size is fixed", async () => {
        const run = await build({ minSize: 3, maxSize: 3 });
        assert.deepEqual(ofType(run.resources, "gcp:compute/regionAutoscaler:RegionAutoscaler"), []);
        assert.deepEqual(only(run.resources, MIG, "web-mig").ignoreChanges, []);
    });

    it("refuses bad input at construction, naming the concrete component", async () => {
        await assert.rejects(
            build({ maxSize: 1, minSize: 2, image: "projects/debian-cloud/global/images/family/debian-12", port: 65536, size: "tiny" as never }),
            (e: unknown) =>
                e instanceof PlatformKitError &&
                /^GcpImmutableGroup "web"/.test(e.message) &&
                ["minSize", "size", "port", "image"].every((f) => e.problems.some((p) => p.field === f)),
        );
    });
});
