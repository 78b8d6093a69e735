import assert from "node:assert/strict";
import { PlatformKitError } from "../../components/core";
import {
    ImmutableGroup,
    ImmutableGroupArgs,
    ImmutableGroupArgsBase,
    ImmutableGroupCloud,
    azureImageReference,
    azureRollingLimits,
    gcpRolloutBudget,
    isPinnedImage,
    releaseHash,
    startupScriptSecret,
    validateImmutableGroupArgs,
} from "../../components/immutable-group";
import { runProgram } from "../../testing";
import { AMI, AZURE_IMAGE, GCP_IMAGE, awsNetwork, azureNetwork, baseArgs, gcpNetwork } from "./fixtures";

const validate = (cloud: ImmutableGroupCloud, change: Partial<ImmutableGroupArgsBase> = {}) => {
    const base = cloud === "aws" ? baseArgs(awsNetwork, AMI) : cloud === "gcp" ? baseArgs(gcpNetwork, GCP_IMAGE) : baseArgs(azureNetwork, AZURE_IMAGE);
    return validateImmutableGroupArgs("ImmutableGroup", "web", cloud, { ...base, ...change });
};

/** Asserts validation fails naming each of `fields`, and returns the error. */
function refused(fn: () => unknown, ...fields: string[]): PlatformKitError {
    let caught: unknown;
    assert.throws(fn, (e: unknown) => {
        caught = e;
        return e instanceof PlatformKitError;
    });
    const error = caught as PlatformKitError;
    assert.deepEqual(error.problems.map((p) => p.field), fields, error.message);
    assert.match(error.message, /^ImmutableGroup "web": invalid arguments/);
    return error;
}

describe("ImmutableGroup validation", () => {
    it("applies the documented defaults", () => {
        const r = validate("aws");
        assert.equal(r.machineType, "m7i.large");
        assert.equal(r.desiredSize, 2);
        assert.equal(r.strategy, "rolling");
        assert.equal(r.maxSurge, 25);
        assert.equal(r.minHealthyPercent, 100);
        assert.equal(r.warmupSeconds, 300);
        assert.equal(r.targetCpuPercent, 60);
        assert.equal(r.public, false);
        assert.equal(r.https, false);
        assert.equal(r.listenerPort, 80);
        assert.equal(r.autoscale, true);
        assert.deepEqual(r.warnings, []);
        assert.equal(validate("gcp").machineType, "n2-standard-2");
        assert.equal(validate("azure", { instanceType: "Standard_D4as_v5", size: undefined }).machineType, "Standard_D4as_v5");
        assert.equal(validate("aws", { minSize: 3, maxSize: 3 }).autoscale, false);
    });

    it("refuses minSize above maxSize", () => {
        const e = refused(() => validate("aws", { minSize: 5, maxSize: 2 }), "minSize");
        assert.match(e.message, /minSize: got 5; allowed: at most maxSize \(2\)/);
    });

    it("refuses a desiredSize outside [minSize, maxSize]", () => {
        refused(() => validate("gcp", { desiredSize: 7 }), "desiredSize");
        refused(() => validate("gcp", { desiredSize: 1 }), "desiredSize");
    });

    it("refuses a port outside 1..65535", () => {
        const e = refused(() => validate("azure", { port: 70000 }), "port");
        assert.match(e.message, /port: got 70000; allowed: a whole number from 1 to 65535/);
        refused(() => validate("aws", { port: 0 }), "port");
        refused(() => validate("aws", { port: 80.5 }), "port");
    });

    it("refuses an unknown size, and size with instanceType", () => {
        const e = refused(() => validate("aws", { size: "huge" as never }), "size");
        assert.match(e.message, /size: got "huge"; allowed: one of "small", "medium", "large", "xlarge"/);
        refused(() => validate("aws", { instanceType: "m7i.large" }), "instanceType");
    });

    it("refuses a health check path that does not start with /", () => {
        refused(() => validate("aws", { healthCheckPath: "healthz" }), "healthCheckPath");
    });

    it("refuses unpinned images on every cloud unless allowMovingImage", () => {
        const moving: Array<[ImmutableGroupCloud, string]> = [
            ["aws", "al2023-ami-2023.6-x86_64"],
            ["aws", "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"],
            ["gcp", "projects/debian-cloud/global/images/family/debian-12"],
            ["gcp", "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/family/debian-12"],
            ["gcp", "debian-12-bookworm-v20261101"],
            ["azure", "Canonical:ubuntu-24_04-lts:server:latest"],
            ["azure", AZURE_IMAGE.replace("/versions/1.4.0", "/versions/latest")],
            ["azure", AZURE_IMAGE.replace("/versions/1.4.0", "")],
        ];
        for (const [cloud, image] of moving) {
            const e = refused(() => validate(cloud, { image }), "image");
            assert.match(e.message, /allowMovingImage: true/);
            assert.equal(validate(cloud, { image, allowMovingImage: true }).image, image);
        }
    });

    it("accepts each cloud's pinned image forms", () => {
        const pinned: Array<[ImmutableGroupCloud, string]> = [
            ["aws", "ami-12345678"],
            ["aws", AMI],
            ["gcp", GCP_IMAGE],
            ["gcp", `https://www.googleapis.com/compute/v1/${GCP_IMAGE}`],
            ["azure", AZURE_IMAGE],
            ["azure", "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/images/providers/Microsoft.Compute/images/web-1.4.0"],
            ["azure", "Canonical:ubuntu-24_04-lts:server:24.04.202411030"],
            ["azure", "/communityGalleries/platform-1a2b/images/web/versions/1.4.0"],
        ];
        for (const [cloud, image] of pinned) assert.equal(isPinnedImage(cloud, image), true, `${cloud} ${image}`);
        assert.equal(isPinnedImage("aws", "ami-XYZ12345"), false);
    });

    it("refuses startup scripts that carry secrets, without echoing them", () => {
        const scripts = [
            "#!/bin/sh\nexport DB_PASSWORD=hunter2\n",
            "aws configure set aws_secret_access_key abc",
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
            "cat > /etc/tls.key <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nEOF",
        ];
        for (const startupScript of scripts) {
            const e = refused(() => validate("aws", { startupScript }), "startupScript");
            assert.doesNotMatch(e.message, /hunter2|AKIAIOSFODNN7EXAMPLE|MIIE/);
            assert.match(e.message, /Secrets Manager, Secret Manager or Key Vault/);
        }
        assert.equal(startupScriptSecret("#!/bin/sh\nsystemctl start web\n"), undefined);
        // Reading the secret at boot is the right way, not a secret in the script.
        assert.equal(startupScriptSecret('DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)'), undefined);
        assert.equal(validate("aws", { startupScript: "#!/bin/sh\nsystemctl start web\n" }).startupScript, "#!/bin/sh\nsystemctl start web\n");
    });

    it("allows a public load balancer without certificate as HTTP, with a warning", () => {
        const r = validate("aws", { loadBalancer: { public: true } });
        assert.equal(r.listenerPort, 80);
        assert.deepEqual(r.warnings, ['ImmutableGroup "web": the public load balancer serves plain HTTP; give loadBalancer.certificate to serve HTTPS']);
        const https = validate("aws", { loadBalancer: { public: true, certificate: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" } });
        assert.equal(https.listenerPort, 443);
        assert.deepEqual(https.warnings, []);
    });

    it("refuses a certificate on Azure, whose load balancer cannot terminate TLS", () => {
        const e = refused(() => validate("azure", { loadBalancer: { certificate: "cert" } }), "loadBalancer.certificate");
        assert.match(e.message, /Application Gateway/);
    });

    it("refuses rollouts that cannot replace anything or that AWS refuses", () => {
        refused(() => validate("gcp", { rollout: { strategy: "rolling", maxSurge: 0, minHealthyPercent: 100 } }), "rollout.maxSurge");
        refused(() => validate("aws", { rollout: { strategy: "rolling", maxSurge: 50, minHealthyPercent: 40 } }), "rollout.maxSurge");
        refused(() => validate("aws", { rollout: { strategy: "blue-green" as never } }), "rollout.strategy");
        assert.equal(validate("gcp", { rollout: { strategy: "red-black" } }).strategy, "red-black");
    });

    it("checks the network belongs to the cloud, and Azure's names its resource group", () => {
        refused(() => validate("aws", { network: gcpNetwork }), "network.cloud");
        refused(() => validate("azure", { network: { ...azureNetwork, resourceGroupName: undefined } }), "network.resourceGroupName");
    });

    it("reports every problem of one call together", () => {
        refused(
            () => validate("aws", { minSize: 4, maxSize: 2, port: -1, size: "tiny" as never, image: "latest", healthCheckPath: "" }),
            "minSize",
            "size",
            "port",
            "healthCheckPath",
            "image",
        );
    });

    it("names a release after its image, machine type and script", () => {
        assert.equal(releaseHash(AMI, "m7i.large"), releaseHash(AMI, "m7i.large"));
        assert.notEqual(releaseHash(AMI, "m7i.large"), releaseHash("ami-0fedcba9876543210", "m7i.large"));
        assert.notEqual(releaseHash(AMI, "m7i.large"), releaseHash(AMI, "m7i.xlarge"));
        assert.notEqual(releaseHash(AMI, "m7i.large", "a"), releaseHash(AMI, "m7i.large", "b"));
        assert.match(releaseHash(AMI, "m7i.large"), /^[0-9a-f]{8}$/);
    });

    it("turns rollout percentages into Google Cloud's per-zone numbers", () => {
        assert.deepEqual(gcpRolloutBudget(2, 25, 100), { maxSurgeFixed: 3, maxUnavailableFixed: 0 });
        assert.deepEqual(gcpRolloutBudget(20, 25, 100), { maxSurgeFixed: 5, maxUnavailableFixed: 0 });
        assert.deepEqual(gcpRolloutBudget(20, 0, 75), { maxSurgeFixed: 0, maxUnavailableFixed: 5 });
        // Too few to reach one per zone: stay at full capacity and surge instead.
        assert.deepEqual(gcpRolloutBudget(4, 0, 75), { maxSurgeFixed: 3, maxUnavailableFixed: 0 });
    });

    it("turns rollout percentages into Azure's rolling upgrade limits", () => {
        assert.deepEqual(azureRollingLimits(25, 100), { maxSurge: true, maxBatchInstancePercent: 25, maxUnhealthyInstancePercent: 25, maxUnhealthyUpgradedInstancePercent: 0 });
        assert.deepEqual(azureRollingLimits(0, 80), { maxSurge: false, maxBatchInstancePercent: 20, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20 });
    });

    it("reads Azure image arguments", () => {
        assert.deepEqual(azureImageReference("Canonical:ubuntu-24_04-lts:server:24.04.202411030"), {
            kind: "marketplace",
            publisher: "Canonical",
            offer: "ubuntu-24_04-lts",
            sku: "server",
            version: "24.04.202411030",
        });
        assert.deepEqual(azureImageReference(AZURE_IMAGE), { kind: "id", id: AZURE_IMAGE });
        assert.equal(azureImageReference("/sharedGalleries/abc/images/web/versions/1.0.0").kind, "sharedGallery");
    });
});

describe("ImmutableGroup facade", () => {
    it("points Kubernetes users to ContainerRuntime.service", async () => {
        const args = { ...baseArgs(awsNetwork, AMI), cloud: "kubernetes" } as unknown as ImmutableGroupArgs;
        await assert.rejects(
            runProgram(() => new ImmutableGroup("web", args)),
            (e: unknown) => e instanceof PlatformKitError && /cloud: got "kubernetes"/.test(e.message) && /ContainerRuntime\.service/.test(e.message),
        );
    });

    it("fails at construction with the facade's name for bad input", async () => {
        await assert.rejects(
            runProgram(() => new ImmutableGroup("web", { cloud: "gcp", ...baseArgs(gcpNetwork, GCP_IMAGE), minSize: 9 })),
            (e: unknown) => e instanceof PlatformKitError && /^ImmutableGroup "web"/.test(e.message) && /minSize: got 9/.test(e.message),
        );
    });

    for (const [cloud, network, image, groupType] of [
        ["aws", awsNetwork, AMI, "aws:autoscaling/group:Group"],
        ["gcp", gcpNetwork, GCP_IMAGE, "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager"],
        ["azure", azureNetwork, AZURE_IMAGE, "azure-native:compute:VirtualMachineScaleSet"],
    ] as const) {
        it(`builds the ${cloud} group under the facade and exposes its outputs`, async () => {
            let group: ImmutableGroup | undefined;
            const run = await runProgram(() => {
                group = new ImmutableGroup("web", { cloud, ...baseArgs(network, image) });
                return { endpoint: group.endpoint, url: group.url, groupName: group.groupName, imageId: group.imageId };
            });
            const facade = run.resources.find((r) => r.type === "platform-kit:immutable-group:ImmutableGroup");
            assert.ok(facade);
            const groups = run.resources.filter((r) => r.type === groupType);
            assert.equal(groups.length, 1);
            assert.equal(groups[0].parent, facade.urn);
            assert.equal(group?.cloud, cloud);
            assert.equal(run.outputs.groupName, "web");
            assert.equal(run.outputs.imageId, image);
            assert.match(String(run.outputs.endpoint), /\S/);
            assert.equal(run.outputs.url, `http://${String(run.outputs.endpoint)}`);
        });
    }
});
