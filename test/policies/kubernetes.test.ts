import type * as k8s from "@pulumi/kubernetes";
import type { Unwrap } from "@pulumi/pulumi";
import { resource } from "../../testing/policy";
import { describePack } from "./rule-cases";

type PodSpec = Unwrap<k8s.types.input.core.v1.PodSpec>;
type Container = Unwrap<k8s.types.input.core.v1.Container>;

const probe = { httpGet: { path: "/healthz", port: 8080 } };
function goodPod(): PodSpec {
    return {
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
            {
                name: "app",
                image: "ghcr.io/acme/app:1.4.2",
                ports: [{ containerPort: 8080 }],
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                readinessProbe: probe,
                livenessProbe: probe,
                env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
        ],
        volumes: [{ name: "tmp", emptyDir: {} }],
    };
}

/** The good pod with one change. */
function pod(change: (spec: PodSpec, app: Container) => void = () => undefined): PodSpec {
    const spec = goodPod();
    change(spec, spec.containers[0]);
    return spec;
}

const meta = { name: "app", namespace: "team-a" };
const deployment = (change?: (spec: PodSpec, app: Container) => void, annotations: Record<string, string> = {}) =>
    resource<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", {
        metadata: meta,
        spec: { selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" }, annotations }, spec: pod(change) } },
    });
const cronJob = (change?: (spec: PodSpec, app: Container) => void) =>
    resource<k8s.batch.v1.CronJobArgs>("kubernetes:batch/v1:CronJob", {
        metadata: meta,
        spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { ...pod(change), restartPolicy: "OnFailure" } } } } },
    });
const barePod = (change?: (spec: PodSpec, app: Container) => void) => resource<k8s.core.v1.PodArgs>("kubernetes:core/v1:Pod", { metadata: meta, spec: pod(change) });
const statefulSet = (change?: (spec: PodSpec, app: Container) => void) =>
    resource<k8s.apps.v1.StatefulSetArgs>("kubernetes:apps/v1:StatefulSet", {
        metadata: meta,
        spec: { serviceName: "app", selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" } }, spec: pod(change) } },
    });
const knative = (change?: (spec: PodSpec, app: Container) => void) =>
    resource<k8s.apiextensions.CustomResourceArgs>("kubernetes:serving.knative.dev/v1:Service", {
        apiVersion: "serving.knative.dev/v1",
        kind: "Service",
        metadata: meta,
        spec: { template: { spec: pod(change) } },
    });
const service = (spec: Unwrap<k8s.types.input.core.v1.ServiceSpec>, annotations: Record<string, string> = {}) =>
    resource<k8s.core.v1.ServiceArgs>("kubernetes:core/v1:Service", { metadata: { ...meta, annotations }, spec });
const P = "spec.template.spec";
const C = `${P}.containers[0]`;

describePack("kubernetes", {
    "kubernetes-pod-disallow-host-process": {
        good: [deployment()],
        bad: [[deployment((s) => (s.securityContext = { ...s.securityContext, windowsOptions: { hostProcess: true } })), [`${P}.securityContext.windowsOptions.hostProcess is true.`]]],
    },
    "kubernetes-pod-disallow-host-namespaces": {
        good: [deployment(), barePod()],
        bad: [
            [deployment((s) => (s.hostNetwork = true)), [`${P}.hostNetwork is true; the pod shares the node's namespace.`]],
            [barePod((s) => (s.hostPID = true)), ["spec.hostPID is true; the pod shares the node's namespace."]],
        ],
    },
    "kubernetes-pod-disallow-privileged": {
        good: [deployment(), knative()],
        bad: [
            [deployment((_s, c) => (c.securityContext = { ...c.securityContext, privileged: true })), [`${C}.securityContext.privileged is true.`]],
            [cronJob((_s, c) => (c.securityContext = { privileged: true })), ["spec.jobTemplate.spec.template.spec.containers[0].securityContext.privileged is true."]],
        ],
    },
    "kubernetes-pod-disallow-added-capabilities": {
        good: [deployment(), deployment((_s, c) => (c.securityContext = { ...c.securityContext, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } }))],
        bad: [[deployment((_s, c) => (c.securityContext = { ...c.securityContext, capabilities: { add: ["SYS_ADMIN"] } })), [`${C}.securityContext.capabilities.add includes SYS_ADMIN.`]]],
    },
    "kubernetes-pod-disallow-host-path": {
        good: [deployment()],
        bad: [[deployment((s) => s.volumes!.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } })), [`${P}.volumes[1] (docker) mounts host path /var/run/docker.sock.`]]],
    },
    "kubernetes-pod-disallow-host-ports": {
        good: [deployment()],
        bad: [[statefulSet((_s, c) => (c.ports = [{ containerPort: 8080, hostPort: 8080 }])), [`${C}.ports[0].hostPort is 8080.`]]],
    },
    "kubernetes-pod-configure-apparmor": {
        good: [deployment(undefined, { "container.apparmor.security.beta.kubernetes.io/app": "runtime/default" })],
        bad: [
            [deployment(undefined, { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" }), ['annotation container.apparmor.security.beta.kubernetes.io/app is "unconfined".']],
            [deployment((s) => (s.securityContext = { ...s.securityContext, appArmorProfile: { type: "Unconfined" } })), [`${P}.securityContext.appArmorProfile.type is "Unconfined".`]],
        ],
    },
    "kubernetes-pod-configure-selinux": {
        good: [deployment((s) => (s.securityContext = { ...s.securityContext, seLinuxOptions: { type: "container_t", level: "s0:c123,c456" } }))],
        bad: [[deployment((_s, c) => (c.securityContext = { ...c.securityContext, seLinuxOptions: { type: "spc_t" } })), [`${C}.securityContext.seLinuxOptions.type is "spc_t".`]]],
    },
    "kubernetes-pod-disallow-unmasked-proc-mount": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.securityContext = { ...c.securityContext, procMount: "Unmasked" })), [`${C}.securityContext.procMount is "Unmasked".`]]],
    },
    "kubernetes-pod-configure-seccomp": {
        good: [deployment(), deployment((s, c) => {
            s.securityContext = { runAsNonRoot: true };
            c.securityContext = { ...c.securityContext, seccompProfile: { type: "Localhost", localhostProfile: "profiles/app.json" } };
        })],
        bad: [
            [deployment((s) => (s.securityContext = { runAsNonRoot: true, seccompProfile: { type: "Unconfined" } })), [`${P}.securityContext.seccompProfile.type is "Unconfined".`]],
            [deployment((s) => (s.securityContext = { runAsNonRoot: true })), [`${C} has no seccompProfile (and the pod sets none); set type "RuntimeDefault".`]],
        ],
    },
    "kubernetes-pod-disallow-unsafe-sysctls": {
        good: [deployment((s) => (s.securityContext = { ...s.securityContext, sysctls: [{ name: "net.ipv4.tcp_syncookies", value: "1" }] }))],
        bad: [[deployment((s) => (s.securityContext = { ...s.securityContext, sysctls: [{ name: "kernel.msgmax", value: "65536" }] })), [`${P}.securityContext.sysctls[0] sets unsafe sysctl kernel.msgmax.`]]],
    },
    "kubernetes-pod-configure-allowed-volume-types": {
        good: [deployment((s) => s.volumes!.push({ name: "data", persistentVolumeClaim: { claimName: "data" } }))],
        bad: [[deployment((s) => s.volumes!.push({ name: "share", nfs: { server: "nfs", path: "/x" } })), [`${P}.volumes[1] (share) uses volume type nfs.`]]],
    },
    "kubernetes-pod-disallow-privilege-escalation": {
        good: [deployment(), knative()],
        bad: [
            [deployment((_s, c) => (c.securityContext = { readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } })), [`${C}.securityContext.allowPrivilegeEscalation is unset (defaults to true).`]],
            [knative((_s, c) => (c.securityContext = { allowPrivilegeEscalation: true })), [`${C}.securityContext.allowPrivilegeEscalation is true.`]],
        ],
    },
    "kubernetes-pod-configure-run-as-non-root": {
        good: [deployment(), deployment((s, c) => {
            s.securityContext = { seccompProfile: { type: "RuntimeDefault" } };
            c.securityContext = { ...c.securityContext, runAsNonRoot: true };
        })],
        bad: [
            [deployment((s) => (s.securityContext = { seccompProfile: { type: "RuntimeDefault" } })), [`${C} may run as root: runAsNonRoot is set on neither the container nor the pod.`]],
            [deployment((_s, c) => (c.securityContext = { ...c.securityContext, runAsNonRoot: false })), [`${C}.securityContext.runAsNonRoot is false.`]],
        ],
    },
    "kubernetes-pod-disallow-root-user": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.securityContext = { ...c.securityContext, runAsUser: 0 })), [`${C}.securityContext.runAsUser is 0 (root).`]]],
    },
    "kubernetes-pod-configure-drop-all-capabilities": {
        good: [deployment()],
        bad: [
            [deployment((_s, c) => (c.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ["NET_RAW"] } })), [`${C}.securityContext.capabilities.drop does not include "ALL".`]],
            [deployment((_s, c) => (c.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"], add: ["CHOWN"] } })), [`${C}.securityContext.capabilities.add includes CHOWN; only NET_BIND_SERVICE is allowed.`]],
        ],
    },
    "kubernetes-pod-configure-pinned-images": {
        good: [deployment(), deployment((_s, c) => (c.image = "registry.local:5000/app@sha256:" + "a".repeat(64)))],
        bad: [
            [deployment((_s, c) => (c.image = "nginx")), [`${C}.image "nginx" has no tag (pulls latest).`]],
            [deployment((_s, c) => (c.image = "registry.local:5000/app:latest")), [`${C}.image "registry.local:5000/app:latest" uses the latest tag.`]],
        ],
    },
    "kubernetes-pod-configure-resource-requests": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.resources = { limits: { memory: "256Mi" } })), [`${C}.resources.requests has no cpu or memory.`]]],
    },
    "kubernetes-pod-configure-resource-limits": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.resources = { requests: { cpu: "100m", memory: "128Mi" } })), [`${C}.resources.limits.memory is unset.`]]],
    },
    "kubernetes-pod-disallow-default-token-mount": {
        good: [deployment(), deployment((s) => {
            delete s.automountServiceAccountToken;
            s.serviceAccountName = "app";
        })],
        bad: [[deployment((s) => delete s.automountServiceAccountToken), [`${P} runs as the default service account and automountServiceAccountToken is not false; its API token is mounted.`]]],
    },
    "kubernetes-service-disallow-public-load-balancer": {
        good: [service({ type: "ClusterIP", ports: [{ port: 80 }] }), service({ type: "LoadBalancer", ports: [{ port: 80 }] }, { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" })],
        bad: [[service({ type: "LoadBalancer", ports: [{ port: 80 }] }), ["spec.type is LoadBalancer with no internal-load-balancer annotation; the cloud creates an internet-facing load balancer."]]],
    },
    "kubernetes-service-disallow-node-port": {
        good: [service({ type: "ClusterIP", ports: [{ port: 80 }] })],
        bad: [[service({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }), ["spec.type is NodePort; the port opens on every node."]]],
    },
    "kubernetes-pod-enable-read-only-root-filesystem": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } })), [`${C}.securityContext.readOnlyRootFilesystem is not true.`]]],
    },
    "kubernetes-pod-disallow-secrets-in-environment": {
        good: [deployment()],
        bad: [[deployment((_s, c) => (c.env = [{ name: "API_KEY", value: "0123456789abcdef" }])), [`${C}.env[0]: API_KEY holds a literal secret value; use valueFrom.secretKeyRef.`]]],
    },
    "kubernetes-pod-configure-health-probes": {
        good: [deployment(), cronJob((_s, c) => delete c.readinessProbe)],
        bad: [[deployment((_s, c) => delete c.livenessProbe), [`${C} has no livenessProbe.`]]],
    },
    "kubernetes-workload-disallow-default-namespace": {
        good: [deployment()],
        bad: [[resource<k8s.core.v1.ConfigMapArgs>("kubernetes:core/v1:ConfigMap", { metadata: { name: "cfg" }, data: { a: "b" } }), ["metadata.namespace is unset; the object lands in the default namespace."]]],
    },
    "kubernetes-namespace-configure-pod-security": {
        good: [resource<k8s.core.v1.NamespaceArgs>("kubernetes:core/v1:Namespace", { metadata: { name: "team-a", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } })],
        bad: [
            [resource<k8s.core.v1.NamespaceArgs>("kubernetes:core/v1:Namespace", { metadata: { name: "team-a" } }), ["metadata.labels has no pod-security.kubernetes.io/enforce; pods are not checked at admission."]],
            [resource<k8s.core.v1.NamespaceArgs>("kubernetes:core/v1:Namespace", { metadata: { name: "team-a", labels: { "pod-security.kubernetes.io/enforce": "privileged" } } }), ['pod-security.kubernetes.io/enforce is "privileged"; use "baseline" or stricter.']],
        ],
    },
});
