import { z } from "zod";
import { KK_STOPWORDS_FOLDED, stemKk, stemKkFolded } from "./analyzers/kk.js";
import { RU_STOPWORDS, stemRu } from "./analyzers/ru.js";
import { editDistance } from "./search-index.js";
import { foldKk, KAZAKH_LETTERS, type Lang, normalizeText, tokenize, words } from "./text.js";

/** seeds/lexicon.json: concept id -> the Russian and Kazakh words and phrases that express it. */
export const LexiconSchema = z.object({
  concepts: z.record(
    z.string().regex(/^[a-z0-9-]+$/),
    z.object({
      ru: z.array(z.string().min(1)),
      kk: z.array(z.string().min(1)),
      /**
       * A weak concept (the country's name) is in nearly every text: it may add a little to a
       * match but never decides one, and a question need not match it.
       */
      weak: z.boolean().optional(),
      /**
       * A named project, programme or organisation: a question that names it asks about it, so
       * an answer must name it too ("сколько рабочих мест создал Astana Hub" is not answered by
       * DigitEL's jobs).
       */
      entity: z.boolean().optional(),
      /**
       * What the texts never speak of (prices): a question that holds it is not answered, however
       * many of its other words match.
       */
      blocks: z.boolean().optional(),
      /** A unit of measure (currency, petabytes): after a number it is not what a text is about. */
      unit: z.boolean().optional(),
    }),
  ),
});
export type LexiconData = z.infer<typeof LexiconSchema>;

/** Prefix that marks a shared concept token; no word token can start with it. */
export const CONCEPT_PREFIX = "~";

interface Phrase {
  stems: string[];
  concept: string;
}

/** One content term of a question and the words it was read from. */
export interface QueryToken {
  term: string;
  /** The question's own word (or words, space-joined, for a phrase), normalised. */
  surface: string;
}

/** Turns text of one language into the terms the index stores and the question is matched on. */
export interface Analyzer {
  /** Content terms of the text: stems and shared concept tokens, in order (stopwords dropped). */
  analyze(text: string, lang: Lang): string[];
  /**
   * Like analyze, for a question: also returns each term's surface word, and a lexicon phrase
   * also matches when a word of it that the index does not know (`known` is false) is a typo
   * of the phrase's word ("искуственный интелект").
   */
  analyzeQuery(
    text: string,
    lang: Lang,
    known: (stem: string) => boolean,
    unfold?: (folded: string) => string | undefined,
  ): QueryToken[];
  /** Whether a term is a weak concept token (see LexiconSchema). */
  isWeak(term: string): boolean;
  /** Whether a term is a named entity's concept token (see LexiconSchema). */
  isEntity(term: string): boolean;
  /** Whether a term is a blocking concept token (see LexiconSchema). */
  blocks(term: string): boolean;
  /** Whether a term is a unit of measure's concept token (see LexiconSchema). */
  isUnit(term: string): boolean;
  /** One-word lexicon stems and their concept tokens, for typo correction ("гарод" -> город). */
  singleStems(lang: Lang): ReadonlyMap<string, string>;
}

const STEM_CACHE_MAX = 50_000;
type StemCache = Record<Lang, Map<string, string>>;

function cachedStem(token: string, lang: Lang, caches: StemCache): string {
  const cache = caches[lang];
  let s = cache.get(token);
  if (s === undefined) {
    s = lang === "ru" ? stemRu(token) : stemKk(token);
    if (cache.size >= STEM_CACHE_MAX) cache.clear();
    cache.set(token, s);
  }
  return s;
}

/** "%" is the word "процент" / "пайыз": "сколько процентов" finds "83%". */
const PERCENT: Record<Lang, string> = { ru: " процент ", kk: " пайыз " };

/** Stems already computed: the seeds and questions repeat words, and Snowball is the costly step. */
function stemTokens(text: string, lang: Lang, caches: StemCache, surfaces?: string[]): string[] {
  const stop = lang === "ru" ? RU_STOPWORDS : KK_STOPWORDS_FOLDED;
  const stem = (token: string): string => cachedStem(token, lang, caches);
  const out: string[] = [];
  const tokens = text.includes("%")
    ? tokenize(normalizeText(text).replace(/%/g, PERCENT[lang]))
    : words(text);
  for (const token of tokens) {
    if (stop.has(token)) continue;
    // an inflected question word is still a question word: "қаншаға" -> "қанша"
    const s = stem(token);
    if (!stop.has(s)) {
      out.push(s);
      surfaces?.push(token);
    }
  }
  return out;
}

/**
 * Whether a word of a text matches a word of a multi-word lexicon phrase. Stems of inflected
 * forms are cut differently ("паспорты" -> "паспор", "паспорттарымен" -> "паспорт"), so one
 * stem of 5 letters or more may begin the other, and Kazakh words also match when they share
 * all but their last two letters, five at least (a prefix match in the spirit of Can et al.
 * 2008, but not "оператор" / "операция"). Shorter words must be equal ("жақс" is not "жақсарт").
 */
export function phraseWordMatches(word: string, phraseWord: string, lang: Lang): boolean {
  if (word === phraseWord) return true;
  const wordShorter = word.length <= phraseWord.length;
  const short = wordShorter ? word : phraseWord;
  const long = wordShorter ? phraseWord : word;
  if (short.length < 5 || /\d/.test(short)) return false;
  if (long.startsWith(short)) return true;
  if (lang !== "kk") return false;
  // a voiced final restored differently ("денсаулығ" / "денсаулық"): all but the last two letters
  let common = 0;
  // char codes, not `short[i]`: a Cyrillic letter read as a string is a new string each time
  while (common < short.length && short.charCodeAt(common) === long.charCodeAt(common)) common++;
  return common >= Math.max(5, short.length - 2);
}

/** How many typos a phrase word may carry in a question: none below 5 letters, 2 from 8. */
const phraseTypos = (word: string): number => (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);

/** Bucket of a phrase by the start of its first word, for loose lookup. */
const phraseKey = (stem: string): string => stem.slice(0, 4);

const MIN_PREFIX = 6;

const NO_PHRASES: readonly Phrase[] = [];

/** The char code at i, -1 past the end (like `s[i]`, without a new string for a Cyrillic letter). */
const codeAt = (s: string, i: number): number => (i < s.length ? s.charCodeAt(i) : -1);

function prefixConcept(prefixes: Map<string, string>, stem: string): string | undefined {
  for (let k = stem.length - 1; k >= MIN_PREFIX; k--) {
    const concept = prefixes.get(stem.slice(0, k));
    if (concept) return concept;
  }
  return undefined;
}

/** Builds the analyzer: stemming per language, then longest-phrase mapping to concept tokens. */
export function createAnalyzer(data: LexiconData): Analyzer {
  const phrases: Record<Lang, Map<string, Phrase[]>> = { ru: new Map(), kk: new Map() };
  /** Long one-word terms also match longer stems they begin ("казахтелек" -> "казахтелеком"). */
  const prefixes: Record<Lang, Map<string, string>> = { ru: new Map(), kk: new Map() };
  const singles: Record<Lang, Map<string, string>> = { ru: new Map(), kk: new Map() };
  const seen = new Set<string>();
  const caches: StemCache = { ru: new Map(), kk: new Map() };
  const flagged = (flag: "weak" | "entity" | "blocks" | "unit"): Set<string> =>
    new Set(
      Object.entries(data.concepts)
        .filter(([, c]) => c[flag])
        .map(([id]) => CONCEPT_PREFIX + id),
    );
  const weak = flagged("weak");
  const entities = flagged("entity");
  const blocking = flagged("blocks");
  const units = flagged("unit");
  for (const [concept, terms] of Object.entries(data.concepts)) {
    for (const lang of ["ru", "kk"] as const) {
      for (const term of terms[lang]) {
        const stems = stemTokens(term, lang, caches);
        const first = stems[0];
        if (first === undefined)
          throw new Error(`knowledge: lexicon term "${term}" (${concept}) is only stopwords`);
        // Kazakh typed on a Russian keyboard ("сауаттылык", "кенжолакты") matches the folded form
        const variants = lang === "kk" ? [stems, stems.map(foldKk)] : [stems];
        for (const v of variants) {
          const head = v[0] as string;
          if (v.length === 1 && !singles[lang].has(head)) singles[lang].set(head, CONCEPT_PREFIX + concept);
          if (v.length === 1 && head.length >= MIN_PREFIX && !prefixes[lang].has(head)) {
            prefixes[lang].set(head, CONCEPT_PREFIX + concept);
          }
          const key = v.join(" ");
          if (seen.has(`${lang} ${key}`)) continue;
          seen.add(`${lang} ${key}`);
          const list = phrases[lang].get(head) ?? [];
          list.push({ stems: v, concept: CONCEPT_PREFIX + concept });
          phrases[lang].set(head, list);
        }
      }
    }
  }
  // longest phrase first: "ауылдық елді мекен" before "ауылдық"
  for (const lang of ["ru", "kk"] as const) {
    for (const list of phrases[lang].values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }
  /** Multi-word phrases by the start of their first word (loose matching), longest first. */
  const loose: Record<Lang, Map<string, Phrase[]>> = { ru: new Map(), kk: new Map() };
  const multi: Record<Lang, Phrase[]> = { ru: [], kk: [] };
  for (const lang of ["ru", "kk"] as const) {
    for (const list of phrases[lang].values()) {
      for (const p of list) {
        if (p.stems.length < 2) continue;
        multi[lang].push(p);
        const key = phraseKey(p.stems[0] as string);
        const bucket = loose[lang].get(key) ?? [];
        bucket.push(p);
        loose[lang].set(key, bucket);
      }
    }
    for (const list of loose[lang].values()) list.sort((a, b) => b.stems.length - a.stems.length);
    multi[lang].sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Whether the phrase's stems are exactly the text's stems from position i on. */
  const exactAt = (p: Phrase, stems: readonly string[], i: number): boolean => {
    for (let k = 0; k < p.stems.length; k++) if (stems[i + k] !== p.stems[k]) return false;
    return true;
  };
  /**
   * Whether the phrase matches loosely at position i; with `typos`, a word the index does not
   * know (`known` false) may also be a typo of the phrase's word.
   */
  const fitsAt = (
    p: Phrase,
    stems: readonly string[],
    i: number,
    lang: Lang,
    typos: boolean,
    known: ((stem: string) => boolean) | undefined,
  ): boolean => {
    if (i + p.stems.length > stems.length) return false;
    for (let k = 0; k < p.stems.length; k++) {
      const s = p.stems[k] as string;
      const w = stems[i + k] as string;
      if (phraseWordMatches(w, s, lang)) continue;
      if (!typos || known?.(w)) return false;
      const max = phraseTypos(s);
      if (!(max > 0 && editDistance(w, s, max + 1) <= max)) return false;
    }
    return true;
  };

  /** The longest phrase at position i: exact first, then loose, then (questions) with typos. */
  const phraseAt = (
    stems: readonly string[],
    i: number,
    lang: Lang,
    known?: (stem: string) => boolean,
  ): Phrase | undefined => {
    const stem = stems[i] as string;
    let exact: Phrase | undefined;
    for (const p of phrases[lang].get(stem) ?? NO_PHRASES) {
      if (exactAt(p, stems, i)) {
        exact = p;
        break;
      }
    }
    let found: Phrase | undefined;
    for (const p of loose[lang].get(phraseKey(stem)) ?? NO_PHRASES) {
      if (fitsAt(p, stems, i, lang, false, known)) {
        found = p;
        break;
      }
    }
    const next = stems[i + 1];
    if (!found && known && (!known(stem) || (next !== undefined && !known(next)))) {
      for (const p of multi[lang]) {
        // cheap filter first: a typo seldom changes the length by more than two or both first letters
        const head = p.stems[0] as string;
        if (Math.abs(head.length - stem.length) > 2) continue;
        if (codeAt(head, 0) !== codeAt(stem, 0) && codeAt(head, 1) !== codeAt(stem, 1)) continue;
        if (fitsAt(p, stems, i, lang, true, known)) {
          found = p;
          break;
        }
      }
    }
    if (exact && (!found || found.stems.length <= exact.stems.length)) return exact;
    return found ?? exact;
  };

  const run = (
    text: string,
    lang: Lang,
    known?: (stem: string) => boolean,
    unfold?: (folded: string) => string | undefined,
  ): QueryToken[] => {
    const surfaces: string[] = [];
    const stems = stemTokens(text, lang, caches, surfaces);
    if (lang === "kk" && known && unfold) {
      // Kazakh typed without Kazakh letters: stem with the folded suffixes ("ауылдык" -> "ауыл")
      // and take the text's stem that folds to it ("кенжолак" -> "кеңжолақ")
      stems.forEach((s, i) => {
        const surface = surfaces[i] as string;
        if (known(s) || KAZAKH_LETTERS.test(surface)) return;
        const real = unfold(stemKkFolded(surface));
        if (real !== undefined) stems[i] = real;
      });
    }
    const out: QueryToken[] = [];
    for (let i = 0; i < stems.length; ) {
      const stem = stems[i] as string;
      const match = phraseAt(stems, i, lang, known);
      if (match) {
        out.push({ term: match.concept, surface: surfaces.slice(i, i + match.stems.length).join(" ") });
        i += match.stems.length;
      } else {
        out.push({ term: prefixConcept(prefixes[lang], stem) ?? stem, surface: surfaces[i] as string });
        i++;
      }
    }
    return out;
  };

  return {
    isWeak: (term) => weak.has(term),
    isEntity: (term) => entities.has(term),
    blocks: (term) => blocking.has(term),
    isUnit: (term) => units.has(term),
    singleStems: (lang) => singles[lang],
    analyze: (text, lang) => run(text, lang).map((t) => t.term),
    analyzeQuery: (text, lang, known, unfold) => run(text, lang, known, unfold),
  };
}
