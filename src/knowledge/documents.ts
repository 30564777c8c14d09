/**
 * One document pipeline for seeds, added documents and announcements: clean -> paragraphs ->
 * sentences -> passages. A sentence is a passage; its context is the headline, the lead and the
 * sentences before it, indexed apart with less weight. Relative time in a text ("в этом году",
 * "биыл") is read as the text's own year. A ru+kk pair is aligned sentence to sentence.
 */
import { alignSentences } from "./align.js";
import { analyze, headOf, type Lexicon, termsOf, type Unit } from "./analyze.js";
import { ANAPHORA, cleanDocument, splitSentences } from "./clean.js";
import { askedKinds } from "./cues.js";
import { resolveRelativeTime } from "./relative-time.js";
import type { Document, Language } from "./types.js";

const LANGS: readonly Language[] = ["ru", "kk"];

/** One sentence of a text with what surrounds it. */
export interface Sentence {
  lang: Language;
  text: string;
  /** The sentences of context, nearest last: headline, lead, previous sentences. */
  context: string[];
  /** The sentence before it in the text, when this one leans on it ("Это...", "Бұл..."). */
  lead?: string;
  units: Unit[];
  contextUnits: Unit[];
  /** Position in its text, 0..1 (for alignment). */
  position: number;
}

/** What a passage holds that a question may ask for. */
export interface Holds {
  number: boolean;
  date: boolean;
  /** A person or a body (who did something). */
  person: boolean;
  /** A person by name ("Жаслан Мадиев", "А. Жұмағалиев"). */
  name: boolean;
  place: boolean;
  /** A place the dictionary knows (a city, region, country) named in the sentence itself. */
  namedPlace: boolean;
  /** An amount of money (a number and a currency). */
  money: boolean;
  /** The day of the news itself ("26 декабря 2025 года" in a text of that day). */
  newsDay: boolean;
  /** A month named (not the day of the news). */
  month: boolean;
  /** A share: a percentage or a fraction ("50%", "половина", "екі есе"). */
  share: boolean;
  /** A site or an app by its web address ("egov.kz", "http://pki.gov.kz"). */
  site: boolean;
  /** A body by its name ("Казахтелеком", «Kcell»): a capitalised word inside a sentence, not a place nor the outlet. */
  body: boolean;
  /** A purpose stated ("в целях", "с целью", "мақсатында", "чтобы"). */
  purpose: boolean;
}

/** A sentence (or an aligned ru+kk pair of sentences) as the index sees it. */
export interface Passage {
  id: string;
  doc: string;
  text: Partial<Record<Language, Sentence>>;
  terms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
  holds: Holds;
  /** Years the sentence and its context name. */
  years: ReadonlySet<number>;
  /** Places named in the sentence and its context. */
  places: ReadonlySet<string>;
  /** Where in its text the sentence stands, 0 (first) .. 1 (last). */
  position: number;
  /** Each form of a phrase's head in the sentence -> the forms of each of its modifiers ("интернет" -> [["спутник", ...]]). */
  qualified: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** A document as indexed: its metadata, every term of its texts, its passages. */
export interface IndexedDocument {
  doc: Document;
  year: number;
  terms: ReadonlySet<string>;
  years: ReadonlySet<number>;
  passages: Passage[];
  /** The headlines that state something, as a passage (id "#0"): searched only when no sentence answers. */
  headline?: Passage;
  /** The headline of each text, when it opens with one. */
  titles: Partial<Record<Language, string>>;
  numbers: { text: string; year?: number }[];
}

const WORDS = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const sentenceKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The year of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * A unit kept by the index, copied by this code: analyze()'s own objects then die young while a
 * corpus is built, so V8 does not pretenure its allocation sites, which every question also uses.
 */
function keptUnit(u: Unit): Unit {
  const kept: Unit = {
    surface: u.surface,
    stems: u.stems.slice(),
    keys: u.keys.slice(),
    kind: u.kind,
    at: u.at,
  };
  if (u.words !== undefined) kept.words = u.words.map(keptUnit);
  if (u.place !== undefined) kept.place = u.place;
  if (u.verb !== undefined) kept.verb = u.verb;
  return kept;
}

/** Sentences of one text of a document, with their context. */
export function sentencesOf(
  raw: string,
  lang: Language,
  year: number,
  lexicon: Lexicon,
): { title?: string; sentences: Sentence[]; headline?: Sentence } {
  const { title, paragraphs } = cleanDocument(resolveRelativeTime(raw, year));
  const seen = new Set<string>();
  const raws: { text: string; paragraph: number }[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const part of splitSentences(paragraph)) {
      const text = /[.!?…:;]["»”)]?$/u.test(part) ? part : `${part}.`;
      const key = sentenceKey(text);
      // a short line is noise, unless it is an item of a list a sentence announces
      if ((WORDS(text) < 4 && !/^[–—\-•·]\s/u.test(text)) || seen.has(key)) continue;
      seen.add(key);
      raws.push({ text, paragraph: p });
    }
  });
  const head = [title, raws[0]?.text].filter((s): s is string => s !== undefined);
  // each sentence is analysed once, though it is context of the ones after it
  const analysed = new Map<string, Unit[]>();
  const unitsOf = (text: string): Unit[] => {
    let units = analysed.get(text);
    if (units === undefined) {
      units = analyze(text, lang, lexicon).map(keptUnit);
      analysed.set(text, units);
    }
    return units;
  };
  const sentences = raws.map((s, i): Sentence => {
    const previous = [raws[i - 2], raws[i - 1]]
      .filter((r) => r !== undefined && (r.paragraph === s.paragraph || r === raws[i - 1]))
      .map((r) => (r as { text: string }).text);
    const context = [...new Set([...head, ...previous])].filter((c) => c !== s.text);
    const prev = raws[i - 1]?.text;
    return {
      lang,
      text: s.text,
      context,
      ...(prev !== undefined && ANAPHORA.test(s.text) ? { lead: prev } : {}),
      units: unitsOf(s.text),
      contextUnits: context.flatMap(unitsOf),
      position: raws.length > 1 ? i / (raws.length - 1) : 0,
    };
  });
  if (title === undefined) return { sentences };
  // a headline that states a fact ("11 тамыздан бастап ЭЦҚ тек онлайн беріледі") is a sentence too:
  // a news text often says its date or figure there and nowhere else; a question headline is not
  if (WORDS(title) < 4 || askedKinds(title).size > 0 || seen.has(sentenceKey(title)))
    return { title, sentences };
  const lead = raws[0]?.text;
  const headline: Sentence = {
    lang,
    text: /[.!?…]$/u.test(title) ? title : `${title}.`,
    context: lead === undefined ? [] : [lead],
    units: unitsOf(title),
    contextUnits: lead === undefined ? [] : unitsOf(lead),
    position: 0,
  };
  return { title, sentences, headline };
}

const NUMBER_WORDS =
  /(?<!\p{L})(один|одна|два|две|три|четыре|пять|пяти|шесть|семь|восемь|девять|десять|сто|тысяч\p{L}*|миллион\p{L}*|миллиард\p{L}*|вдвое|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жүз|мың|миллион|миллиард)(?!\p{L})/iu;
const SHARE =
  /%|(?<!\p{L})(процент|пайыз|половин|жартыс|треть|третью|четверт|ширек|вдвое|втрое|есе\p{L}*|в \p{L}+ раза?)/iu;
const GROUPED_DIGITS = /\d[ \u00a0\u202f]\d{3}(?!\d)/u;
/** A person by name: "Жаслан Мадиев", "Багдата Мусина", "А. Жұмағалиев". */
const NAME =
  /(\p{Lu}\p{Ll}{2,}[\s-]+\p{Lu}\p{Ll}{2,}(ов|ев|ин|ын|ова|ева|ина|ына|ұлы|қызы|ий|ко)\p{Ll}{0,3}(?!\p{L}))|(\p{Lu}\.\s?\p{Lu}\p{Ll}{3,})/u;
/** An amount of money: a number, then a currency. */
const MONEY =
  /\d[\d\s.,]*\s*(млн|млрд|трлн|тыс\p{L}*|миллион\p{L}*|миллиард\p{L}*|мың|\s)*\s*(тенге|теңге|тг|доллар\p{L}*|рубл\p{L}*|евро|₸|\$)/iu;
/** A body by its common name: who acts when no person is named. */
const BODY =
  /(?<!\p{L})(акимат|министерств|министр|правительств|оператор|компани|әкімдік|әкім|министрлі|үкімет)\p{Ll}*/iu;
/** A capitalised word inside a sentence (not its first word): a name of a place, body or person. */
const INNER_NAME = /[\p{Ll},]\s+(?:«|")?\p{Lu}\p{Ll}{2,}/u;

/** An office one goes to ("в ЦОН", "орталығына", "в отделение"): an answer to "where" as much as a town. */
const OFFICE = /(?<!\p{L})(центр|цон|хқко|хкко|орталы[ғқ]|офис|отделени|бөлімше|пункт)\p{L}*/iu;

/** A web address: a name, a dot and a top-level domain ("eGov.kz", "http://pki.gov.kz"). */
const WEB_ADDRESS =
  /(?<![\p{L}\d])(https?:\/\/)?[a-z\d-]+(\.[a-z\d-]+)*\.(kz|com|ru|org|net|gov|io)(?![\p{L}\d])/iu;

const RU_MONTHS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма[йя]",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
];
const KK_MONTHS = [
  "қаңтар",
  "ақпан",
  "наурыз",
  "сәуір",
  "мамыр",
  "маусым",
  "шілде",
  "тамыз",
  "қыркүйек",
  "қазан",
  "қараша",
  "желтоқсан",
];
const MONTH_STEMS = [...RU_MONTHS, ...KK_MONTHS].join("|");
const MONTH_NAMES = new RegExp(`(?<!\\p{L})(${MONTH_STEMS})`, "iu");
/** The day of a date ("11 тамыздан", "26 декабря"): a number that counts nothing. */
const DAYS_OF_MONTH = new RegExp(`(?<!\\d)\\d{1,2}\\s+(${MONTH_STEMS})`, "giu");

/** A month or a quarter: a sentence with one holds a date. */
const MONTHS = new RegExp(`(?<!\\p{L})(${MONTH_STEMS}|квартал|тоқсан)`, "iu");
const ANY_YEAR = /(?<!\d)(19|20)\d\d(?!\d)/u;

/**
 * The document's own day as its sentences write it ("26 декабря 2025 года", "2025 жылғы 26
 * желтоқсанда", "26.12.2025"): the day of the news, not an answer to "когда".
 */
function publicationDay(date: string): RegExp | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [, year, month, day] = m as unknown as [string, string, string, string];
  const d = String(Number(day));
  const i = Number(month) - 1;
  return new RegExp(
    [
      `(?<!\\d)0?${d}\\s+${RU_MONTHS[i]}\\p{L}*(\\s+${year}(\\s+года|\\s*г\\.)?)?`,
      `(${year}\\s+жылғы\\s+)?(?<!\\d)0?${d}\\s*-?\\s*${KK_MONTHS[i]}\\p{L}*`,
      `(?<!\\d)0?${d}\\.${month}\\.${year}`,
    ].join("|"),
    "giu",
  );
}

/** The name of a web address or an outlet before its first dot ("http://www.Zakon.kz" -> "zakon"). */
function siteName(address: string): string {
  return (
    address
      .toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/^www\./, "")
      .split(/[.\s]/)[0] ?? ""
  );
}

/** Whether the text names a web address other than its own outlet's ("деп хабарлайды Zakon.kz" is a byline, not a site). */
function namesSite(texts: string, outlet: string): boolean {
  const own = siteName(outlet);
  for (const m of texts.matchAll(WEB_ADDRESSES)) if (siteName(m[0]) !== own) return true;
  return false;
}
const WEB_ADDRESSES = new RegExp(WEB_ADDRESS.source, "giu");

/** A capitalised word inside a sentence (Cyrillic or Latin, "QazTech", "ТОО"), with the word before it. */
const INNER_NAMES = /(?<=[\p{Ll},]\s+(?:«|")?)\p{Lu}[\p{L}\d-]+/gu;

const fold = (word: string): string => word.toLowerCase().replace(/[-\s]+/gu, " ");

/**
 * Whether the sentences name a body: a capitalised word inside a sentence that is not a place the
 * dictionary knows nor the outlet reporting the news ("деп хабарлайды Zakon.kz" names no body).
 */
function namesBody(sentences: readonly Sentence[], outlet: string): boolean {
  const own = siteName(outlet);
  for (const s of sentences) {
    const places = s.units.filter((u) => u.place !== undefined).map((u) => fold(u.surface));
    for (const m of s.text.matchAll(INNER_NAMES)) {
      const word = fold(m[0]);
      if (siteName(word) === own || places.some((p) => p.includes(word) || word.startsWith(p))) continue;
      return true;
    }
  }
  return false;
}

/** A sentence stating a purpose. */
const PURPOSE = /(^|[^\p{L}])(в целях|с целью|чтобы|мақсатында|мақсатымен|мақсатпен)([^\p{L}]|$)/iu;

function holdsOf(sentences: readonly Sentence[], published: RegExp | undefined, outlet: string): Holds {
  const texts = sentences.map((s) => s.text).join(" ");
  const units = sentences.flatMap((s) => s.units);
  const dated = published === undefined ? texts : texts.replace(published, " ");
  return {
    // "2 000" is read as the year-like 2000 once its digits are joined: the written space says amount
    number:
      units.filter((u) => u.kind === "number").length > (texts.match(DAYS_OF_MONTH)?.length ?? 0) ||
      NUMBER_WORDS.test(texts) ||
      GROUPED_DIGITS.test(texts),
    date: ANY_YEAR.test(dated) || MONTHS.test(dated),
    month: MONTH_NAMES.test(dated),
    newsDay: dated !== texts,
    person: NAME.test(texts) || BODY.test(texts) || INNER_NAME.test(texts),
    name: NAME.test(texts),
    money: MONEY.test(texts),
    share: SHARE.test(texts),
    site: namesSite(texts, outlet),
    body: namesBody(sentences, outlet),
    purpose: PURPOSE.test(texts),
    place: units.some((u) => u.place !== undefined) || INNER_NAME.test(texts) || OFFICE.test(texts),
    namedPlace: units.some((u) => u.place !== undefined),
  };
}

/** The heads of the sentences' phrases, each with its modifiers: the sentence tells what kind of thing the head is. */
function qualifiedOf(sentences: readonly Sentence[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const s of sentences) {
    for (const u of s.units) {
      if (u.words === undefined) continue;
      const head = headOf(u.words, s.lang);
      const mods = u.words.filter((_, i) => i !== head).map((w) => [...w.stems, ...w.keys]);
      const h = u.words[head] as Unit;
      for (const form of [...h.stems, ...h.keys]) {
        const known = out.get(form);
        if (known) known.push(...mods);
        else out.set(form, [...mods]);
      }
    }
  }
  return out;
}

function passageOf(
  doc: Document,
  n: number,
  text: Partial<Record<Language, Sentence>>,
  published: RegExp | undefined,
): Passage {
  const sentences = LANGS.map((l) => text[l]).filter((s): s is Sentence => s !== undefined);
  const all = sentences.flatMap((s) => [...s.units, ...s.contextUnits]);
  const termsOfAll = (pick: (s: Sentence) => Unit[]) => sentences.flatMap((s) => termsOf(pick(s), s.lang));
  return {
    id: `${doc.id}#${n}`,
    doc: doc.id,
    text,
    terms: new Set(termsOfAll((s) => s.units)),
    contextTerms: new Set(termsOfAll((s) => s.contextUnits)),
    holds: holdsOf(sentences, published, doc.outlet),
    years: new Set(all.filter((u) => u.kind === "year").map((u) => Number(u.surface))),
    places: new Set(all.flatMap((u) => (u.place ? [u.place] : []))),
    position: Math.min(...sentences.map((s) => s.position)),
    qualified: qualifiedOf(sentences),
  };
}

/** Numbers a document states, each with the year it is about (one named beside it, else the text's). */
function numbersOf(passages: readonly Passage[], year: number): { text: string; year?: number }[] {
  const out: { text: string; year?: number }[] = [];
  for (const p of passages) {
    const s = p.text.ru ?? p.text.kk;
    if (!s) continue;
    const named = s.units.find((u) => u.kind === "year");
    for (const [i, u] of s.units.entries()) {
      if (u.kind !== "number") continue;
      const next = s.units[i + 1];
      const text = next && next.kind === "word" ? `${u.surface} ${next.surface}` : u.surface;
      out.push({ text, year: named ? Number(named.surface) : year });
    }
  }
  return out;
}

/** Analyses one document into passages (a pair's sentences aligned into bilingual passages). */
export function indexDocument(doc: Document, lexicon: Lexicon): IndexedDocument {
  const year = yearOf(doc.date);
  const read = (lang: Language) => {
    const text = doc.texts[lang];
    return text ? sentencesOf(text, lang, year, lexicon) : { sentences: [] };
  };
  const { title: ruTitle, sentences: ru, headline: ruHeadline } = read("ru");
  const { title: kkTitle, sentences: kk, headline: kkHeadline } = read("kk");
  const titles: Partial<Record<Language, string>> = {
    ...(ruTitle ? { ru: ruTitle } : {}),
    ...(kkTitle ? { kk: kkTitle } : {}),
  };
  const groups: Partial<Record<Language, Sentence>>[] =
    ru.length > 0 && kk.length > 0
      ? alignSentences(ru, kk, doc.outlet)
      : [...ru.map((s) => ({ ru: s })), ...kk.map((s) => ({ kk: s }))];
  const published = publicationDay(doc.date);
  const passages = groups.map((g, i) => passageOf(doc, i + 1, g, published));
  // a pair's headlines say the same thing: one passage
  const headlines = { ...(ruHeadline ? { ru: ruHeadline } : {}), ...(kkHeadline ? { kk: kkHeadline } : {}) };
  const headline = ruHeadline || kkHeadline ? passageOf(doc, 0, headlines, published) : undefined;
  const terms = new Set<string>();
  const years = new Set<number>([year]);
  for (const p of passages) {
    for (const t of p.terms) terms.add(t);
    for (const t of p.contextTerms) terms.add(t);
    for (const y of p.years) years.add(y);
  }
  return {
    doc,
    year,
    terms,
    years,
    passages,
    ...(headline ? { headline } : {}),
    titles,
    numbers: numbersOf(passages, year),
  };
}
