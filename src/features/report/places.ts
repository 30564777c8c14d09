import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Language } from "../../bot/i18n.js";

/**
 * The place dictionary (`seeds/dictionary/places.tsv`): regions, cities, districts and towns of
 * regional significance with Russian and Kazakh names and the spellings people use. The report
 * asks for the district from it. Tab-separated with a header:
 * `type id region ru kk ru_variants kk_variants`, variants separated by "|".
 */
export const PLACES_FILE = fileURLToPath(new URL("../../../seeds/dictionary/places.tsv", import.meta.url));

/** Countries are there for the knowledge engine (a question naming one needs a passage naming it), never offered. */
export const PLACE_TYPES = ["region", "city", "district", "town", "country"] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export interface Place {
  type: PlaceType;
  id: string;
  /** The region (or city of republican significance) a district or town belongs to; "" for regions. */
  region: string;
  ru: string;
  kk: string;
  /** Other spellings, both languages: old names, abbreviations, Russian spellings of Kazakh names. */
  variants: string[];
}

/** Parses the dictionary; a malformed line is an error that names its line (the file is ours). */
export function parsePlaces(tsv: string): Place[] {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const header = lines.shift()?.split("\t");
  if (header?.[0] !== "type" || header[1] !== "id")
    throw new Error("places: the first line must be the header `type id region ru kk ...`");
  return lines.map((line, i) => {
    const [type, id, region, ru, kk, ruVariants, kkVariants] = line.split("\t");
    const known = PLACE_TYPES.find((t) => t === type);
    if (!known || !id || !ru || !kk) throw new Error(`places: line ${i + 2} is malformed: ${line}`);
    const variants = [ruVariants, kkVariants].flatMap((v) => (v ? v.split("|") : [])).filter(Boolean);
    return { type: known, id, region: region ?? "", ru, kk, variants };
  });
}

/** The districts (and towns that administer villages) of each region, as the report offers them. */
export class Districts {
  private readonly byRegion = new Map<string, Place[]>();

  constructor(places: Place[]) {
    for (const place of places) {
      if (place.type !== "district" && place.type !== "town") continue;
      const list = this.byRegion.get(place.region) ?? [];
      list.push(place);
      this.byRegion.set(place.region, list);
    }
  }

  /** A region's districts first, then its towns, each group in the alphabetical order of the language. */
  of(region: string | undefined, lang: Language): Place[] {
    const rank = (p: Place) => (p.type === "district" ? 0 : 1);
    return [...(this.byRegion.get(region ?? "") ?? [])].sort(
      (a, b) => rank(a) - rank(b) || a[lang].localeCompare(b[lang], lang),
    );
  }

  find(region: string | undefined, id: string): Place | undefined {
    return this.byRegion.get(region ?? "")?.find((p) => p.id === id);
  }
}

/** A place's name as a button and in the summary: towns say they are towns. */
export function placeLabel(place: Place, lang: Language, townLabel: (name: string) => string): string {
  return place.type === "town" ? townLabel(place[lang]) : place[lang];
}

/**
 * Reads the dictionary. Without the file the report still works, without the district step: a
 * missing dictionary must not stop citizens from reporting.
 */
export function loadDistricts(file: string = PLACES_FILE): Districts {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return new Districts([]);
  }
  return new Districts(parsePlaces(text));
}
