import { z } from "zod";
import { KK_STOPWORDS, stemKk } from "./analyzers/kk.js";
import { RU_STOPWORDS, stemRu } from "./analyzers/ru.js";
import { foldKk, type Lang, normalizeText, tokenize } from "./text.js";

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

/** Turns text of one language into the terms the index stores and the question is matched on. */
export interface Analyzer {
  /** Content terms of the text: stems and shared concept tokens, in order (stopwords dropped). */
  analyze(text: string, lang: Lang): string[];
  /** Whether a term is a weak concept token (see LexiconSchema). */
  isWeak(term: string): boolean;
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

/** Stems already computed: the seeds and questions repeat words, and Snowball is the costly step. */
function stemTokens(text: string, lang: Lang, caches: StemCache): string[] {
  const stop = lang === "ru" ? RU_STOPWORDS : KK_STOPWORDS;
  const stem = (token: string): string => cachedStem(token, lang, caches);
  const out: string[] = [];
  for (const token of tokenize(normalizeText(text))) {
    if (stop.has(token)) continue;
    // an inflected question word is still a question word: "қаншаға" -> "қанша"
    const s = stem(token);
    if (!stop.has(s)) out.push(s);
  }
  return out;
}

const MIN_PREFIX = 6;

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
  const weak = new Set(
    Object.entries(data.concepts)
      .filter(([, c]) => c.weak)
      .map(([id]) => CONCEPT_PREFIX + id),
  );
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
  return {
    isWeak: (term) => weak.has(term),
    singleStems: (lang) => singles[lang],
    analyze(text, lang) {
      const stems = stemTokens(text, lang, caches);
      const out: string[] = [];
      for (let i = 0; i < stems.length; ) {
        const stem = stems[i] as string;
        const match = phrases[lang].get(stem)?.find((p) => p.stems.every((s, k) => stems[i + k] === s));
        if (match) {
          out.push(match.concept);
          i += match.stems.length;
        } else {
          out.push(prefixConcept(prefixes[lang], stem) ?? stem);
          i++;
        }
      }
      return out;
    },
  };
}
