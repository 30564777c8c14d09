/**
 * Batch question answering: `npm run --silent ask -- --json` reads questions from stdin, one per
 * line, and prints one JSON line per question (nothing else on stdout). Without --json it prints
 * readable replies. Same code path as the bot: loadKnowledge + answerMessage + the bot's i18n.
 * With REDIS_URL set, the announcements published through the bot are loaded too.
 */
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { createI18n } from "../bot/i18n.js";
import {
  DEFAULT_SEEDS_DIR,
  type Knowledge,
  loadKnowledge,
  readCuratedQuestions,
} from "../knowledge/index.js";
import { answerMessage, type Translate } from "../knowledge/render.js";
import { listAnnouncements } from "../storage/announcements.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const langArg = args.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
const fallbackLang = langArg === "kk" ? "kk" : "ru";

const knowledge = loadKnowledge();

/** Adds the published announcements from Redis; a Redis that does not answer is reported on stderr, never fatal. */
async function addPublished(knowledge: Knowledge, url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    for (const a of await listAnnouncements(redis)) {
      try {
        knowledge.addAnnouncement(a);
      } catch (error) {
        process.stderr.write(`ask: skipped announcement ${a.id}: ${(error as Error).message}\n`);
      }
    }
  } catch (error) {
    process.stderr.write(`ask: announcements not loaded from Redis: ${(error as Error).message}\n`);
  } finally {
    redis.disconnect();
  }
}
// this command's one setting, read as the bot reads it (src/config.ts validates the same name)
const redisUrl = process.env.REDIS_URL;
if (redisUrl) await addPublished(knowledge, redisUrl);
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
// and the curated questions a few times: a running bot has met most words of its texts already
const curated = readCuratedQuestions(DEFAULT_SEEDS_DIR).map((c) => c.question);
for (let round = 0; round < 3; round++) for (const q of curated) answerMessage(knowledge, q, t, "ru");

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
