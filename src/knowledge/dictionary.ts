/**
 * The ru<->kk domain dictionary, places and aliases, read from tab-separated data files
 * (seeds/dictionary/*.tsv). Pure parsing: analysis into stems happens in lexicon.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One row of ru-kk.tsv: lemmas (with synonyms) of both languages that mean the same. */
export interface DictionaryPair {
  ru: string[];
  kk: string[];
  domain: string;
}

/** One row of places.tsv: every spelling of one place. */
export interface Place {
  type: string;
  id: string;
  region: string;
  ru: string[];
  kk: string[];
}

/** One row of aliases.tsv: a name replaced by another since a date. */
export interface Alias {
  old: string;
  new: string;
  since: string;
  lang: string;
}

export interface DictionaryData {
  pairs: DictionaryPair[];
  places: Place[];
  aliases: Alias[];
}

export const EMPTY_DICTIONARY: DictionaryData = { pairs: [], places: [], aliases: [] };

const cells = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split("|")
    // "іске қосу (процесс)": a note in brackets is not part of the lemma
    .map((s) =>
      s
        .replace(/\([^)]*\)/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((s) => s !== "");

/** Data rows of a TSV file: header (first non-comment line) and `#` comment lines dropped. */
function rows(tsv: string): string[][] {
  const lines = tsv
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return lines.slice(1).map((l) => l.split("\t"));
}

export function parsePairs(tsv: string): DictionaryPair[] {
  return rows(tsv)
    .map(([ru, kk, domain]) => ({ ru: cells(ru), kk: cells(kk), domain: (domain ?? "").trim() }))
    .filter((p) => p.ru.length > 0 && p.kk.length > 0);
}

export function parsePlaces(tsv: string): Place[] {
  return rows(tsv)
    .map(([type, id, region, ru, kk, ruVariants, kkVariants]) => ({
      type: (type ?? "").trim(),
      id: (id ?? "").trim(),
      region: (region ?? "").trim(),
      ru: [...cells(ru), ...cells(ruVariants)],
      kk: [...cells(kk), ...cells(kkVariants)],
    }))
    .filter((p) => p.id !== "" && (p.ru.length > 0 || p.kk.length > 0));
}

export function parseAliases(tsv: string): Alias[] {
  return rows(tsv)
    .map(([old, renamed, since, lang]) => ({
      old: (old ?? "").trim(),
      new: (renamed ?? "").trim(),
      since: (since ?? "").trim(),
      lang: (lang ?? "").trim(),
    }))
    .filter((a) => a.old !== "" && a.new !== "");
}

const readIf = (path: string): string => (existsSync(path) ? readFileSync(path, "utf8") : "");

/** Reads `dir`/ru-kk.tsv, places.tsv and aliases.tsv; a missing file is an empty table. */
export function readDictionary(dir: string): DictionaryData {
  return {
    pairs: parsePairs(readIf(join(dir, "ru-kk.tsv"))),
    places: parsePlaces(readIf(join(dir, "places.tsv"))),
    aliases: parseAliases(readIf(join(dir, "aliases.tsv"))),
  };
}
