/** Language codes the knowledge module works with (re-declared in index.ts for the public API). */
export type Lang = "ru" | "kk";

/** Cyrillic letters that occur in Kazakh but not in Russian. */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/u;

/**
 * Normalises text before tokenising: lower case, `ё` folded to `е`, non-breaking spaces,
 * digit groups joined ("7 900" -> "7900") and decimal commas unified ("7,6" -> "7.6").
 */
export function normalizeText(text: string): string {
  let out = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\u2009\u202f]/g, " ");
  // most texts need only the rules below for their digits: skipped when there are none
  if (/\d/.test(out)) {
    out = out
      .replace(
        /(?<!\d)(\d{1,3})((?: \d{3})+)(?!\d)/g,
        (_m, head: string, tail: string) => head + tail.replace(/ /g, ""),
      )
      .replace(/(\d),(\d)/g, "$1.$2")
      // mobile generations typed in Cyrillic: "5г", "4 джи" -> "5g"
      .replace(/(?<![\d\p{L}])([2-6]) ?(?:г|джи|жи)(?!\p{L})/gu, "$1g")
      // "2022-м", "2021-го", "2022-ші": a case or ordinal ending after a hyphen is the number itself
      .replace(/(\d)-(?:м|й|го|х|е|ом|ым|ых|ые|ая|ой|ую|ші|шы|інші|ыншы|нші|ншы)(?!\p{L})/gu, "$1");
  }
  // "ІТ" written with Cyrillic letters (Kazakh sites mix look-alikes), "айти": the Latin "it"
  if (out.includes("т") && /(?<!\p{L})(?:іт|ит|айти)(?!\p{L})/u.test(out))
    out = out.replace(/(?<!\p{L})(?:іт|ит|айти)(?!\p{L})/gu, "it");
  return out;
}

const TOKEN = /\d+(?:\.\d+)?[\p{L}]*|[\p{L}]+/gu;

/** Splits normalised text into word and number tokens ("5g", "7.6", "it", "школ"). */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

const WORDS_CACHE_MAX = 16;
// a ring of slots, not a Map cleared when full: V8 chains a cleared or rehashed table to the next
// one, and an old-space table keeps every later entry alive through each scavenge until a full GC
// (which made scavenges of 10-40 ms under the answer path)
const wordsTexts: (string | undefined)[] = new Array(WORDS_CACHE_MAX).fill(undefined);
const wordsTokens: (readonly string[] | undefined)[] = new Array(WORDS_CACHE_MAX).fill(undefined);
let wordsNext = 0;

/**
 * `tokenize(normalizeText(text))`, remembered for the last few texts: one question is read by
 * the language, smalltalk, how-to, intent and focus rules, each of which needs its words. The
 * array is shared: callers must not change it.
 */
export function words(text: string): readonly string[] {
  const at = wordsTexts.indexOf(text);
  if (at >= 0) return wordsTokens[at] as readonly string[];
  const tokens = tokenize(normalizeText(text));
  wordsTexts[wordsNext] = text;
  wordsTokens[wordsNext] = tokens;
  wordsNext = (wordsNext + 1) % WORDS_CACHE_MAX;
  return tokens;
}

/** Every number written in the text, normalised ("7 900" -> "7900", "7,6" -> "7.6"). */
export function numbersIn(text: string): string[] {
  return normalizeText(text).match(/\d+(?:\.\d+)?/g) ?? [];
}

/** Share of Kazakh-specific letters among all letters of the text. */
export function kazakhLetterShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const kk = text.toLowerCase().match(/[әғқңөұүһі]/gu) ?? [];
  return kk.length / letters.length;
}

const KK_FOLD: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
};

/** Kazakh letters replaced by the Russian ones people type instead ("қанша" -> "канша"). */
export function foldKk(text: string): string {
  return text.replace(/[әғқңөұүһі]/gu, (c) => KK_FOLD[c] ?? c);
}
