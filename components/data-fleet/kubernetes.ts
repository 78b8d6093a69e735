import * as kubernetes from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, ClusterTarget, SIZE_SHAPES, Size, Transform, cloudName, kubernetesLabels, transformed } from "../core";
import {
    BuiltDataFleet,
    DataFleetArgsBase,
    DataFleetMemberOutputs,
    KubernetesDataOptions,
    MaintenanceWindow,
    ResolvedDataFleetArgs,
    ResolvedMember,
    generatedPassword,
    validateDataFleetArgs,
} from "./index";

/**
 * The operators, pinned. Chart and repository are what `helm repo add` uses.
 * - CloudNativePG: the CNCF PostgreSQL operator (Apache-2.0), TLS between clients and
 *   instances by default, failover, in-place major upgrades, volume-snapshot backups.
 * - Strimzi: the CNCF Kafka operator (Apache-2.0), KRaft with node pools, TLS listeners,
 *   SCRAM users as Kubernetes Secrets.
 * - OT-Container-Kit redis-operator (Apache-2.0): maintained, releases through 2025, standalone
 *   and replication with Sentinel failover, password from a Secret and TLS from a Secret.
 *   Chosen over the Dragonfly operator because Dragonfly itself is under the BSL, and over
 *   Bitnami charts because those images left the free catalogue in 2025.
 */
export const OPERATOR_CHARTS = {
    postgres: { chart: "cloudnative-pg", version: "0.29.0", repo: "https://cloudnative-pg.github.io/charts", namespace: "cnpg-system" },
    kafka: { chart: "strimzi-kafka-operator", version: "0.48.0", repo: "https://strimzi.io/charts/", namespace: "strimzi-system" },
    redis: { chart: "redis-operator", version: "0.22.0", repo: "https://ot-container-kit.github.io/helm-charts", namespace: "redis-operator" },
} as const;

/** Engine images of each offered version (pinned tags; the operators roll them in place). */
export const KUBERNETES_IMAGES: Readonly<Record<"postgres" | "redis", Readonly<Record<string, string>>>> = {
    postgres: {
        "17": "ghcr.io/cloudnative-pg/postgresql:17.6",
        "16": "ghcr.io/cloudnative-pg/postgresql:16.10",
        "15": "ghcr.io/cloudnative-pg/postgresql:15.14",
        "14": "ghcr.io/cloudnative-pg/postgresql:14.19",
    },
    redis: {
        "7.2": "quay.io/opstree/redis:v7.2.7",
        "7.0": "quay.io/opstree/redis:v7.0.15",
    },
};

export const KUBERNETES_PORTS = { postgres: 5432, redis: 6379, kafka: 9093 } as const;

/** The namespace labels that make Kubernetes enforce the restricted Pod Security Standard. */
export const RESTRICTED_POD_SECURITY: Readonly<Record<string, string>> = {
    "pod-security.kubernetes.io/enforce": "restricted",
    "pod-security.kubernetes.io/enforce-version": "latest",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/audit": "restricted",
};

export interface KubernetesDataFleetArgs extends DataFleetArgsBase, KubernetesDataOptions {
    /** The cluster: a ContainerRuntime, or `{ provider, clusterName }` for one you have. */
    cluster: ClusterTarget;
    /** Escape hatches, applied to platform-kit's choices before each child is created. */
    transform?: {
        operatorChart?: Transform<kubernetes.helm.v4.ChartArgs, pulumi.ComponentResourceOptions>;
        postgres?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
        kafka?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
        kafkaNodePool?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
        redis?: Transform<kubernetes.apiextensions.CustomResourceArgs>;
    };
}

/** Pod resources of each portable size: requests of half the shape, limits of the shape's memory. */
function resources(size: Size): { requests: Record<string, string>; limits: Record<string, string> } {
    const shape = SIZE_SHAPES[size];
    return {
        requests: { cpu: `${shape.vcpu * 500}m`, memory: `${shape.memoryGiB / 2}Gi` },
        limits: { memory: `${shape.memoryGiB}Gi` },
    };
}

/** A restricted-profile container security context, for CRDs that pass one through. */
const RESTRICTED_CONTAINER = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
};

/**
 * Builds the fleet on a Kubernetes cluster under `parent`: the operators with Helm, and one
 * custom resource per member in the fleet's namespace.
 */
export function buildKubernetesDataFleet(name: string, args: KubernetesDataFleetArgs, parent: pulumi.Resource): BuiltDataFleet {
    const resolved = validateDataFleetArgs("DataFleet", name, "kubernetes", args);
    const check = new ArgsChecker("DataFleet", name);
    check.require(args.cluster !== undefined && args.cluster.provider !== undefined, "cluster", args.cluster, "a ClusterTarget with a Kubernetes provider");
    for (const field of ["namespace", "storageClass", "volumeSnapshotClass", "redisTlsSecret"] as const) {
        const value = args[field];
        if (value !== undefined) check.require(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value), field, value, "a Kubernetes object name (lower-case letters, digits, '-' and '.')");
    }
    check.done();

    const provider = args.cluster.provider;
    const transform = args.transform ?? {};
    const engines = [...new Set(resolved.members.map((m) => m.engine))];
    const operators: pulumi.Resource[] = [];
    if (args.installOperators ?? true) {
        for (const engine of engines) {
            const operator = OPERATOR_CHARTS[engine];
            const ns = new kubernetes.core.v1.Namespace(
                `${name}-${engine}-operator`,
                { metadata: { name: operator.namespace, labels: { ...kubernetesLabels("DataFleet", name), ...RESTRICTED_POD_SECURITY } } },
                { parent, provider },
            );
            const values: Record<string, unknown> =
                engine === "kafka"
                    ? {
                          watchAnyNamespace: true,
                          // Strimzi then gives every Kafka pod the restricted security context.
                          extraEnvs: [{ name: "STRIMZI_POD_SECURITY_PROVIDER_CLASS", value: "restricted" }],
                      }
                    : {};
            const [chartArgs, chartOpts] = transformed<kubernetes.helm.v4.ChartArgs, pulumi.ComponentResourceOptions>(
                { chart: operator.chart, version: operator.version, repositoryOpts: { repo: operator.repo }, namespace: ns.metadata.name, values },
                { parent, provider },
                transform.operatorChart,
            );
            operators.push(new kubernetes.helm.v4.Chart(`${name}-${engine}-operator`, chartArgs, chartOpts));
        }
    }

    const namespaceName = args.namespace ?? cloudName("kubernetes", name);
    const namespace = new kubernetes.core.v1.Namespace(
        `${name}-namespace`,
        { metadata: { name: namespaceName, labels: { ...kubernetesLabels("DataFleet", name), ...RESTRICTED_POD_SECURITY } } },
        { parent, provider, retainOnDelete: resolved.deletionProtection },
    );
    if (resolved.members.some((m) => m.engine === "postgres") && args.volumeSnapshotClass === undefined) {
        pulumi.log.warn(`DataFleet "${name}": no volumeSnapshotClass, so PostgreSQL members have no scheduled backups beyond their replicas`, parent);
    }
    if (args.backups?.retentionDays !== undefined) {
        pulumi.log.warn(`DataFleet "${name}": backups.retentionDays is not applied on Kubernetes; volume snapshots are kept until the VolumeSnapshotClass's deletion policy or you remove them`, parent);
    }

    const shared: Shared = {
        provider,
        namespace: namespace.metadata.name,
        dependsOn: [namespace, ...operators],
        labels: kubernetesLabels("DataFleet", name),
    };
    const members: Record<string, DataFleetMemberOutputs> = {};
    for (const member of resolved.members) {
        switch (member.engine) {
            case "postgres":
                members[member.name] = cnpgCluster(name, member, resolved, args, shared, parent);
                break;
            case "kafka":
                members[member.name] = strimziKafka(name, member, resolved, args, shared, parent);
                break;
            case "redis":
                members[member.name] = otRedis(name, member, resolved, args, shared, parent);
                break;
        }
    }
    return { members };
}

interface Shared {
    provider: pulumi.ProviderResource;
    namespace: pulumi.Output<string>;
    dependsOn: pulumi.Resource[];
    labels: Record<string, string>;
}

function memberMetadata(member: ResolvedMember, shared: Shared, wave?: MaintenanceWindow) {
    return {
        name: member.name,
        namespace: shared.namespace,
        labels: { ...shared.labels, "platform-kit/member": member.name, ...(wave ? { "platform-kit/wave": String(wave.wave) } : {}) },
    };
}

function cnpgCluster(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: KubernetesDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const window = resolved.windows[member.wave];
    const opts: pulumi.CustomResourceOptions = { parent, provider: shared.provider, dependsOn: shared.dependsOn };
    const [clusterArgs, clusterOpts] = transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
        {
            apiVersion: "postgresql.cnpg.io/v1",
            kind: "Cluster",
            metadata: memberMetadata(member, shared, window),
            spec: {
                instances: member.highAvailability ? 3 : 1,
                imageName: KUBERNETES_IMAGES.postgres[member.version!],
                // Rolls replicas first, then switches over to an updated replica: clients see a
                // failover, not an outage, when the image or size changes.
                primaryUpdateStrategy: "unsupervised",
                primaryUpdateMethod: "switchover",
                enableSuperuserAccess: false,
                storage: { size: `${member.storageGb}Gi`, ...(args.storageClass ? { storageClass: args.storageClass } : {}) },
                resources: resources(member.size),
                postgresql: { parameters: { log_connections: "on", log_disconnections: "on" } },
                bootstrap: { initdb: { database: "app", owner: "app" } },
                ...(args.volumeSnapshotClass ? { backup: { volumeSnapshot: { className: args.volumeSnapshotClass } } } : {}),
            },
        },
        { ...opts, retainOnDelete: resolved.deletionProtection },
        args.transform?.postgres,
    );
    const cluster = new kubernetes.apiextensions.CustomResource(`${name}-${member.name}`, clusterArgs, clusterOpts);
    if (args.volumeSnapshotClass) {
        new kubernetes.apiextensions.CustomResource(
            `${name}-${member.name}-backup`,
            {
                apiVersion: "postgresql.cnpg.io/v1",
                kind: "ScheduledBackup",
                metadata: { name: `${member.name}-daily`, namespace: shared.namespace, labels: shared.labels },
                spec: {
                    // CloudNativePG's cron has seconds first: daily, two hours before maintenance.
                    schedule: `0 ${window.minute} ${window.backupHour} * * *`,
                    method: "volumeSnapshot",
                    backupOwnerReference: "self",
                    cluster: { name: member.name },
                },
            },
            { ...opts, dependsOn: [...shared.dependsOn, cluster] },
        );
    }
    return {
        endpoint: pulumi.interpolate`${member.name}-rw.${shared.namespace}.svc`,
        port: pulumi.output(KUBERNETES_PORTS.postgres),
        // CloudNativePG writes the app user's credentials to the Secret <cluster>-app.
        credentials: pulumi.secret(pulumi.interpolate`${shared.namespace}/${member.name}-app`),
    };
}

function strimziKafka(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: KubernetesDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const replicas = member.highAvailability ? 3 : 1;
    const opts: pulumi.CustomResourceOptions = { parent, provider: shared.provider, dependsOn: shared.dependsOn };
    const [poolArgs, poolOpts] = transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
        {
            apiVersion: "kafka.strimzi.io/v1beta2",
            kind: "KafkaNodePool",
            metadata: { name: `${member.name}-nodes`, namespace: shared.namespace, labels: { ...shared.labels, "strimzi.io/cluster": member.name } },
            spec: {
                replicas,
                roles: ["controller", "broker"],
                resources: resources(member.size),
                storage: {
                    type: "jbod",
                    volumes: [
                        {
                            id: 0,
                            type: "persistent-claim",
                            size: `${member.storageGb}Gi`,
                            kraftMetadata: "shared",
                            // Keep the data when the pool shrinks or is deleted.
                            deleteClaim: false,
                            ...(args.storageClass ? { class: args.storageClass } : {}),
                        },
                    ],
                },
            },
        },
        { ...opts, retainOnDelete: resolved.deletionProtection },
        args.transform?.kafkaNodePool,
    );
    const pool = new kubernetes.apiextensions.CustomResource(`${name}-${member.name}-nodes`, poolArgs, poolOpts);
    const [kafkaArgs, kafkaOpts] = transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
        {
            apiVersion: "kafka.strimzi.io/v1beta2",
            kind: "Kafka",
            metadata: {
                ...memberMetadata(member, shared),
                annotations: { "strimzi.io/node-pools": "enabled", "strimzi.io/kraft": "enabled" },
            },
            spec: {
                kafka: {
                    version: member.version,
                    // TLS only, and every client authenticates (SCRAM users from KafkaUser).
                    listeners: [{ name: "tls", port: KUBERNETES_PORTS.kafka, type: "internal", tls: true, authentication: { type: "scram-sha-512" } }],
                    authorization: { type: "simple" },
                    config: {
                        "default.replication.factor": replicas,
                        "min.insync.replicas": member.highAvailability ? 2 : 1,
                        "offsets.topic.replication.factor": replicas,
                        "transaction.state.log.replication.factor": replicas,
                        "transaction.state.log.min.isr": member.highAvailability ? 2 : 1,
                        "auto.create.topics.enable": false,
                    },
                },
                entityOperator: { topicOperator: {}, userOperator: {} },
            },
        },
        { ...opts, dependsOn: [...shared.dependsOn, pool], retainOnDelete: resolved.deletionProtection },
        args.transform?.kafka,
    );
    const kafka = new kubernetes.apiextensions.CustomResource(`${name}-${member.name}`, kafkaArgs, kafkaOpts);
    new kubernetes.apiextensions.CustomResource(
        `${name}-${member.name}-admin`,
        {
            apiVersion: "kafka.strimzi.io/v1beta2",
            kind: "KafkaUser",
            metadata: { name: `${member.name}-admin`, namespace: shared.namespace, labels: { ...shared.labels, "strimzi.io/cluster": member.name } },
            spec: {
                authentication: { type: "scram-sha-512" },
                authorization: {
                    type: "simple",
                    acls: [
                        { resource: { type: "topic", name: "*", patternType: "literal" }, operations: ["All"] },
                        { resource: { type: "group", name: "*", patternType: "literal" }, operations: ["All"] },
                    ],
                },
            },
        },
        { ...opts, dependsOn: [...shared.dependsOn, kafka] },
    );
    return {
        endpoint: pulumi.interpolate`${member.name}-kafka-bootstrap.${shared.namespace}.svc:${KUBERNETES_PORTS.kafka}`,
        port: pulumi.output(KUBERNETES_PORTS.kafka),
        // Strimzi's user operator writes the SCRAM password to a Secret named after the user.
        credentials: pulumi.secret(pulumi.interpolate`${shared.namespace}/${member.name}-admin`),
    };
}

function otRedis(name: string, member: ResolvedMember, resolved: ResolvedDataFleetArgs, args: KubernetesDataFleetArgs, shared: Shared, parent: pulumi.Resource): DataFleetMemberOutputs {
    const opts: pulumi.CustomResourceOptions = { parent, provider: shared.provider, dependsOn: shared.dependsOn };
    // The version is in the Secret's name: bumping credentialsVersion creates a new Secret
    // with a new password and points the member at it; the old one stays until then.
    const secretName = `${member.name}-auth-v${resolved.credentialsVersion}`;
    const secret = new kubernetes.core.v1.Secret(
        `${name}-${member.name}-auth-v${resolved.credentialsVersion}`,
        {
            metadata: { name: secretName, namespace: shared.namespace, labels: shared.labels },
            type: "Opaque",
            stringData: { password: generatedPassword(32) },
        },
        // Generated once: a later run's new random value must not replace it.
        { ...opts, ignoreChanges: ["stringData", "data"] },
    );
    const shape = SIZE_SHAPES[member.size];
    const spec = {
        kubernetesConfig: {
            image: KUBERNETES_IMAGES.redis[member.version!],
            imagePullPolicy: "IfNotPresent",
            resources: resources(member.size),
            redisSecret: { name: secretName, key: "password" },
        },
        storage: {
            volumeClaimTemplate: {
                spec: {
                    accessModes: ["ReadWriteOnce"],
                    // Room for an RDB snapshot next to the one being written.
                    resources: { requests: { storage: `${shape.memoryGiB * 2}Gi` } },
                    ...(args.storageClass ? { storageClassName: args.storageClass } : {}),
                },
            },
        },
        podSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        securityContext: RESTRICTED_CONTAINER,
        ...(args.redisTlsSecret ? { TLS: { ca: "ca.crt", cert: "tls.crt", key: "tls.key", secret: { secretName: args.redisTlsSecret } } } : {}),
    };
    const [redisArgs, redisOpts] = transformed<kubernetes.apiextensions.CustomResourceArgs, pulumi.CustomResourceOptions>(
        {
            apiVersion: "redis.redis.opstreelabs.in/v1beta2",
            kind: member.highAvailability ? "RedisReplication" : "Redis",
            metadata: memberMetadata(member, shared, resolved.windows[member.wave]),
            spec: member.highAvailability ? { clusterSize: 3, ...spec } : spec,
        },
        { ...opts, dependsOn: [...shared.dependsOn, secret], retainOnDelete: resolved.deletionProtection },
        args.transform?.redis,
    );
    const redis = new kubernetes.apiextensions.CustomResource(`${name}-${member.name}`, redisArgs, redisOpts);
    if (member.highAvailability) {
        // Sentinels watch the replication and promote a replica when the master fails.
        new kubernetes.apiextensions.CustomResource(
            `${name}-${member.name}-sentinel`,
            {
                apiVersion: "redis.redis.opstreelabs.in/v1beta2",
                kind: "RedisSentinel",
                metadata: { name: `${member.name}-sentinel`, namespace: shared.namespace, labels: shared.labels },
                spec: {
                    clusterSize: 3,
                    kubernetesConfig: { image: "quay.io/opstree/redis-sentinel:v7.2.7", imagePullPolicy: "IfNotPresent", redisSecret: { name: secretName, key: "password" } },
                    redisSentinelConfig: { redisReplicationName: member.name, redisReplicationPassword: { secretKeyRef: { name: secretName, key: "password" } } },
                    podSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
                    securityContext: RESTRICTED_CONTAINER,
                },
            },
            { ...opts, dependsOn: [...shared.dependsOn, redis] },
        );
    }
    return {
        endpoint: pulumi.interpolate`${member.name}.${shared.namespace}.svc`,
        port: pulumi.output(KUBERNETES_PORTS.redis),
        credentials: pulumi.secret(pulumi.interpolate`${shared.namespace}/${secretName}`),
    };
}

/**
 * A fleet of PostgreSQL (CloudNativePG), Kafka (Strimzi) and Redis (redis-operator) on any
 * Kubernetes cluster, with the operators installed by Helm.
 *
 * Cost: the pods' requests and the persistent volumes, on the cluster's nodes.
 */
export class KubernetesDataFleet extends pulumi.ComponentResource {
    readonly members: Record<string, DataFleetMemberOutputs>;

    constructor(name: string, args: KubernetesDataFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:data-fleet:KubernetesDataFleet", name, {}, opts);
        this.members = buildKubernetesDataFleet(name, args, this).members;
        this.registerOutputs({ members: this.members });
    }
}
