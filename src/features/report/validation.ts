import { z } from "zod";
import { foldKk } from "../../knowledge/text.js";
import { CONNECTIONS, KZ_BOUNDS, OPERATOR_IDS, PROBLEMS, REGION_IDS } from "./regions.js";

export const SETTLEMENT_MIN = 2;
export const SETTLEMENT_MAX = 80;
export const COMMENT_MAX = 500;
export const SPEED_MAX = 10_000;

/**
 * Letters of any script (Cyrillic, Kazakh, Latin), digits, spaces and hyphens, plus "." for
 * abbreviations ("с. Жанаталап", "пос. 5-й"), apostrophes for Latin-script Kazakh names
 * ("Qos'agash"), and commas and brackets, since people add the district ("село Шакат, Баянаульский
 * район"). Anything else (emoji, slashes, links) is not a place name.
 */
const SETTLEMENT_PATTERN = /^[\p{L}\p{M}\d][\p{L}\p{M}\d .,'’ʼ()-]*$/u;

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

/** What a typed speed meant, or why it could not be taken. */
export type SpeedReading =
  | { ok: true; mbps: number; belowOne?: true }
  | { ok: false; reason: "unreadable" | "too-high" | "negative" };

const NUMBER_WORDS: Record<string, number> = {
  ноль: 0,
  нуль: 0,
  один: 1,
  одна: 1,
  одного: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  двадцать: 20,
  тридцать: 30,
  пятьдесят: 50,
  сто: 100,
  нөл: 0,
  бір: 1,
  екі: 2,
  үш: 3,
  төрт: 4,
  бес: 5,
  алты: 6,
  жеті: 7,
  сегіз: 8,
  тоғыз: 9,
  он: 10,
  жиырма: 20,
  отыз: 30,
  елу: 50,
  жүз: 100,
};

/** Units after the number: a factor to Mbit/s. Megabytes are read as megabits: that is what people mean. */
const UNITS: [RegExp, number][] = [
  [
    /\s*(кило\s?бит\p{L}*|кбит\p{L}*|кб\p{L}*|kbit\p{L}*|kbps|kb)(\s*(\/|в|per)?\s*(с|сек\p{L}*|s|sec)\.?)?$/u,
    0.001,
  ],
  [
    /\s*(гига\s?бит\p{L}*|гбит\p{L}*|гб\p{L}*|gbit\p{L}*|gbps|gb)(\s*(\/|в|per)?\s*(с|сек\p{L}*|s|sec)\.?)?$/u,
    1000,
  ],
  [
    /\s*(мега\s?бит\p{L}*|мега\p{L}*|мбит\p{L}*|мб\p{L}*|mbit\p{L}*|mbps|mb|мегов)(\s*(\/|в|per)?\s*(с|сек\p{L}*|s|sec)\.?)?$/u,
    1,
  ],
];

/** "Less than a megabit" and its kin, which rural users often answer: taken as half a megabit. */
const BELOW_ONE =
  /^(меньше|менее|ниже|до)\s+(1\s*|одного\s+)?(мегабит\p{L}*|мбит\p{L}*|мб\p{L}*|мега)$|^(1\s*|бір\s+)?(мегабит\p{L}*|мбит\p{L}*|мб)(тен|нан)?\s+(аз|төмен|кем)$/u;

/** A number in figures ("1,5", "2.25") or words ("полтора", "два с половиной", "бір жарым", "жарты"). */
function readNumber(text: string): number | undefined {
  const figures = /^(-?\d{1,6})(?:[.,](\d{1,3}))?$/.exec(text);
  if (figures) return Number(`${figures[1]}.${figures[2] ?? "0"}`);
  if (/^(полтора|полторы)$/.test(text)) return 1.5;
  if (/^(пол|половина|жарты)$/.test(text)) return 0.5;
  const words = text.split(" ");
  const whole = NUMBER_WORDS[words[0] ?? ""];
  if (whole === undefined) return undefined;
  const rest = words.slice(1).join(" ");
  if (rest === "") return whole;
  if (rest === "с половиной" || rest === "жарым") return whole + 0.5;
  return undefined;
}

/**
 * Reads a measured speed as people type it: "12,5", "12.5 Мбит/с", "512 кбит/с", "8 mbps",
 * "полтора мегабита", "бір жарым", "меньше мегабита", "около 3". The result is in Mbit/s.
 */
export function readSpeed(input: string): SpeedReading {
  let text = input
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(около|примерно|где-то|приблизительно|шамамен|~|≈)\s*/u, "")
    .replace(/^(пол)\s*(?=мега|мбит|мб)/u, "$1 ")
    .trim();
  if (BELOW_ONE.test(text)) return { ok: true, mbps: 0.5, belowOne: true };
  let factor = 1;
  for (const [unit, f] of UNITS) {
    const stripped = text.replace(unit, "");
    if (stripped !== text) {
      text = stripped.trim();
      factor = f;
      break;
    }
  }
  const value = readNumber(text);
  if (value === undefined || !Number.isFinite(value)) return { ok: false, reason: "unreadable" };
  if (value < 0) return { ok: false, reason: "negative" };
  const mbps = Math.round(value * factor * 1000) / 1000;
  if (mbps > SPEED_MAX) return { ok: false, reason: "too-high" };
  return { ok: true, mbps };
}

/** The speed in Mbit/s, or undefined when it cannot be read or is out of range. */
export function parseSpeed(text: string): number | undefined {
  const reading = readSpeed(text);
  return reading.ok ? reading.mbps : undefined;
}

export const locationSchema = z.object({
  latitude: z.number().min(KZ_BOUNDS.minLat).max(KZ_BOUNDS.maxLat),
  longitude: z.number().min(KZ_BOUNDS.minLon).max(KZ_BOUNDS.maxLon),
});

export const commentSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(COMMENT_MAX));

/** Words that name the kind of place before its name ("с. Иртыш", "село Иртыш", "аул Жана"). */
const PLACE_WORDS_BEFORE = new Set([
  "с",
  "село",
  "п",
  "пос",
  "поселок",
  "посёлок",
  "пгт",
  "а",
  "аул",
  "ауыл",
  "г",
  "город",
  "к",
  "кент",
  "ст",
  "станция",
  "д",
  "деревня",
]);
/** ...and after it, as Kazakh puts them ("Шақат ауылы", "Ертіс кенті"). */
const PLACE_WORDS_AFTER = new Set([
  "ауылы",
  "кенті",
  "қаласы",
  "селосы",
  "ауыл",
  "село",
  "поселок",
  "посёлок",
]);

/** "Баянаульский район", "Баянаульского района", "район Аккулы", "Баянауыл ауданы", "р-н ...". */
const DISTRICT_PART =
  /(^|[\s,(])(\p{L}+(-\p{L}+)?\s+(района?|р-н|ауданы)|(район|р-н)\s+\p{L}+(-\p{L}+)?)(?=$|[\s,).])/giu;

/**
 * The settlement as understood: the kind-of-place words, the district and stray punctuation taken
 * out, the letters as typed. "село Шакат, Баянаульский район" -> "Шакат". The reporter is shown it.
 */
export function cleanSettlement(settlement: string): string {
  const words = settlement
    .normalize("NFC")
    .replace(DISTRICT_PART, " ")
    .replace(/[,()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const word = (w: string) => w.toLowerCase().replace(/\.$/, "");
  // A place called just "Аул" keeps its name: a kind word goes only when a name is left.
  const kept = words.filter(
    (w, i) =>
      !(PLACE_WORDS_BEFORE.has(word(w)) && i < words.length - 1) &&
      !(PLACE_WORDS_AFTER.has(word(w)) && i > 0),
  );
  // "с.Иртышск" has its abbreviation glued on.
  return (
    kept
      .map((w) => w.replace(/^(с|п|пос|г|а|ст)\.(?=\p{L}{2})/iu, ""))
      // "ШАКАТ" typed with Caps Lock reads back as "Шакат".
      .map((w) => (w.length > 3 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w))
      .join(" ")
      .replace(/^[.\s-]+|[.\s-]+$/g, "")
  );
}

/**
 * The key that groups reports of one place: region + the settlement as understood, lower-cased,
 * Kazakh letters folded, spaces, hyphens and dots dropped: "Жана-Аул" and "Жана аул" meet, so do
 * "Шақат ауылы" and "село Шакат, Баянаульский район".
 */
export function settlementKey(region: string, settlement: string): string {
  // Kazakh letters folded to the Russian ones people type instead: "Шақат" and "Шакат" meet.
  const folded = foldKk(cleanSettlement(settlement))
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s.'’ʼ-]+/g, "");
  return `${region}:${folded}`;
}

/** A screenshot kept by Telegram file id: "photo:<id>" or "document:<id>" (an image sent as a file). */
export const photoSchema = z.string().regex(/^(photo|document):[\w-]{1,200}$/);

/** What a finished conversation hands to the store; validated once more right before saving. */
export const reportSchema = z.object({
  userId: z.number().int().positive(),
  lang: z.enum(["ru", "kk"]),
  region: z.enum(REGION_IDS),
  district: z.string().max(64).nullable().optional(),
  settlement: settlementSchema,
  operator: z.enum(OPERATOR_IDS),
  connection: z.enum(CONNECTIONS),
  problem: z.enum(PROBLEMS),
  speedMbps: speedSchema.nullable(),
  photo: photoSchema.nullable().optional(),
  location: locationSchema.nullable(),
  comment: commentSchema.nullable(),
});

export type ReportInput = z.input<typeof reportSchema>;
export type ValidReport = z.output<typeof reportSchema>;
