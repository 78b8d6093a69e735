#!/usr/bin/env node
// Runs the CLI from source in a checkout (transpiled on the fly, no build step) and from
// dist/ in an installed package.
const fs = require("fs");
const path = require("path");

const source = path.join(__dirname, "..", "cli", "index.ts");
let cli;
if (fs.existsSync(source)) {
    require("tsx/cjs/api").register();
    cli = require(source);
} else {
    cli = require(path.join(__dirname, "..", "dist", "cli", "index.js"));
}
cli.main(process.argv).then(
    (code) => {
        process.exitCode = code;
    },
    (err) => {
        console.error(err);
        process.exitCode = 70;
    },
);
