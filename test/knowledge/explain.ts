/**
 * Shows how the engine reads a question and scores its candidates:
 *   npx tsx test/knowledge/explain.ts [--seeds DIR] "question" ...
 */
import { KnowledgeBase } from "../../src/knowledge/engine.js";
import { DEFAULT_SEEDS_DIR, lexiconOf, readCuratedQuestions } from "../../src/knowledge/index.js";
import { readSeedDocuments } from "../../src/knowledge/seeds.js";

const args = process.argv.slice(2);
const at = args.indexOf("--seeds");
const dir = at >= 0 ? (args[at + 1] as string) : DEFAULT_SEEDS_DIR;
const questions = args.filter((a, i) => a !== "--seeds" && args[i - 1] !== "--seeds");
const base = new KnowledgeBase(lexiconOf(`${dir}/dictionary`), readCuratedQuestions(dir));
for (const doc of readSeedDocuments(dir)) base.addDocument(doc);
for (const q of questions) {
  const { query, candidates } = base.explain(q);
  console.log(
    `? ${q}  [${query.lang}] asked=${[...query.asked].join(",")} now=${query.now} key=${query.key?.surface}`,
  );
  for (const t of query.terms)
    console.log(
      `   ${t.surface}: w=${t.weight.toFixed(2)} known=${t.known} req=${t.required ?? "-"} alts=${t.alts.join(",")}${t.parts ? ` parts=${t.parts.join("+")}` : ""}`,
    );
  for (const c of candidates.slice(0, Number(process.env.TOP ?? 4)))
    console.log(
      `   ${c.why === "" ? "+" : " "} ${c.coverage.toFixed(2)} ${c.id} ${c.why ? `[${c.why}] ` : ""}${c.text.slice(0, 100)}`,
    );
}
