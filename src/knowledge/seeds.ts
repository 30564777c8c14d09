/**
 * The seed documents of a seeds folder, as its manifest (sources.json, read by manifest.ts)
 * lists them: one Document per entry, a ru+kk pair as one document in two languages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "./manifest.js";
import type { Document } from "./types.js";

export function readSeedDocuments(dir: string): Document[] {
  return readManifest(dir).map((e): Document => {
    const read = (file: string): string => readFileSync(join(dir, file), "utf8");
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
  });
}
