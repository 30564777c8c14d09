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
 * The MiniSearch configuration of the knowledge base's index, shared by building and loading
 * (`MiniSearch.loadJSON(json, INDEX_OPTIONS)` loads a serialised one). Analysis
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

/**
 * The best documents of one search, best first, valid until the next search of the same index
 * (the buffers are reused).
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
 * The knowledge base's view of its MiniSearch index: documents are added as analysed terms per
 * language field, searched one field at a time, and the best hits come back as document numbers
 * in reused buffers, so that the answer code can look terms up per document without MiniSearch's
 * match maps.
 */
export class TermIndex {
  private readonly search_ = createIndex();
  private readonly terms: Partial<Record<Lang, ReadonlySet<string>>>[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly hits: Hits = { count: 0, docs: new Int32Array(0), scores: new Float64Array(0) };

  /** Adds a document: its analysed terms per language field (a field absent is not indexed). */
  add(id: string, fields: Partial<Record<Lang, readonly string[]>>): void {
    if (this.numbers.has(id)) throw new Error(`knowledge: duplicate index id ${id}`);
    this.numbers.set(id, this.ids.length);
    this.ids.push(id);
    const doc: IndexedDoc = { id };
    const terms: Partial<Record<Lang, ReadonlySet<string>>> = {};
    for (const lang of FIELDS) {
      const field = fields[lang];
      if (field === undefined) continue;
      doc[lang] = field.join(" ");
      terms[lang] = new Set(field);
    }
    this.terms.push(terms);
    this.search_.add(doc);
  }

  /** Removes a document. */
  discard(id: string): void {
    const doc = this.numbers.get(id);
    if (doc === undefined) throw new Error(`knowledge: cannot discard ${id}: it is not in the index`);
    this.search_.discard(id);
    this.numbers.delete(id);
    this.ids[doc] = undefined;
    this.terms[doc] = {};
  }

  /** The id a document was added with. */
  idOf(doc: number): string | undefined {
    return this.ids[doc];
  }

  /** Whether the document's field holds the term. */
  contains(doc: number, lang: Lang, term: string): boolean {
    return this.terms[doc]?.[lang]?.has(term) ?? false;
  }

  /**
   * The `limit` best documents for the query terms (the first `count` of `terms`) in one field,
   * as MiniSearch ranks them. The returned buffers are overwritten by the next search.
   */
  search(terms: readonly string[], lang: Lang, limit: number, count = terms.length): Hits {
    const query = terms
      .slice(0, count)
      .filter((term) => term !== "")
      .join(" ");
    const results = query === "" ? [] : this.search_.search(query, { fields: [lang] });
    const hits = this.hits;
    if (hits.docs.length < limit) {
      hits.docs = new Int32Array(limit);
      hits.scores = new Float64Array(limit);
    }
    hits.count = Math.min(limit, results.length);
    for (let i = 0; i < hits.count; i++) {
      const result = results[i] as { id: string; score: number };
      hits.docs[i] = this.numbers.get(result.id) as number;
      hits.scores[i] = result.score;
    }
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
