/**
 * Prints the reply to every question of every set (test/knowledge/questions-*.jsonl and the
 * shared sample), one JSON line each, as the ask command renders it plus the related questions
 * and card id, so that two versions of the code can be compared on the same seeds:
 *   npx tsx test/knowledge/snapshot.ts [--seeds DIR] [file.jsonl ...] > out.jsonl
 * Without files it reads every set that `score-sets.ts` scores.
 */
import { createI18n } from "../../src/bot/i18n.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { answerMessage, type Translate } from "../../src/knowledge/render.js";
import { readSet, setFiles } from "./score-sets.js";

const seedsArg = process.argv.indexOf("--seeds");
const knowledge = loadKnowledge(seedsArg > 0 ? process.argv[seedsArg + 1] : undefined);
const i18n = createI18n();
const t: Translate = (lang, key, vars) => i18n.t(lang, key, vars);

const files = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--seeds");
for (const file of files.length > 0 ? files : setFiles()) {
  for (const q of readSet(file)) {
    for (const fallback of ["ru", "kk"] as const) {
      const { reply, text } = answerMessage(knowledge, q.q, t, fallback);
      const out = {
        id: q.id,
        q: q.q,
        fallback,
        answered: reply.kind === "answer",
        lang: reply.lang,
        text,
        sources: reply.kind === "answer" ? reply.sources : [],
        related: reply.kind === "answer" ? reply.related : [],
        cardId: reply.kind === "answer" ? reply.cardId : undefined,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
  }
}
