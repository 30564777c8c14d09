import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { z } from "zod";
import { type LexiconData, LexiconSchema } from "./lexicon.js";
import { entryLanguages, entryYear, readManifest } from "./manifest.js";
import type { Lang } from "./text.js";

/** One text file of a document, with the metadata answers cite. */
export interface DocumentMeta {
  doc: string;
  file: string;
  lang: Lang;
  outlet: string;
  year: number;
  date?: string;
  note?: string;
}

/** A fact card: a curated bilingual statement that cites the document (and quote) it comes from. */
export const FactCardSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  doc: z.string().min(1),
  quote: z.string().min(1),
  topic: z.string().min(1),
  ru: z.string().min(1),
  kk: z.string().min(1),
  q: z.object({ ru: z.string().min(1), kk: z.string().min(1) }),
});
export type FactCard = z.infer<typeof FactCardSchema>;

/** A small piece of a text (a sentence or two) that knows its document, outlet and year. */
export interface Passage {
  id: string;
  doc: string;
  lang: Lang;
  outlet: string;
  year: number;
  date?: string;
  text: string;
}

/** Everything read from the seeds folder. */
export interface Seeds {
  documents: DocumentMeta[];
  texts: Map<string, string>;
  passages: Passage[];
  cards: FactCard[];
  lexicon: LexiconData;
}

// ---- cleaning: general rules for scraped news pages ---------------------------------------------

const TERMINAL = /[.!?…:;»"”)]$/u;
/** Lines that mark the start of page furniture after the article (comments, related news). */
const END_OF_ARTICLE = [
  /^комментари/iu,
  /комментари[йяев]+\s*(нет|отсутству)/iu,
  /оставит[ье]? комментари/iu,
  /^(читайте|смотрите) также/iu,
  /^(похожие|другие|последние) (новости|материалы|статьи)/iu,
  /^пікірлер/iu,
  /^(ұқсас|соңғы) жаңалықтар/iu,
];
/** Single lines that are page furniture wherever they occur. */
const FURNITURE = [
  /^(ru|kz|kk|en|eng|рус|каз|қаз|қазақша|русский)(\s+(ru|kz|kk|en|eng|рус|каз|қаз|қазақша|русский))*$/iu,
  /^(все новости|барлық жаңалықтар|главная|басты бет|меню|поделиться|бөлісу|реклама|жарнама)$/iu,
  /(подписывайтесь|подпишитесь|жазылыңыз|жазылып қойыңыз)/iu,
  /^(источник|дереккөз|source)\s*:/iu,
  /(зарегистрир|авториз)\p{L}*\s*\??$/iu,
];
/** A dateline at the start of a paragraph: "НУР-СУЛТАН, 19 апр — Sputnik." */
const DATELINE = /^[\p{Lu}][\p{Lu}\- ]{2,}, \d{1,2} \p{L}+\.? [—–-] [\p{L} .]{2,30}?\.\s+/u;
const ANAPHORA = /^(это|эти|этот|эта|он|она|они|бұл|ол|олар|нәтижесінде|сондықтан)(?![\p{L}])/iu;
const ABBREVIATIONS = new Set([
  "г",
  "гг",
  "т",
  "др",
  "пр",
  "млн",
  "млрд",
  "тыс",
  "ул",
  "обл",
  "им",
  "ж",
  "б",
  "см",
  "тг",
]);

const words = (line: string): number => line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Content paragraphs of a scraped page: furniture dropped, broken initials rejoined, tail trimmed. */
export function cleanText(raw: string): string[] {
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2009\u202f]/g, " ")
    // "А\nЖұмағалиев": a line that ends in a lone capital letter is an initial cut from its surname
    .replace(/(^|[\s(«"])(\p{Lu})[ \t]*\n[ \t]*(?=\p{Lu}\p{Ll})/gu, "$1$2. ");
  let lines = text.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
  const end = lines.findIndex((l) => END_OF_ARTICLE.some((re) => re.test(l)));
  if (end >= 0) lines = lines.slice(0, end);
  lines = lines.map((l) => (FURNITURE.some((re) => re.test(l)) ? "" : l));

  const headline = (l: string): boolean => l !== "" && !TERMINAL.test(l) && words(l) <= 15;
  const keep = lines.map((l, i) => {
    if (!headline(l)) return l !== "";
    const prev = lines[i - 1] ?? "";
    const next = lines[i + 1] ?? "";
    if (prev === "" && next === "") return false; // a headline standing alone between paragraphs
    // a run of three or more short unpunctuated lines is a list of headlines
    let run = 1;
    for (let j = i - 1; j >= 0 && headline(lines[j] ?? ""); j--) run++;
    for (let j = i + 1; j < lines.length && headline(lines[j] ?? ""); j++) run++;
    return run < 3;
  });
  const paragraphs = lines.filter((_, i) => keep[i]);

  // A text cut off mid-word: when the text otherwise ends its paragraphs with punctuation,
  // an unpunctuated last paragraph loses everything after its last full sentence.
  const punctuated = paragraphs.filter((p) => TERMINAL.test(p)).length;
  const last = paragraphs.at(-1);
  if (last !== undefined && !TERMINAL.test(last) && punctuated >= 0.6 * (paragraphs.length - 1)) {
    const cut = Math.max(...[".", "!", "?", "…"].map((c) => last.lastIndexOf(`${c} `)));
    if (cut > 0) paragraphs[paragraphs.length - 1] = last.slice(0, cut + 1);
    else paragraphs.pop();
  }
  return paragraphs.map((p) => p.replace(DATELINE, "")).filter((p) => p !== "");
}

/** Splits a paragraph into sentences, keeping initials ("А. Жұмағалиев") and abbreviations whole. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[.!?…]+["»”]?\s+(?=["«“(]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const m of paragraph.matchAll(re)) {
    const end = m.index + m[0].length;
    const before = paragraph.slice(start, m.index);
    const lastWord = before.split(/[\s(«"]/).at(-1) ?? "";
    if (/^\p{Lu}$/u.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase())) continue;
    out.push(paragraph.slice(start, end).trim());
    start = end;
  }
  out.push(paragraph.slice(start).trim());
  return out.filter((s) => s !== "");
}

const sentenceKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Passages of one document: sentences (repeats indexed once), an anaphoric one joined to the one before. */
export function passagesOf(meta: DocumentMeta, raw: string, seen = new Set<string>()): Passage[] {
  const passages: Passage[] = [];
  let prev: string | undefined;
  for (const paragraph of cleanText(raw)) {
    for (const part of splitSentences(paragraph)) {
      // scraped texts sometimes drop the final full stop of a sentence
      const sentence = /[.!?…]["»”)]?$/u.test(part) ? part : `${part}.`;
      const key = sentenceKey(sentence);
      if (words(sentence) < 4 || seen.has(key)) continue;
      seen.add(key);
      const text = prev !== undefined && ANAPHORA.test(sentence) ? `${prev} ${sentence}` : sentence;
      passages.push({
        id: `${meta.doc}#${passages.length + 1}`,
        doc: meta.doc,
        lang: meta.lang,
        outlet: meta.outlet,
        year: meta.year,
        ...(meta.date ? { date: meta.date } : {}),
        text,
      });
      prev = sentence;
    }
  }
  return passages;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`knowledge: cannot read ${path}: ${(error as Error).message}`);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`knowledge: ${path} is invalid: ${result.error.message}`);
  return result.data;
}

/**
 * Reads the seeds folder: sources.json (text metadata), the texts, facts/*.json (fact cards)
 * and lexicon.json. Every .txt file must have a manifest entry and every card a known document.
 */
export function readSeeds(dir: string): Seeds {
  const documents: DocumentMeta[] = readManifest(dir).flatMap((entry) =>
    entryLanguages(entry).map((lang) => ({
      doc: entryLanguages(entry).length > 1 ? `${entry.id}.${lang}` : entry.id,
      file: entry.files[lang] ?? "",
      lang,
      outlet: entry.outlet,
      year: entryYear(entry),
      ...(entry.date.length > 4 ? { date: entry.date } : {}),
    })),
  );
  const listed = new Set(documents.map((d) => d.file));
  for (const file of readdirSync(dir)) {
    if (extname(file) === ".txt" && !listed.has(file)) {
      throw new Error(`knowledge: seeds/${file} has no entry in sources.json`);
    }
  }
  const texts = new Map<string, string>();
  const passages: Passage[] = [];
  const seen = new Set<string>();
  for (const meta of documents) {
    if (texts.has(meta.doc)) throw new Error(`knowledge: duplicate document ${meta.doc} in sources.json`);
    const raw = readFileSync(join(dir, meta.file), "utf8");
    texts.set(meta.doc, raw);
    passages.push(...passagesOf(meta, raw, seen));
  }
  const cards: FactCard[] = [];
  const factsDir = join(dir, "facts");
  for (const file of readdirSync(factsDir).sort()) {
    if (extname(file) !== ".json") continue;
    const list = parse(z.array(FactCardSchema), readJson(join(factsDir, file)), `facts/${file}`);
    for (const card of list) {
      if (!texts.has(card.doc))
        throw new Error(`knowledge: card ${card.id} cites unknown document ${card.doc}`);
      if (cards.some((c) => c.id === card.id)) throw new Error(`knowledge: duplicate card id ${card.id}`);
      cards.push(card);
    }
  }
  const lexicon = parse(LexiconSchema, readJson(join(dir, "lexicon.json")), "lexicon.json");
  return { documents, texts, passages, cards, lexicon };
}
