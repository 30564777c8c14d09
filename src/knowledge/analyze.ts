/**
 * Text -> analysis units: words stemmed by their language's analyzer (Russian Snowball, the
 * Kazakh suffix stripper), stopwords dropped, numbers, years and Latin names kept as
 * language-neutral anchors, and dictionary lemmas, places and aliases (one word or several)
 * mapped to a shared key, so that a Russian and a Kazakh word that mean the same match.
 */
import { converbs, KK_QUESTION_STEMS, KK_STOPWORDS_FOLDED, stemKk } from "./analyzers/kk.js";
import { RU_STOPWORDS, stemRu } from "./analyzers/ru.js";
import type { DictionaryData } from "./dictionary.js";
import { normalizeText, tokenize } from "./text.js";
import type { Language } from "./types.js";

export type UnitKind = "word" | "number" | "year" | "latin";

/** One meaningful piece of a text: a word, a number, or a dictionary phrase spanning several words. */
export interface Unit {
  /** The normalised token(s) as written. */
  surface: string;
  /** Stems of the words (one for a word, several for a phrase). */
  stems: string[];
  /** Shared keys: dictionary concepts (`~n`), places (`@id`) of the unit as a whole. */
  keys: string[];
  /** Of a phrase: its words one by one, each with its own keys (a phrase's words keep their meaning). */
  words?: Unit[];
  kind: UnitKind;
  /** The place id when the unit names a place. */
  place?: string;
  /**
   * The word's part of speech as the dictionary knows it (from the lemmas its own stem is, not a
   * family's): true a verb ("заработал": "заработать"), false a noun or other; unknown when the
   * dictionary does not know the stem or knows it as both.
   */
  verb?: boolean;
  /** Index of the unit's first token among the text's tokens (to read the original casing). */
  at: number;
}

// Kazakh function words also as typed on a Russian keyboard ("бизге", "нешинши")
const STOPWORDS: Record<Language, ReadonlySet<string>> = { ru: RU_STOPWORDS, kk: KK_STOPWORDS_FOLDED };
const STEM: Record<Language, (token: string) => string> = { ru: stemRu, kk: stemKk };
const YEAR = /^(19[5-9]\d|20\d\d)$/;

const STEM_CACHE_MAX = 50_000;
const stemCache: Record<Language, Map<string, string>> = { ru: new Map(), kk: new Map() };

/** The stem of a normalised token in its language (remembered: texts, dictionary and questions repeat words). */
export function stemOf(token: string, lang: Language): string {
  const cache = stemCache[lang];
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = STEM[lang](token);
    if (cache.size >= STEM_CACHE_MAX) cache.clear();
    cache.set(token, stem);
  }
  return stem;
}

export function kindOf(token: string): UnitKind {
  if (YEAR.test(token)) return "year";
  if (/^\d+(\.\d+)?$/.test(token)) return "number";
  if (/[a-z]/.test(token) || /^\d/.test(token)) return "latin";
  return "word";
}

/** A dictionary entry as stems: one or several words that stand for `key`. */
interface Entry {
  stems: string[];
  key: string;
  place?: string;
  /** Of a one-word place: the name as written (normalised), whose case forms alone name the place. */
  name?: string;
  /** A one-word verb lemma: a Russian infinitive ("заработать"), or a Kazakh word of a row whose Russian lemmas all are ("табу"). */
  verb: boolean;
}

/**
 * Infinitive endings whose past tense the stemmer cuts to another stem ("ввести" / "ввёл",
 * "пройти" / "прошла", "вырасти" / "вырос", "помочь" / "помог"): ending -> its past (masculine,
 * feminine). Prefixed verbs take their prefix along ("про-йти" / "про-шёл").
 */
const IRREGULAR_PAST: readonly (readonly [string, string, string])[] = [
  ["вести", "вел", "вела"],
  ["везти", "вез", "везла"],
  ["йти", "шел", "шла"],
  ["расти", "рос", "росла"],
  ["мочь", "мог", "могла"],
  ["влечь", "влек", "влекла"],
  ["стичь", "стиг", "стигла"],
];

/** The past tenses of a lemma that begins with such an infinitive ("пройти проверку": "прошёл проверку", "прошла проверку"). */
function pastTenses(lemma: string): string[] {
  const [first = "", ...rest] = normalizeText(lemma).split(" ");
  const row = IRREGULAR_PAST.find(([inf]) => first.endsWith(inf) && first.length > inf.length);
  if (row === undefined) return [];
  const base = first.slice(0, first.length - row[0].length);
  return [row[1], row[2]].map((past) => [`${base}${past}`, ...rest].join(" "));
}

/** A Russian infinitive ("заработать", "зарегистрироваться", "найти", "помочь"); not a noun in -сть ("область", "часть"). */
const RU_INFINITIVE = /\p{L}{3}([^с]ть|ться|ти|тись|чь|чься)$/u;

/**
 * The dictionary analysed into stems per language: what a stem sequence stands for. Built once
 * per corpus; a later dictionary file is a data change, not a code change.
 */
export class Lexicon {
  /** Entries by the first letters of their first stem (for word-family matches). */
  private readonly byFirst: Record<Language, Map<string, Entry[]>> = { ru: new Map(), kk: new Map() };
  /** Entries by their first stem exactly. */
  private readonly exactFirst: Record<Language, Map<string, Entry[]>> = { ru: new Map(), kk: new Map() };
  private readonly registered = new Set<string>();
  private next = 0;
  /** Stems of the Russian infinitives the dictionary uses anywhere, in phrases too ("пройти" of "пройти проверку"). */
  private readonly infinitives = new Set<string>();
  /** Old name -> new name, keyed by the old name's stems (for "renamed since" notes). */
  readonly renames: { stems: string[]; lang: Language; old: string; new: string; since: string }[] = [];

  constructor(data: DictionaryData) {
    const keys = this.conceptKeys(data);
    this.next = data.pairs.length;
    data.pairs.forEach((pair, i) => {
      const key = keys[i] as string;
      // which Russian lemmas begin with an infinitive, and every infinitive a phrase holds
      const verbs = pair.ru.map((lemma) => {
        const words = normalizeText(lemma).split(" ");
        for (const w of words) if (RU_INFINITIVE.test(w)) this.infinitives.add(stemOf(w, "ru"));
        return RU_INFINITIVE.test(words[0] ?? "");
      });
      pair.ru.forEach((lemma, j) => {
        this.register("ru", lemma, key, undefined, verbs[j]);
        for (const past of pastTenses(lemma)) this.register("ru", past, key, undefined, verbs[j]);
      });
      // a row whose Russian lemmas are all verbs ("заменить" / "ауыстыру") makes its Kazakh words verbs too
      const verbRow = verbs.length > 0 && verbs.every(Boolean);
      for (const lemma of pair.kk) this.register("kk", lemma, key, undefined, verbRow);
    });
    this.registerImpliedWords(data);
    for (const place of data.places) {
      const key = `@${place.id}`;
      for (const name of place.ru) this.register("ru", name, key, place.id);
      for (const name of place.kk) this.register("kk", name, key, place.id);
    }
    for (const alias of data.aliases) this.registerAlias(alias.old, alias.new, alias.since, alias.lang);
    // once, when every entry is in (the lookups while building ask only whether a word has a row)
    this.sortEntries();
    this.phraseStems.clear();
    this.families.clear();
  }

  /** Longest entries first: a phrase wins over its first word. */
  private sortEntries(): void {
    for (const lang of ["ru", "kk"] as const)
      for (const map of [this.byFirst[lang], this.exactFirst[lang]])
        for (const list of map.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /** Stems of each lemma, computed once while the dictionary is read. */
  private readonly phraseStems = new Map<string, string[]>();

  /**
   * One key per concept: rows that share a lemma (the same stems in the same language, e.g.
   * "запуск" and "запустить" both "іске қосу") are one concept; short one-word lemmas join nothing.
   */
  private conceptKeys(data: DictionaryData): string[] {
    const parent = data.pairs.map((_, i) => i);
    const root = (i: number): number => {
      let r = i;
      while (parent[r] !== r) r = parent[r] as number;
      parent[i] = r;
      return r;
    };
    const owner = new Map<string, number>();
    data.pairs.forEach((pair, i) => {
      const lemmas = [...pair.ru.map((l) => `ru:${l}`), ...pair.kk.map((l) => `kk:${l}`)];
      for (const lemma of lemmas) {
        const lang = lemma.slice(0, 2) as Language;
        const stems = this.stemsOf(lang, lemma.slice(3));
        // a short one-word lemma is often polysemous ("жол": road, line): it joins no rows
        if (stems.length === 0 || (stems.length === 1 && (stems[0] as string).length < 6)) continue;
        // the same word, not the same stem: "удалённый" and "удаление" share a stem, not a meaning
        const id = `${lang}:${normalizeText(lemma.slice(3))}`;
        const other = owner.get(id);
        if (other === undefined) owner.set(id, i);
        else parent[root(i)] = root(other);
      }
    });
    return data.pairs.map((_, i) => `~${root(i)}`);
  }

  private stemsOf(lang: Language, phrase: string): string[] {
    const id = `${lang}:${phrase}`;
    let stems = this.phraseStems.get(id);
    if (stems === undefined) {
      stems = tokenize(normalizeText(phrase))
        .filter((t) => !STOPWORDS[lang].has(t))
        .map((t) => stemOf(t, lang));
      this.phraseStems.set(id, stems);
    }
    return stems;
  }

  private register(lang: Language, phrase: string, key: string, place?: string, verb = false): void {
    const stems = this.stemsOf(lang, phrase);
    const first = stems[0];
    if (first === undefined) return;
    const bucket = first.slice(0, BUCKET);
    const id = `${lang} ${key} ${stems.join(" ")}`;
    if (this.registered.has(id)) return;
    this.registered.add(id);
    const name =
      place && stems.length === 1
        ? tokenize(normalizeText(phrase)).find((t) => stemOf(t, lang) === first)
        : undefined;
    const entry: Entry = {
      stems,
      key,
      verb: verb && stems.length === 1,
      ...(place ? { place } : {}),
      ...(name ? { name } : {}),
    };
    const list = this.byFirst[lang].get(bucket) ?? [];
    list.push(entry);
    this.byFirst[lang].set(bucket, list);
    const exactList = this.exactFirst[lang].get(first) ?? [];
    exactList.push(entry);
    this.exactFirst[lang].set(first, exactList);
  }

  /**
   * Word pairs the dictionary's two-word phrases imply: in "информационная система / ақпараттық
   * жүйе", whose "система / жүйе" is a known pair, the other two words translate each other
   * ("информационная / ақпараттық"), in either word order ("распознавание лица / бет-әлпетті
   * тану"). A modifier that has no row of its own then meets its translation.
   */
  private registerImpliedWords(data: DictionaryData): void {
    const content = (lang: Language, lemma: string): string[] =>
      tokenize(normalizeText(lemma)).filter((t) => !STOPWORDS[lang].has(t) && kindOf(t) === "word");
    const implied = new Map<string, [string, string]>();
    for (const pair of data.pairs)
      for (const ru of pair.ru.map((l) => content("ru", l)))
        for (const kk of pair.kk.map((l) => content("kk", l))) this.impliedBy(ru, kk, implied);
    for (const [r, k] of implied.values()) {
      const key = `~${this.next++}`;
      this.register("ru", r, key);
      this.register("kk", k, key);
    }
  }

  /** The word pair a two-word Russian and Kazakh phrase implies, when its other pair is known and neither word has a row. */
  private impliedBy(
    ru: readonly string[],
    kk: readonly string[],
    implied: Map<string, [string, string]>,
  ): void {
    if (ru.length !== 2 || kk.length !== 2) return;
    for (const [a, c] of CROSS) {
      const [r, k] = [ru[1 - a] as string, kk[1 - c] as string];
      if (r.length < 4 || k.length < 4 || this.knows("ru", r) || this.knows("kk", k)) continue;
      if (this.samePair(ru[a] as string, kk[c] as string))
        implied.set(`${stemOf(r, "ru")} ${stemOf(k, "kk")}`, [r, k]);
    }
  }

  /** Whether the dictionary has a one-word row for the word. */
  private knows(lang: Language, word: string): boolean {
    return this.matchWord(lang, stemOf(word, lang)).length > 0;
  }

  /** Whether a Russian and a Kazakh word share a one-word dictionary concept. */
  private samePair(ru: string, kk: string): boolean {
    const keys = new Set(this.matchWord("ru", stemOf(ru, "ru")).map((e) => e.key));
    return this.matchWord("kk", stemOf(kk, "kk")).some((e) => keys.has(e.key));
  }

  private registerAlias(old: string, renamed: string, since: string, langCell: string): void {
    const langs: Language[] = langCell === "ru" || langCell === "kk" ? [langCell] : ["ru", "kk"];
    for (const lang of langs) {
      const target = this.match(lang, this.stemsOf(lang, renamed), 0);
      const key = target.length > 0 ? (target[0] as Entry).key : `=${this.next++}`;
      const place = target[0]?.place;
      if (target.length === 0) this.register(lang, renamed, key);
      this.register(lang, old, key, place);
      this.renames.push({ stems: this.stemsOf(lang, old), lang, old, new: renamed, since });
    }
  }

  /** Whether the dictionary writes this Russian stem as an infinitive somewhere (a phrase's verb too). */
  isInfinitive(lang: Language, stem: string): boolean {
    return lang === "ru" && this.infinitives.has(stem);
  }

  /** One-word entries for a stem (exact, else of its word family). */
  matchWord(lang: Language, stem: string): Entry[] {
    const found = (this.exactFirst[lang].get(stem) ?? []).filter((e) => e.stems.length === 1);
    if (found.length > 0) return found;
    const list = (this.byFirst[lang].get(stem.slice(0, BUCKET)) ?? []).filter((e) => e.stems.length === 1);
    return list.filter((e) => (e.place ? samePlace : sameFamily)(e.stems[0] as string, stem));
  }

  /**
   * Entries whose stems start at position `i` of `stems`: the longest phrase first; words equal
   * to the entry's stems, else stems of one family (see `sameFamily`).
   */
  match(lang: Language, stems: readonly string[], i: number): Entry[] {
    const first = stems[i] ?? "";
    const exactHits = matchFrom(this.exactFirst[lang].get(first) ?? [], stems, i, exact);
    return exactHits.length > 0 ? exactHits : matchFrom(this.familyOf(lang, first), stems, i, sameFamily);
  }

  /** Entries whose first stem is of the same family as `stem` (remembered per stem). */
  private familyOf(lang: Language, stem: string): Entry[] {
    const id = `${lang} ${stem}`;
    let found = this.families.get(id);
    if (found === undefined) {
      found = (this.byFirst[lang].get(stem.slice(0, BUCKET)) ?? []).filter((e) =>
        (e.place ? samePlace : sameFamily)(stem, e.stems[0] as string),
      );
      if (this.families.size >= 50_000) this.families.clear();
      this.families.set(id, found);
    }
    return found;
  }
  private readonly families = new Map<string, Entry[]>();
}

const BUCKET = 3;
/** The word of a Russian and of a Kazakh two-word phrase that may be a known pair, in either order. */
const CROSS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** The longest entries of `pool` whose stems follow position `i` (first stems already compared). */
function matchFrom(
  pool: readonly Entry[],
  stems: readonly string[],
  i: number,
  same: (a: string, b: string) => boolean,
): Entry[] {
  let found: Entry[] = [];
  for (const entry of pool) {
    if (found.length > 0 && entry.stems.length < (found[0] as Entry).stems.length) break;
    const test = same === sameFamily && entry.place ? samePlace : same;
    let all = true;
    for (let k = 1; k < entry.stems.length && all; k++)
      all = test(stems[i + k] ?? "", entry.stems[k] as string);
    if (all) found = [...found, entry];
  }
  return found;
}
/** Marks an index term that stands inside a longer dictionary phrase ("паспорт" of "паспорт здоровья"). */
export const PART = "+";

/** Keys of the one-word entries for a stem. */
function wordKeys(lexicon: Lexicon, lang: Language, stem: string): string[] {
  return lexicon.matchWord(lang, stem).map((e) => e.key);
}
const exact = (a: string, b: string): boolean => a === b;

/** A place name in another case ("Астана"/"Астане" stem to "аста"/"астан"): one letter more at most, four letters shared. */
function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "қырғызстанда" stems to "қырғызста", the name itself to "қырғызс" (the stripper reads "-тан"
  // as a case ending): a longer place stem may differ by two letters
  const most = short.length >= 6 ? 2 : 1;
  return short.length >= 4 && long.length - short.length <= most && long.startsWith(short);
}

/**
 * Two stems of one word family, as stemmers cut them differently ("запуск"/"запуст",
 * Kazakh "орн"/"орнын"): one extends the other by at most two letters, or they share all but
 * the last letter of the shorter, five letters at least.
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  const short = Math.min(a.length, b.length);
  const long = Math.max(a.length, b.length);
  let c = 0;
  while (c < short && a.charCodeAt(c) === b.charCodeAt(c)) c++;
  if (c === short) return short >= 3 && long - short <= 2;
  return c >= 5 && c >= short - 1 && long - c <= 2;
}

/** The normalised tokens of a text. */
export function tokensOf(text: string): string[] {
  return tokenize(normalizeText(text));
}

/** Analyses a text of one language into units (stopwords dropped, dictionary phrases joined). */
export function analyze(text: string, lang: Language, lexicon: Lexicon): Unit[] {
  const tokens = tokensOf(text);
  const kept: { token: string; stem: string; at: number }[] = [];
  // a Kazakh converb before "алу" (can) is read as its verb ("жүгіне алады": "жүгіну")
  const verbs = lang === "kk" ? converbs(tokens) : undefined;
  tokens.forEach((token, at) => {
    const verb = verbs?.get(at);
    if (verb === undefined && (STOPWORDS[lang].has(token) || (token.length < 2 && !/\d/.test(token)))) return;
    const stem = stemOf(verb ?? token, lang);
    // a question word in a case form ("қаншаға", "кімнің") still only says what is asked
    if (lang === "kk" && KK_QUESTION_STEMS.has(stem)) return;
    kept.push({ token, stem, at });
  });
  const stems = kept.map((k) => k.stem);
  const units: Unit[] = [];
  for (let i = 0; i < kept.length; ) {
    const entries = lexicon
      .match(lang, stems, i)
      .filter((e) => !e.name || caseFormOf(kept[i]?.token ?? "", e.name));
    const width = entries[0]?.stems.length ?? 1;
    const part = kept.slice(i, i + width);
    const first = part[0] as (typeof part)[number];
    const place = entries.find((e) => e.place)?.place;
    const words =
      width > 1
        ? part.map(
            (p): Unit => ({
              surface: p.token,
              stems: [p.stem],
              keys: wordKeys(lexicon, lang, p.stem),
              kind: kindOf(p.token),
              at: p.at,
            }),
          )
        : undefined;
    const verb =
      width === 1
        ? (partOfSpeech(entries, first.stem) ?? (lexicon.isInfinitive(lang, first.stem) || undefined))
        : undefined;
    units.push({
      surface: part.map((p) => p.token).join(" "),
      stems: part.map((p) => p.stem),
      keys: [...new Set(entries.map((e) => e.key))],
      ...(words ? { words } : {}),
      kind: width === 1 ? kindOf(first.token) : "word",
      ...(place ? { place } : {}),
      ...(verb !== undefined ? { verb } : {}),
      at: first.at,
    });
    i += width;
  }
  return units;
}

/** Endings a place name takes in a case (Russian and Kazakh); "-нда" follows only a possessive, never a bare name. */
const CASE_ENDINGS = new Set(
  (
    " а я у ю е и ы ой ей ом ем ою ею ью да де та те ға ге қа ке ны ні ды ді ты ті н ның нің дың дің тың тің " +
    "дан ден тан тен нан нен мен бен пен дағы дегі тағы тегі"
  ).split(" "),
);
/** A name that is an adjective ("Акмолинская") declines as one; its forms are the stemmer's to find. */
const ADJECTIVE = /(ая|ий|ый|ой|ое)$/;

/**
 * Whether a word is the one-word place `name` in a case: the name (or the name without its last
 * "а/я/ы/ь": "Астане", "Грузии") and a case ending; a longer word sharing the name's first letters
 * ("алғанда" / "Алға", "грузит" / "Грузия") is another word.
 */
export function caseFormOf(token: string, name: string): boolean {
  if (ADJECTIVE.test(name)) return true;
  if (token.startsWith(name) && CASE_ENDINGS.has(token.slice(name.length))) return true;
  const base = /[аяыьй]$/.test(name) ? name.slice(0, -1) : undefined;
  return base !== undefined && token.startsWith(base) && CASE_ENDINGS.has(token.slice(base.length));
}

/** Whether a word is a verb by the lemmas its own stem is (not a family's): undefined when unknown or both. */
function partOfSpeech(entries: readonly Entry[], stem: string): boolean | undefined {
  const own = entries.filter((e) => e.stems.length === 1 && e.stems[0] === stem && e.place === undefined);
  if (own.length === 0) return undefined;
  const verbs = own.filter((e) => e.verb).length;
  return verbs === own.length ? true : verbs === 0 ? false : undefined;
}

/** Russian adjectives and participles (a phrase's modifiers), by their endings. */
const RU_MODIFIER = /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими|но)$/u;

/**
 * The head word of a phrase: in Kazakh the last (modifiers come first), in Russian the first
 * word that is not an adjective ("коммерческий запуск", "паспорт здоровья").
 */
export function headOf(words: readonly Unit[], lang: Language): number {
  if (lang === "kk") return words.length - 1;
  const i = words.findIndex((w) => w.kind !== "word" || !RU_MODIFIER.test(w.surface));
  return i < 0 ? words.length - 1 : i;
}

/**
 * A looser form of a Kazakh stem: its first five letters. The suffix stripper cuts one word
 * differently in different forms ("тапсырма", "тапсыр-ылды"); a question term that matches
 * only this way counts less (Policy.prefixCredit).
 */
export function looseOf(stem: string, lang: Language): string | undefined {
  return lang === "kk" && stem.length >= 6 && !/\d|[a-z]/.test(stem) ? `>${stem.slice(0, 5)}` : undefined;
}

/** Every index term of some units: stems, loose Kazakh stems, shared keys, a phrase's words' keys. */
export function termsOf(units: readonly Unit[], lang: Language): string[] {
  const terms: string[] = [];
  for (const u of units) {
    terms.push(...u.keys);
    // a phrase's head word stands for itself; its modifiers are marked: a question about a
    // modifier alone ("паспорт" of "паспорт здоровья" is the head, "здоровья" a modifier) is only partly answered
    if (u.words) {
      const head = headOf(u.words, lang);
      u.words.forEach((w, i) => {
        const own = [...w.stems, ...w.keys];
        terms.push(...(i === head ? own : own.map((t) => `${PART}${t}`)));
      });
    } else terms.push(...u.stems);
    for (const s of u.stems) {
      const loose = looseOf(s, lang);
      if (loose) terms.push(loose);
    }
  }
  return terms;
}
