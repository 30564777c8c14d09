import { createHash } from "node:crypto";
import { basename } from "node:path";
import { DOCUMENT_ID, isPublicationDate } from "./manifest.js";
import type { Language } from "./types.js";

/**
 * What a text file must be before it may enter seeds/: the checks of `knowledge add`, pure so
 * they are tested without a file system. Each failure is one line naming the file.
 */

/** `<id>.<ru|kk>.txt`: the id and the language a new document's file claims. */
const FILE_NAME = /^(.+)\.(ru|kk)\.txt$/;

/** Largest text accepted: a news item or a release, not a book. */
export const MAX_TEXT_BYTES = 512 * 1024;

const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/gu;
const ANY_LETTER = /\p{L}/gu;

/** A Kazakh text has several Kazakh-specific letters in a hundred (10-17% in real texts). */
const KAZAKH_SHARE = 0.04;
/** A Russian text may quote a Kazakh name or two, no more. */
const RUSSIAN_MAX_SHARE = 0.015;

/** The id and language a file name claims, or an error. */
export function parseFileName(path: string): { id: string; lang: Language } | { error: string } {
  const name = basename(path);
  const m = FILE_NAME.exec(name);
  if (!m?.[1] || (m[2] !== "ru" && m[2] !== "kk"))
    return { error: `${name}: name it <id>.ru.txt or <id>.kk.txt` };
  if (!DOCUMENT_ID.test(m[1])) return { error: `${name}: the id may hold only letters, digits, '_' and '-'` };
  return { id: m[1], lang: m[2] };
}

/** The language a text is written in, by its letters, or undefined when it is neither clearly. */
export function textLanguage(text: string): Language | undefined {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  const cyrillic = text.match(CYRILLIC_LETTER)?.length ?? 0;
  if (letters === 0 || cyrillic / letters < 0.5) return undefined;
  const share = (text.match(KAZAKH_LETTER)?.length ?? 0) / cyrillic;
  if (share >= KAZAKH_SHARE) return "kk";
  if (share <= RUSSIAN_MAX_SHARE) return "ru";
  return undefined;
}

/** Whitespace-insensitive fingerprint: the same text saved twice is found whatever its line ends. */
export function textFingerprint(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/gu, " ").trim()).digest("hex");
}

/** Decodes and checks one file's bytes: UTF-8 text, not empty, not too large, in the claimed language. */
export function admitText(
  name: string,
  bytes: Uint8Array,
  lang: Language,
): { text: string } | { error: string } {
  if (bytes.length > MAX_TEXT_BYTES) return { error: `${name}: larger than ${MAX_TEXT_BYTES / 1024} KiB` };
  if (bytes.includes(0)) return { error: `${name}: a binary file, not text` };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, "");
  } catch {
    return { error: `${name}: not UTF-8 text` };
  }
  if (text.trim() === "") return { error: `${name}: the file is empty` };
  const found = textLanguage(text);
  if (found === undefined) return { error: `${name}: neither clearly Russian nor Kazakh text` };
  if (found !== lang) {
    const names = { ru: "Russian", kk: "Kazakh" } as const;
    return { error: `${name}: the name says ${names[lang]} but the text is ${names[found]}` };
  }
  return { text };
}

/** Checks a --date value: a real day, month or year, not after `today` (YYYY-MM-DD). */
export function admitDate(date: string, today: string): string | undefined {
  if (!isPublicationDate(date))
    return `--date ${date}: use YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)`;
  if (date > today) return `--date ${date}: in the future`;
  return undefined;
}
