// dist/main.js (copied there by scripts/build.mjs): the production entry, `node dist/main.js`.
// Loads the bundle dist/bot.cjs with V8's code cache dist/bot.cache, recorded at build time, so
// start-up skips parsing and compiling the bundle's 3.7 MB (bytecode is read instead). A cache
// that does not fit (another Node or V8 flags) is rejected by V8, which then compiles as usual.
//
// Node 20's V8 restores a cached script with the file name it was recorded under: stack traces
// name the build's dist/bot.cjs (the same path in the Docker image, /app/dist/bot.cjs).
//
// QDB_CODE_CACHE_WARMUP=1 (the build's last step): the bundle loads every module and builds the
// knowledge and locales once, starting nothing (src/main.ts), and the code compiled meanwhile is
// written to dist/bot.cache. QDB_CODE_CACHE_DEBUG=1 prints whether the cache was used (.ci/run).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const bundle = fileURLToPath(new URL("./bot.cjs", import.meta.url));
const cacheFile = fileURLToPath(new URL("./bot.cache", import.meta.url));
const warmUp = process.env.QDB_CODE_CACHE_WARMUP === "1";

let cachedData;
if (!warmUp) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compiled as usual
  }
}
// The build keeps the bundle ASCII, so latin1 reads it as is, into a one-byte string.
const source = readFileSync(bundle, "latin1");
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
module.loaded = true;
if (warmUp) writeFileSync(cacheFile, script.createCachedData());
else if (process.env.QDB_CODE_CACHE_DEBUG)
  process.stderr.write(
    `code cache: ${cachedData ? (script.cachedDataRejected ? "rejected" : "used") : "missing"}\n`,
  );
