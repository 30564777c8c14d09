import { KK_STOPWORDS_FOLDED, stemKkFolded } from "./analyzers/kk.js";
import { RU_STOPWORDS } from "./analyzers/ru.js";
import {
  afterWhich,
  asksTotal,
  asksWhich,
  countedPart,
  focusClause,
  isAddressee,
  isStopwordTypo,
} from "./focus.js";
import type { FactCard, Seeds } from "./ingest.js";
import {
  type AnswerKind,
  answerKinds,
  asksAboutFuture,
  hasAnswerOfKind,
  isHowTo,
  isPlaceWord,
  latestYear,
  namesAgent,
  requiredKinds,
} from "./intent.js";
import { detectLanguage } from "./language.js";
import { deLatinize } from "./latin.js";
import { type Analyzer, CONCEPT_PREFIX, createAnalyzer, type QueryToken } from "./lexicon.js";
import { resolveRelativeTime } from "./relative-time.js";
import { TermIndex, TermStats } from "./search-index.js";
import { classifySmalltalk } from "./smalltalk.js";
import type { Announcement, Language, Reply, Source } from "./types.js";
import { isFunctionShaped } from "./word-shape.js";

/**
 * Minimum share of the question's content (IDF-weighted) that the chosen passage or card must
 * match for the reply to be an answer; below it the bot says it does not know. Calibrated on
 * the sample and held-out question sets, see README.md.
 */
export const ANSWER_THRESHOLD: Record<Language, number> = { ru: 0.5, kk: 0.5 };
/** A term recovered by typo correction counts this much of its weight. */
const CORRECTED_WEIGHT = 0.8;
/**
 * An unknown word shaped like a verb, an adverb or a function word counts this much of an
 * unknown word's weight (about half the rarest known term) and is never required.
 */
const FUNCTION_WEIGHT = 0.35;
/** An unknown word outside the last clause of a long question counts this much and is never required. */
const CONTEXT_WEIGHT = 0.2;
/** The context of a long question weighs at most this share of the rest of the question. */
const CONTEXT_SHARE = 0.5;
/** A weak concept (the country's name) counts this much of its weight. */
const WEAK_WEIGHT = 0.2;
/** A candidate that matches this many strong terms need not hold the most specific one. */
const KEY_WAIVER = 3;
/** How many search results are re-ranked by coverage. */
const CANDIDATES = 12;
/**
 * Rank bonus of a candidate that holds what the question asks for (a number for "сколько", a
 * year for "когда", places, a person): it chooses between facts of one document that share the
 * question's nouns, and never lifts a candidate over the threshold.
 */
const KIND_BONUS = 0.12;
/** Rank bonus of a fact that counts what "сколько X" asks about ("100 тысяч рабочих мест"). */
const COUNTED_BONUS = 0.05;
/** Rank bonus of the fact about the latest year when the question speaks of what is ahead. */
const TIME_BONUS = 0.1;

interface Item {
  id: string;
  kind: "passage" | "card" | "announcement";
  source: Source;
  text: Partial<Record<Language, string>>;
  terms: Partial<Record<Language, string[]>>;
  /** What kinds of answer the text holds (a number, a year, places, a person), per language. */
  kinds: Partial<Record<Language, Set<AnswerKind>>>;
  latestYear: Partial<Record<Language, number>>;
  /** Whether the text names a person or an organisation (what "кто" requires). */
  agent: Partial<Record<Language, boolean>>;
  /** Terms that occur only as a unit right after a number ("долларов" in "500 миллионов долларов"). */
  units: Partial<Record<Language, Set<string>>>;
  /** Terms the text counts: a number stands right before them ("100 тысяч рабочих мест"). */
  counted: Partial<Record<Language, Set<string>>>;
  topic?: string;
  card?: FactCard;
  /** Related questions per language, filled at build time (`KnowledgeBase.related`). */
  related?: Partial<Record<Language, RelatedQuestion[]>>;
}

/** The fields of an item that `put` derives from its text. */
type DerivedField = "terms" | "kinds" | "latestYear" | "agent" | "units" | "counted";

/** A related question, and the form it is compared in with the question asked. */
interface RelatedQuestion {
  q: string;
  /** Trimmed and lower-cased. */
  key: string;
}

interface QueryTerm {
  term: string;
  weight: number;
  /** A weak concept: never required for a match. */
  weak?: boolean;
  /** Shaped like a verb or function word ("получат"): never the question's most specific term. */
  verbal?: boolean;
  /** A word of the situation told around the question (CONTEXT_WEIGHT). */
  context?: boolean;
  /** A city, a region or a year named in the question: it decides between candidates. */
  constraint?: boolean;
}

/** Diagnostics of one question, for calibration and tests. */
export interface Explanation {
  lang: Language;
  terms: QueryTerm[];
  best?: { id: string; coverage: number; score: number };
  /** Best coverage when short questions need not be matched whole (for calibration). */
  ungated: number;
}

/** What the wording of a question requires of an answer, besides its words. */
interface Signals {
  /** The question speaks of this year or what is ahead. */
  future?: boolean;
  /** The attribute "какой/қандай" asks about ("какая скорость"): an answer must hold it. */
  attribute?: string | undefined;
  /** "сколько X": the fact that counts X (a number right before it) is preferred. */
  counted?: string | undefined;
  /** "сколько всего X": only a fact that counts X answers. */
  total?: boolean;
  /** The question asks "какой/қандай": which value. */
  which?: boolean;
  /** What the answer must hold (a person for "кто", a number for "сколько", a date for "когда"). */
  required?: ReadonlySet<AnswerKind>;
}

const LANGS: readonly Language[] = ["ru", "kk"];

/** A search result that passed the rules, with its rank among the others. */
interface Candidate {
  item: Item;
  coverage: number;
  /** Its search score relative to the best result's. */
  score: number;
  rank: number;
  year: number;
  /** The weight of the question's years the candidate does not hold. */
  undated: number;
}
const KINDS: readonly AnswerKind[] = ["count", "when", "where", "who"];

/** Prefixes of compound words whose second part is a word of its own ("госдокументы", "телемедицина"). */
const COMPOUND_PREFIX: Record<Language, RegExp> = {
  ru: /^(?:гос|цифро|теле|кибер|электро|мед|соц)(\p{L}{4,})$/u,
  kk: /(?!)(.)/u, // none known yet
};

/** The exchange rate ("курс", "бағамы"): with units only, a question about money, not the texts. */
const RATE = /^(курс|бағам|багам)$/u;

/** A year ("2022"). */
const isYear = (term: string): boolean => /^(19|20)\d\d$/.test(term);

/** A rank bonus per city, region or year of the question that a candidate names. */
const CONSTRAINT_BONUS = 0.15;

/** A number that is not a year ("500", "7.6"). */
const isNumber = (term: string): boolean => /^\d/.test(term) && !/^(19|20)\d\d$/.test(term);
/** A number or an order of magnitude ("500", "~million"). */
const isQuantity = (term: string): boolean => isNumber(term) || MAGNITUDES.has(term);
const MAGNITUDES = new Set(["~million", "~billion", "~thousand"]);

/** Whether a text holds every kind of answer a question requires. */
function holdsAll(item: Item, lang: Language, required: ReadonlySet<AnswerKind>): boolean {
  const held = item.kinds[lang];
  for (const k of required) if (k === "who" ? !item.agent[lang] : !held?.has(k)) return false;
  return true;
}

/** Units of measure that occur only right after a number or a magnitude ("500 миллионов долларов"). */
function unitsOf(terms: readonly string[], isUnit: (term: string) => boolean): Set<string> {
  const units = new Set<string>();
  const elsewhere = new Set<string>();
  terms.forEach((t, i) => {
    if (isQuantity(t)) return;
    if (isUnit(t) && i > 0 && isQuantity(terms[i - 1] as string)) units.add(t);
    else elsewhere.add(t);
  });
  for (const t of elsewhere) units.delete(t);
  return units;
}

/**
 * The terms a text counts: a number stands at most three terms before the term with no other
 * concept between ("100 тысяч новых рабочих мест", not "36 учреждений, в их числе школы").
 * Computed once per text at build time, so that no question runs (and compiles) this scan.
 */
function countedTerms(terms: readonly string[]): Set<string> {
  const counted = new Set<string>();
  for (let i = 0; i < terms.length; i++) {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const before = terms[k] as string;
      if (isNumber(before)) {
        counted.add(terms[i] as string);
        break;
      }
      if (before.startsWith(CONCEPT_PREFIX) && !MAGNITUDES.has(before)) break;
    }
  }
  return counted;
}

/**
 * The knowledge base: passages, fact cards and announcements in one MiniSearch index (through the
 * `TermIndex` adapter).
 */
export class KnowledgeBase {
  private readonly analyzer: Analyzer;
  private readonly index = new TermIndex();
  private readonly stats = new TermStats();
  /** The lexicon's one-word stems, so that a typo of a concept word still finds its concept. */
  private readonly lexiconStats = new TermStats();
  private readonly items = new Map<string, Item>();
  private readonly cards: FactCard[];
  /** Cards whose sample question in that language is itself answered (offered as related). */
  private readonly answerable: Record<Language, Set<string>> = { ru: new Set(), kk: new Set() };
  /** Each card's distinct terms per language, for related questions. */
  private readonly cardTerms: Record<Language, Map<string, Set<string>>> = { ru: new Map(), kk: new Map() };
  /** Reused by `best`: the query's terms, and which of them the candidate at hand matches. */
  private readonly termBuffer: string[] = [];
  private matchedBuffer = new Uint8Array(32);

  constructor(seeds: Seeds) {
    this.analyzer = createAnalyzer(seeds.lexicon);
    this.cards = seeds.cards;
    for (const lang of LANGS) {
      for (const stem of this.analyzer.singleStems(lang).keys()) this.lexiconStats.add(lang, [stem]);
    }
    const docs = new Map(seeds.documents.map((d) => [d.doc, d]));
    for (const p of seeds.passages) {
      this.put({
        id: p.id,
        kind: "passage",
        source: { doc: p.doc, outlet: p.outlet, year: p.year, ...(p.date ? { date: p.date } : {}) },
        text: { [p.lang]: p.text },
      });
    }
    for (const card of seeds.cards) {
      const meta = docs.get(card.doc);
      if (!meta) throw new Error(`knowledge: card ${card.id} cites unknown document ${card.doc}`);
      this.put({
        id: `card:${card.id}`,
        kind: "card",
        source: {
          doc: meta.doc,
          outlet: meta.outlet,
          year: meta.year,
          ...(meta.date ? { date: meta.date } : {}),
        },
        text: { ru: card.ru, kk: card.kk },
        topic: card.topic,
        card,
      });
    }
    for (const card of seeds.cards) {
      for (const lang of LANGS) {
        if (this.ask(card.q[lang], { fallbackLang: lang, related: false }).kind === "answer") {
          this.answerable[lang].add(card.id);
        }
      }
    }
    // related questions depend only on the item: computed once here, not per question
    for (const lang of LANGS) {
      for (const card of seeds.cards)
        this.cardTerms[lang].set(card.id, new Set(this.items.get(`card:${card.id}`)?.terms[lang] ?? []));
      for (const item of this.items.values()) if (item.text[lang]) this.related(item, lang, "");
    }
  }

  /** Indexes an item (replacing one with the same id); what is derived from its text starts empty. */
  private put(input: Omit<Item, DerivedField>): void {
    const item: Item = { ...input, terms: {}, kinds: {}, latestYear: {}, agent: {}, units: {}, counted: {} };
    const old = this.items.get(item.id);
    if (old) {
      for (const lang of LANGS) {
        const terms = old.terms[lang];
        if (terms) this.stats.remove(lang, terms);
      }
      this.index.discard(item.id);
    }
    const fields: Partial<Record<Language, string[]>> = {};
    for (const lang of LANGS) {
      const text = item.text[lang];
      if (text === undefined) continue;
      // indexed and shown as the reader sees it: "в прошлом году" is found by "2021"
      const resolved = resolveRelativeTime(text, item.source.year);
      item.text[lang] = resolved;
      item.kinds[lang] = new Set(KINDS.filter((k) => hasAnswerOfKind(resolved, k)));
      item.latestYear[lang] = latestYear(resolved);
      item.agent[lang] = namesAgent(resolved);
      const terms = this.analyzer.analyze(resolved, lang);
      item.terms[lang] = terms;
      item.units[lang] = unitsOf(terms, (t) => this.analyzer.isUnit(t));
      item.counted[lang] = countedTerms(terms);
      this.stats.add(lang, terms);
      // what MiniSearch indexed of `terms.join(" ")` split on spaces (terms hold no spaces)
      fields[lang] = terms.filter((t) => t !== "");
    }
    this.items.set(item.id, item);
    this.index.add(item.id, fields);
  }

  /** Adds (or replaces) a published announcement so that it becomes answerable at once. */
  addAnnouncement(a: Announcement): void {
    const time = Date.parse(a.date);
    if (Number.isNaN(time))
      throw new Error(`knowledge: announcement ${a.id} has a date that is not ISO: ${a.date}`);
    if (!a.ru.trim() || !a.kk.trim())
      throw new Error(`knowledge: announcement ${a.id} needs both ru and kk text`);
    const doc = `announcement:${a.id}`;
    this.put({
      id: doc,
      kind: "announcement",
      source: { doc, outlet: "Qazaq Digital Bot", year: new Date(time).getUTCFullYear(), date: a.date },
      text: { ru: a.ru.trim(), kk: a.kk.trim() },
      topic: a.topic,
    });
  }

  /**
   * The language of a question; what word lists leave undecided is settled by the words that
   * only one language's texts or lexicon know ("кезектер" is Kazakh, typed without Kazakh letters).
   */
  detectLanguage(question: string, fallback: Language = "ru"): Language {
    return detectLanguage(question, fallback, (token) => {
      if (token.length < 4 || /[^а-я]/u.test(token)) return undefined;
      // a Russian stopword or its misspelling ("скока") votes Russian, though its Kazakh stem
      // may fold to a lexicon term ("ско" -> "сқо")
      if (!KK_STOPWORDS_FOLDED.has(token) && (RU_STOPWORDS.has(token) || isStopwordTypo(token, "ru")))
        return "ru";
      const ru = this.knows("ru", this.analyzer.analyze(token, "ru"));
      const kk =
        this.knows("kk", this.analyzer.analyze(token, "kk")) ||
        this.stats.unfold(stemKkFolded(token)) !== undefined ||
        this.analyzer.singleStems("kk").has(stemKkFolded(token));
      return kk === ru ? undefined : kk ? "kk" : "ru";
    });
  }

  /** Whether every term is known to the texts or the lexicon of that language. */
  private knows(lang: Language, terms: string[]): boolean {
    const singles = this.analyzer.singleStems(lang);
    return (
      terms.length > 0 &&
      terms.every((t) => t.startsWith(CONCEPT_PREFIX) || this.stats.has(lang, t) || singles.has(t))
    );
  }

  /** The question's content terms with their weights (typos corrected against the vocabulary). */
  queryTerms(question: string, lang: Language): QueryTerm[] {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    const singles = this.analyzer.singleStems(lang);
    const known = (stem: string): boolean => this.stats.has(lang, stem) || singles.has(stem);
    const unfold = (folded: string): string | undefined =>
      this.stats.unfold(folded) ?? (singles.has(folded) ? folded : undefined);
    const analyze = (text: string): QueryToken[] => this.analyzer.analyzeQuery(text, lang, known, unfold);
    const tokens = analyze(question);
    // a long question tells its situation first and asks last: unknown words outside the last
    // clause are context ("у нас в школе интернет через модем еле работает")
    const strongKnown = (t: QueryToken): boolean =>
      (t.term.startsWith(CONCEPT_PREFIX) || known(t.term)) &&
      !this.analyzer.isWeak(t.term) &&
      !isFunctionShaped(t.surface, lang, false);
    const clause = focusClause(question, lang);
    const focusTokens = clause === undefined ? undefined : analyze(clause);
    const focus = focusTokens === undefined ? undefined : new Set(focusTokens.map((t) => t.term));
    // known words outside the asking clause are context too when that clause names two known
    // things of its own: it is a question without them
    let focusKnown = 0;
    for (const t of focusTokens ?? []) if (strongKnown(t)) focusKnown++;
    const contextual = focus !== undefined && focusKnown >= 2;
    for (const [i, { term: raw, surface }] of tokens.entries()) {
      let term = raw;
      let factor = 1;
      const last = i === tokens.length - 1;
      if (!raw.startsWith(CONCEPT_PREFIX) && !this.stats.has(lang, raw)) {
        // "колько", "скольо": a misspelt question word is still a question word
        if (!singles.has(raw) && isStopwordTypo(surface, lang)) continue;
        // "госдокументов" = гос + документ: a compound's known second part stands for it
        const part = COMPOUND_PREFIX[lang].exec(surface)?.[1];
        const split = part === undefined ? undefined : analyze(part)[0]?.term;
        const near = this.lexiconStats.nearest(lang, raw);
        const fixed =
          split !== undefined && (split.startsWith(CONCEPT_PREFIX) || known(split))
            ? split
            : near !== undefined
              ? singles.get(near)
              : this.stats.correct(lang, raw);
        if (fixed !== undefined) {
          term = fixed;
          factor = CORRECTED_WEIGHT;
        } else if (focus !== undefined && !focus.has(raw)) {
          if (seen.has(term)) continue;
          seen.add(term);
          out.push({ term, weight: this.stats.idf(lang, term) * CONTEXT_WEIGHT, weak: true, context: true });
          continue;
        } else if (isFunctionShaped(surface, lang, last)) {
          // "даст", "проводили", "тұрады": a verb the texts lack does not make the question another
          if (seen.has(term)) continue;
          seen.add(term);
          out.push({ term, weight: this.stats.idf(lang, term) * FUNCTION_WEIGHT, weak: true });
          continue;
        }
      }
      if (seen.has(term)) continue;
      seen.add(term);
      if (this.analyzer.isWeak(term) || (isAddressee(surface) && tokens.length > 1))
        out.push({ term, weight: this.stats.idf(lang, term) * WEAK_WEIGHT, weak: true });
      else if (!term.startsWith(CONCEPT_PREFIX) && isFunctionShaped(surface, lang, last))
        // a verb of the context of a long question ("еле работает") describes, it does not ask
        out.push(
          focus !== undefined && !focus.has(raw)
            ? { term, weight: this.stats.idf(lang, term) * CONTEXT_WEIGHT, weak: true, context: true }
            : { term, weight: this.stats.idf(lang, term) * factor, verbal: true },
        );
      else if (contextual && !focus.has(raw) && !isPlaceWord(surface) && !isYear(term))
        // a known word of the situation ("мой сын заканчивает колледж по программированию")
        // describes; a city, a region or a year of it still counts in full
        out.push({ term, weight: this.stats.idf(lang, term) * CONTEXT_WEIGHT, weak: true, context: true });
      else out.push({ term, weight: this.stats.idf(lang, term) * factor });
      if (isPlaceWord(surface) || isYear(term)) (out.at(-1) as QueryTerm).constraint = true;
    }
    // a long story around a short question ("мой сын в деревне в вко учится онлайн, инет ужасный,
    // постоянно отваливается ...") weighs at most CONTEXT_SHARE of what the question asks
    let context = 0;
    let asked = 0;
    for (const t of out)
      if (t.context) context += t.weight;
      else asked += t.weight;
    if (context > CONTEXT_SHARE * asked)
      for (const t of out) if (t.context) t.weight *= (CONTEXT_SHARE * asked) / context;
    return out;
  }

  /** The first strong content term of a part of the question (what "какой"/"сколько всего" ask). */
  private firstTerm(part: string | undefined, terms: QueryTerm[], lang: Language): string | undefined {
    if (part === undefined) return undefined;
    const first = this.queryTerms(part, lang)[0];
    if (first === undefined || !this.stats.has(lang, first.term)) return undefined;
    for (const t of terms) if (!t.weak && !t.verbal && t.term === first.term) return first.term;
    return undefined;
  }

  /** What a question requires of an answer besides its words, read from its wording. */
  private signals(question: string, lang: Language, terms: QueryTerm[]): Signals {
    return {
      future: asksAboutFuture(question, lang),
      attribute: this.firstTerm(afterWhich(question), terms, lang),
      counted: this.firstTerm(countedPart(question), terms, lang),
      total: asksTotal(question),
      required: requiredKinds(question),
      which: asksWhich(question),
    };
  }

  /** Kazakh typed in Latin letters, read as Cyrillic; words the texts know in Latin stay. */
  private deLatinize(question: string): string {
    return deLatinize(question, (word) =>
      LANGS.some((lang) => {
        const terms = this.analyzer.analyze(word, lang);
        return (
          terms.length > 0 && terms.every((t) => t.startsWith(CONCEPT_PREFIX) || this.stats.has(lang, t))
        );
      }),
    );
  }

  /** Why a question gets the reply it gets (language, weighted terms, best candidate). */
  explain(asked: string, fallbackLang: Language = "ru"): Explanation {
    const question = this.deLatinize(asked);
    const lang = this.detectLanguage(question, fallbackLang);
    const terms = this.queryTerms(question, lang);
    const kinds = answerKinds(question);
    const signals = this.signals(question, lang, terms);
    const best = this.best(terms, lang, kinds, true, signals);
    const ungated = this.best(terms, lang, kinds, false, signals)?.coverage ?? 0;
    return best
      ? { lang, terms, ungated, best: { id: best.item.id, coverage: best.coverage, score: best.score } }
      : { lang, terms, ungated };
  }

  private best(
    terms: QueryTerm[],
    lang: Language,
    kinds: ReadonlySet<AnswerKind> = new Set(),
    whole = true,
    signals: Signals = {},
  ): { item: Item; coverage: number; score: number } | undefined {
    let strongCount = 0;
    for (const t of terms) if (!t.weak) strongCount++;
    if (strongCount === 0) return undefined;
    // a question whose only content is units or currencies ("бүгін доллар қанша теңге", "курс
    // доллара") asks an exchange rate or a price, never a fact of the texts
    let content = 0;
    for (const t of terms) if (!t.weak && !this.analyzer.isUnit(t.term) && !RATE.test(t.term)) content++;
    if (whole && content === 0) return undefined;
    const queryTerms = this.termBuffer;
    for (let k = 0; k < terms.length; k++) queryTerms[k] = (terms[k] as QueryTerm).term;
    const hits = this.index.search(queryTerms, lang, CANDIDATES, terms.length);
    const top = hits.count > 0 ? (hits.scores[0] as number) : 0;
    if (top <= 0) return undefined;
    let total = 0;
    for (const t of terms) total += t.weight;
    const need = strongCount <= 2 ? strongCount : strongCount / 2;
    // the question's most specific known term: a candidate without it answers another question
    // ("сколько процентов граждан цифрово грамотны" is not answered by "100% of the population")
    let keyWeight = 0;
    for (const t of terms) if (this.isKnownStrong(t, lang) && t.weight > keyWeight) keyWeight = t.weight;
    let keyCount = 0;
    for (const t of terms) if (this.isKnownStrong(t, lang) && t.weight >= keyWeight - 1e-9) keyCount++;
    // a named entity, a blocking concept and the attribute "какой" asks about must be matched
    const { attribute, counted } = signals;
    if (this.matchedBuffer.length < terms.length) this.matchedBuffer = new Uint8Array(2 * terms.length);
    const matched = this.matchedBuffer;
    let candidates: Candidate[] | undefined;
    for (let h = 0; h < hits.count; h++) {
      const doc = hits.docs[h] as number;
      const id = this.index.idOf(doc);
      const item = id === undefined ? undefined : this.items.get(id);
      const text = item?.text[lang];
      if (!item || !text) continue;
      // "кто", "сколько", "когда" ask for a person, a number, a date: a text without one answers
      // another question ("Қазіргі ... министрі кім?" is not answered by a text naming nobody)
      if (whole && signals.required !== undefined && !holdsAll(item, lang, signals.required)) continue;
      // the query terms the candidate holds, less a unit after a number ("вырастет ли доллар":
      // "500 миллионов долларов" is not about the dollar)
      const units = kinds.has("count") ? undefined : item.units[lang];
      for (let k = 0; k < terms.length; k++) {
        const term = (terms[k] as QueryTerm).term;
        matched[k] = this.index.contains(doc, lang, term) && !(units?.has(term) ?? false) ? 1 : 0;
      }
      // (a term's flag depends only on the term: a repeated term has the same flag everywhere)
      if (whole) {
        let missing = false;
        let attributeMatched = false;
        for (let k = 0; k < terms.length; k++) {
          const term = (terms[k] as QueryTerm).term;
          if (matched[k] && term === attribute) attributeMatched = true;
          if (!matched[k] && (this.analyzer.isEntity(term) || this.analyzer.blocks(term))) missing = true;
        }
        if (missing || (attribute !== undefined && !attributeMatched)) continue;
      }
      // "сколько всего школ": a fact must count schools, not institutions that include schools
      const counting = counted !== undefined && (item.counted[lang]?.has(counted) ?? false);
      if (whole && signals.total && counted !== undefined && !counting) continue;
      let strongMatched = 0;
      let keyMatched = false;
      let covered = 0;
      let constraints = 0;
      let placeMissing = false;
      // the weight of the question's years the candidate lacks (see `yearless` below)
      let undated = 0;
      for (let k = 0; k < terms.length; k++) {
        const t = terms[k] as QueryTerm;
        const m = matched[k] === 1;
        if (t.constraint) {
          if (m) constraints++;
          else if (!isYear(t.term)) placeMissing = true;
          else undated += t.weight;
        }
        covered += m ? t.weight : 0;
        if (!m) continue;
        if (!t.weak) strongMatched++;
        if (this.isKnownStrong(t, lang) && t.weight >= keyWeight - 1e-9) keyMatched = true;
      }
      // a short question must be matched whole: "министр образования" is not half answered
      if (whole && strongMatched < need) continue;
      // ...unless it matches three strong terms or more: then coverage decides
      if (whole && keyCount > 0 && !keyMatched && strongMatched < KEY_WAIVER) continue;
      // a city or region named in a question about a value ("сколько", "какая скорость") is
      // the value's place: a national fact answers another question
      const value = signals.which === true || (signals.required?.has("count") ?? false);
      if (whole && placeMissing && value) continue;
      const coverage = covered / total;
      const score = (hits.scores[h] as number) / top;
      let rank = coverage + 0.1 * score + (item.kind === "passage" ? 0 : 0.03);
      for (const kind of kinds) if (item.kinds[lang]?.has(kind)) rank += KIND_BONUS;
      if (counting) rank += COUNTED_BONUS;
      // ...and between facts of a value, the one of the place or year named wins ("Павлодар
      // облысында неше ауылға": 9 villages, not the national 1250)
      if (value || (signals.required?.has("when") ?? false)) rank += constraints * CONSTRAINT_BONUS;
      candidates ??= [];
      candidates.push({ item, coverage, score, rank, year: item.latestYear[lang] ?? 0, undated });
    }
    if (candidates === undefined) return undefined;
    // a year the question names counts only when a candidate over the threshold holds it (then
    // that one is preferred): "сколько рабочих мест ... до 2025 года" is answered by the jobs
    // figure that names no year
    let yearHeld = false;
    for (const c of candidates) if (c.undated === 0 && c.coverage >= ANSWER_THRESHOLD[lang]) yearHeld = true;
    if (!yearHeld)
      for (const c of candidates) {
        if (c.undated === 0) continue;
        if (c.undated >= total) continue;
        const coverage = (c.coverage * total) / (total - c.undated);
        c.rank += coverage - c.coverage;
        c.coverage = coverage;
      }
    if (kinds.has("when")) {
      // "когда улучшат": of facts that pass, the one about the latest year is the news
      let latest = 0;
      for (const c of candidates) if (c.year > latest) latest = c.year;
      for (const c of candidates) if (latest > 0 && c.year === latest) c.rank += 0.03;
    }
    if (kinds.has("who")) {
      // "кто министр": the newest source names who holds the office now
      let newest = Number.NEGATIVE_INFINITY;
      for (const c of candidates) if (c.item.source.year > newest) newest = c.item.source.year;
      for (const c of candidates) if (c.item.source.year === newest) c.rank += 0.03;
    }
    if (signals.future) {
      // "биыл қанша ауылда жақсарады", "сколько ещё сёл подключат": the forward-looking fact
      let latest = 0;
      for (const c of candidates) if (c.year > latest) latest = c.year;
      for (const c of candidates) if (latest > 0 && c.year === latest) c.rank += TIME_BONUS;
    }
    // among candidates over the threshold, a fact that holds what is asked (a year for "когда",
    // a number for "сколько") beats one that only shares more words with the question; with
    // none over the threshold, the best of all
    let holding: Candidate | undefined;
    let passing: Candidate | undefined;
    let any: Candidate | undefined;
    for (const c of candidates) {
      if (!any || c.rank > any.rank) any = c;
      if (c.coverage < ANSWER_THRESHOLD[lang]) continue;
      if (!passing || c.rank > passing.rank) passing = c;
      let holds = false;
      for (const k of kinds) if (c.item.kinds[lang]?.has(k)) holds = true;
      if (holds && (!holding || c.rank > holding.rank)) holding = c;
    }
    const best = holding ?? passing ?? any;
    return best && { item: best.item, coverage: best.coverage, score: best.score };
  }

  /** A strong term the texts know that is not shaped like a verb: a candidate for the most specific term. */
  private isKnownStrong(t: QueryTerm, lang: Language): boolean {
    return !t.weak && !t.verbal && this.stats.has(lang, t.term);
  }

  /** Answers one question in its own language, or says there is no answer. */
  ask(asked: string, options: { fallbackLang?: Language; related?: boolean } = {}): Reply {
    const question = this.deLatinize(asked);
    const lang = this.detectLanguage(question, options.fallbackLang ?? "ru");
    const intent = classifySmalltalk(question);
    if (intent) return { kind: "smalltalk", lang, intent };
    if (isHowTo(question, lang)) return { kind: "none", lang };
    const terms = this.queryTerms(question, lang);
    const best = this.best(terms, lang, answerKinds(question), true, this.signals(question, lang, terms));
    if (!best || best.coverage < ANSWER_THRESHOLD[lang]) return { kind: "none", lang };
    const { item } = best;
    const text = item.text[lang] ?? "";
    return {
      kind: "answer",
      lang,
      text,
      sources: [item.source],
      related: options.related === false ? [] : this.related(item, lang, question),
      ...(item.card ? { cardId: item.card.id } : {}),
    };
  }

  /** Up to three other questions the knowledge answers, on the same topic or sharing concepts. */
  private related(item: Item, lang: Language, asked: string): string[] {
    item.related ??= {};
    let list = item.related[lang];
    if (list === undefined) {
      list = this.relatedOf(item, lang).map((q) => ({ q, key: q.trim().toLowerCase() }));
      item.related[lang] = list;
    }
    const askedKey = asked.trim().toLowerCase();
    const out: string[] = [];
    for (const r of list) if (out.length < 3 && r.key !== askedKey) out.push(r.q);
    return out;
  }

  /** Up to four related questions of an item, best first (computed once per item and language). */
  private relatedOf(item: Item, lang: Language): string[] {
    const own = new Set(item.terms[lang] ?? []);
    const scored: { q: string; score: number }[] = [];
    for (const card of this.cards) {
      if (card.id === item.card?.id || !this.answerable[lang].has(card.id)) continue;
      const other = this.cardTerms[lang].get(card.id) ?? new Set<string>();
      let shared = 0;
      for (const t of other) if (own.has(t)) shared++;
      const score =
        (item.topic !== undefined && card.topic === item.topic ? 3 : 0) +
        (card.doc === item.source.doc ? 1 : 0) +
        shared / Math.max(1, Math.sqrt(own.size * other.size));
      if (score >= 1) scored.push({ q: card.q[lang], score });
    }
    scored.sort((a, b) => b.score - a.score);
    return [...new Set(scored.map((s) => s.q))].slice(0, 4);
  }
}
