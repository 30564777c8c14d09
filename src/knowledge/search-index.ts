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
  /** MiniSearch's scores per term, derived once per change of the index (dropped by add and remove). */
  private scores: TermScores | undefined;

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
    this.scores = undefined;
  }

  remove(id: string): void {
    this.search_.discard(id);
    this.scores = undefined;
  }

  /**
   * Ids of the `limit` best passages for the terms: MiniSearch's own ranking (`search` with
   * combineWith OR, no prefix or fuzzy), computed from its scores per term, derived once.
   */
  search(terms: readonly string[], limit: number, boost: { text: number; context: number }): string[] {
    if (terms.length === 0) return [];
    this.scores ??= new TermScores(this.search_.toJSON());
    // MiniSearch splits its query at spaces: only a term holding one (none does) is split
    const tokens = terms.some((t) => t === "" || t.includes(" ")) ? splitTerms(terms.join(" ")) : terms;
    return this.scores.best(tokens, limit, boost);
  }
}

/** MiniSearch's default BM25 parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch's BM25 score of a term in one field of a passage, its expression as it is. */
function bm25(
  termFreq: number,
  matching: number,
  total: number,
  fieldLength: number,
  average: number,
): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average)));
}

/**
 * MiniSearch's search, same scores and order, without its cost per query: a search visits every
 * passage holding a term in either field and allocates a result object for each, a term's BM25
 * in a passage changes only with the index, so it is computed once per change of the index. Per
 * term, the passages holding it in MiniSearch's order (in the text, then only in the context,
 * each by ascending short id, as its maps keep them) with their BM25 in each field (0: not there).
 */
class TermScores {
  /** Passage id by MiniSearch's short id (undefined: discarded). */
  private readonly ids: (string | undefined)[] = [];
  /** Each term's postings: `from[n]` to `from[n + 1]` of `docs`, `text`, `context`. */
  private readonly terms = new Map<string, number>();
  private readonly from: number[] = [0];
  private readonly docs: number[] = [];
  private readonly text: number[] = [];
  private readonly context: number[] = [];
  // per search, reused: each passage's score and matched terms, the search that touched it last
  private readonly score: Float64Array;
  private readonly quality: Int32Array;
  private readonly touched: Int32Array;
  private readonly order: Int32Array;
  private stamp = 0;

  constructor(saved: AsPlainObject) {
    for (const [shortId, id] of Object.entries(saved.documentIds)) this.ids[Number(shortId)] = String(id);
    const textId = saved.fieldIds.text ?? 0;
    const contextId = saved.fieldIds.context ?? 1;
    const isLive = (doc: string): boolean => this.ids[Number(doc)] !== undefined;
    // a field's BM25 per passage holding the term there (its keys ascend, as MiniSearch's maps do)
    const scorer = (freqs: Record<string, number> | undefined, field: number) => {
      let matching = 0;
      for (const doc in freqs) if (isLive(doc)) matching++;
      const average = saved.averageFieldLength[field] ?? 0;
      return (doc: string): number => {
        const freq = freqs?.[doc];
        if (freq === undefined || !isLive(doc)) return 0;
        const length = saved.fieldLength[doc]?.[field] ?? 0;
        return bm25(freq, matching, saved.documentCount, length, average);
      };
    };
    for (const [term, data] of saved.index as [string, Record<string, Record<string, number>>][]) {
      const text = data[textId];
      const context = data[contextId];
      const inText = scorer(text, textId);
      const inContext = scorer(context, contextId);
      for (const doc in text) if (isLive(doc)) this.push(Number(doc), inText(doc), inContext(doc));
      for (const doc in context)
        if (isLive(doc) && text?.[doc] === undefined) this.push(Number(doc), 0, inContext(doc));
      this.terms.set(term, this.from.length - 1);
      this.from.push(this.docs.length);
    }
    const n = this.ids.length;
    this.score = new Float64Array(n);
    this.quality = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.order = new Int32Array(n);
  }

  private push(doc: number, text: number, context: number): void {
    this.docs.push(doc);
    this.text.push(text);
    this.context.push(context);
  }

  /**
   * The `limit` best passage ids for the query's tokens, as MiniSearch orders them: the sum of
   * the terms' scores (a field's score times its boost) times the number of distinct terms
   * matched, best first, ties in the order the passages were first matched.
   */
  best(tokens: readonly string[], limit: number, boost: { text: number; context: number }): string[] {
    const textBoost = boost.text || 1;
    const contextBoost = boost.context || 1;
    const stamp = ++this.stamp;
    let count = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const n = this.terms.get(token);
      if (n === undefined) continue;
      const repeated = tokens.indexOf(token) < i;
      for (let k = this.from[n] as number; k < (this.from[n + 1] as number); k++) {
        const doc = this.docs[k] as number;
        const s = textBoost * (this.text[k] as number) + contextBoost * (this.context[k] as number);
        if (this.touched[doc] !== stamp) {
          this.touched[doc] = stamp;
          this.score[doc] = s;
          this.quality[doc] = 1;
          this.order[count++] = doc;
        } else {
          this.score[doc] = (this.score[doc] as number) + s;
          if (!repeated) this.quality[doc] = (this.quality[doc] as number) + 1;
        }
      }
    }
    return this.top(count, limit).map((doc) => this.ids[doc] as string);
  }

  /** The `limit` best of the passages matched, by final score, ties in the order first matched. */
  private top(count: number, limit: number): number[] {
    const top: number[] = [];
    const finals: number[] = [];
    for (let i = 0; i < count; i++) {
      const doc = this.order[i] as number;
      const final = (this.score[doc] as number) * (this.quality[doc] as number);
      if (top.length === limit && !(final > (finals[limit - 1] as number))) continue;
      let j = Math.min(top.length, limit - 1);
      while (j > 0 && (finals[j - 1] as number) < final) {
        top[j] = top[j - 1] as number;
        finals[j] = finals[j - 1] as number;
        j--;
      }
      top[j] = doc;
      finals[j] = final;
    }
    return top;
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
