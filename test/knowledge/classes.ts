/**
 * Counts the classes of misses over question sets (never blind ones): for each answerable question
 * not answered, why the best candidate of its document fails; for coverage failures, the share of
 * weight lost to unknown words vs known words missing.
 *   npx tsx test/knowledge/classes.ts FILE...
 */
import { KnowledgeBase } from "../../src/knowledge/engine.js";
import { DEFAULT_SEEDS_DIR, lexiconOf, readCuratedQuestions } from "../../src/knowledge/index.js";
import { readSeedDocuments } from "../../src/knowledge/seeds.js";
import { readSet } from "./score-sets.js";

const base = new KnowledgeBase(
  lexiconOf(`${DEFAULT_SEEDS_DIR}/dictionary`),
  readCuratedQuestions(DEFAULT_SEEDS_DIR),
);
for (const doc of readSeedDocuments(DEFAULT_SEEDS_DIR)) base.addDocument(doc);
const whys = new Map<string, number>();
const bump = (k: string) => whys.set(k, (whys.get(k) ?? 0) + 1);
const verbose = process.env.V;
for (const file of process.argv.slice(2)) {
  for (const q of readSet(file)) {
    if (q.abstain) continue;
    const reply = base.ask(q.q);
    const { query, candidates } = base.explain(q.q);
    if (reply.kind === "answer") {
      const id = candidates.find((c) => c.why === "")?.id ?? "";
      if (!(q.docs ?? []).some((d) => id.startsWith(`${d}#`))) {
        bump("WRONG-doc");
        if (verbose === "wrong")
          console.log(`W ${q.q}\n   ${candidates.find((c) => c.why === "")?.text.slice(0, 100)}`);
      }
      continue;
    }
    const best = candidates.find((c) => (q.docs ?? []).some((d) => c.id.startsWith(`${d}#`)));
    if (!best) {
      bump("no candidate");
      continue;
    }
    const why = best.why.startsWith("key") ? "key" : best.why;
    if (why === "coverage") {
      const total = query.terms.reduce((s, t) => s + t.weight, 0);
      const unknown = query.terms.filter((t) => !t.known).reduce((s, t) => s + t.weight, 0);
      const share = unknown / total;
      const bucket =
        share === 0
          ? "none-unknown"
          : share < 0.25
            ? "unknown<25%"
            : share < 0.5
              ? "unknown<50%"
              : "unknown>=50%";
      bump(`coverage ${bucket} cov${best.coverage >= 0.4 ? ">=.4" : "<.4"}`);
      if (verbose === bucket)
        console.log(
          `${q.q}\n   ${best.coverage.toFixed(2)} ${query.terms
            .filter((t) => !t.known)
            .map((t) => t.surface)
            .join(",")} | ${best.text.slice(0, 90)}`,
        );
    } else bump(why);
  }
}
for (const [k, v] of [...whys].sort((a, b) => b[1] - a[1])) console.log(`${v}\t${k}`);
