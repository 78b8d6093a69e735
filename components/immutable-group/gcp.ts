import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { ArgsChecker, Transform, cloudName, gcpLabels, standardTags, transformed } from "../core";
import { GCP_HEALTH_CHECK_RANGES } from "../network/gcp";
import { gcpLayout, parseCidr } from "../network/layout";
import { ImmutableGroupArgsBase, ImmutableGroupOutputs, gcpRolloutBudget, validateImmutableGroupArgs } from "./index";

/** The only roles the instances' service account gets: write their logs and metrics. */
export const GCP_INSTANCE_ROLES: readonly string[] = ["roles/logging.logWriter", "roles/monitoring.metricWriter"];

/** An ImmutableGroup on Google Cloud, with every option Google Cloud offers. */
export interface GcpImmutableGroupArgs extends ImmutableGroupArgsBase {
    /** The project for the IAM bindings. Unset: the provider's project. */
    project?: string;
    /**
     * Boot disk size in GB. Unset: the image's size.
     * Cost: persistent disk per GB-month, times the group's size.
     */
    diskSizeGb?: number;
    /** @default "pd-balanced" */
    diskType?: string;
    /** A Cloud KMS key self link that encrypts the boot disks. Unset: Google-managed keys. */
    diskKmsKey?: pulumi.Input<string>;
    /**
     * The network's proxy-only subnet range, which the regional load balancer's proxies
     * reach the instances from. Unset: the range a platform-kit `Network` lays out for its cidr.
     * @example "10.0.80.0/23"
     */
    proxySubnetCidr?: string;
    /** Per-child escape hatches, applied to the defaults before each child is created. */
    transform?: {
        serviceAccount?: Transform<gcp.serviceaccount.AccountArgs>;
        instanceTemplate?: Transform<gcp.compute.InstanceTemplateArgs>;
        healthCheck?: Transform<gcp.compute.RegionHealthCheckArgs>;
        instanceGroupManager?: Transform<gcp.compute.RegionInstanceGroupManagerArgs>;
        autoscaler?: Transform<gcp.compute.RegionAutoscalerArgs>;
        backendService?: Transform<gcp.compute.RegionBackendServiceArgs>;
        forwardingRule?: Transform<gcp.compute.ForwardingRuleArgs>;
    };
}

/** What {@link buildGcpImmutableGroup} creates. */
export interface GcpImmutableGroupResources extends ImmutableGroupOutputs {
    serviceAccount: gcp.serviceaccount.Account;
    instanceTemplate: gcp.compute.InstanceTemplate;
    healthCheck: gcp.compute.RegionHealthCheck;
    instanceGroupManager: gcp.compute.RegionInstanceGroupManager;
    autoscaler?: gcp.compute.RegionAutoscaler;
    backendService: gcp.compute.RegionBackendService;
    address: gcp.compute.Address;
    /** The forwarding rule that reaches the group (HTTPS with a certificate, HTTP without). */
    forwardingRule: gcp.compute.ForwardingRule;
}

/**
 * Builds an ImmutableGroup on Google Cloud under `parent`: a regional managed instance
 * group of a Shielded VM instance template behind a regional Application Load Balancer
 * (internal managed by default, external managed when public).
 *
 * Rolling: each release is a new instance template (templates are immutable); the group
 * moves to it by a proactive update that surges new instances and keeps none unavailable,
 * and the deploy waits until every instance runs the new template.
 *
 * Red-black: each release is a new template and a new group named after the release;
 * the new group is created and waited for until stable, the backend service then points
 * to it (traffic moves at once), and the old group is deleted.
 *
 * The regional load balancer needs a proxy-only subnet in the network's region; a
 * platform-kit `Network` creates one.
 */
export function buildGcpImmutableGroup(
    name: string,
    args: GcpImmutableGroupArgs,
    parent: pulumi.Resource,
    kind = "ImmutableGroup",
): GcpImmutableGroupResources {
    const resolved = validateImmutableGroupArgs(kind, name, "gcp", args);
    const check = new ArgsChecker(kind, name);
    check.integer("diskSizeGb", args.diskSizeGb, 10, 65536, "GB");
    if (args.proxySubnetCidr !== undefined) {
        check.require(parseCidr(args.proxySubnetCidr) !== undefined, "proxySubnetCidr", args.proxySubnetCidr, 'an IPv4 block such as "10.0.80.0/23"');
    }
    const proxySubnetCidr = args.proxySubnetCidr ?? (parseCidr(args.network.cidr) ? gcpLayout(args.network.cidr).proxyOnly : undefined);
    check.require(proxySubnetCidr !== undefined, "proxySubnetCidr", args.proxySubnetCidr, "the proxy-only subnet range (network.cidr is not a block to derive it from)");
    const proxyRanges = proxySubnetCidr === undefined ? [] : [proxySubnetCidr];
    check.done();
    for (const warning of resolved.warnings) void pulumi.log.warn(warning, parent);

    const t = args.transform ?? {};
    const network = args.network;
    const region = network.region;
    const subnetwork = pulumi.output(network.privateSubnetIds).apply((ids) => ids[0]);
    const labels = gcpLabels(standardTags("ImmutableGroup", resolved.tags));
    const child = { parent };
    const instanceTag = cloudName("gcp-resource", name, "vm");
    const redBlack = resolved.strategy === "red-black";
    const scheme = resolved.public ? "EXTERNAL_MANAGED" : "INTERNAL_MANAGED";
    // Internal and external load balancer pieces cannot be changed into each other: their
    // names differ, so switching creates the new ones before deleting the old.
    const lbKind = resolved.public ? "ext" : "int";

    const [saArgs, saOpts] = transformed<gcp.serviceaccount.AccountArgs, pulumi.CustomResourceOptions>(
        {
            accountId: cloudName("gcp-service-account", name, "vm"),
            displayName: `Instances of ImmutableGroup ${name}`,
            description: "Writes logs and metrics only; created by platform-kit",
        },
        { ...child },
        t.serviceAccount,
    );
    const serviceAccount = new gcp.serviceaccount.Account(`${name}-sa`, saArgs, saOpts);
    const project = args.project ?? gcp.organizations.getProjectOutput({}, child).apply((p) => p.projectId ?? "");
    for (const role of GCP_INSTANCE_ROLES) {
        new gcp.projects.IAMMember(`${name}-${role.split("/")[1].replace(/\./g, "-")}`, { project, role, member: serviceAccount.member }, child);
    }

    const [templateArgs, templateOpts] = transformed<gcp.compute.InstanceTemplateArgs, pulumi.CustomResourceOptions>(
        {
            // A prefix, not a name: templates are immutable, each release is a new one
            // created before the old one is deleted.
            namePrefix: cloudName("gcp-resource", name, { reserve: 27 }) + "-",
            description: `ImmutableGroup ${name}`,
            machineType: resolved.machineType,
            disks: [
                {
                    boot: true,
                    autoDelete: true,
                    sourceImage: resolved.image,
                    diskType: args.diskType ?? "pd-balanced",
                    diskSizeGb: args.diskSizeGb,
                    diskEncryptionKey: args.diskKmsKey === undefined ? undefined : { kmsKeySelfLink: args.diskKmsKey },
                    labels,
                },
            ],
            // No accessConfigs: no external address; egress goes through the network's NAT.
            networkInterfaces: [{ network: network.networkId, subnetwork }],
            serviceAccount: { email: serviceAccount.email, scopes: ["cloud-platform"] },
            shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
            metadata: {
                // Nobody logs in: project-wide keys are ignored, OS Login (with no one granted
                // a login role) is the only path, and the serial console is closed.
                "block-project-ssh-keys": "true",
                "enable-oslogin": "TRUE",
                "serial-port-enable": "false",
                ...(resolved.startupScript === undefined ? {} : { "startup-script": resolved.startupScript }),
            },
            tags: [instanceTag],
            labels,
        },
        { ...child },
        t.instanceTemplate,
    );
    const instanceTemplate = new gcp.compute.InstanceTemplate(`${name}-template`, templateArgs, templateOpts);

    const [hcArgs, hcOpts] = transformed<gcp.compute.RegionHealthCheckArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("gcp-resource", name, "hc"),
            region,
            checkIntervalSec: 10,
            timeoutSec: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
            httpHealthCheck: { port: resolved.port, requestPath: resolved.healthCheckPath },
            logConfig: { enable: true },
        },
        { ...child },
        t.healthCheck,
    );
    const healthCheck = new gcp.compute.RegionHealthCheck(`${name}-hc`, hcArgs, hcOpts);

    const budget = gcpRolloutBudget(resolved.desiredSize, resolved.maxSurge, resolved.minHealthyPercent);
    const [migArgs, migOpts] = transformed<gcp.compute.RegionInstanceGroupManagerArgs, pulumi.CustomResourceOptions>(
        {
            name: redBlack ? cloudName("gcp-resource", name, resolved.releaseHash) : cloudName("gcp-resource", name),
            description: `ImmutableGroup ${name}`,
            baseInstanceName: cloudName("gcp-resource", name, { reserve: 5 }),
            region,
            versions: [{ name: `release-${resolved.releaseHash}`, instanceTemplate: instanceTemplate.selfLink }],
            namedPorts: [{ name: "http", port: resolved.port }],
            targetSize: resolved.desiredSize,
            autoHealingPolicies: { healthCheck: healthCheck.id, initialDelaySec: resolved.warmupSeconds },
            updatePolicy: {
                type: "PROACTIVE",
                minimalAction: "REPLACE",
                replacementMethod: "SUBSTITUTE",
                instanceRedistributionType: "PROACTIVE",
                maxSurgeFixed: budget.maxSurgeFixed,
                maxUnavailableFixed: budget.maxUnavailableFixed,
                minReadySec: resolved.warmupSeconds,
            },
            // The deploy's health gate: rolling waits until every instance runs the new
            // template, red-black until the new group is stable before traffic moves to it.
            waitForInstances: true,
            waitForInstancesStatus: redBlack ? "STABLE" : "UPDATED",
        },
        {
            ...child,
            deleteBeforeReplace: false,
            // The autoscaler owns the size once the group exists.
            ignoreChanges: resolved.autoscale ? ["targetSize"] : [],
        },
        t.instanceGroupManager,
    );
    const instanceGroupManager = new gcp.compute.RegionInstanceGroupManager(`${name}-mig`, migArgs, migOpts);

    let autoscaler: gcp.compute.RegionAutoscaler | undefined;
    if (resolved.autoscale) {
        const [asArgs, asOpts] = transformed<gcp.compute.RegionAutoscalerArgs, pulumi.CustomResourceOptions>(
            {
                name: cloudName("gcp-resource", name, "autoscaler"),
                region,
                target: instanceGroupManager.id,
                autoscalingPolicy: {
                    minReplicas: resolved.minSize,
                    maxReplicas: resolved.maxSize,
                    cooldownPeriod: Math.max(resolved.warmupSeconds, 15),
                    cpuUtilization: { target: resolved.targetCpuPercent / 100 },
                },
            },
            { ...child },
            t.autoscaler,
        );
        autoscaler = new gcp.compute.RegionAutoscaler(`${name}-autoscaler`, asArgs, asOpts);
    }

    const [beArgs, beOpts] = transformed<gcp.compute.RegionBackendServiceArgs, pulumi.CustomResourceOptions>(
        {
            name: cloudName("gcp-resource", name, lbKind, "backend"),
            region,
            loadBalancingScheme: scheme,
            protocol: "HTTP",
            portName: "http",
            timeoutSec: 30,
            connectionDrainingTimeoutSec: 30,
            healthChecks: healthCheck.id,
            backends: [{ group: instanceGroupManager.instanceGroup, balancingMode: "UTILIZATION", capacityScaler: 1 }],
            logConfig: { enable: true, sampleRate: 1 },
        },
        { ...child },
        t.backendService,
    );
    const backendService = new gcp.compute.RegionBackendService(`${name}-backend`, beArgs, beOpts);

    const urlMap = new gcp.compute.RegionUrlMap(`${name}-urlmap`, { name: cloudName("gcp-resource", name, lbKind, "urlmap"), region, defaultService: backendService.id }, child);

    const address = new gcp.compute.Address(
        `${name}-address`,
        resolved.public
            ? { name: cloudName("gcp-resource", name, lbKind, "address"), region, addressType: "EXTERNAL", networkTier: "STANDARD", labels }
            : {
                  name: cloudName("gcp-resource", name, lbKind, "address"),
                  region,
                  addressType: "INTERNAL",
                  subnetwork,
                  // Two forwarding rules (HTTPS and the HTTP redirect) share the address.
                  purpose: resolved.https ? "SHARED_LOADBALANCER_VIP" : "GCE_ENDPOINT",
                  labels,
              },
        child,
    );

    const ruleBase = {
        region,
        ipProtocol: "TCP",
        loadBalancingScheme: scheme,
        ipAddress: address.id,
        network: network.networkId,
        subnetwork: resolved.public ? undefined : subnetwork,
        networkTier: resolved.public ? "STANDARD" : undefined,
        labels,
    };
    const certificate = resolved.certificate;
    let target: pulumi.Output<string>;
    if (certificate !== undefined) {
        const tlsPolicy = new gcp.compute.RegionSslPolicy(
            `${name}-tls`,
            { name: cloudName("gcp-resource", name, lbKind, "tls"), region, profile: "MODERN", minTlsVersion: "TLS_1_2" },
            child,
        );
        target = new gcp.compute.RegionTargetHttpsProxy(
            `${name}-https-proxy`,
            { name: cloudName("gcp-resource", name, lbKind, "https"), region, urlMap: urlMap.id, sslCertificates: [certificate], sslPolicy: tlsPolicy.id },
            child,
        ).id;
        const redirectMap = new gcp.compute.RegionUrlMap(
            `${name}-redirect`,
            {
                name: cloudName("gcp-resource", name, lbKind, "redirect"),
                region,
                defaultUrlRedirect: { httpsRedirect: true, stripQuery: false, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT" },
            },
            child,
        );
        const redirectProxy = new gcp.compute.RegionTargetHttpProxy(
            `${name}-redirect-proxy`,
            { name: cloudName("gcp-resource", name, lbKind, "redirect"), region, urlMap: redirectMap.id },
            child,
        );
        new gcp.compute.ForwardingRule(`${name}-http`, { ...ruleBase, name: cloudName("gcp-resource", name, lbKind, "http"), portRange: "80", target: redirectProxy.id }, child);
    } else {
        target = new gcp.compute.RegionTargetHttpProxy(`${name}-http-proxy`, { name: cloudName("gcp-resource", name, lbKind, "http"), region, urlMap: urlMap.id }, child).id;
    }
    const [frArgs, frOpts] = transformed<gcp.compute.ForwardingRuleArgs, pulumi.CustomResourceOptions>(
        { ...ruleBase, name: cloudName("gcp-resource", name, lbKind, resolved.https ? "https" : "http"), portRange: `${resolved.listenerPort}`, target },
        { ...child, dependsOn: [backendService] },
        t.forwardingRule,
    );
    const forwardingRule = new gcp.compute.ForwardingRule(`${name}-${resolved.https ? "https" : "http"}`, frArgs, frOpts);

    // The instances accept only Google's health checkers and the load balancer's proxies.
    const allowPort = [{ protocol: "tcp", ports: [`${resolved.port}`] }];
    new gcp.compute.Firewall(
        `${name}-allow-health-checks`,
        {
            name: cloudName("gcp-resource", name, "allow-health-checks"),
            network: network.networkId,
            direction: "INGRESS",
            sourceRanges: [...GCP_HEALTH_CHECK_RANGES],
            targetTags: [instanceTag],
            allows: allowPort,
            description: "Google Cloud health checkers to the application port",
        },
        child,
    );
    new gcp.compute.Firewall(
        `${name}-allow-lb-proxies`,
        {
            name: cloudName("gcp-resource", name, "allow-lb-proxies"),
            network: network.networkId,
            direction: "INGRESS",
            sourceRanges: proxyRanges,
            targetTags: [instanceTag],
            allows: allowPort,
            description: "The regional load balancer's proxy-only subnet to the application port",
        },
        child,
    );

    const endpoint = address.address;
    return {
        serviceAccount,
        instanceTemplate,
        healthCheck,
        instanceGroupManager,
        autoscaler,
        backendService,
        address,
        forwardingRule,
        endpoint,
        url: pulumi.interpolate`${resolved.https ? "https" : "http"}://${endpoint}`,
        groupName: instanceGroupManager.name,
        imageId: pulumi.output(resolved.image),
    };
}

/**
 * An ImmutableGroup on Google Cloud: a regional managed instance group of Shielded VMs
 * with no external address, project SSH keys blocked, OS Login and no serial port, running
 * as their own service account, auto-healed by a health check, behind a regional
 * Application Load Balancer.
 *
 * Cost: the VM instances, the load balancer's forwarding rules (hourly plus traffic) and
 * the persistent disks.
 *
 * @example
 * const web = new GcpImmutableGroup("web", {
 *     network: net, image: "projects/my-images/global/images/web-20261101", minSize: 3, maxSize: 9,
 *     port: 8080, healthCheckPath: "/healthz",
 * });
 */
export class GcpImmutableGroup extends pulumi.ComponentResource implements ImmutableGroupOutputs {
    readonly endpoint: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly groupName: pulumi.Output<string>;
    readonly imageId: pulumi.Output<string>;
    readonly serviceAccount: gcp.serviceaccount.Account;
    readonly instanceTemplate: gcp.compute.InstanceTemplate;
    readonly healthCheck: gcp.compute.RegionHealthCheck;
    readonly instanceGroupManager: gcp.compute.RegionInstanceGroupManager;
    readonly autoscaler?: gcp.compute.RegionAutoscaler;
    readonly backendService: gcp.compute.RegionBackendService;
    readonly address: gcp.compute.Address;
    readonly forwardingRule: gcp.compute.ForwardingRule;

    constructor(name: string, args: GcpImmutableGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:immutable-group:GcpImmutableGroup", name, {}, opts);
        const built = buildGcpImmutableGroup(name, args, this, "GcpImmutableGroup");
        this.endpoint = built.endpoint;
        this.url = built.url;
        this.groupName = built.groupName;
        this.imageId = built.imageId;
        this.serviceAccount = built.serviceAccount;
        this.instanceTemplate = built.instanceTemplate;
        this.healthCheck = built.healthCheck;
        this.instanceGroupManager = built.instanceGroupManager;
        this.autoscaler = built.autoscaler;
        this.backendService = built.backendService;
        this.address = built.address;
        this.forwardingRule = built.forwardingRule;
        this.registerOutputs({ endpoint: this.endpoint, url: this.url, groupName: this.groupName, imageId: this.imageId });
    }
}
