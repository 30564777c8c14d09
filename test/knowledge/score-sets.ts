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

const matches = (text: string, alt: string): boolean =>
  alt.startsWith("/") && alt.endsWith("/")
    ? new RegExp(alt.slice(1, -1), "iu").test(text)
    : text.toLowerCase().includes(alt.toLowerCase());

const KK = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const kkDensity = (text: string): number => {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length ? (text.match(KK) ?? []).length / letters.length : 0;
};

const seedsArg = process.argv.indexOf("--seeds");
const knowledge = loadKnowledge(seedsArg > 0 ? process.argv[seedsArg + 1] : undefined);
const i18n = createI18n();
const t: Translate = (lang, key, vars) => i18n.t(lang, key, vars);

/** The outcome of one question and why it fails (empty when it passes). */
export function judge(q: SetQuestion): { answered: boolean; why: string[]; text: string } {
  const { reply, text } = answerMessage(knowledge, q.q, t, "ru");
  const why: string[] = [];
  const answered = reply.kind === "answer";
  if (q.abstain) {
    if (answered) why.push("answered an out-of-scope question");
  } else {
    if (!answered) why.push(`did not answer (${reply.kind === "none" ? reply.reason : reply.kind})`);
    for (const group of q.expect ?? [])
      if (!group.some((alt) => matches(text, alt))) why.push(`lacks ${JSON.stringify(group)}`);
    const cited = answered ? reply.sources.map((s) => s.doc) : [];
    if (!(q.docs ?? []).some((d) => cited.includes(d))) why.push(`cites ${JSON.stringify(cited)}`);
  }
  if (reply.lang !== q.lang) why.push(`lang ${reply.lang}`);
  const own = text.replace(/«[^»]*»/g, " ");
  const d = kkDensity((own.match(/\p{L}/gu) ?? []).length >= 20 ? own : text);
  if (q.lang === "kk" && d < 0.04) why.push("reply not Kazakh");
  if (q.lang === "ru" && d > 0.03) why.push("reply not Russian");
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
