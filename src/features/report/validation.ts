import { z } from "zod";
import { CONNECTIONS, KZ_BOUNDS, OPERATOR_IDS, PROBLEMS, REGION_IDS } from "./regions.js";

export const SETTLEMENT_MIN = 2;
export const SETTLEMENT_MAX = 80;
export const COMMENT_MAX = 500;
export const SPEED_MAX = 10_000;

/**
 * Letters of any script (Cyrillic, Kazakh, Latin), digits, spaces and hyphens, plus "." for
 * abbreviations ("с. Жанаталап", "пос. 5-й") and apostrophes for Latin-script Kazakh names
 * ("Qos'agash"). Anything else (emoji, slashes, links) is not a place name.
 */
const SETTLEMENT_PATTERN = /^[\p{L}\p{M}\d][\p{L}\p{M}\d .'’ʼ-]*$/u;

export const settlementSchema = z
  .string()
  .transform((s) => s.normalize("NFC").replace(/[–—]/g, "-").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(SETTLEMENT_MIN)
      .max(SETTLEMENT_MAX)
      .regex(SETTLEMENT_PATTERN)
      .refine((s) => (s.match(/\p{L}/gu) ?? []).length >= 2, "needs at least two letters"),
  );

export const speedSchema = z.number().min(0).max(SPEED_MAX);

/** "12,5", "12.5", "12 Мбит/с", "8 mbps" -> 12.5 / 8; anything else -> undefined. */
export function parseSpeed(text: string): number | undefined {
  const bare = text
    .trim()
    .replace(/\s*(мбит|мб|mbit|mbps|mb)(\/?\s*(с|сек|s|sec))?\.?$/iu, "")
    .trim();
  const match = /^(\d{1,5})(?:[.,](\d{1,3}))?$/.exec(bare);
  if (!match) return undefined;
  const value = Number(`${match[1]}.${match[2] ?? "0"}`);
  return speedSchema.safeParse(value).success ? value : undefined;
}

export const locationSchema = z.object({
  latitude: z.number().min(KZ_BOUNDS.minLat).max(KZ_BOUNDS.maxLat),
  longitude: z.number().min(KZ_BOUNDS.minLon).max(KZ_BOUNDS.maxLon),
});

export const commentSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(COMMENT_MAX));

/** Words that name the kind of place, dropped so "с. Иртыш", "село Иртыш" and "Иртыш" meet. */
const PLACE_WORDS = new Set([
  "с",
  "село",
  "п",
  "пос",
  "поселок",
  "посёлок",
  "а",
  "аул",
  "ауыл",
  "г",
  "город",
  "к",
  "қ",
  "қаласы",
  "кент",
  "ст",
  "станция",
]);

/** The key that groups reports of one place: region + lower-cased settlement without place words. */
export function settlementKey(region: string, settlement: string): string {
  const words = settlement
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[.'’ʼ-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w, i) => !(PLACE_WORDS.has(w) && i < words.length - 1));
  return `${region}:${kept.join(" ")}`;
}

/** What a finished conversation hands to the store; validated once more right before saving. */
export const reportSchema = z.object({
  userId: z.number().int().positive(),
  lang: z.enum(["ru", "kk"]),
  region: z.enum(REGION_IDS),
  settlement: settlementSchema,
  operator: z.enum(OPERATOR_IDS),
  connection: z.enum(CONNECTIONS),
  problem: z.enum(PROBLEMS),
  speedMbps: speedSchema.nullable(),
  location: locationSchema.nullable(),
  comment: commentSchema.nullable(),
});

export type ReportInput = z.input<typeof reportSchema>;
export type ValidReport = z.output<typeof reportSchema>;
