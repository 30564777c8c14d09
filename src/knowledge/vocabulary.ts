/**
 * What the indexed texts know: how many passages hold each term (for weights), the stems of each
 * language (for typo and keyboard corrections) and which stems are names (always capitalised
 * inside a sentence: people, bodies, programmes).
 */

import { PART, sameFamily } from "./analyze.js";
import { stemKkFolded } from "./analyzers/kk.js";
import { latinToCyrillic } from "./latin.js";
import { editDistance } from "./search-index.js";
import { foldKk } from "./text.js";
import type { Language } from "./types.js";

/** A passage's distinct terms, a phrase's words counted as words. */
const counted = (terms: Iterable<string>): Set<string> =>
  new Set([...terms].map((t) => (t.startsWith(PART) ? t.slice(PART.length) : t)));

export class Vocabulary {
  private readonly df = new Map<string, number>();
  private passages = 0;
  private readonly stems: Record<Language, Map<string, number>> = { ru: new Map(), kk: new Map() };
  /** The stems of each language by their first three letters (a word family shares them). */
  private readonly byHead: Record<Language, Map<string, string[]>> = { ru: new Map(), kk: new Map() };
  /** The stems of each language by length (typo and family searches look at a few lengths only). */
  private readonly byLength: Record<Language, Map<number, string[]>> = { ru: new Map(), kk: new Map() };
  private readonly folded = new Map<string, string>();
  private readonly casing = new Map<string, { upper: number; lower: number }>();
  /** Latin words of the texts by their Cyrillic spelling ("дигител" -> "digitel", "смарт" -> "smart"). */
  private readonly latin = new Map<string, string>();

  /** Counts one passage's terms (sentence and context together). */
  addPassage(terms: Iterable<string>): void {
    this.passages++;
    this.corrections.clear();
    for (const t of counted(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  removePassage(terms: Iterable<string>): void {
    this.passages--;
    this.corrections.clear();
    for (const t of counted(terms)) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  /** Notes a stem of a language seen in a text, and whether it was written capitalised mid-sentence. */
  addStem(lang: Language, stem: string, capitalised: boolean | undefined): void {
    const m = this.stems[lang];
    const seen = m.get(stem) ?? 0;
    m.set(stem, seen + 1);
    if (seen === 0) {
      const list = this.byLength[lang].get(stem.length) ?? [];
      list.push(stem);
      this.byLength[lang].set(stem.length, list);
      const head = stem.slice(0, 3);
      const family = this.byHead[lang].get(head) ?? [];
      family.push(stem);
      this.byHead[lang].set(head, family);
    }
    if (/^[a-z]{3,}$/.test(stem))
      for (const cyrillic of cyrillicSpellings(stem)) this.latin.set(cyrillic, stem);
    if (lang === "kk" && !this.folded.has(foldKk(stem))) this.folded.set(foldKk(stem), stem);
    if (capitalised === undefined) return;
    const c = this.casing.get(stem) ?? { upper: 0, lower: 0 };
    if (capitalised) c.upper++;
    else c.lower++;
    this.casing.set(stem, c);
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  /** Passages holding the term. */
  count(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Inverse document frequency (BM25 form); an unknown term as a term seen once. */
  idf(term: string): number {
    const n = Math.max(1, this.passages);
    const df = Math.max(1, this.count(term));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The weight of the rarest term. */
  maxIdf(): number {
    return this.idf("");
  }

  /** A stem the texts write capitalised inside sentences and never in lower case: a name. */
  isName(stem: string): boolean {
    const c = this.casing.get(stem);
    return c !== undefined && c.upper > 0 && c.lower === 0;
  }

  /** The language whose texts alone know this stem (for the language of a short question). */
  languageOf(stem: string): Language | undefined {
    const ru = this.stems.ru.has(stem);
    const kk = this.stems.kk.has(stem);
    if (ru === kk) return undefined;
    return ru ? "ru" : "kk";
  }

  knowsStem(lang: Language, stem: string): boolean {
    return this.stems[lang].has(stem);
  }

  /** Whether a word without Kazakh letters is a Kazakh word of the texts typed on a Russian keyboard ("кезинде"). */
  knowsFoldedKk(token: string): boolean {
    return this.folded.has(stemKkFolded(token)) || this.folded.has(token);
  }

  /**
   * The known stem an unknown word stands for: a Kazakh word typed without Kazakh letters
   * ("ауылдык" -> "ауыл"), a typo (one edit from 5 letters, two from 10), a stem cut
   * differently (one extends the other by at most three letters), or a word derived from it by a
   * prefix or suffix ("монополией" -> "демонополизации"). Undefined when nothing is close.
   */
  correct(lang: Language, token: string, stem: string): string | undefined {
    const id = `${lang} ${token}`;
    if (this.corrections.has(id)) return this.corrections.get(id);
    const found = this.correctNow(lang, token, stem);
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(id, found);
    return found;
  }

  /** Corrections found so far (forgotten when the texts change). */
  private readonly corrections = new Map<string, string | undefined>();

  private correctNow(lang: Language, token: string, stem: string): string | undefined {
    if (stem.length < 4 || /\d|[a-z]/.test(stem)) return undefined;
    const latin = this.latinFor(token);
    if (latin) return latin;
    if (lang === "kk" && !/[әғқңөұүһі]/u.test(token)) {
      const found = this.folded.get(stemKkFolded(token)) ?? this.folded.get(token);
      if (found) return found;
    }
    if (stem.length < 5) return undefined;
    return this.nearest(lang, stem) ?? this.extended(lang, stem) ?? this.containing(lang, stem);
  }

  private nearest(lang: Language, stem: string): string | undefined {
    const max = stem.length >= 10 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const candidate of this.withLengths(lang, stem.length - max, stem.length + max)) {
      const d = editDistance(stem, candidate, max + 1);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Known stems of `lang` from `min` to `max` letters long. */
  private *withLengths(lang: Language, min: number, max: number): Generator<string> {
    for (let n = Math.max(1, min); n <= max; n++) yield* this.byLength[lang].get(n) ?? [];
  }

  /** A Latin word of the texts written in Cyrillic ("дигител", "смарт сити"), one letter off at most. */
  private latinFor(raw: string): string | undefined {
    const token = foldKk(raw);
    const exact = this.latin.get(token);
    if (exact || token.length < 4) return exact;
    for (const [cyrillic, latin] of this.latin) if (editDistance(token, cyrillic, 2) <= 1) return latin;
    return undefined;
  }

  /**
   * A known stem that holds the unknown one, six letters at least, whole, after a prefix of four
   * letters at most and before a suffix of five at most: a word derived from it ("монопол" in
   * "демонополизац", "безопасност" in "безопасносст"); the shortest.
   */
  private containing(lang: Language, stem: string): string | undefined {
    if (stem.length < 6) return undefined;
    let best: string | undefined;
    for (const candidate of this.withLengths(lang, stem.length + 1, stem.length + 9)) {
      const at = candidate.indexOf(stem);
      const suffix = candidate.length - stem.length - at;
      if (at >= 0 && at <= 4 && suffix <= 5 && (best === undefined || candidate.length < best.length))
        best = candidate;
    }
    return best;
  }

  /** A known stem of the same word family (cut differently by the stemmer), the most frequent one. */
  private extended(lang: Language, stem: string): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (const candidate of this.byHead[lang].get(stem.slice(0, 3)) ?? []) {
      const count = this.stems[lang].get(candidate) ?? 0;
      if (count > bestCount && sameFamily(candidate, stem)) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
}

/**
 * How a Latin name is written in Cyrillic, folded to Russian letters: "qaztech" -> "казтеч",
 * "казтех"; "digitel" -> "дигител", "диджител" ("g" before e/i is "дж"; "ch" in English names is "х").
 */
function cyrillicSpellings(latin: string): string[] {
  const base = foldKk(latinToCyrillic(latin));
  const out = new Set([base]);
  for (const s of [...out]) out.add(s.replace(/г(?=[еи])/gu, "дж"));
  for (const s of [...out]) out.add(s.replace(/ч/gu, "х"));
  return [...out];
}
