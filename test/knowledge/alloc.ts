/**
 * Allocation and GC profile of answering (not a vitest test):
 *   npx tsx test/knowledge/alloc.ts [--seeds DIR] [--rounds N] [file.jsonl ...]
 * Prints, over every question of test/knowledge/questions-*.jsonl and the shared sample:
 * bytes allocated per answer (heap growth across each answer, in a child process whose young
 * generation is large enough that no collection runs; the heaviest questions), bytes retained
 * per answer (heap growth over a round, full GC on both sides: caches that keep what questions
 * brought), then N timed rounds as the ask command answers (`answerMessage`) with the scavenges
 * per 100 answers, their total pause, and p50/p99.
 */
import { spawnSync } from "node:child_process";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createI18n } from "../../src/bot/i18n.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { answerMessage, type Translate } from "../../src/knowledge/render.js";
import { readSet, setFiles } from "./score-sets.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg("--rounds") ?? 5);
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const used = (): number => getHeapStatistics().used_heap_size;
const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

let t = now();
const knowledge = loadKnowledge(arg("--seeds"));
const buildMs = now() - t;
const i18n = createI18n();
const tr: Translate = (lang, key, vars) => i18n.t(lang, key, vars);
const files = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--seeds" && all[i - 1] !== "--rounds");
const questions = (files.length > 0 ? files : setFiles()).flatMap((f) => readSet(f).map((q) => q.q));
const answer = (q: string): unknown => answerMessage(knowledge, q, tr, "ru");

// warm-up: JIT and every lazily filled structure
for (let r = 0; r < 3; r++) for (const q of questions) answer(q);

// allocation per answer: measured in a child process whose young generation holds a whole
// round, so that no collection runs and heap growth is what the answers allocated (growth
// across a forced full GC is not: V8 may set aside a page after one)
const allocated: number[] = [];
if (process.env.ALLOC_CHILD === "1") {
  let before = used();
  for (const q of questions) {
    answer(q);
    const after = used();
    allocated.push(after - before);
    before = used();
  }
  process.stdout.write(JSON.stringify(allocated));
  process.exit(0);
}
const child = spawnSync(
  process.execPath,
  ["--max-semi-space-size=512", "--min-semi-space-size=512", "--import", "tsx", ...process.argv.slice(1)],
  { env: { ...process.env, ALLOC_CHILD: "1" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
if (child.status !== 0) throw new Error(`alloc: child failed: ${child.stderr}`);
allocated.push(...(JSON.parse(child.stdout) as number[]));
// what a round of answers leaves behind (caches that grow with new questions)
gc();
const roundStart = used();
for (const q of questions) answer(q);
gc();
const retainedPerAnswer = (used() - roundStart) / questions.length;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

// timed rounds with GC counted
let scavenges = 0;
let scavengeMs = 0;
let majors = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      scavenges++;
      scavengeMs += e.duration;
    } else majors++;
  }
});
observer.observe({ entryTypes: ["gc"] });
const times: number[] = [];
const roundLines: string[] = [];
for (let r = 0; r < rounds; r++) {
  const own: number[] = [];
  for (const q of questions) {
    t = now();
    answer(q);
    own.push(now() - t);
  }
  times.push(...own);
  roundLines.push(
    `  round ${r + 1}: p50 ${percentile(own, 0.5).toFixed(3)} ms, p99 ${percentile(own, 0.99).toFixed(3)} ms`,
  );
}
await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer report the last GCs
observer.disconnect();

console.log(`questions: ${questions.length}, build ${buildMs.toFixed(0)} ms (first build, cold)`);
console.log(
  `allocated per answer: mean ${kb(sum(allocated) / allocated.length)}, p50 ${kb(percentile(allocated, 0.5))}, max ${kb(Math.max(...allocated))}`,
);
console.log(`retained per answer (a round after warm-up, across full GCs): ${kb(retainedPerAnswer)}`);
const heaviest = questions
  .map((q, i) => ({ q, bytes: allocated[i] ?? 0 }))
  .sort((x, y) => y.bytes - x.bytes)
  .slice(0, 3);
for (const h of heaviest) console.log(`  ${kb(h.bytes)}: ${h.q.slice(0, 90)}`);
console.log(roundLines.join("\n"));
console.log(
  `all rounds (${times.length} answers): p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms, max ${Math.max(...times).toFixed(3)} ms`,
);
console.log(
  `scavenges: ${((100 * scavenges) / times.length).toFixed(2)} per 100 answers (${scavenges}, ${scavengeMs.toFixed(1)} ms total, mean ${(scavengeMs / Math.max(1, scavenges)).toFixed(2)} ms), major GCs: ${majors}`,
);
