import * as pulumi from "@pulumi/pulumi";
import { DataFleet, Network } from "platform-kit";

// Lab 07: a fleet of data services with staggered maintenance, then a version roll.
const config = new pulumi.Config();
// The fleet's Postgres version, from config (Pulumi.yaml sets the default, "16").
const postgresVersion = config.require("postgresVersion");

const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "data" } });

const fleet = new DataFleet("data", {
    cloud: "aws",
    network,
    members: [
        // TODO 1: both databases hard-code version "15": use postgresVersion instead, so a
        // fleet roll can move every stack by config alone. Turn on highAvailability: patching
        // then fails over to the standby instead of taking the database down.
        { name: "orders-db", engine: "postgres", version: "15", size: "medium", storageGb: 100 },
        { name: "billing-db", engine: "postgres", version: "15", size: "small" },
        // TODO 2: add a Redis cache "sessions" (size small, highAvailability) and a Kafka
        // stream "events" (size small, storageGb 100).
    ],
    // TODO 3: one wave puts every database in maintenance at the same hour. Spread the
    // fleet over three waves, starting Sunday 03:00 UTC: { window: "sun:03:00", waves: 3 }.
    maintenance: { window: "sun:03:00", waves: 1 },
    backups: { retentionDays: 14 },
    tags: { team: "data" },
});

// The version this stack asks for: what a fleet roll changes.
export const fleetPostgresVersion = postgresVersion;
export const endpoints = Object.fromEntries(Object.entries(fleet.members).map(([name, member]) => [name, member.endpoint]));
