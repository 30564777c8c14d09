/**
 * MiniSearch behind a small adapter: passages are indexed as analysed terms (stems, dictionary
 * keys, anchors) in two fields, the sentence and its context; a search returns passage ids,
 * best first. Ranking and abstention happen elsewhere (rank.ts): BM25 only picks candidates.
 */
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";

interface IndexedPassage {
  id: string;
  text: string;
  context: string;
}

const splitTerms = (text: string): string[] => text.split(" ").filter((t) => t !== "");
const identity = (term: string): string => term;

/** Shared by building and loading (`MiniSearch.loadJSON(json, INDEX_OPTIONS)`). */
export const INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: "id",
  fields: ["text", "context"],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: identity,
  searchOptions: {
    tokenize: splitTerms,
    processTerm: identity,
    combineWith: "OR",
    prefix: false,
    fuzzy: false,
  },
};

export class PassageIndex {
  private readonly search_: MiniSearch<IndexedPassage>;

  /** `saved`: an index as `toJS()` gave it (a snapshot), else an empty one. */
  constructor(saved?: AsPlainObject) {
    this.search_ = saved ? MiniSearch.loadJS(saved, INDEX_OPTIONS) : new MiniSearch(INDEX_OPTIONS);
  }

  /** The index as plain data, for a snapshot. */
  toJS(): AsPlainObject {
    return this.search_.toJSON();
  }

  add(id: string, text: Iterable<string>, context: Iterable<string>): void {
    this.search_.add({ id, text: [...text].join(" "), context: [...context].join(" ") });
  }

  remove(id: string): void {
    this.search_.discard(id);
  }

  /** Ids of the `limit` best passages for the terms. */
  search(terms: readonly string[], limit: number, boost: { text: number; context: number }): string[] {
    if (terms.length === 0) return [];
    const results = this.search_.search(terms.join(" "), { boost });
    const out: string[] = [];
    for (let i = 0; i < results.length && i < limit; i++) out.push(String((results[i] as { id: string }).id));
    return out;
  }
}

// rows reused across calls: typo correction compares one word with many terms per question
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  if (rows[0].length <= b.length) {
    const n = 2 * (b.length + 1);
    rows = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  }
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return Math.min(prev[b.length] as number, limit);
}
