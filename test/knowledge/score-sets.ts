/**
 * Scores question sets in-process with the rules of ../shared/eval/run.mjs (answered, expected
 * strings, cited document, reply language), without spawning the ask command:
 *   npx tsx test/knowledge/score-sets.ts [--verbose] [--seeds DIR] [file.jsonl ...]
 * Without files it scores every questions-*.jsonl here and the shared sample when present.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { kazakhLetterShare } from "../../src/knowledge/text.js";

/** One line of a question set (the shared eval format). */
export interface SetQuestion {
  id: string;
  lang: "ru" | "kk";
  q: string;
  expect?: string[][];
  docs?: string[];
  abstain?: boolean;
  tier?: string;
}

const HERE = new URL(".", import.meta.url).pathname;
const SHARED = join(HERE, "../../../shared/eval/questions.jsonl");

/** Reads a JSONL question set. */
export function readSet(file: string): SetQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SetQuestion);
}

/** Every question-set file of this folder, plus the shared sample when it is reachable. */
export function setFiles(): string[] {
  const sets = join(HERE, "../eval/sets");
  const own = readdirSync(sets)
    .filter((f) => f.endsWith(".jsonl"))
    .map((f) => join(sets, f));
  return existsSync(SHARED) ? [SHARED, ...own] : own;
}

const matches = (text: string, alt: string): boolean =>
  alt.startsWith("/") && alt.endsWith("/")
    ? new RegExp(alt.slice(1, -1), "iu").test(text)
    : text.toLowerCase().includes(alt.toLowerCase());

const seedsArg = process.argv.indexOf("--seeds");
const knowledge = loadKnowledge(seedsArg > 0 ? process.argv[seedsArg + 1] : undefined);

/** Why one question fails (empty when it passes). */
export function failures(q: SetQuestion): string[] {
  const reply = knowledge.ask(q.q);
  const why: string[] = [];
  const text = reply.kind === "answer" ? reply.text : "";
  if (q.abstain) {
    if (reply.kind === "answer") why.push(`answered: ${text.slice(0, 120)}`);
  } else {
    if (reply.kind !== "answer") why.push("did not answer");
    for (const group of q.expect ?? [])
      if (!group.some((alt) => matches(text, alt)))
        why.push(`lacks ${JSON.stringify(group)}: ${text.slice(0, 120)}`);
    const cited = reply.kind === "answer" ? reply.sources.map((s) => s.doc) : [];
    if (reply.kind === "answer" && !(q.docs ?? []).some((d) => cited.includes(d))) why.push(`cites ${cited}`);
  }
  if (reply.lang !== q.lang) why.push(`lang ${reply.lang}`);
  if (reply.kind === "answer") {
    const d = kazakhLetterShare(reply.text);
    if (q.lang === "kk" && d < 0.04) why.push("reply not Kazakh");
    if (q.lang === "ru" && d > 0.03) why.push("reply not Russian");
  }
  return why;
}

if (process.argv[1]?.endsWith("score-sets.ts")) {
  const verbose = process.argv.includes("--verbose");
  const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--seeds");
  for (const file of files.length > 0 ? files : setFiles()) {
    const qs = readSet(file).filter((q) => (q.tier ?? "core") === "core");
    let ok = 0;
    for (const q of qs) {
      const why = failures(q);
      if (why.length === 0) ok++;
      else if (verbose) console.log(`  FAIL ${q.id}: ${q.q}\n    ${why.join("\n    ")}`);
    }
    console.log(`${file.split("/").pop()}: ${ok}/${qs.length} = ${(ok / qs.length).toFixed(3)}`);
  }
}
