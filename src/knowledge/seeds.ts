/**
 * The seed documents of a seeds folder, as the manifest (sources.json) lists them. Reads both
 * the document manifest (`{ id, files: { ru?, kk? }, outlet, date, url? }`) and the older
 * one-file-per-entry form (`{ file, lang, outlet, year, date? }`).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import type { Document } from "./types.js";

const Entry = z.union([
  z.object({
    id: z.string().min(1),
    files: z.object({ ru: z.string().optional(), kk: z.string().optional() }),
    outlet: z.string().min(1),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    url: z.string().optional(),
    note: z.string().optional(),
  }),
  z.object({
    file: z.string().regex(/\.txt$/),
    lang: z.enum(["ru", "kk"]),
    outlet: z.string().min(1),
    year: z.number().int(),
    date: z.string().optional(),
    note: z.string().optional(),
  }),
]);
const Manifest = z.object({ documents: z.array(Entry) });

export function readSeedDocuments(dir: string): Document[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, "sources.json"), "utf8"));
  } catch (error) {
    throw new Error(`knowledge: cannot read ${join(dir, "sources.json")}: ${(error as Error).message}`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new Error(`knowledge: sources.json is invalid: ${parsed.error.message}`);
  const read = (file: string): string => readFileSync(join(dir, file), "utf8");
  return parsed.data.documents.map((e): Document => {
    if ("files" in e) {
      return {
        id: e.id,
        texts: {
          ...(e.files.ru ? { ru: read(e.files.ru) } : {}),
          ...(e.files.kk ? { kk: read(e.files.kk) } : {}),
        },
        outlet: e.outlet,
        date: e.date,
        ...(e.url ? { url: e.url } : {}),
        kind: "seed",
      };
    }
    return {
      id: basename(e.file, ".txt"),
      texts: { [e.lang]: read(e.file) },
      outlet: e.outlet,
      date: e.date ?? String(e.year),
      kind: "seed",
    };
  });
}
