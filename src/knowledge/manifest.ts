import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Language } from "./types.js";

/** A document id: also the stem of its file names (`<id>.txt`, or `<id>.ru.txt` + `<id>.kk.txt`). */
export const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/;

/** A publication date at the precision the source gives: year, month or day. */
export const PUBLICATION_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `date` has the form of PUBLICATION_DATE and names a real calendar day or month. */
export function isPublicationDate(date: string): boolean {
  const m = PUBLICATION_DATE.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1990 &&
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === day
  );
}

const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$/, "a .txt file name in seeds/");

/** One document of seeds/sources.json: one text, or the same item in Russian and Kazakh. */
export const DocumentEntrySchema = z.object({
  id: z.string().regex(DOCUMENT_ID, "letters, digits, '_' or '-'"),
  files: z
    .object({ ru: fileName.optional(), kk: fileName.optional() })
    .refine((f) => f.ru !== undefined || f.kk !== undefined, "at least one of ru, kk"),
  outlet: z.string().trim().min(1),
  date: z.string().refine(isPublicationDate, "YYYY, YYYY-MM or YYYY-MM-DD"),
  url: z.url({ protocol: /^https?$/ }).optional(),
  note: z.string().optional(),
});
export type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

const ManifestSchema = z.object({ documents: z.array(DocumentEntrySchema) });

/** The manifest's path inside a seeds folder. */
export const manifestPath = (seedsDir: string): string => join(seedsDir, "sources.json");

/** The year a document was published. */
export function entryYear(entry: DocumentEntry): number {
  return Number(entry.date.slice(0, 4));
}

/** The languages a document is written in, Russian first. */
export function entryLanguages(entry: DocumentEntry): Language[] {
  return (["ru", "kk"] as const).filter((lang) => entry.files[lang] !== undefined);
}

/**
 * Reads and validates seeds/sources.json. Throws `knowledge: ...` naming the problem: invalid
 * JSON or schema, a duplicate id, or a file listed twice.
 */
export function readManifest(seedsDir: string): DocumentEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath(seedsDir), "utf8"));
  } catch (error) {
    throw new Error(`knowledge: cannot read sources.json: ${(error as Error).message}`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`knowledge: sources.json is invalid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const ids = new Set<string>();
  const files = new Set<string>();
  for (const entry of parsed.data.documents) {
    if (ids.has(entry.id)) throw new Error(`knowledge: duplicate document id ${entry.id} in sources.json`);
    ids.add(entry.id);
    for (const file of Object.values(entry.files)) {
      if (files.has(file)) throw new Error(`knowledge: ${file} is listed twice in sources.json`);
      files.add(file);
    }
  }
  return parsed.data.documents;
}

/** Writes the manifest atomically (a temporary file renamed over it), documents sorted by id. */
export function writeManifest(seedsDir: string, entries: DocumentEntry[]): void {
  const documents = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  const path = manifestPath(seedsDir);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ documents }, null, 2)}\n`);
  renameSync(temporary, path);
}

/** True when a seeds folder has a manifest (a folder without one has no documents yet). */
export const hasManifest = (seedsDir: string): boolean => existsSync(manifestPath(seedsDir));
