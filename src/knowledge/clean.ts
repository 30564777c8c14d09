/**
 * Cleaning scraped news pages by general rules: page furniture (language switches, menus,
 * comment widgets, related-news headlines, photo credits, source lines), names broken after
 * their initial, a text cut off mid-word; then sentences.
 */

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
  // a photo caption with its credit ("..., фото - Новости Zakon.kz Фото: unsplash")
  /(фото|сурет|photo)\s*:\s*\S+$/iu,
  /(зарегистрир|авториз)\p{L}*\s*\??$/iu,
];
/** A dateline at the start of a paragraph: "НУР-СУЛТАН, 19 апр — Sputnik." */
const DATELINE = /^[\p{Lu}][\p{Lu}\- ]{2,}, \d{1,2} \p{L}+\.? [—–-] [\p{L} .]{2,30}?\.\s+/u;
export const ANAPHORA =
  /^(это|эти|этот|эта|он|она|они|из них|среди них|в том числе|бұл|ол|олар|оның|олардың|осы|нәтижесінде|сондықтан)(?![\p{L}])/iu;
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

/** A scraped page cleaned: its headline (when it opens with one) and its content paragraphs. */
export interface CleanDocument {
  title?: string;
  paragraphs: string[];
}

/** Content paragraphs of a scraped page: furniture dropped, broken initials rejoined, tail trimmed. */
export function cleanText(raw: string): string[] {
  return cleanDocument(raw).paragraphs;
}

/** The page's headline and paragraphs: furniture dropped, broken initials rejoined, tail trimmed. */
export function cleanDocument(raw: string): CleanDocument {
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
  // the page opens with its headline: kept apart, as context of every sentence
  const first = lines.findIndex((l) => l !== "");
  let title: string | undefined;
  if (first >= 0 && headline(lines[first] ?? "")) {
    title = lines[first];
    lines[first] = "";
  }
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
  const content = paragraphs.map((p) => p.replace(DATELINE, "")).filter((p) => p !== "");
  return title === undefined ? { paragraphs: content } : { title, paragraphs: content };
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
