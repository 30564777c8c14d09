/**
 * Scores question sets in-process with the rules of ../shared/eval/run.mjs (answered, expected
 * strings, cited document, reply language outside «quotes»), through the same answerMessage and
 * i18n as the ask command; prints right / wrong / not answered / declined per set:
 *   npx tsx test/knowledge/score-sets.ts [--verbose] [--seeds DIR] [file.jsonl ...]
 * Without files it scores every set of test/eval/sets and the shared sample when present.
 * (`npm run eval` does the same through the ask command.)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createI18n } from "../../src/bot/i18n.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { answerMessage, type Translate } from "../../src/knowledge/render.js";
import { type Question, score } from "../eval/score.js";

/** One line of a question set (the shared eval format). */
export type SetQuestion = Question;

const HERE = new URL(".", import.meta.url).pathname;
const SHARED = join(HERE, "../../../shared/eval/questions.jsonl");

export function readSet(file: string): SetQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SetQuestion);
}

export function setFiles(): string[] {
  const sets = join(HERE, "../eval/sets");
  const own = readdirSync(sets)
    .filter((f) => f.endsWith(".jsonl"))
    .map((f) => join(sets, f));
  return existsSync(SHARED) ? [SHARED, ...own] : own;
}

const seedsArg = process.argv.indexOf("--seeds");
const knowledge = loadKnowledge(seedsArg > 0 ? process.argv[seedsArg + 1] : undefined);
const i18n = createI18n();
const t: Translate = (lang, key, vars) => i18n.t(lang, key, vars);

/** The outcome of one question and why it fails (empty when it passes), by the eval's own rules. */
export function judge(q: SetQuestion): { answered: boolean; why: string[]; text: string } {
  const { reply, text } = answerMessage(knowledge, q.q, t, "ru");
  const answered = reply.kind === "answer";
  const sources = answered ? reply.sources : [];
  const { why } = score(q, { answered, lang: reply.lang, text, sources });
  if (reply.kind === "none" && !q.abstain) why.push(`refusal: ${reply.reason}`);
  return { answered, why, text };
}

if (process.argv[1]?.endsWith("score-sets.ts")) {
  const verbose = process.argv.includes("--verbose");
  const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--seeds");
  for (const file of files.length > 0 ? files : setFiles()) {
    const qs = readSet(file).filter((q) => (q.tier ?? "core") === "core");
    const n = { right: 0, wrong: 0, none: 0, declined: 0, out: 0 };
    for (const q of qs) {
      const { answered, why, text } = judge(q);
      if (q.abstain) {
        n.out++;
        if (!answered) n.declined++;
      } else if (why.length === 0) n.right++;
      else if (answered) n.wrong++;
      else n.none++;
      if (why.length > 0 && verbose)
        console.log(
          `  FAIL ${q.id}: ${q.q}\n    ${why.join("; ")}\n    > ${text.replace(/\n/g, " / ").slice(0, 300)}`,
        );
    }
    const ok = n.right + n.declined;
    console.log(
      `${file.split("/").pop()}: ${ok}/${qs.length} = ${(ok / qs.length).toFixed(3)}  (answerable: ${n.right} right, ${n.wrong} wrong, ${n.none} not answered; out of scope ${n.declined}/${n.out} declined)`,
    );
  }
}
