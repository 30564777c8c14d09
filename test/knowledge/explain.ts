/**
 * Prints why questions get the reply they get (language, weighted terms, best candidate):
 *   [KNOWLEDGE_SEEDS=DIR] npx tsx test/knowledge/explain.ts "вопрос" ["сұрақ" ...]
 */
import { KnowledgeBase } from "../../src/knowledge/answer.js";
import { DEFAULT_SEEDS_DIR } from "../../src/knowledge/index.js";
import { readSeeds } from "../../src/knowledge/ingest.js";

const kb = new KnowledgeBase(readSeeds(process.env.KNOWLEDGE_SEEDS ?? DEFAULT_SEEDS_DIR));
for (const q of process.argv.slice(2)) {
  const e = kb.explain(q);
  const r = kb.ask(q, { related: false });
  const terms = e.terms
    .map((t) => `${t.term}:${t.weight.toFixed(2)}${t.weak ? "w" : ""}${t.verbal ? "v" : ""}`)
    .join(" ");
  const best = e.best ? `${e.best.id} ${e.best.coverage.toFixed(2)}` : "-";
  console.log(`${q}\n  ${e.lang} ${terms}\n  best ${best} ungated ${e.ungated.toFixed(2)}`);
  console.log(`  -> ${r.kind === "answer" ? r.text.slice(0, 100) : r.kind}`);
}
