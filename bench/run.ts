/**
 * Runs every bench module in BENCHES and prints its figures, each with the floor (or reference)
 * beside it (`npm run bench`; `npm run bench -- throughput` runs only the benches whose name
 * contains a word given). The figures go to bench/results/<time>.json as well (gitignored), for
 * history. To add a bench, export a `Bench` from a file in bench/ and append it to the list.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { coldStartBench } from "./cold-start.js";
import { deliveryBench } from "./delivery.js";
import { knowledgeBench } from "./knowledge.js";
import { ROOT } from "./processes.js";
import { throughputBench } from "./throughput.js";
import type { Bench, BenchFigure } from "./types.js";

const BENCHES: Bench[] = [throughputBench, coldStartBench, knowledgeBench, deliveryBench];

const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(3));

const only = process.argv.slice(2);
const record: { at: string; commit: string; benches: Record<string, BenchFigure[]> } = {
  at: new Date().toISOString(),
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim(),
  benches: {},
};
for (const bench of BENCHES.filter((b) => only.length === 0 || only.some((word) => b.name.includes(word)))) {
  console.log(`# ${bench.name}`);
  const started = performance.now();
  const figures = await bench.run();
  record.benches[bench.name] = figures;
  for (const f of figures) {
    if (f.detail !== undefined || f.inTable) continue;
    const beside =
      f.baseline === undefined
        ? ""
        : `  (floor ${format(f.baseline)}${f.ratio === undefined ? "" : `, x${f.ratio.toFixed(2)}`})`;
    const ratio =
      f.baseline === undefined && f.ratio !== undefined ? `  (x${f.ratio.toFixed(2)} baseline)` : "";
    const note = f.note ? `  [${f.note}]` : "";
    console.log(`  ${f.name}: ${format(f.value)} ${f.unit}${beside}${ratio}${note}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
const dir = new URL("./results/", import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(`${record.at.replace(/[:.]/g, "-")}.json`, dir);
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(`figures written to bench/results/${file.pathname.split("/").pop()}`);
