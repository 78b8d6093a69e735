import { randomBytes } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import {
    ArgsChecker,
    CLOUDS,
    Cloud,
    ClusterTarget,
    PlatformKitError,
    Problem,
    SIZES,
    Size,
    Tags,
    awsTagProblems,
    azureTagProblems,
    checkCloud,
    gcpLabelProblems,
    isSize,
    loadCloudModule,
} from "../core";
import type { NetworkInfo } from "../network";

/** The engines a fleet runs. */
export type Engine = "postgres" | "redis" | "kafka";
export const ENGINES: readonly Engine[] = ["postgres", "redis", "kafka"];

/** Days of the week as the clouds' maintenance windows name them (AWS style). */
export type Weekday = "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat";
export const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** One database, cache or event stream of the fleet. */
export interface DataFleetMember {
    /**
     * The member's name, unique in the fleet: lower-case letters, digits and hyphens, starting
     * with a letter, at most 20 characters. It names the cloud resources and never changes:
     * renaming a member replaces it.
     * @example "orders-db"
     */
    name: string;
    /** What the member runs. On Azure, `kafka` is an Event Hubs namespace with its Kafka endpoint. */
    engine: Engine;
    /**
     * The engine version, one of those the cloud offers (see {@link ENGINE_VERSIONS});
     * refused otherwise, naming what is offered. Unset: the newest offered.
     * Managed Kafka on Google Cloud and Event Hubs on Azure take no version.
     * @example "16"
     */
    version?: string;
    /**
     * Portable size (small: 2 vCPU / 8 GiB, medium: 4 / 16, large: 8 / 32, xlarge: 16 / 64);
     * each cloud's nearest data-service class. Cost: each step roughly doubles the price.
     * @default "small"
     */
    size?: Size;
    /**
     * Disk in GB, for `postgres` on every target and `kafka` on AWS and Kubernetes (per
     * broker). Redis keeps its data in memory, sized by `size`. Azure PostgreSQL accepts
     * 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384 or 32767.
     * @default 32 for postgres, 100 for kafka
     */
    storageGb?: number;
    /**
     * A standby in another zone with automatic failover (RDS Multi-AZ, Cloud SQL REGIONAL,
     * Azure zone-redundant HA, Redis replicas, 3 CloudNativePG instances). Patching then
     * fails over instead of taking the member down. Cost: about twice the member's price.
     * @default false
     */
    highAvailability?: boolean;
}

/** A weekly maintenance start time, UTC. */
export interface WeeklyTime {
    /** Day of the week, UTC: `"sun"` to `"sat"`. */
    day: Weekday;
    /** Hour of day, 0-23, UTC. */
    hour: number;
    /**
     * Minute, 0-59. Google Cloud starts maintenance on the hour and ignores it.
     * @default 0
     */
    minute?: number;
}

export interface DataFleetMaintenance {
    /**
     * When the first wave's weekly maintenance starts, UTC: `"sun:03:00"` or
     * `{ day: "sun", hour: 3 }`. Each later wave starts one day later at the same time, so a
     * bad patch shows up on one wave before the next is touched. Daily backups run in the two
     * hours before the window, so they never overlap it.
     * @default "sun:03:00"
     */
    window?: string | WeeklyTime;
    /**
     * How many maintenance waves the members are spread over (1-7): never are all members
     * of an engine in maintenance at once, as long as there are at least two of them.
     * @default the number of members, at most 3
     */
    waves?: number;
}

export interface DataFleetBackups {
    /**
     * Days automated backups are kept. Allowed: AWS (RDS) 1-35, Google Cloud (Cloud SQL)
     * 1-365, Azure (PostgreSQL) 7-35, Kubernetes 1-365 (CloudNativePG volume snapshots are
     * taken daily; pruning them is the snapshot class's business). Redis snapshots on AWS keep
     * the same number of days, at most 35. Cost: backup storage beyond the database's size is billed.
     * @default 7
     */
    retentionDays?: number;
}

/** The arguments every cloud's data fleet shares. */
export interface DataFleetArgsBase {
    /** The databases, caches and event streams; names unique. At least one. */
    members: DataFleetMember[];
    /** Staggered weekly maintenance windows. */
    maintenance?: DataFleetMaintenance;
    backups?: DataFleetBackups;
    /**
     * Refuse to delete members: the cloud's deletion protection, and `retainOnDelete` so
     * removing a member from the program leaves its database in place. Turn off only for
     * throw-away environments.
     * @default true
     */
    deletionProtection?: boolean;
    /**
     * Bump to rotate generated passwords and auth tokens (AWS ElastiCache, Google Cloud SQL,
     * Kubernetes Redis). Passwords are write-only arguments, so a new one is only sent when this changes.
     * @default 1
     */
    credentialsVersion?: number;
    /** Tags (AWS, Azure) or labels (Google Cloud, Kubernetes) for every child. */
    tags?: Tags;
}

export interface DataFleetArgs extends DataFleetArgsBase {
    /** Which target to build on. */
    cloud: Cloud;
    /** The network members are placed in (AWS, Google Cloud, Azure). Not for `kubernetes`. */
    network?: NetworkInfo;
    /** Kubernetes only: the cluster the operators and members go to; a ContainerRuntime is one. */
    cluster?: ClusterTarget;
    /**
     * Kubernetes only: how the operators run the members (storage and snapshot classes,
     * namespace, Redis TLS). Set `volumeSnapshotClass` to give PostgreSQL members backups.
     * @example { volumeSnapshotClass: "csi-snapclass" }
     */
    kubernetes?: KubernetesDataOptions;
}

/** The Kubernetes-only choices of a fleet: how the operators run its members. */
export interface KubernetesDataOptions {
    /**
     * Install the operators (CloudNativePG, Strimzi, redis-operator) with Helm. Operators are
     * cluster-wide: set `false` for the second fleet on one cluster, or when your platform
     * team runs them.
     * @default true
     */
    installOperators?: boolean;
    /**
     * The namespace of the fleet's members.
     * @default the fleet's name
     */
    namespace?: string;
    /** StorageClass of the members' volumes. Unset: the cluster's default. */
    storageClass?: string;
    /**
     * A VolumeSnapshotClass: PostgreSQL members then take a daily volume-snapshot backup
     * (a CloudNativePG ScheduledBackup) before the maintenance window. Unset: no backups
     * beyond the replicas (a warning says so).
     */
    volumeSnapshotClass?: string;
    /**
     * A `kubernetes.io/tls` Secret (with `ca.crt`) in the fleet's namespace for Redis TLS,
     * e.g. issued by cert-manager. Unset: Redis speaks plain text inside the cluster.
     */
    redisTlsSecret?: string;
}

/** What a client of one member needs. */
export interface DataFleetMemberOutputs {
    /** Host name (or bootstrap server list for Kafka) clients connect to, inside the network. */
    readonly endpoint: pulumi.Output<string>;
    /** The TLS port clients use (Memorystore 6378, Azure Cache for Redis 6380, MSK IAM 9098...). */
    readonly port: pulumi.Output<number>;
    /**
     * Where the credentials are, not the credentials: a Secrets Manager secret ARN (AWS),
     * a Secret Manager secret id (Google Cloud), a Key Vault secret id (Azure), a Kubernetes
     * Secret `namespace/name`; for IAM- or Entra-authenticated members, the role or resource
     * to grant. Marked secret.
     */
    readonly credentials: pulumi.Output<string>;
}

export interface DataFleetOutputs {
    /** Each member's endpoint, port and credentials reference, by member name. */
    readonly members: Record<string, DataFleetMemberOutputs>;
}

/** One engine's versions on one target: the first is the default. */
export interface EngineOffer {
    /** Versions a user may ask for, newest first. Empty: the service manages the version. */
    versions: readonly string[];
    /** What the target runs, named for error messages. */
    service: string;
}

/**
 * The versions each target offers, newest first. Sources: the RDS, ElastiCache and MSK
 * supported-version pages; Cloud SQL and Memorystore release notes; Azure Database for
 * PostgreSQL and Azure Cache for Redis version policies; CloudNativePG and Strimzi releases.
 */
export const ENGINE_VERSIONS: Readonly<Record<Cloud, Readonly<Record<Engine, EngineOffer>>>> = {
    aws: {
        postgres: { versions: ["17", "16", "15", "14"], service: "Amazon RDS for PostgreSQL" },
        redis: { versions: ["7.1"], service: "Amazon ElastiCache for Redis OSS" },
        kafka: { versions: ["3.9.x", "3.8.x", "3.7.x", "3.6.0"], service: "Amazon MSK" },
    },
    gcp: {
        postgres: { versions: ["17", "16", "15", "14"], service: "Cloud SQL for PostgreSQL" },
        redis: { versions: ["7.2", "7.0"], service: "Memorystore for Redis" },
        kafka: { versions: [], service: "Google Cloud Managed Service for Apache Kafka" },
    },
    azure: {
        postgres: { versions: ["17", "16", "15", "14"], service: "Azure Database for PostgreSQL flexible server" },
        redis: { versions: ["6"], service: "Azure Cache for Redis" },
        kafka: { versions: [], service: "Azure Event Hubs (Kafka endpoint)" },
    },
    kubernetes: {
        postgres: { versions: ["17", "16", "15", "14"], service: "CloudNativePG" },
        redis: { versions: ["7.2", "7.0"], service: "the OT-Container-Kit Redis operator" },
        kafka: { versions: ["4.1.0", "4.0.0"], service: "Strimzi" },
    },
};

/** The version a member runs: the one asked for, or the newest offered (undefined when managed). */
export function memberVersion(cloud: Cloud, member: Pick<DataFleetMember, "engine" | "version">): string | undefined {
    return member.version ?? ENGINE_VERSIONS[cloud][member.engine].versions[0];
}

/** Backup retention each target accepts, in days. */
export const RETENTION_DAYS: Readonly<Record<Cloud, { min: number; max: number }>> = {
    aws: { min: 1, max: 35 },
    gcp: { min: 1, max: 365 },
    azure: { min: 7, max: 35 },
    kubernetes: { min: 1, max: 365 },
};
export const DEFAULT_RETENTION_DAYS = 7;

/** Azure PostgreSQL flexible server's disk sizes, GB. */
export const AZURE_POSTGRES_STORAGE_GB: readonly number[] = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767];

/** Disk each target accepts, GB, for the engines that take a disk size. */
export const STORAGE_GB: Readonly<Record<Cloud, Partial<Record<Engine, { min: number; max: number }>>>> = {
    aws: { postgres: { min: 20, max: 65536 }, kafka: { min: 1, max: 16384 } },
    gcp: { postgres: { min: 10, max: 65536 } },
    azure: { postgres: { min: 32, max: 32767 } },
    kubernetes: { postgres: { min: 1, max: 65536 }, kafka: { min: 1, max: 65536 } },
};
export const DEFAULT_STORAGE_GB: Readonly<Record<Engine, number>> = { postgres: 32, redis: 0, kafka: 100 };

export const DEFAULT_WINDOW: WeeklyTime = { day: "sun", hour: 3, minute: 0 };
export const MAX_WAVES = 7;
export const MEMBER_NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$|^[a-z]$/;

/** A member with its defaults applied and its maintenance wave. */
export interface ResolvedMember {
    name: string;
    engine: Engine;
    /** Undefined where the service manages the version. */
    version: string | undefined;
    size: Size;
    storageGb: number;
    highAvailability: boolean;
    /** 0-based maintenance wave. */
    wave: number;
}

/** Validated arguments with defaults applied. */
export interface ResolvedDataFleetArgs {
    members: ResolvedMember[];
    windows: MaintenanceWindow[];
    retentionDays: number;
    deletionProtection: boolean;
    credentialsVersion: number;
    tags: Tags;
}

/** Parses `"sun:03:00"` or `{ day, hour, minute }`; `undefined` when it is neither. */
export function parseWindow(window: string | WeeklyTime): WeeklyTime | undefined {
    if (typeof window === "string") {
        const match = /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)$/.exec(window.toLowerCase());
        if (!match) return undefined;
        return { day: match[1] as Weekday, hour: Number(match[2]), minute: Number(match[3]) };
    }
    if (window === null || typeof window !== "object") return undefined;
    const minute = window.minute ?? 0;
    const ok =
        (WEEKDAYS as readonly string[]).includes(window.day) &&
        Number.isInteger(window.hour) && window.hour >= 0 && window.hour <= 23 &&
        Number.isInteger(minute) && minute >= 0 && minute <= 59;
    return ok ? { day: window.day, hour: window.hour, minute } : undefined;
}

/** Problems with the shared arguments of a fleet on `cloud`. Pure; the facade and concrete classes report them. */
export function dataFleetProblems(cloud: Cloud, args: DataFleetArgsBase): Problem[] {
    const check = new ArgsChecker("DataFleet", "-");
    const members = Array.isArray(args.members) ? args.members : [];
    check.require(Array.isArray(args.members) && members.length > 0, "members", args.members, "a list of at least one member");
    check.unique(members.map((m, i) => [`members[${i}].name`, m?.name] as const), "member name");
    members.forEach((m, i) => {
        const at = `members[${i}]`;
        check.require(typeof m?.name === "string" && MEMBER_NAME.test(m.name), `${at}.name`, m?.name, "1 to 20 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit");
        if (!check.oneOf(`${at}.engine`, m?.engine, ENGINES)) return;
        const offer = ENGINE_VERSIONS[cloud][m.engine];
        if (m.version !== undefined) {
            if (offer.versions.length === 0) {
                check.require(false, `${at}.version`, m.version, `nothing: ${offer.service} chooses the ${m.engine} version itself; leave version unset`);
            } else {
                check.require(offer.versions.includes(m.version), `${at}.version`, m.version, `a ${m.engine} version ${offer.service} offers: ${offer.versions.map((v) => `"${v}"`).join(", ")}`);
            }
        }
        if (m.size !== undefined) {
            check.require(isSize(m.size), `${at}.size`, m.size, `one of ${SIZES.map((s) => `"${s}"`).join(", ")}`);
        }
        if (m.storageGb !== undefined) {
            const range = STORAGE_GB[cloud][m.engine];
            if (!range) {
                check.require(false, `${at}.storageGb`, m.storageGb, `nothing for ${m.engine} on ${cloud}: ${offer.service} sizes storage itself (use size)`);
            } else if (cloud === "azure" && m.engine === "postgres") {
                check.require(AZURE_POSTGRES_STORAGE_GB.includes(m.storageGb), `${at}.storageGb`, m.storageGb, `one of ${AZURE_POSTGRES_STORAGE_GB.join(", ")} (GB)`);
            } else {
                check.integer(`${at}.storageGb`, m.storageGb, range.min, range.max, "GB");
            }
        }
        if (m.highAvailability !== undefined) {
            check.require(typeof m.highAvailability === "boolean", `${at}.highAvailability`, m.highAvailability, "true or false");
        }
    });
    const window = args.maintenance?.window;
    if (window !== undefined) {
        check.require(parseWindow(window) !== undefined, "maintenance.window", window, 'a weekly UTC start such as "sun:03:00" or { day: "sun", hour: 3, minute: 0 }');
    }
    check.integer("maintenance.waves", args.maintenance?.waves, 1, MAX_WAVES, "waves, one day apart");
    const range = RETENTION_DAYS[cloud];
    check.integer("backups.retentionDays", args.backups?.retentionDays, range.min, range.max, `days, what ${cloud} allows`);
    check.integer("credentialsVersion", args.credentialsVersion, 1, Number.MAX_SAFE_INTEGER);
    if (args.deletionProtection !== undefined) {
        check.require(typeof args.deletionProtection === "boolean", "deletionProtection", args.deletionProtection, "true or false");
    }
    const tags = args.tags ?? {};
    if (cloud === "aws") check.addAll(awsTagProblems(tags));
    if (cloud === "azure") check.addAll(azureTagProblems(tags));
    if (cloud === "gcp" || cloud === "kubernetes") check.addAll(gcpLabelProblems(tags));
    try {
        check.done();
        return [];
    } catch (e) {
        if (e instanceof PlatformKitError) return [...e.problems];
        throw e;
    }
}

/**
 * Validates the shared arguments of a fleet on `cloud` and applies the defaults.
 * Every problem is reported at once in a PlatformKitError naming `kind "name"`.
 */
export function validateDataFleetArgs(kind: string, name: string, cloud: Cloud, args: DataFleetArgsBase): ResolvedDataFleetArgs {
    const check = new ArgsChecker(kind, name);
    check.addAll(dataFleetProblems(cloud, args));
    check.done();
    const waves = args.maintenance?.waves ?? Math.min(args.members.length, 3);
    const assigned = assignWaves(args.members, waves);
    const members = args.members.map(
        (m): ResolvedMember => ({
            name: m.name,
            engine: m.engine,
            version: memberVersion(cloud, m),
            size: m.size ?? "small",
            storageGb: m.storageGb ?? DEFAULT_STORAGE_GB[m.engine],
            highAvailability: m.highAvailability ?? false,
            wave: assigned[m.name],
        }),
    );
    return {
        members,
        windows: maintenanceWindows(args.maintenance?.window ?? DEFAULT_WINDOW, waves),
        retentionDays: args.backups?.retentionDays ?? DEFAULT_RETENTION_DAYS,
        deletionProtection: args.deletionProtection ?? true,
        credentialsVersion: args.credentialsVersion ?? 1,
        tags: args.tags ?? {},
    };
}

/**
 * Spreads members over `waves` maintenance waves: round-robin within each engine, each
 * engine starting one wave further, so two members of one engine share a wave only when
 * there are more of them than waves. A member appended to the list never moves the others.
 *
 * @returns the 0-based wave of each member, by name.
 */
export function assignWaves(members: ReadonlyArray<Pick<DataFleetMember, "name" | "engine">>, waves: number): Record<string, number> {
    if (!Number.isInteger(waves) || waves < 1) throw new RangeError(`assignWaves: waves must be a whole number of at least 1, got ${waves}`);
    const seen: Record<string, number> = {};
    const result: Record<string, number> = {};
    for (const m of members) {
        const index = seen[m.engine] ?? 0;
        seen[m.engine] = index + 1;
        const engineOffset = Math.max(ENGINES.indexOf(m.engine), 0);
        result[m.name] = (index + engineOffset) % waves;
    }
    return result;
}

/** One wave's weekly maintenance window in every cloud's format (all UTC, one hour long). */
export interface MaintenanceWindow {
    /** 0-based wave the window belongs to. */
    wave: number;
    /** Start day, UTC. */
    day: Weekday;
    /** Start hour, 0-23, UTC. */
    hour: number;
    /** Start minute, 0-59. */
    minute: number;
    /** RDS / ElastiCache / MSK-style `ddd:hh24:mi-ddd:hh24:mi`, one hour. */
    aws: string;
    /** The daily backup window `hh24:mi-hh24:mi` (AWS), the hour before the hour before maintenance. */
    awsBackup: string;
    /** Cloud SQL: day 1-7 (Monday is 1), hour 0-23. */
    gcp: { day: number; hour: number };
    /** Memorystore: the day's name. */
    gcpDayName: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
    /** Azure: dayOfWeek 0-6 (Sunday is 0). */
    azure: { dayOfWeek: number; startHour: number; startMinute: number };
    /** Azure patch schedules: the day's English name. */
    azureDayName: "Sunday" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday";
    /** Backups start this hour (UTC), two hours before the window. */
    backupHour: number;
}

const GCP_DAY_NAMES = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
const AZURE_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/**
 * The weekly maintenance window of each wave: wave 0 at `window`, each later wave one day
 * later at the same time (a week holds at most 7 waves), in each cloud's format.
 */
export function maintenanceWindows(window: string | WeeklyTime, waves: number): MaintenanceWindow[] {
    const start = parseWindow(window);
    if (!start) throw new RangeError(`maintenanceWindows: ${JSON.stringify(window)} is not a weekly time such as "sun:03:00"`);
    if (!Number.isInteger(waves) || waves < 1 || waves > MAX_WAVES) throw new RangeError(`maintenanceWindows: waves must be 1 to ${MAX_WAVES}, got ${waves}`);
    const pad = (n: number) => String(n).padStart(2, "0");
    const minute = start.minute ?? 0;
    const result: MaintenanceWindow[] = [];
    for (let wave = 0; wave < waves; wave++) {
        const dayIndex = (WEEKDAYS.indexOf(start.day) + wave) % 7;
        const day = WEEKDAYS[dayIndex];
        const endMinutes = dayIndex * 1440 + start.hour * 60 + minute + 60;
        const endDay = WEEKDAYS[Math.floor(endMinutes / 1440) % 7];
        const endHour = Math.floor((endMinutes % 1440) / 60);
        const backupHour = (start.hour + 22) % 24;
        result.push({
            wave,
            day,
            hour: start.hour,
            minute,
            aws: `${day}:${pad(start.hour)}:${pad(minute)}-${endDay}:${pad(endHour)}:${pad(minute)}`,
            awsBackup: `${pad(backupHour)}:${pad(minute)}-${pad((backupHour + 1) % 24)}:${pad(minute)}`,
            gcp: { day: dayIndex === 0 ? 7 : dayIndex, hour: start.hour },
            gcpDayName: GCP_DAY_NAMES[dayIndex],
            azure: { dayOfWeek: dayIndex, startHour: start.hour, startMinute: minute },
            azureDayName: AZURE_DAY_NAMES[dayIndex],
            backupHour,
        });
    }
    return result;
}

/**
 * A new random password of letters and digits (no characters that need quoting in a
 * connection string), marked secret. It differs on every run: pass it only to write-only
 * arguments (`passwordWo` with a version) or arguments whose changes are ignored.
 */
export function generatedPassword(length = 32): pulumi.Output<string> {
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    const bytes = randomBytes(length * 2);
    let out = "";
    for (let i = 0; i < bytes.length && out.length < length; i++) {
        // Rejection sampling keeps every character equally likely.
        if (bytes[i] < 256 - (256 % alphabet.length)) out += alphabet[bytes[i] % alphabet.length];
    }
    while (out.length < length) out += alphabet[randomBytes(1)[0] % alphabet.length];
    return pulumi.secret(out);
}

/** The number of ids in a list known when the program runs; `undefined` for an Output (known at deploy time). */
export function knownCount(ids: pulumi.Input<string[]>): number | undefined {
    return Array.isArray(ids) ? ids.length : undefined;
}

/** What each cloud's builder returns. */
export interface BuiltDataFleet {
    members: Record<string, DataFleetMemberOutputs>;
}

/**
 * Heroku-style fleets of PostgreSQL, Redis and Kafka on AWS, Google Cloud, Azure or any
 * Kubernetes cluster: the portable facade. It validates the shared intent and builds the
 * target's concrete fleet, loading only that target's SDK. Every member is private to the
 * network, encrypted at rest and in transit, backed up, deletion-protected, and patched in
 * staggered weekly windows. For every option a cloud offers, use the concrete class from
 * `platform-kit/aws`, `/gcp`, `/azure` or `/kubernetes`.
 *
 * Cost: every member is a billed managed service (or, on Kubernetes, pods and volumes);
 * `highAvailability` about doubles a member's price.
 *
 * @example
 * const data = new DataFleet("data", {
 *     cloud: "aws",
 *     network,
 *     members: [
 *         { name: "orders", engine: "postgres", version: "16", highAvailability: true },
 *         { name: "sessions", engine: "redis" },
 *         { name: "events", engine: "kafka" },
 *     ],
 *     maintenance: { window: "sun:03:00", waves: 2 },
 * });
 * export const ordersHost = data.members["orders"].endpoint;
 */
export class DataFleet extends pulumi.ComponentResource implements DataFleetOutputs {
    readonly cloud: Cloud;
    readonly members: Record<string, DataFleetMemberOutputs>;

    constructor(name: string, args: DataFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform-kit:data-fleet:DataFleet", name, {}, opts);
        const component = `DataFleet "${name}"`;
        checkCloud(component, args.cloud, CLOUDS);
        const { cloud, network, cluster, kubernetes, ...common } = args;
        const check = new ArgsChecker("DataFleet", name);
        if (cloud === "kubernetes") {
            check.require(network === undefined, "network", "a network", 'nothing with cloud "kubernetes": the cluster brings its own network');
            check.require(cluster !== undefined, "cluster", cluster, 'a ClusterTarget (a ContainerRuntime, or { provider, clusterName }) with cloud "kubernetes"');
        } else {
            check.require(network !== undefined, "network", network, `a NetworkInfo (a Network, or its ids) with cloud "${cloud}"`);
            check.require(cluster === undefined, "cluster", "a cluster", 'only with cloud "kubernetes"');
            check.require(kubernetes === undefined, "kubernetes", "Kubernetes options", 'only with cloud "kubernetes"');
            if (network !== undefined) check.require(network.cloud === cloud, "network.cloud", network.cloud, `"${cloud}", the fleet's cloud`);
        }
        check.addAll(dataFleetProblems(cloud, common));
        check.done();

        let built: BuiltDataFleet;
        if (cloud === "kubernetes" && cluster !== undefined) {
            built = loadCloudModule(cloud, component, () => require("./kubernetes") as typeof import("./kubernetes")).buildKubernetesDataFleet(name, { ...common, ...kubernetes, cluster }, this);
        } else if (cloud === "aws" && network !== undefined) {
            built = loadCloudModule(cloud, component, () => require("./aws") as typeof import("./aws")).buildAwsDataFleet(name, { ...common, network }, this);
        } else if (cloud === "gcp" && network !== undefined) {
            built = loadCloudModule(cloud, component, () => require("./gcp") as typeof import("./gcp")).buildGcpDataFleet(name, { ...common, network }, this);
        } else if (cloud === "azure" && network !== undefined) {
            built = loadCloudModule(cloud, component, () => require("./azure") as typeof import("./azure")).buildAzureDataFleet(name, { ...common, network }, this);
        } else {
            throw new Error(`DataFleet "${name}": unreachable: arguments were checked above`);
        }
        this.cloud = cloud;
        this.members = built.members;
        this.registerOutputs({ members: this.members });
    }
}
