import { describe, expect, it } from "vitest";
import { readSeeds } from "../../src/knowledge/ingest.js";
import { createAnalyzer } from "../../src/knowledge/lexicon.js";
import { createIndex, TermIndex } from "../../src/knowledge/search-index.js";
import type { Lang } from "../../src/knowledge/text.js";
import { readSet, setFiles } from "./score-sets.js";

const SEEDS = new URL("../../seeds", import.meta.url).pathname;

/** The seeds' passages and cards analysed as the knowledge base indexes them. */
function documents(): { id: string; ru?: string[]; kk?: string[] }[] {
  const seeds = readSeeds(SEEDS);
  const analyzer = createAnalyzer(seeds.lexicon);
  return [
    ...seeds.passages.map((p) => ({ id: p.id, [p.lang]: analyzer.analyze(p.text, p.lang) })),
    ...seeds.cards.map((c) => ({
      id: `card:${c.id}`,
      ru: analyzer.analyze(c.ru, "ru"),
      kk: analyzer.analyze(c.kk, "kk"),
    })),
  ];
}

describe("TermIndex", () => {
  const docs = documents();
  const seeds = readSeeds(SEEDS);
  const analyzer = createAnalyzer(seeds.lexicon);
  const queries = setFiles().flatMap((f) =>
    readSet(f).flatMap((q) =>
      (["ru", "kk"] as const).map((lang) => ({ lang, terms: analyzer.analyze(q.q, lang) })),
    ),
  );

  const compare = (
    index: TermIndex,
    mini: ReturnType<typeof createIndex>,
    lang: Lang,
    terms: string[],
  ): void => {
    const expected = mini.search(terms.join(" "), { fields: [lang] }).slice(0, 12);
    const hits = index.search(terms, lang, 12);
    const got = Array.from({ length: hits.count }, (_, i) => ({
      id: index.idOf(hits.docs[i] as number),
      score: hits.scores[i],
    }));
    expect(got).toEqual(expected.map((r) => ({ id: r.id, score: r.score })));
  };

  it("ranks and scores exactly as MiniSearch with INDEX_OPTIONS", () => {
    const index = new TermIndex();
    const mini = createIndex();
    for (const d of docs) {
      index.add(d.id, { ...(d.ru ? { ru: d.ru } : {}), ...(d.kk ? { kk: d.kk } : {}) });
      mini.add({
        id: d.id,
        ...(d.ru ? { ru: d.ru.join(" ") } : {}),
        ...(d.kk ? { kk: d.kk.join(" ") } : {}),
      });
    }
    expect(queries.length).toBeGreaterThan(100);
    for (const q of queries) compare(index, mini, q.lang, q.terms);
  });

  it("tells which documents hold a term, and forgets a discarded one", () => {
    const index = new TermIndex();
    index.add("a", { ru: ["~5g", "2022", "~launch"] });
    index.add("b", { kk: ["ауыл", "~village", "интернет"] });
    const hits = index.search(["~5g"], "ru", 12);
    expect(hits.count).toBe(1);
    expect(index.idOf(hits.docs[0] as number)).toBe("a");
    expect(index.contains(hits.docs[0] as number, "ru", "2022")).toBe(true);
    expect(index.contains(hits.docs[0] as number, "kk", "2022")).toBe(false);
    index.discard("a");
    expect(index.search(["~5g"], "ru", 12).count).toBe(0);
    index.add("a", { ru: ["~5g"] });
    expect(index.idOf(index.search(["~5g"], "ru", 12).docs[0] as number)).toBe("a");
  });
});
