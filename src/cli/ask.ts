/**
 * Batch question answering: `npm run --silent ask -- --json` reads questions from stdin, one per
 * line, and prints one JSON line per question (nothing else on stdout). Without --json it prints
 * readable replies. Same code path as the bot: loadKnowledge + answerMessage + the bot's i18n.
 */
import { createInterface } from "node:readline";
import { createI18n } from "../bot/i18n.js";
import { loadKnowledge } from "../knowledge/index.js";
import { answerMessage, type Translate } from "../knowledge/render.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const langArg = args.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
const fallbackLang = langArg === "kk" ? "kk" : "ru";

const knowledge = loadKnowledge();
const i18n = createI18n();
const t: Translate = (lang, key, vars) => i18n.t(lang, key, vars);

// Warm up so that `ms` measures answering as a running bot does, not the first calls' JIT
// compilation: every path once (answer, abstain, typo correction, smalltalk, both languages),
// a few rounds, since V8 optimises a function only after it has run hot.
const WARM_UP = [
  "Когда запустят 5G?",
  "5G қашан іске қосылады?",
  "колько документов оцифровали",
  "канша ауылга интернет келеди",
  "Какая погода завтра?",
  "Ертең ауа райы қандай?",
  "Как оформить пенсию?",
  "привет",
  "рақмет",
];
for (let round = 0; round < 20; round++) for (const q of WARM_UP) answerMessage(knowledge, q, t, "ru");

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  const q = line.trim();
  if (!json && q === "") continue;
  const started = process.hrtime.bigint();
  const { reply, text } = answerMessage(knowledge, q, t, fallbackLang);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (json) {
    const sources = reply.kind === "answer" ? reply.sources : [];
    const out = {
      q,
      answered: reply.kind === "answer",
      lang: reply.lang,
      text,
      sources,
      ms: Number(ms.toFixed(3)),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(`> ${q}\n${text}\n(${reply.kind}, ${reply.lang}, ${ms.toFixed(2)} ms)\n\n`);
  }
}
