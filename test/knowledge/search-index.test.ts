/** The passage index ranks as MiniSearch's own search does: same passages, same order, after changes too. */
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { INDEX_OPTIONS, PassageIndex } from "../../src/knowledge/search-index.js";

const WORDS = ["сел", "оптик", "интернет", "~связь", "@almaty", "2021", "ауыл", "байланыс", "5g", "цон"];

/** A small pseudo-random corpus: each passage a few words in its sentence and more in its context. */
function passages(count: number): { id: string; text: string[]; context: string[] }[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const some = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] ?? "");
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    text: [...new Set(some(1 + Math.floor(next() * 4)))],
    context: [...new Set(some(Math.floor(next() * 6)))],
  }));
}

const QUERIES = [
  ["сел"],
  ["сел", "оптик"],
  ["интернет", "~связь", "интернет"],
  ["5g", "цон", "2021", "ауыл"],
  ["нет"],
];
const BOOST = { text: 1, context: 0.4 };

function expectSameAsMiniSearch(index: PassageIndex, plain: MiniSearch): void {
  for (const terms of QUERIES)
    for (const limit of [1, 3, 20]) {
      const expected = plain
        .search(terms.join(" "), { boost: BOOST })
        .slice(0, limit)
        .map((r) => String(r.id));
      expect(index.search(terms, limit, BOOST)).toEqual(expected);
    }
}

describe("PassageIndex.search", () => {
  it("returns MiniSearch's best passages in its order", () => {
    const index = new PassageIndex();
    const plain = new MiniSearch(INDEX_OPTIONS);
    for (const p of passages(40)) {
      index.add(p.id, p.text, p.context);
      plain.add({ id: p.id, text: p.text.join(" "), context: p.context.join(" ") });
    }
    expectSameAsMiniSearch(index, plain);
  });

  it("follows passages removed and added after a search, and a restored snapshot", async () => {
    const index = new PassageIndex();
    const plain = new MiniSearch(INDEX_OPTIONS);
    const all = passages(30);
    for (const p of all) {
      index.add(p.id, p.text, p.context);
      plain.add({ id: p.id, text: p.text.join(" "), context: p.context.join(" ") });
    }
    index.search(["сел"], 20, BOOST);
    for (const p of all.slice(0, 10)) {
      index.remove(p.id);
      plain.discard(p.id);
    }
    await plain.vacuum();
    for (const p of passages(35).slice(30)) {
      index.add(p.id, p.text, p.context);
      plain.add({ id: p.id, text: p.text.join(" "), context: p.context.join(" ") });
    }
    expectSameAsMiniSearch(index, plain);
    expectSameAsMiniSearch(new PassageIndex(index.toJS()), plain);
  });
});
