import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import MiniSearch from "minisearch";
import { Lexicon } from "../src/knowledge/analyze.js";
import { splitSentences } from "../src/knowledge/clean.js";
import { readDictionary } from "../src/knowledge/dictionary.js";
import {
  DEFAULT_SEEDS_DIR,
  type Knowledge,
  loadKnowledge,
  readCuratedQuestions,
} from "../src/knowledge/index.js";
import { readSeedDocuments } from "../src/knowledge/seeds.js";
import type { Bench, BenchFigure } from "./types.js";

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const heapUsed = (): number => getHeapStatistics().used_heap_size;
/** The seeds benched: BENCH_SEEDS (e.g. a pinned copy, to compare code versions) or the project's. */
const SEEDS = process.env.BENCH_SEEDS ?? DEFAULT_SEEDS_DIR;
const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

function questions(): string[] {
  const curated = readCuratedQuestions(SEEDS).map((c) => c.question);
  const extra = readFileSync(new URL("../test/eval/sets/extra.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
  return [...curated, ...extra];
}

/**
 * Index build from the seeds (read + clean + analyse + index + related-question check), answer
 * time and bytes allocated per question, against a baseline built in the same run: a plain MiniSearch
 * (default tokenizer, no analyzers) over the same passages and card texts.
 */
export const knowledgeBench: Bench = {
  name: "knowledge",
  run(): BenchFigure[] {
    const qs = questions();
    const builds: number[] = [];
    const baseBuilds: number[] = [];
    let kb: Knowledge | undefined;
    let base: MiniSearch<{ id: string; text: string }> | undefined;
    for (let i = 0; i < 15; i++) {
      let t = now();
      kb = loadKnowledge(SEEDS);
      builds.push(now() - t);
      t = now();
      const sentences = readSeedDocuments(SEEDS).flatMap((d) =>
        Object.values(d.texts).flatMap((text) => text.split(/\n+/).flatMap(splitSentences)),
      );
      base = new MiniSearch({ fields: ["text"] });
      base.addAll(sentences.map((text, i) => ({ id: String(i), text })));
      baseBuilds.push(now() - t);
    }
    if (!kb || !base) throw new Error("bench: nothing built");
    const answers: number[] = [];
    const searches: number[] = [];
    // steady state: the first rounds compile the hot code and check the suggestions once per build
    for (let round = 0; round < 3; round++)
      for (const q of qs) {
        kb.ask(q);
        base.search(q);
      }
    for (let round = 0; round < 30; round++) {
      for (const q of qs) {
        let t = now();
        kb.ask(q);
        answers.push(now() - t);
        t = now();
        base.search(q);
        searches.push(now() - t);
      }
    }
    // bytes allocated per answer: heap growth over one round, from the growth between answers
    // (a scavenge during an answer shows as a drop and that answer is left out)
    const bytesPerCall = (call: (q: string) => void): number => {
      let total = 0;
      let counted = 0;
      for (const q of qs) {
        const before = heapUsed();
        call(q);
        const grown = heapUsed() - before;
        if (grown >= 0) {
          total += grown;
          counted++;
        }
      }
      return total / Math.max(1, counted);
    };
    const knowledge = kb;
    const bytes = bytesPerCall((q) => knowledge.ask(q));
    const baseBytes = bytesPerCall((q) => base.search(q));
    const build = percentile(builds.slice(1), 0.5);
    const dictionaries: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      new Lexicon(readDictionary(join(SEEDS, "dictionary")));
      dictionaries.push(now() - t);
    }
    const baseBuild = percentile(baseBuilds.slice(1), 0.5);
    const p50 = percentile(answers, 0.5);
    const p99 = percentile(answers, 0.99);
    const baseP50 = percentile(searches, 0.5);
    const baseP99 = percentile(searches, 0.99);
    // each question's own time (median of its 30 askings), then the 99th percentile over the
    // questions: what the slowest questions cost, without the moments another process had the CPU
    const perQuestion = (times: number[]) =>
      qs.map((_, i) =>
        percentile(
          times.filter((_, k) => k % qs.length === i),
          0.5,
        ),
      );
    const steadyP99 = percentile(perQuestion(answers), 0.99);
    const baseSteadyP99 = percentile(perQuestion(searches), 0.99);
    return [
      { name: "first build (dictionary analysed too)", value: builds[0] ?? 0, unit: "ms" },
      {
        name: "dictionary analysis (median, once per process)",
        value: percentile(dictionaries, 0.5),
        unit: "ms",
      },
      {
        name: "index build from seeds (median, dictionary analysed)",
        value: build,
        unit: "ms",
        ratio: build / baseBuild,
        note: "budget 500 ms (seeds + corpus-extra)",
      },
      { name: "baseline build (plain MiniSearch)", value: baseBuild, unit: "ms" },
      { name: "answer p50", value: p50, unit: "ms", ratio: p50 / baseP50 },
      { name: "answer p99", value: p99, unit: "ms", ratio: p99 / baseP99, note: "budget 1 ms" },
      {
        name: "answer p99 over questions (each its median of 30)",
        value: steadyP99,
        unit: "ms",
        ratio: steadyP99 / baseSteadyP99,
        note: "budget 1 ms",
      },
      { name: "answer allocation", value: Math.round(bytes), unit: "bytes", ratio: bytes / baseBytes },
      { name: "baseline search allocation", value: Math.round(baseBytes), unit: "bytes" },
      { name: "baseline search p50", value: baseP50, unit: "ms" },
      { name: "baseline search p99", value: baseP99, unit: "ms" },
      { name: "questions timed", value: answers.length, unit: "" },
    ];
  },
};
