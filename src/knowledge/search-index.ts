import MiniSearch, { type Options } from "minisearch";
import { foldKk, type Lang } from "./text.js";

/** What MiniSearch indexes: per-language fields holding terms already analysed by our analyzers. */
export interface IndexedDoc {
  id: string;
  ru?: string;
  kk?: string;
}

const KAZAKH_ONLY = /[әғқңөұүһі]/u;

/** How much more an unknown question word weighs than the rarest known one. */
export const UNKNOWN_WEIGHT = 1.5;

const splitTerms = (text: string): string[] => text.split(" ").filter((t) => t !== "");
const identity = (term: string): string => term;

/**
 * The MiniSearch configuration the knowledge base ranks by, for a MiniSearch index of the same
 * documents (`MiniSearch.loadJSON(json, INDEX_OPTIONS)` loads a serialised one). The knowledge
 * base itself searches a `TermIndex`, which ranks exactly as MiniSearch with these options
 * (checked in `test/knowledge/term-index.test.ts`) without building result objects. Analysis
 * (stemming, stopwords, concepts) runs before indexing, because search-time `processTerm` does
 * not get the field name; each language therefore has its own field and a question searches its own.
 */
export const INDEX_OPTIONS: Options<IndexedDoc> = {
  idField: "id",
  fields: ["ru", "kk"],
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

/** Creates an empty index with INDEX_OPTIONS. */
export function createIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>(INDEX_OPTIONS);
}

/** BM25+ parameters, MiniSearch's defaults. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** MiniSearch's BM25+ term score, written out term by term so that the sums are the same. */
function bm25(
  termFreq: number,
  matching: number,
  total: number,
  fieldLength: number,
  avgLength: number,
): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgLength)));
}

/**
 * The best documents of one search, best first, valid until the next search of the same index
 * (buffers are reused: a question allocates nothing here).
 */
export interface Hits {
  /** How many hits `docs` and `scores` hold. */
  count: number;
  /** Internal document numbers (`TermIndex.idOf`, `TermIndex.contains`). */
  docs: Int32Array;
  /** MiniSearch scores: the BM25+ sum times the number of query terms the document matches. */
  scores: Float64Array;
}

/**
 * An inverted index with per-language fields that ranks exactly as MiniSearch does with
 * INDEX_OPTIONS (OR of exact terms, BM25+ with MiniSearch's defaults, field lengths counted in
 * distinct terms, MiniSearch's running average of field lengths, ties in insertion order), but
 * returns only the top hits in reused buffers instead of a result object with match maps for
 * every matching document. `test/knowledge/term-index.test.ts` checks it against MiniSearch.
 */
export class TermIndex {
  private readonly postings: Record<Lang, Map<string, Map<number, number>>> = {
    ru: new Map(),
    kk: new Map(),
  };
  /** Distinct terms per field of each document (undefined: the document has no such field). */
  private readonly lengths: Partial<Record<Lang, number>>[] = [];
  private readonly avgLength: Record<Lang, number> = { ru: 0, kk: 0 };
  private readonly ids: (string | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private documents = 0;
  private scores = new Float64Array(256);
  private quality = new Int32Array(256);
  private touched = new Int32Array(256);
  private readonly hits: Hits = { count: 0, docs: new Int32Array(0), scores: new Float64Array(0) };

  /** Adds a document: its analysed terms per language field (a field absent is not indexed). */
  add(id: string, fields: Partial<Record<Lang, readonly string[]>>): void {
    if (this.numbers.has(id)) throw new Error(`knowledge: duplicate index id ${id}`);
    const doc = this.ids.length;
    this.ids.push(id);
    this.numbers.set(id, doc);
    this.documents++;
    const lengths: Partial<Record<Lang, number>> = {};
    for (const lang of FIELDS) {
      const terms = fields[lang];
      if (terms === undefined) continue;
      const length = new Set(terms).size;
      lengths[lang] = length;
      // MiniSearch's running average: over the document count, not the count of this field
      const count = this.documents - 1;
      this.avgLength[lang] = (this.avgLength[lang] * count + length) / (count + 1);
      const postings = this.postings[lang];
      for (const term of terms) {
        let freqs = postings.get(term);
        if (freqs === undefined) {
          freqs = new Map();
          postings.set(term, freqs);
        }
        freqs.set(doc, (freqs.get(doc) ?? 0) + 1);
      }
    }
    this.lengths.push(lengths);
  }

  /** Removes a document (as MiniSearch's discard, without leaving stale entries). */
  discard(id: string): void {
    const doc = this.numbers.get(id);
    if (doc === undefined) throw new Error(`knowledge: cannot discard ${id}: it is not in the index`);
    this.numbers.delete(id);
    this.ids[doc] = undefined;
    const lengths = this.lengths[doc] ?? {};
    for (const lang of FIELDS) {
      const length = lengths[lang];
      if (length === undefined) continue;
      const count = this.documents;
      this.avgLength[lang] = count === 1 ? 0 : (this.avgLength[lang] * count - length) / (count - 1);
      const postings = this.postings[lang];
      for (const [term, freqs] of postings) {
        if (freqs.delete(doc) && freqs.size === 0) postings.delete(term);
      }
    }
    this.lengths[doc] = {};
    this.documents--;
  }

  /** The id a document was added with. */
  idOf(doc: number): string | undefined {
    return this.ids[doc];
  }

  /** Whether the document's field holds the term. */
  contains(doc: number, lang: Lang, term: string): boolean {
    return this.postings[lang].get(term)?.has(doc) ?? false;
  }

  /**
   * The `limit` best documents for the query terms (the first `count` of `terms`) in one field,
   * in MiniSearch's order and with its scores. The returned buffers are overwritten by the next
   * search.
   */
  search(terms: readonly string[], lang: Lang, limit: number, count = terms.length): Hits {
    if (this.scores.length < this.ids.length) {
      const n = 2 * this.ids.length;
      this.scores = new Float64Array(n);
      this.quality = new Int32Array(n);
      this.touched = new Int32Array(n);
    }
    const { scores, quality, touched } = this;
    const postings = this.postings[lang];
    const avg = this.avgLength[lang];
    let touchedCount = 0;
    for (let j = 0; j < count; j++) {
      const term = terms[j] as string;
      if (term === "") continue;
      const freqs = postings.get(term);
      if (freqs === undefined) continue;
      // a term repeated in the query adds to the score again but counts once in the quality
      let repeated = false;
      for (let i = 0; i < j; i++) if (terms[i] === term) repeated = true;
      const matching = freqs.size;
      for (const doc of freqs.keys()) {
        const termFreq = freqs.get(doc) as number;
        const score = bm25(termFreq, matching, this.documents, this.lengths[doc]?.[lang] ?? 0, avg);
        if (quality[doc] === 0) {
          touched[touchedCount++] = doc;
          scores[doc] = score;
        } else scores[doc] = (scores[doc] as number) + score;
        if (!repeated) quality[doc] = (quality[doc] as number) + 1;
      }
    }
    const hits = this.hits;
    if (hits.docs.length < limit) {
      hits.docs = new Int32Array(limit);
      hits.scores = new Float64Array(limit);
    }
    // the best `limit` in a stable sort by score: a later document passes only a lower score
    let found = 0;
    for (let t = 0; t < touchedCount; t++) {
      const doc = touched[t] as number;
      const score = (scores[doc] as number) * (quality[doc] as number);
      quality[doc] = 0;
      let at = found;
      while (at > 0 && (hits.scores[at - 1] as number) < score) at--;
      if (at >= limit) continue;
      for (let m = Math.min(found, limit - 1); m > at; m--) {
        hits.docs[m] = hits.docs[m - 1] as number;
        hits.scores[m] = hits.scores[m - 1] as number;
      }
      hits.docs[at] = doc;
      hits.scores[at] = score;
      if (found < limit) found++;
    }
    hits.count = found;
    return hits;
  }
}

const FIELDS: readonly Lang[] = ["ru", "kk"];

/** Document frequency of terms per language field, kept alongside the index for IDF weights. */
export class TermStats {
  private readonly df: Record<Lang, Map<string, number>> = { ru: new Map(), kk: new Map() };
  private readonly docs: Record<Lang, number> = { ru: 0, kk: 0 };
  private readonly byLength: Record<Lang, Map<number, string[]>> = { ru: new Map(), kk: new Map() };
  /** Kazakh terms by their folded spelling ("канша" -> "қанша"), for text typed without Kazakh letters. */
  private readonly folded = new Map<string, string>();

  /** Counts the distinct terms of one document's field. */
  add(lang: Lang, terms: readonly string[]): void {
    this.docs[lang]++;
    for (const term of new Set(terms)) {
      const n = this.df[lang].get(term) ?? 0;
      if (n === 0) {
        if (lang === "kk" && !term.startsWith("~")) {
          const f = foldKk(term);
          if (!this.folded.has(f)) this.folded.set(f, term);
        }
        const list = this.byLength[lang].get(term.length) ?? [];
        list.push(term);
        this.byLength[lang].set(term.length, list);
      }
      this.df[lang].set(term, n + 1);
    }
  }

  /** Removes one document's field terms (inverse of add). */
  remove(lang: Lang, terms: readonly string[]): void {
    this.docs[lang]--;
    for (const term of new Set(terms)) {
      const n = (this.df[lang].get(term) ?? 1) - 1;
      if (n > 0) this.df[lang].set(term, n);
      else {
        this.df[lang].delete(term);
        const list = this.byLength[lang].get(term.length);
        if (list) list.splice(list.indexOf(term), 1);
      }
    }
  }

  /** The Kazakh term of the texts that folds to this spelling ("кенжолак" -> "кеңжолақ"), if any. */
  unfold(folded: string): string | undefined {
    return this.folded.get(folded);
  }

  /** Whether the term occurs in any document of that language. */
  has(lang: Lang, term: string): boolean {
    return this.df[lang].has(term);
  }

  /**
   * BM25 inverse document frequency. A term no text contains weighs UNKNOWN_WEIGHT times a term
   * seen once: it is what the question is about and nothing here speaks of it.
   */
  idf(lang: Lang, term: string): number {
    const n = this.docs[lang];
    const seen = this.df[lang].get(term) ?? 0;
    const df = Math.max(1, seen);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (seen === 0 ? UNKNOWN_WEIGHT : 1);
  }

  /**
   * The closest known term for an unknown one: within a small edit distance (typos), else the
   * shortest known term that extends it or that it extends by a few letters (stems cut
   * differently: "производ" / "производств"). Undefined when nothing is close.
   */
  correct(lang: Lang, term: string): string | undefined {
    return this.nearest(lang, term) ?? this.extended(lang, term);
  }

  /** The known term within a small edit distance of an unknown one (typos), if any. */
  nearest(lang: Lang, term: string): string | undefined {
    if (term.length < 5 || /\d/.test(term)) return undefined;
    // two edits only in long words: "превышен" is not a typo of "повышен"
    const max = term.length >= 10 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    let bestDf = 0;
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const candidate of this.byLength[lang].get(len) ?? []) {
        if (candidate.startsWith("~")) continue;
        const d = editDistance(term, candidate, max + 1);
        if (d > max) continue;
        const df = this.df[lang].get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && df > bestDf)) {
          best = candidate;
          bestDistance = d;
          bestDf = df;
        }
      }
    }
    return best;
  }

  /** A known stem cut differently from an unknown one: one extends the other by a few letters. */
  private extended(lang: Lang, term: string): string | undefined {
    if (term.length < 5 || /\d/.test(term)) return undefined;
    if (lang === "kk" && !KAZAKH_ONLY.test(term)) {
      // typed without Kazakh letters: the longest known stem that folds to a prefix of it
      for (let len = term.length; len >= 4; len--) {
        const found = this.folded.get(term.slice(0, len));
        if (found !== undefined && this.df.kk.has(found)) return found;
      }
    }
    for (let len = term.length + 1; len <= term.length + 4; len++) {
      const found = this.byLength[lang].get(len)?.find((c) => c.startsWith(term));
      if (found) return found;
    }
    for (let len = term.length - 1; len >= Math.max(5, term.length - 3); len--) {
      const found = this.byLength[lang].get(len)?.find((c) => term.startsWith(c));
      if (found) return found;
    }
    return undefined;
  }
}

// rows reused across calls: typo correction compares one word with hundreds of terms per question
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
    // rotate without a temporary array: this runs once per row of hundreds of comparisons
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return Math.min(prev[b.length] as number, limit);
}
