/** Lists the unanswered answerable questions of sets with the best candidate and why it fails. */
import { KnowledgeBase } from "../../src/knowledge/engine.js";
import { DEFAULT_SEEDS_DIR, lexiconOf, readCuratedQuestions } from "../../src/knowledge/index.js";
import { readSeedDocuments } from "../../src/knowledge/seeds.js";
import { readSet } from "./score-sets.js";

const args = process.argv.slice(2);
const at = args.indexOf("--seeds");
const dir = at >= 0 ? (args[at + 1] as string) : DEFAULT_SEEDS_DIR;
const base = new KnowledgeBase(lexiconOf(`${dir}/dictionary`), readCuratedQuestions(dir));
for (const doc of readSeedDocuments(dir)) base.addDocument(doc);
for (const file of args.filter((a, i) => a !== "--seeds" && args[i - 1] !== "--seeds")) {
  for (const q of readSet(file)) {
    if (q.abstain || base.ask(q.q).kind === "answer") continue;
    const { candidates } = base.explain(q.q);
    const best = candidates.find((c) => (q.docs ?? []).some((d) => c.id.startsWith(`${d}#`)));
    console.log(
      `${q.q}\n   ${best ? `${best.coverage.toFixed(2)} [${best.why}] ${best.text.slice(0, 90)}` : "(no candidate of the doc)"}`,
    );
  }
}
