import * as pulumi from "@pulumi/pulumi";
import { ImmutableGroup, Network } from "platform-kit";

// Lab 02: an immutable group of web servers from a baked image. Every change is a new image,
// rolled out by replacing instances; nobody logs in to fix one.
const config = new pulumi.Config();
const image = config.require("image");
const strategy = config.require("rollout") === "red-black" ? "red-black" : "rolling";

const network = new Network("core", { cloud: "aws", zones: 3, tags: { team: "web" } });

const web = new ImmutableGroup("web", {
    cloud: "aws",
    network,
    image,
    size: "small",
    // TODO 2: at least two instances (one per zone survives a zone's loss), up to six.
    minSize: 1,
    maxSize: 1,
    port: 8080,
    healthCheckPath: "/healthz",
    rollout: { strategy, maxSurge: 50, minHealthyPercent: 100, warmupSeconds: 120 },
    // TODO 1: the image already contains nginx. Installing packages at boot makes two
    // instances of one release differ: delete the apt-get line, keep the echo.
    startupScript: ["#!/bin/bash", "apt-get update && apt-get install -y nginx", "echo 'release=web' > /etc/web-release"].join("\n"),
    tags: { team: "web" },
});

export const url = web.url;
export const groupName = web.groupName;
