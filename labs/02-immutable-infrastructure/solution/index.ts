import * as pulumi from "@pulumi/pulumi";
import { ImmutableGroup, Network } from "platform-kit";

// Lab 02 solution: a baked image, two to six instances over three zones, rolled red-black
// (or rolling, with `--config rollout=rolling`); the startup script installs nothing.
const config = new pulumi.Config();
const image = config.require("image");
const strategy = config.require("rollout") === "red-black" ? "red-black" : "rolling";

const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "web" } });

const web = new ImmutableGroup("web", {
    cloud: "aws",
    network,
    image,
    size: "small",
    minSize: 2,
    maxSize: 6,
    port: 8080,
    healthCheckPath: "/healthz",
    rollout: { strategy, maxSurge: 50, minHealthyPercent: 100, warmupSeconds: 120 },
    startupScript: ["#!/bin/bash", "echo 'release=web' > /etc/web-release"].join("\n"),
    tags: { team: "web" },
});

export const url = web.url;
export const groupName = web.groupName;
