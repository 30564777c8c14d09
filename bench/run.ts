/**
 * Runs every bench module in BENCHES and prints its figures (`npm run bench`; `npm run bench --
 * knowledge` runs only the benches whose name contains a word given). To add a bench, export a
 * `Bench` from a file in bench/ and append it to the list.
 */
import { deliveryBench } from "./delivery.js";
import { knowledgeBench } from "./knowledge.js";
import type { Bench } from "./types.js";

const BENCHES: Bench[] = [knowledgeBench, deliveryBench];

const only = process.argv.slice(2);
for (const bench of BENCHES.filter((b) => only.length === 0 || only.some((word) => b.name.includes(word)))) {
  console.log(`# ${bench.name}`);
  for (const f of await bench.run()) {
    const ratio = f.ratio === undefined ? "" : `  (x${f.ratio.toFixed(2)} baseline)`;
    const note = f.note ? `  [${f.note}]` : "";
    console.log(
      `  ${f.name}: ${Number.isInteger(f.value) ? f.value : f.value.toFixed(3)} ${f.unit}${ratio}${note}`,
    );
  }
}
