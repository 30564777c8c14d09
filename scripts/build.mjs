// `npm run build`: src/main.ts and everything it imports, node_modules included, bundled by esbuild
// into one file, plus V8's code cache of it. Node then reads one file and its compiled bytecode at
// start instead of resolving, reading and compiling ~300 modules (bench/README.md, cold start).
// Type checking is `npm run typecheck` (esbuild only strips types).
//
//   dist/bot.cjs (+ .map)  the bundle, CommonJS so that V8's code cache can be used for it
//   dist/main.js           the entry, `node dist/main.js` (scripts/dist-main.mjs): runs the bundle
//                          with the cache
//   dist/bot.cache         the code cache: recorded by running the bundle once with
//                          QDB_CODE_CACHE_WARMUP=1 (every module loaded, knowledge and locales built
//                          from seeds/ and locales/, nothing started); this also proves the bundle
//                          loads, or the build fails
//   dist/knowledge.bin     the knowledge as that warm-up built it (src/knowledge/snapshot.ts), loaded at
//                          start by this build only, and only while seeds/ is unchanged
//
// What keeps the bundle behaving as the file-per-module tsc output did:
// - import.meta.url: modules find seeds/ and locales/ relative to their own file
//   (`new URL("../../locales", import.meta.url)`), at different depths. In a bundle every module
//   is in dist/bot.cjs; so each src/ module's import.meta.url is rewritten to the URL its compiled
//   file had under the tsc layout (src/bot/i18n.ts -> dist/bot/i18n.js), and every relative path
//   resolves as before, from any working directory.
// - require() resolves from dist/ (node_modules beside it) for node's built-ins and what stays
//   external; __dirname is dist/ for the few packages that read it (the Deno shim of
//   @grammyjs/i18n at load; BullMQ's sandboxed-processor files and pino's transport worker, which
//   the bot never uses).
// - Output is ASCII: comments go (minified whitespace) and esbuild escapes strings, but not regular
//   expressions (knowledge's Cyrillic and Kazakh classes), escaped here. One character above
//   U+00FF would make V8 hold the whole source as a two-byte string: 7.5 MB instead of 3.7.
//
// External, so loaded from node_modules at run time as before:
// - the devDependencies: the production image has none, so what imports one on demand (the
//   terminal chat's in-memory Redis, ioredis-mock) must fail there as it did, not ship inside;
// - msgpackr-extract (BullMQ -> msgpackr's optional native decoder): a .node binary found by path
//   from its own package directory. Without it msgpackr decodes in JavaScript, as before.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const outdir = join(root, "dist");
const { devDependencies = {} } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));

/** Each src/ module's import.meta.url becomes its tsc-layout URL, relative to the bundle's. */
const tscLayoutUrls = {
  name: "tsc-layout-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const contents = await readFile(args.path, "utf8");
      const path = relative(src, args.path);
      if (path.startsWith("..") || !/\bimport\.meta\b/.test(contents)) return { contents, loader: "ts" };
      if (/\bimport\.meta\.(?!url\b)/.test(contents))
        return {
          errors: [
            {
              text: "build: only import.meta.url is mapped in src/ (use fileURLToPath(new URL(..., import.meta.url)))",
            },
          ],
        };
      const compiled = `./${path.split(sep).join("/").replace(/\.ts$/, ".js")}`;
      return {
        contents: contents.replace(
          /\bimport\.meta\.url\b/g,
          `new URL(${JSON.stringify(compiled)}, __bundleUrl).href`,
        ),
        loader: "ts",
      };
    });
  },
};

/**
 * \uXXXX for every UTF-16 unit above ASCII: valid in strings, identifiers and regular expressions
 * (a surrogate pair escaped as two units is still one code point under the u flag). An identity
 * escape (a backslash before the character) loses its backslash: \u0451 already means the letter.
 */
const ascii = (code) =>
  code.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, c) => {
    const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts"],
  outfile: join(outdir, "bot.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  // Whitespace and comments out, syntax shortened; names kept (stack traces, error and class names).
  minifyWhitespace: true,
  minifySyntax: true,
  external: [...Object.keys(devDependencies), "msgpackr-extract"],
  // import() of what stays outside becomes require(): V8 restores a cached script without the
  // dynamic-import callback node registered for it, so an import() from the bundle would fail.
  supported: { "dynamic-import": false },
  banner: { js: 'var __bundleUrl=require("node:url").pathToFileURL(__filename).href;' },
  // this build's id: the knowledge snapshot the warm-up writes (dist/knowledge.bin) is loaded only by it
  define: { __QDB_BUILD__: JSON.stringify(randomUUID()) },
  plugins: [tscLayoutUrls],
  metafile: process.argv.includes("--meta"),
  logLevel: "warning",
  write: false,
});
for (const file of result.outputFiles)
  await writeFile(file.path, file.path.endsWith(".cjs") ? ascii(file.text) : file.contents);
await copyFile(join(root, "scripts", "dist-main.mjs"), join(outdir, "main.js"));

const warmUp = spawnSync(process.execPath, [join(outdir, "main.js")], {
  cwd: root,
  env: { PATH: process.env.PATH, QDB_CODE_CACHE_WARMUP: "1" },
  stdio: ["ignore", "inherit", "inherit"],
});
if (warmUp.status !== 0) {
  console.error(`build: the bundle failed to load (exit ${warmUp.status ?? warmUp.signal})`);
  process.exit(1);
}

if (result.metafile) {
  await writeFile(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  const inputs = Object.keys(result.metafile.inputs);
  const fromPackages = inputs.filter((i) => i.startsWith("node_modules")).length;
  console.log(`build: ${inputs.length} modules bundled (${fromPackages} from node_modules)`);
}
