import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { readSeeds } from "../../src/knowledge/ingest.js";
import { kazakhLetterShare, numbersIn } from "../../src/knowledge/text.js";

const SEEDS = new URL("../../seeds", import.meta.url).pathname;
const seeds = readSeeds(SEEDS);
const knowledge = loadKnowledge(SEEDS);
const flat = (s: string): string => s.replace(/\s+/g, " ");

describe("fact cards", () => {
  it("cover every seed document", () => {
    for (const d of seeds.documents)
      expect(
        seeds.cards.some((c) => c.doc === d.doc),
        d.doc,
      ).toBe(true);
  });

  it.each(seeds.cards.map((c) => [c.id, c] as const))("%s quotes its document", (_id, card) => {
    expect(flat(seeds.texts.get(card.doc) ?? "")).toContain(flat(card.quote));
  });

  it.each(seeds.cards.map((c) => [c.id, c] as const))(
    "%s: every number appears in the document it cites",
    (_id, card) => {
      const cited = new Set(numbersIn(seeds.texts.get(card.doc) ?? ""));
      expect(numbersIn(card.quote).every((n) => cited.has(n))).toBe(true);
      for (const lang of ["ru", "kk"] as const) {
        for (const n of numbersIn(card[lang])) expect(cited, `${lang}: ${n} in "${card[lang]}"`).toContain(n);
      }
    },
  );

  it.each(seeds.cards.map((c) => [c.id, c] as const))("%s is written in both languages", (_id, card) => {
    expect(kazakhLetterShare(card.kk)).toBeGreaterThanOrEqual(0.04);
    expect(kazakhLetterShare(card.ru)).toBeLessThanOrEqual(0.03);
    expect(kazakhLetterShare(card.q.kk)).toBeGreaterThanOrEqual(0.04);
  });

  it.each(seeds.cards.map((c) => [c.id, c] as const))(
    "%s: its sample questions are answered from its document",
    (_id, card) => {
      for (const lang of ["ru", "kk"] as const) {
        const reply = knowledge.ask(card.q[lang], { fallbackLang: lang });
        expect(reply.kind, `${lang}: ${card.q[lang]}`).toBe("answer");
        if (reply.kind !== "answer") continue;
        expect(reply.lang).toBe(lang);
        expect(reply.sources[0]?.doc).toBe(card.doc);
      }
    },
  );

  it("offers only related questions that are themselves answered, never the one just asked", () => {
    for (const card of seeds.cards) {
      for (const lang of ["ru", "kk"] as const) {
        const reply = knowledge.ask(card.q[lang], { fallbackLang: lang });
        if (reply.kind !== "answer") continue;
        expect(reply.related.length).toBeLessThanOrEqual(3);
        for (const q of reply.related) {
          expect(q).not.toBe(card.q[lang]);
          const again = knowledge.ask(q, { fallbackLang: lang });
          expect(again.kind, q).toBe("answer");
          expect(again.lang).toBe(lang);
        }
      }
    }
  });
});
