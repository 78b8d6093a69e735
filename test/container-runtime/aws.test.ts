import assert from "node:assert/strict";
import { ContainerRuntime } from "../../components/container-runtime";
import { AwsContainerRuntime, eksAmiType } from "../../components/container-runtime/aws";
import { ProgramRun, inventory, only, ofType, runProgram } from "../../testing";
import { CAPACITY, PINNED_IMAGE, TENANTS, inputs, kitError, networkFor } from "./fixtures";

const ADMIN = "arn:aws:iam::123456789012:role/platform-admins";

describe("container-runtime: AWS (EKS)", () => {
    let run: ProgramRun;
    let kubeconfig = "";
    before(async () => {
        run = await runProgram(() => {
            const rt = new ContainerRuntime("titus", { cloud: "aws", network: networkFor("aws"), kubernetesVersion: "1.33", capacityGroups: CAPACITY, tenants: TENANTS, clusterAdmins: [ADMIN], tags: { team: "platform" } });
            rt.kubeconfig.apply((k) => (kubeconfig = k));
            rt.service("api", { tenant: "payments", image: PINNED_IMAGE, port: 8080 });
            rt.batchJob("reindex", { tenant: "search", image: "ghcr.io/acme/reindex:1.0.0", priority: "low" });
            return { clusterName: rt.clusterName };
        });
    });

    it("creates exactly these cloud children (rename guard)", () => {
        assert.deepEqual(
            inventory(run.resources).filter(([type]) => !type.startsWith("kubernetes:")),
            [
                ["aws:cloudwatch/logGroup:LogGroup", "titus-control-plane-logs"],
                ["aws:ec2/launchTemplate:LaunchTemplate", "titus-batch-launch-template"],
                ["aws:ec2/launchTemplate:LaunchTemplate", "titus-services-launch-template"],
                ["aws:eks/accessEntry:AccessEntry", "titus-admin-262f3962"],
                ["aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "titus-admin-262f3962-policy"],
                ["aws:eks/addon:Addon", "titus-addon-coredns"],
                ["aws:eks/addon:Addon", "titus-addon-eks-pod-identity-agent"],
                ["aws:eks/addon:Addon", "titus-addon-kube-proxy"],
                ["aws:eks/addon:Addon", "titus-addon-metrics-server"],
                ["aws:eks/addon:Addon", "titus-addon-vpc-cni"],
                ["aws:eks/cluster:Cluster", "titus-cluster"],
                ["aws:eks/nodeGroup:NodeGroup", "titus-batch-node-group"],
                ["aws:eks/nodeGroup:NodeGroup", "titus-services-node-group"],
                ["aws:iam/openIdConnectProvider:OpenIdConnectProvider", "titus-oidc"],
                ["aws:iam/role:Role", "titus-cluster-role"],
                ["aws:iam/role:Role", "titus-node-role"],
                ["aws:iam/role:Role", "titus-vpc-cni-role"],
                ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "titus-cluster-policy"],
                ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "titus-node-AmazonEC2ContainerRegistryPullOnly"],
                ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "titus-node-AmazonEKSWorkerNodePolicy"],
                ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "titus-vpc-cni-policy"],
                ["aws:kms/key:Key", "titus-secrets-key"],
                ["pulumi:providers:kubernetes", "titus-provider"],
            ],
        );
    });

    it("keeps the API endpoint private, encrypts secrets with a rotated KMS key, logs every control-plane stream", () => {
        const cluster = only(run.resources, "aws:eks/cluster:Cluster");
        const c = inputs(cluster);
        assert.equal(c.name, "titus");
        assert.equal(c.version, "1.33");
        assert.equal(c.region, "eu-west-1");
        assert.deepEqual(c.vpcConfig, { subnetIds: ["subnet-0k8s0000000000001", "subnet-0k8s0000000000002"], endpointPrivateAccess: true, endpointPublicAccess: false });
        assert.deepEqual(c.accessConfig, { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true });
        const key = only(run.resources, "aws:kms/key:Key");
        assert.deepEqual(c.encryptionConfig, { provider: { keyArn: key.outputs.arn }, resources: ["secrets"] });
        assert.equal(inputs(key).enableKeyRotation, true);
        assert.deepEqual(c.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
        assert.equal(c.bootstrapSelfManagedAddons, false);
        assert.equal(c.deletionProtection, true);
        assert.deepEqual(c.upgradePolicy, { supportType: "STANDARD" });
        assert.equal(c.tags.team, "platform");
        const logGroup = only(run.resources, "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual([inputs(logGroup).name, inputs(logGroup).retentionInDays], ["/aws/eks/titus/cluster", 90]);
        assert.ok(cluster.dependencies.includes(logGroup.urn), "the log group exists before EKS writes to it");
    });

    it("opens a public endpoint only to the listed addresses when asked", async () => {
        const open = await runProgram(() => new ContainerRuntime("titus", { cloud: "aws", network: networkFor("aws"), capacityGroups: CAPACITY, publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] } }));
        assert.deepEqual(inputs(only(open.resources, "aws:eks/cluster:Cluster")).vpcConfig, {
            subnetIds: ["subnet-0k8s0000000000001", "subnet-0k8s0000000000002"],
            endpointPrivateAccess: true,
            endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24"],
        });
    });

    it("grants cluster admins through access entries, and workloads identity through OIDC and Pod Identity", () => {
        assert.deepEqual(inputs(only(run.resources, "aws:eks/accessEntry:AccessEntry")).principalArn, ADMIN);
        const association = inputs(only(run.resources, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation"));
        assert.equal(association.policyArn, "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        assert.deepEqual(association.accessScope, { type: "cluster" });
        const oidc = inputs(only(run.resources, "aws:iam/openIdConnectProvider:OpenIdConnectProvider"));
        assert.match(oidc.url, /^https:\/\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        assert.deepEqual(oidc.clientIdLists, ["sts.amazonaws.com"]);
        const cni = inputs(only(run.resources, "aws:eks/addon:Addon", "titus-addon-vpc-cni"));
        const cniRole = only(run.resources, "aws:iam/role:Role", "titus-vpc-cni-role");
        assert.deepEqual(cni.podIdentityAssociations, [{ roleArn: cniRole.outputs.arn, serviceAccount: "aws-node" }]);
        assert.deepEqual(JSON.parse(cni.configurationValues), { enableNetworkPolicy: "true" }, "tenant NetworkPolicies are enforced");
        assert.deepEqual(JSON.parse(inputs(cniRole).assumeRolePolicy).Statement[0].Principal, { Service: "pods.eks.amazonaws.com" });
        assert.deepEqual(
            ofType(run.resources, "aws:eks/addon:Addon").map((a) => inputs(a).addonName).sort(),
            ["coredns", "eks-pod-identity-agent", "kube-proxy", "metrics-server", "vpc-cni"],
        );
        const coredns = only(run.resources, "aws:eks/addon:Addon", "titus-addon-coredns");
        for (const ng of ofType(run.resources, "aws:eks/nodeGroup:NodeGroup")) assert.ok(coredns.dependencies.includes(ng.urn));
    });

    it("launches nodes with IMDSv2 required, hop limit 1 and encrypted gp3 disks", () => {
        const lt = inputs(only(run.resources, "aws:ec2/launchTemplate:LaunchTemplate", "titus-batch-launch-template"));
        assert.deepEqual(lt.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
        assert.deepEqual(lt.blockDeviceMappings, [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } }]);
        assert.equal(lt.imageId, undefined, "EKS chooses the AMI from amiType");
    });

    it("maps capacity groups to managed node groups with spot, labels and taints", () => {
        const batch = only(run.resources, "aws:eks/nodeGroup:NodeGroup", "titus-batch-node-group");
        const b = inputs(batch);
        assert.equal(b.nodeGroupName, "batch");
        assert.equal(b.capacityType, "SPOT");
        assert.deepEqual(b.instanceTypes, ["m7i.2xlarge"]);
        assert.equal(b.amiType, "AL2023_x86_64_STANDARD");
        assert.deepEqual(b.scalingConfig, { minSize: 0, maxSize: 20, desiredSize: 0 });
        assert.deepEqual(b.taints, [
            { key: "workload", value: "batch", effect: "NO_EXECUTE" },
            { key: "platform-kit.io/purpose", value: "batch", effect: "NO_SCHEDULE" },
        ]);
        assert.deepEqual(b.labels, { "platform-kit.io/capacity-group": "batch", "platform-kit.io/purpose": "batch" });
        assert.deepEqual(b.subnetIds, ["subnet-0k8s0000000000001", "subnet-0k8s0000000000002"]);
        assert.deepEqual(batch.ignoreChanges, ["scalingConfig.desiredSize"]);
        const services = inputs(only(run.resources, "aws:eks/nodeGroup:NodeGroup", "titus-services-node-group"));
        assert.deepEqual([services.capacityType, services.taints, services.labels.team], ["ON_DEMAND", [], "platform"]);
        assert.equal(eksAmiType(["m7g.large", "c7gn.xlarge"]), "AL2023_ARM_64_STANDARD");
    });

    it("hands out a kubeconfig using aws eks get-token, and a provider with a short-lived token", () => {
        const config = JSON.parse(kubeconfig);
        assert.match(config.clusters[0].cluster.server, /^https:\/\/[0-9A-F]{32}\.gr7\.eu-west-1\.eks\.amazonaws\.com$/);
        assert.ok(config.clusters[0].cluster["certificate-authority-data"].length > 10);
        assert.equal(config.users[0].user.exec.command, "aws");
        assert.deepEqual(config.users[0].user.exec.args, ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "titus", "--output", "json"]);
        const provider = only(run.resources, "pulumi:providers:kubernetes");
        assert.deepEqual(provider.secretPaths, ["kubeconfig"]);
        assert.match(JSON.parse(inputs(provider).kubeconfig).users[0].user.token, /^k8s-aws-v1\./);
        assert.equal(run.outputs.clusterName, "titus");
    });

    it("places services on service capacity, and batch on batch capacity tolerating its taints", () => {
        const deployment = inputs(only(run.resources, "kubernetes:apps/v1:Deployment"));
        assert.deepEqual(deployment.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms, [
            { matchExpressions: [{ key: "platform-kit.io/purpose", operator: "In", values: ["service"] }] },
        ]);
        assert.equal(deployment.spec.template.spec.tolerations, undefined);
        const pod = inputs(only(run.resources, "kubernetes:batch/v1:Job")).spec.template.spec;
        assert.equal(pod.priorityClassName, "titus-batch-low");
        assert.deepEqual(pod.tolerations, [
            { key: "workload", operator: "Equal", value: "batch", effect: "NoExecute" },
            { key: "platform-kit.io/purpose", operator: "Equal", value: "batch", effect: "NoSchedule" },
        ]);
        assert.deepEqual(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms, [
            { matchExpressions: [{ key: "platform-kit.io/purpose", operator: "In", values: ["batch"] }] },
        ]);
        assert.equal(ofType(run.resources, "kubernetes:core/v1:Namespace").length, 2);
    });

    it("creates workloads only once nodes and cluster DNS exist", () => {
        const needed = [...ofType(run.resources, "aws:eks/nodeGroup:NodeGroup"), only(run.resources, "aws:eks/addon:Addon", "titus-addon-coredns")].map((r) => r.urn);
        for (const type of ["kubernetes:apps/v1:Deployment", "kubernetes:batch/v1:Job"]) {
            const deps = only(run.resources, type).dependencies;
            for (const urn of needed) assert.ok(deps.includes(urn), `${type} waits for ${urn}`);
        }
        assert.ok(!only(run.resources, "kubernetes:core/v1:Namespace", "titus-payments-namespace").dependencies.some((d) => needed.includes(d)), "tenancy does not wait for nodes");
    });

    it("AwsContainerRuntime maps IAM principals to tenant groups and takes transforms", async () => {
        const concrete = await runProgram(
            () =>
                new AwsContainerRuntime("eks", {
                    network: networkFor("aws"),
                    capacityGroups: [{ name: "web", instanceTypes: ["m7g.large"], min: 1, max: 3 }],
                    tenants: TENANTS,
                    accessEntries: [{ principalArn: "arn:aws:iam::123456789012:role/payments", kubernetesGroups: ["payments-admins"] }],
                    logRetentionDays: 365,
                    transform: { nodeGroup: (args) => void (args.forceUpdateVersion = true) },
                }),
        );
        assert.ok(concrete.resources.some((r) => r.type === "platform-kit:container-runtime:AwsContainerRuntime"));
        const entry = inputs(only(concrete.resources, "aws:eks/accessEntry:AccessEntry"));
        assert.deepEqual([entry.principalArn, entry.kubernetesGroups], ["arn:aws:iam::123456789012:role/payments", ["payments-admins"]]);
        assert.equal(inputs(only(concrete.resources, "aws:cloudwatch/logGroup:LogGroup")).retentionInDays, 365);
        const web = inputs(only(concrete.resources, "aws:eks/nodeGroup:NodeGroup"));
        assert.deepEqual([web.amiType, web.forceUpdateVersion], ["AL2023_ARM_64_STANDARD", true]);
    });

    it("refuses bad AWS arguments at construction, all at once", async () => {
        await assert.rejects(
            runProgram(() => new AwsContainerRuntime("eks", { network: networkFor("aws"), capacityGroups: [{ name: "web", min: 4, max: 2 }], logRetentionDays: 10, tags: { "aws:owner": "x" } })),
            kitError(/AwsContainerRuntime "eks"/, /capacityGroups\[0\]\.min/),
        );
        await assert.rejects(
            runProgram(() => new AwsContainerRuntime("eks", { network: networkFor("aws"), capacityGroups: [{ name: "web", min: 1, max: 2 }], logRetentionDays: 10, tags: { "aws:owner": "x" } })),
            kitError(/logRetentionDays: got 10/, /tags\.aws:owner/),
        );
    });
});
