import * as pulumi from "@pulumi/pulumi";
import { DataFleet, Network } from "platform-kit";

// Lab 07 solution: a fleet of Postgres, Redis and Kafka in the private data subnets, its
// maintenance spread over three weekly waves, the Postgres version read from config so a
// fleet tool can roll it stack by stack (`platform-kit fleet --set ...:postgresVersion=17`).
const config = new pulumi.Config();
const postgresVersion = config.require("postgresVersion");

const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "data" } });

const fleet = new DataFleet("data", {
    cloud: "aws",
    network,
    members: [
        { name: "orders-db", engine: "postgres", version: postgresVersion, size: "medium", storageGb: 100, highAvailability: true },
        { name: "billing-db", engine: "postgres", version: postgresVersion, size: "small", highAvailability: true },
        { name: "sessions", engine: "redis", size: "small", highAvailability: true },
        { name: "events", engine: "kafka", size: "small", storageGb: 100 },
    ],
    maintenance: { window: "sun:03:00", waves: 3 },
    backups: { retentionDays: 14 },
    tags: { team: "data" },
});

// The version this stack asks for: what a fleet roll changes.
export const fleetPostgresVersion = postgresVersion;
export const endpoints = Object.fromEntries(Object.entries(fleet.members).map(([name, member]) => [name, member.endpoint]));
