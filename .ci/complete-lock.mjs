#!/usr/bin/env node
// Completes package-lock.json with the other platforms' optional binaries (Biome, msgpackr-extract).
//
// Why: a registry that serves only this machine's platform packages makes npm leave the others out
// of the lock, and `npm ci` then refuses the lock as out of sync. An entry with the package's os,
// cpu and libc lets npm ci skip it here and fetch it on a machine of that platform.
// Run after `npm install` changes the lock: `node .ci/complete-lock.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const platform = /(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|arm|ia32|ppc64|s390x)(-(musl|gnu))?$/;
let added = 0;
for (const parent of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const match = platform.exec(name);
    if (lock.packages[key] || !match) continue;
    lock.packages[key] = {
      version,
      ...(parent.dev ? { dev: true } : {}),
      optional: true,
      os: [match[1]],
      cpu: [match[2]],
      ...(match[4] === "musl" ? { libc: ["musl"] } : {}),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} platform entries`);
