/**
 * A question read for ranking: its language, its terms with weights (rare terms weigh more; a
 * word no text knows weighs most, unless it is shaped like a verb), what it names that an answer
 * must match (years, places, names, acronyms), what it asks for, whether it asks about now.
 */
import { analyze, type Lexicon, looseOf, PART, stemOf, tokensOf, type Unit } from "./analyze.js";
import {
  type Asked,
  askedAction,
  askedKinds,
  askedRole,
  asksAboutNow,
  asksWhenSaid,
  asksWhich,
  isWhich,
  kindNamed,
  messageSentences,
  YEAR_WORD,
} from "./cues.js";
import { deLatinize } from "./latin.js";
import type { Policy } from "./policy.js";
import { resolveThisYear } from "./relative-time.js";
import type { Language } from "./types.js";
import type { Vocabulary } from "./vocabulary.js";
import { isFunctionShaped } from "./word-shape.js";

/** One term of a question. */
export interface QueryTerm {
  surface: string;
  /** Index terms any of which matches it. */
  alts: string[];
  /** The same terms as modifiers inside a phrase (`PART` + alt), precomputed. */
  partAlts: string[];
  /** A dictionary phrase also matches when each of its words is present (any of its forms). */
  parts?: string[][];
  /** The same forms as modifiers (`PART` + form), precomputed: matching runs per candidate. */
  partsAsModifiers?: string[][];
  /** A looser form (a Kazakh stem's first letters) that matches for less. */
  loose?: string;
  weight: number;
  /** Light enough (a common word, the country) not to count as a word a passage shares with the question. */
  minor: boolean;
  /** Whether some text or the dictionary knows it. */
  known: boolean;
  /** An answer must match it (a year, a place, a name, an acronym). */
  required: "year" | "place" | "name" | undefined;
  place?: string;
  /** It stands in the situation told around the question ("Я пенсионерка, живу под Шымкентом."): never the key. */
  situation?: boolean;
  /** The word names the kind of answer asked ("какие годы", "қай қалалар"): a passage holding that kind matches it. */
  names?: Asked;
  /**
   * Only a text in the question's own language can hold it: a word of that language's texts with
   * no dictionary key, place or form the other language's texts share.
   */
  ownOnly?: boolean;
}

export interface Query {
  lang: Language;
  terms: QueryTerm[];
  asked: Set<Asked>;
  now: boolean;
  /** A which-question asking no other kind ("какой интернет", "қандай технология"): it asks what kind of thing. */
  which: boolean;
  /**
   * Of a which-question: the word after "какой / қандай" when it names no kind the engine tells
   * ("қандай технология арқылы"): a sentence that qualifies a word of the question says which.
   */
  whichNoun?: QueryTerm;
  /** The term right before the which-word ("интернет қандай технология"): what the kind is asked of. */
  whichOf?: QueryTerm;
  /** It asks when something was said ("когда озвучил"): the day of the news answers it. */
  whenSaid: boolean;
  /** The heaviest known term: an answer must match it. */
  key?: QueryTerm;
  /** Of a how-to question: the action asked, which the answering sentence must name. */
  action?: QueryTerm;
  /** Of a "who" question naming an office: that office's term, which the answering sentence must hold with a name. */
  role?: QueryTerm;
}

/** The country the whole corpus is about: naming it says little about what is asked. */
const WEAK = new Set(["казахстан", "қазақстан", "казакстан", "рк", "республик", "ел", "страна", "стран"]);
const weakStem = (stem: string): boolean => WEAK.has(stem) || /^(казахстан|қазақстан|казакстан)/u.test(stem);
/** Russian adjective endings: an adjective the texts do not know qualifies ("нормальный интернет"), it rarely is the subject. */
const RU_ADJECTIVE = /\p{L}{3}(ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/u;

/** Whether token `at` of the question is written capitalised (not as its first word) or all in capitals. */
function writtenAsName(question: string, at: number): boolean {
  const raw = question.match(/\d+(?:[.,]\d+)?\p{L}*|\p{L}+/gu) ?? [];
  const w = raw[at];
  if (w === undefined || !/^\p{Lu}/u.test(w)) return false;
  return (at > 0 && /\p{Ll}/u.test(w)) || (w.length >= 2 && w === w.toUpperCase() && /\p{L}{2}/u.test(w));
}

function correctedUnit(u: Unit, lang: Language, lexicon: Lexicon, vocabulary: Vocabulary): Unit | undefined {
  if (u.stems.length !== 1 || u.kind !== "word") return undefined;
  const other: Language = lang === "ru" ? "kk" : "ru";
  const otherStem = stemOf(u.surface, other);
  if (vocabulary.has(otherStem)) return { ...u, stems: [otherStem], keys: keysOf(other, otherStem, lexicon) };
  const fixed = vocabulary.correct(lang, u.surface, u.stems[0] as string);
  if (fixed === undefined) return undefined;
  return { ...u, stems: [fixed], keys: [...new Set([...u.keys, ...keysOf(lang, fixed, lexicon)])] };
}

const keysOf = (lang: Language, stem: string, lexicon: Lexicon): string[] =>
  lexicon
    .match(lang, [stem], 0)
    .filter((e) => e.stems.length === 1)
    .map((e) => e.key);

interface TermContext {
  lexicon: Lexicon;
  vocabulary: Vocabulary;
  policy: Policy;
  /** The unit is the question's last (where a Kazakh predicate stands). */
  last: boolean;
  /** The unit stands in the situation told before the question (partsOf). */
  situation: boolean;
  /** The unit stands in a lead-in question before the last one (partsOf). */
  leadIn: boolean;
  /** The unit is the place of the asker's situation the question points at ("у нас"): weighed, not required. */
  ownPlace?: boolean;
  /** The unit follows the Russian negation "не": a predicate ("не прошла", "не сработала"), not a thing asked about. */
  negated: boolean;
}

/** The unit as the texts know it: as written, else corrected (other language, keyboard, typo, word family). */
function knownForm(u: Unit, lang: Language, ctx: TermContext): { unit: Unit; fixed: boolean } {
  const { vocabulary } = ctx;
  const knownNow = u.keys.some((k) => vocabulary.has(k)) || u.stems.every((s) => vocabulary.has(s));
  const fixed = knownNow ? undefined : correctedUnit(u, lang, ctx.lexicon, vocabulary);
  return fixed ? { unit: fixed, fixed: true } : { unit: u, fixed: false };
}

/**
 * An unknown word is a verb when the dictionary knows it only as one ("заработал": "заработать",
 * "табады": "табу" of a row whose Russian lemmas are verbs); a noun it does not know still weighs
 * as the subject.
 */
const verbLike = (u: Unit, known: boolean): boolean => !known && u.kind === "word" && u.verb === true;

/**
 * The unit follows the Russian negation "не" ("не прошла", "не сработала"): a predicate. Before a
 * Kazakh verb form typed without Kazakh letters "не" is the Kazakh "what" ("не истейди").
 */
const negatedAt = (u: Unit, lang: Language, tokens: readonly string[]): boolean =>
  lang === "ru" && tokens[u.at - 1] === "не" && !isFunctionShaped(u.surface, "kk", true);

/** A term's weight: its rarity (IDF), scaled by what kind of word it is (Policy). */
function weightOf(
  u: Unit,
  unit: Unit,
  present: readonly string[],
  known: boolean,
  fixed: boolean,
  lang: Language,
  ctx: TermContext,
): number {
  const { vocabulary, policy } = ctx;
  const anchor = unit.kind !== "word";
  let weight = known
    ? Math.min(...(present.length > 0 ? present : unit.stems).map((a) => vocabulary.idf(a)))
    : vocabulary.maxIdf() * policy.unknownWeight;
  if (anchor) weight *= policy.anchorBoost;
  if (fixed) weight *= policy.correctedWeight;
  const predicate =
    verbLike(u, known) || (ctx.negated && !known) || isFunctionShaped(u.surface, lang, ctx.last);
  if (!anchor && predicate) weight *= known ? policy.knownVerbWeight : policy.functionWordWeight;
  // an adjective no text holds is a qualifier put otherwise ("нормальный интернет"), unless the
  // dictionary knows it: then it names what the question is about, which no text covers ("пенсионных")
  else if (!known && lang === "ru" && RU_ADJECTIVE.test(u.surface) && unit.keys.length === 0)
    weight *= policy.modifierWeight;
  // the country, and a form of "year" that only places a fact in time ("жылдан бастап"), say little of what is asked
  const weak = (unit.stems.every(weakStem) || weakStem(u.surface)) && !unit.place;
  if (weak || YEAR_WORD.test(u.surface)) weight *= policy.weakWeight;
  return weight;
}

/** What an answer must match: a year, a place, or a name (Latin name, acronym, a word the texts capitalise). */
function requirementOf(
  u: Unit,
  unit: Unit,
  known: boolean,
  question: string,
  vocabulary: Vocabulary,
): QueryTerm["required"] {
  if (unit.kind === "year") return "year";
  if (unit.place) return "place";
  const stem = unit.stems[0] ?? "";
  const latinName = unit.kind === "latin" && (u.surface.length >= 3 || /\d/.test(u.surface));
  const name =
    !weakStem(stem) &&
    !weakStem(u.surface) &&
    (vocabulary.isName(stem) || (!known && writtenAsName(question, u.at)));
  return latinName || name ? "name" : undefined;
}

/**
 * Where the parts of a message start, by token: a message of several sentences often tells its
 * situation around the question ("Я водитель грузовика. …?", "…? Часто езжу, без связи тяжко."),
 * and may ask a lead-in question before the one it wants answered ("Правда, что сделают? Сколько
 * пассажиров?"). `asking`: the first token of the first sentence ending with "?"; `main`: of the
 * last one; `after`: the first token after it (what follows is situation again).
 */
export function partsOf(question: string): { asking: number; main: number; after: number } {
  const asking = askingSentences(question);
  if (asking === undefined) return { asking: 0, main: 0, after: Number.POSITIVE_INFINITY };
  const { sentences, first, last } = asking;
  const tokensBefore = (i: number) => sentences.slice(0, i).reduce((n, s) => n + tokensOf(s).length, 0);
  const after = last === sentences.length - 1 ? Number.POSITIVE_INFINITY : tokensBefore(last + 1);
  return { asking: tokensBefore(first), main: tokensBefore(last), after };
}

/**
 * The sentences that ask (from the first one ending in "?" to the last), without the situation
 * told around them: what the asker does or needs ("Курстық жұмысыма керек", "я пенсионер") says
 * nothing of the kind of answer asked.
 */
export function askingText(question: string): string {
  const asking = askingSentences(question);
  return asking ? asking.sentences.slice(asking.first, asking.last + 1).join(" ") : question;
}

/**
 * A message's sentences and the first and last of them that end with "?" (undefined: none does).
 * When none ends with "?", the last sentence of several that asks for a kind of answer ("я
 * айтишник. какой объём экспорта…") is the one asking.
 */
function askingSentences(question: string): { sentences: string[]; first: number; last: number } | undefined {
  const sentences = messageSentences(question);
  const asks = sentences.flatMap((s, i) => (s.trim().endsWith("?") ? [i] : []));
  if (asks.length === 0 && sentences.length > 1) {
    const last = sentences.findLastIndex((s) => askedKinds(s).size > 0);
    return last < 0 ? undefined : { sentences, first: last, last };
  }
  const first = asks[0];
  const last = asks.at(-1);
  return first === undefined || last === undefined ? undefined : { sentences, first, last };
}

/** Forms as they are indexed when they only modify a longer phrase ("здоровья" of "паспорт здоровья"). */
const asModifiers = (forms: readonly string[]): string[] => forms.map((f) => `${PART}${f}`);

function phraseParts(words: readonly Unit[]): Pick<QueryTerm, "parts" | "partsAsModifiers"> {
  const parts = words.map((w) => [...w.stems, ...w.keys]);
  return { parts, partsAsModifiers: parts.map(asModifiers) };
}

/**
 * The word as the other language's texts would stem it, when they hold it: Kazakh and Russian
 * share many words ("картасын" / "карт", "стратегиясы" / "стратегии", "платформа") that the
 * dictionary need not list.
 */
function loanwordForms(u: Unit, lang: Language, ctx: TermContext): string[] {
  const stem = u.stems[0];
  if (u.kind !== "word" || u.stems.length !== 1 || stem === undefined) return [];
  const other: Language = lang === "ru" ? "kk" : "ru";
  const out: string[] = [];
  for (const form of [stemOf(u.surface, other), stemOf(stem, other)]) {
    if (form.length >= 5 && form !== stem && !out.includes(form) && ctx.vocabulary.knowsStem(other, form))
      out.push(form);
  }
  return out;
}

/** Finite and participle endings of Kazakh verbs ("өсті", "берілген", "ашады"), which the stemmer leaves on. */
const KK_VERB_ENDING =
  /(ды|ді|ты|ті|ған|ген|қан|кен|ады|еді|йды|йді|атын|етін|йтын|йтін|мақ|мек|бақ|бек|пақ|пек)$/u;

/**
 * Dictionary keys of a Kazakh verb form the dictionary lists only as its verbal noun: "өсті" is
 * "өсу" (вырасти), "бекітті" is "бекіту" (утвердить).
 */
function verbKeys(unit: Unit, lang: Language, lexicon: Lexicon): string[] {
  if (lang !== "kk" || unit.kind !== "word" || unit.keys.length > 0 || unit.words) return [];
  const root = unit.surface.replace(KK_VERB_ENDING, "");
  if (root === unit.surface || root.length < 2) return [];
  const keys = [
    ...keysOf("kk", stemOf(`${root}у`, "kk"), lexicon),
    ...keysOf("kk", stemOf(root, "kk"), lexicon),
  ];
  return [...new Set(keys)];
}

/**
 * A word of the question's language that nothing carries to the other one: no dictionary key or
 * place, no form the other language's texts hold (a phrase: none for any of its words).
 */
function untranslated(unit: Unit, alts: readonly string[], lang: Language, vocabulary: Vocabulary): boolean {
  if (unit.kind !== "word") return false;
  const other: Language = lang === "ru" ? "kk" : "ru";
  const crosses = (a: string) => a.startsWith("~") || a.startsWith("@") || vocabulary.knowsStem(other, a);
  return !alts.some(crosses) && !(unit.words ?? []).some((w) => [...w.stems, ...w.keys].some(crosses));
}

function termOf(u: Unit, lang: Language, question: string, ctx: TermContext): QueryTerm {
  const { unit, fixed } = knownForm(u, lang, ctx);
  const alts = [
    ...unit.keys,
    ...(unit.stems.length === 1 ? unit.stems : []),
    ...loanwordForms(unit, lang, ctx),
    ...verbKeys(unit, lang, ctx.lexicon),
  ];
  const present = alts.filter((a) => ctx.vocabulary.has(a));
  const known =
    present.length > 0 ||
    (unit.words?.every((w) => [...w.stems, ...w.keys].some((a) => ctx.vocabulary.has(a))) ?? false);
  const loose = unit.stems.length === 1 ? looseOf(unit.stems[0] ?? "", lang) : undefined;
  const part = ctx.situation ? ctx.policy.situationWeight : ctx.leadIn ? ctx.policy.leadInWeight : 1;
  const weight = weightOf(u, unit, present, known, fixed, lang, ctx) * part;
  const ownOnly = known && untranslated(unit, alts, lang, ctx.vocabulary);
  return {
    // every field present, undefined when it does not apply: one object shape for every term, so
    // the ranking's reads of them, per term of every candidate, stay monomorphic (bench)
    surface: u.surface,
    alts,
    ownOnly: ownOnly || undefined,
    partAlts: asModifiers(alts),
    loose: loose || undefined,
    // a phrase also matches word by word, each word through its stem or its own dictionary keys
    ...(unit.words ? phraseParts(unit.words) : { parts: undefined, partsAsModifiers: undefined }),
    weight,
    minor: weight < ctx.policy.minorShare * ctx.vocabulary.maxIdf(),
    known,
    required:
      ctx.situation || ctx.ownPlace ? undefined : requirementOf(u, unit, known, question, ctx.vocabulary),
    place: unit.place || undefined,
    situation: ctx.situation || undefined,
    names: undefined,
  };
}

/** "у нас", "к нам", "наш", "біздің", "бізде", "там": the question points at the place the asker told. */
const HERE =
  /^(нас|нам|наш|наша|наше|наши|нашей|нашем|нашего|нашу|наших|там|туда|біздің|бізде|бізге|біздегі|бизде|биздин|бизге|сонда|онда)$/u;
const pointsAtAsker = (tokens: readonly string[]): boolean => tokens.some((t) => HERE.test(t));

/** "без", "не ходя", "бармай": what follows (Russian) or goes before (Kazakh) is what the asker would avoid. */
const WITHOUT = /^(без|безо)$/u;
/** A Russian gerund ("ходя", "выходя", "сделав", "добравшись"), not a verb in -ся nor an adjective in -ая. */
const RU_GERUND = /^(?!\p{L}*(ая|яя|ся)$)\p{L}{2,}(я|в|вши)$|^\p{L}{2,}(ясь|ась|вшись)$/u;
const KK_NEGATED_CONVERB = /^\p{L}{2,}(май|мей|бай|бей|пай|пей)$/u;

/**
 * Tokens that tell what the asker would do without ("без похода в ЦОН", "не выходя из дома",
 * "ХҚКО-ға бармай-ақ"): a way around it, not what an answer says; they weigh as the situation.
 */
function avoidedTokens(question: string): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const clause of question.split(/[,.!?;:](?=\s|$)/u)) {
    const tokens = tokensOf(clause);
    tokens.forEach((t, i) => {
      const ru = WITHOUT.test(t) || (t === "не" && RU_GERUND.test(tokens[i + 1] ?? ""));
      if (ru) for (let j = i; j < Math.min(tokens.length, i + 4); j++) out.add(at + j);
      // the word before it, with its case ending when a hyphen cut it off ("ХҚКО-ға бармай")
      const back = (tokens[i - 1]?.length ?? 0) < 4 ? 2 : 1;
      if (KK_NEGATED_CONVERB.test(t)) for (let j = Math.max(0, i - back); j <= i; j++) out.add(at + j);
    });
    at += tokens.length;
  }
  return out;
}

/** "его", "её", "их", "оны", "оның": a pronoun that stands for a thing named before. */
const BACK = /^(его|её|ее|их|ими|ней|нему|них|оны|оның|онымен|оларды|олардың)$/u;
const pointsBack = (tokens: readonly string[]): boolean => tokens.some((t) => BACK.test(t));

/** "бұл", "ол", "эта", "такие": a demonstrative, which points at a thing told before it. */
const DEMONSTRATIVE =
  /^(бұл|осы|сол|ол|мына|мынау|анау|әлгі|этот|эта|это|эти|эту|этой|этого|этому|этим|этих|этом|тот|та|те|того|той|тем|тех|том|такой|такая|такое|такие|данный|данная|данное|данные)$/u;

/**
 * The token of the one word a demonstrative opening the message stands before ("Ол кеңеске ...",
 * "Эта услуга ..."): nothing before it names the thing it points at, the word names only its kind.
 */
const pointedOutAt = (tokens: readonly string[]): number => (DEMONSTRATIVE.test(tokens[0] ?? "") ? 1 : -1);

/** The first token of the sentence that ends right before token \`at\`. */
function previousSentenceStart(question: string, at: number): number {
  let start = 0;
  for (const s of messageSentences(question)) {
    const n = tokensOf(s).length;
    if (start + n >= at) return start;
    start += n;
  }
  return start;
}

/** "или", "немесе", "әлде": the words either side are alternatives. */
const OR = /^(или|либо|немесе|әлде|алде)$/u;

/**
 * Joins the terms either side of "или" into one ("мобильный или спутниковый", "eGov или ЦОН"): a
 * question offering alternatives is answered by a passage holding one of them, so each counts in
 * full for the pair, which weighs as its heavier side.
 */
function alternatives(terms: QueryTerm[], units: readonly Unit[], tokens: readonly string[]): QueryTerm[] {
  const out: QueryTerm[] = [];
  terms.forEach((t, i) => {
    const prev = out.at(-1);
    const u = units[i] as Unit;
    const before = units[i - 1];
    const between = before ? tokens.slice(before.at + before.surface.split(" ").length, u.at) : [];
    // the alternatives stand either side of the conjunction, one word at most besides ("или только")
    const joined = between.some((w) => OR.test(w)) && between.length <= 2;
    if (prev === undefined || !joined || t.required === "year" || prev.required === "year") {
      out.push(t);
      return;
    }
    const alts = [...new Set([...prev.alts, ...t.alts])];
    out[out.length - 1] = {
      ...prev,
      surface: `${prev.surface} ${t.surface}`,
      alts,
      partAlts: asModifiers(alts),
      weight: Math.max(prev.weight, t.weight),
      known: prev.known || t.known,
      minor: prev.minor && t.minor,
      required: prev.required === t.required ? prev.required : undefined,
    };
  });
  return out;
}

/**
 * A phrase no text holds as a whole is read word by word, its first word alone and the rest
 * analysed again: a shorter phrase inside it may be held ("орталық **мемлекеттік орган**" when
 * the texts say "госорган" but not "центральный государственный орган").
 */
function unheldSplit(u: Unit, lang: Language, ctx: { lexicon: Lexicon; vocabulary: Vocabulary }): Unit[] {
  const words = u.words;
  if (words === undefined || u.keys.some((k) => ctx.vocabulary.has(k))) return [u];
  const rest = words.slice(1);
  const at = (unit: Unit): Unit => {
    const moved = { ...unit, at: (rest[unit.at] as Unit).at };
    return unit.words ? { ...moved, words: unit.words.map(at) } : moved;
  };
  const again = analyze(rest.map((w) => w.surface).join(" "), lang, ctx.lexicon);
  if (again.some((r) => r.at >= rest.length)) return words;
  return [words[0] as Unit, ...again.map(at).flatMap((r) => unheldSplit(r, lang, ctx))];
}

/** Whether the texts know a unit: one of its keys, else all of its stems. */
const knownUnit = (u: Unit, vocabulary: Vocabulary): boolean =>
  u.keys.some((k) => vocabulary.has(k)) || u.stems.every((s) => vocabulary.has(s));

/**
 * A Kazakh compound written as one word that nothing knows ("құқықбұзушылық") is read as the
 * words it is written as elsewhere ("құқық бұзушылық"), when the dictionary has each under its own
 * stem (or as one phrase) and the texts know them; a verb form is never split.
 */
function compoundSplit(u: Unit, lang: Language, ctx: { lexicon: Lexicon; vocabulary: Vocabulary }): Unit[] {
  const word = u.surface;
  if (lang !== "kk" || u.kind !== "word" || u.words || word.length < 7 || knownUnit(u, ctx.vocabulary))
    return [u];
  if (isFunctionShaped(word, lang, false)) return [u];
  for (let i = word.length - 4; i >= 4; i--) {
    const parts = analyze(`${word.slice(0, i)} ${word.slice(i)}`, lang, ctx.lexicon);
    // the first part a bare word, not a stem cut out of a form
    const whole =
      parts.reduce((n, p) => n + p.stems.length, 0) === 2 && parts[0]?.stems[0] === word.slice(0, i);
    if (whole && parts.every((p) => ownWord(p, lang, ctx.lexicon) && knownUnit(p, ctx.vocabulary)))
      return parts.map((p) => ({
        ...p,
        at: u.at,
        ...(p.words ? { words: p.words.map((w) => ({ ...w, at: u.at })) } : {}),
      }));
  }
  return [u];
}

/** A dictionary phrase, or a word the dictionary has a row for under its own stem (not a family's). */
const ownWord = (u: Unit, lang: Language, lexicon: Lexicon): boolean =>
  u.words !== undefined
    ? u.keys.length > 0
    : lexicon.matchWord(lang, u.stems[0] ?? "").some((e) => e.stems[0] === u.stems[0]);

/** Reads a question of a known language. `year`: the asker's year ("биыл" means it). */
export function readQuestion(
  raw: string,
  lang: Language,
  year: number,
  ctx: { lexicon: Lexicon; vocabulary: Vocabulary; policy: Policy },
): Query {
  const question = resolveThisYear(
    deLatinize(raw, (w) => ctx.vocabulary.has(w.toLowerCase())),
    year,
  );
  const units = analyze(question, lang, ctx.lexicon)
    .flatMap((u) => unheldSplit(u, lang, ctx))
    .flatMap((u) => compoundSplit(u, lang, ctx));
  const parts = partsOf(question);
  const tokens = tokensOf(question);
  // "Я из Павлодарской области. Сколько сёл у нас подключили?": a question that points at the
  // asker brings in the place the situation names, weighed in full (not required: the answer may
  // be about the whole country)
  const here = pointsAtAsker(tokens.slice(parts.asking, parts.after));
  const avoided = avoidedTokens(question);
  const back = pointsBack(tokens.slice(parts.asking, parts.after));
  const prev = previousSentenceStart(question, parts.asking);
  const named = (at: number) => back && at >= prev && at < parts.asking;
  // "Ол кеңеске кімдер қатысты?": the one word a demonstrative opening the message points with
  // names no thing of its own; it weighs as the situation (never the key)
  const pointedOut = pointedOutAt(tokens);
  const terms = alternatives(
    units.map((u, i) => {
      const situation =
        u.at < parts.asking ||
        u.at >= parts.after ||
        avoided.has(u.at) ||
        (u.at === pointedOut && !u.surface.includes(" "));
      const ownPlace = here && situation && u.place !== undefined;
      // the context written out, not spread: a spread clone plus four added fields per unit cost
      // about 3 KB and a tenth of readQuestion's time per question (bench)
      return termOf(u, lang, question, {
        lexicon: ctx.lexicon,
        vocabulary: ctx.vocabulary,
        policy: ctx.policy,
        last: i === units.length - 1,
        situation: situation && !ownPlace && !named(u.at),
        ownPlace,
        leadIn: (u.at >= parts.asking && u.at < parts.main) || named(u.at),
        negated: negatedAt(u, lang, tokens),
      });
    }),
    units,
    tokens,
  );
  // what is asked is read from the asking sentences, not from the situation told around them
  const asked = askedKinds(askingText(question));
  for (const t of terms) {
    const kind = kindNamed(t.surface);
    if (kind !== undefined && asked.has(kind)) t.names = kind;
  }
  // the key is what the question is about: not a word that names the kind of answer ("какие
  // города"), nor a year or place that only narrows it (those must match anyway), unless nothing else is known
  const keyOf = (eligible: (t: QueryTerm) => boolean): QueryTerm | undefined => {
    let best: QueryTerm | undefined;
    for (const t of terms) {
      if (!t.known || t.weight <= 0 || t.names !== undefined || !eligible(t)) continue;
      if (best === undefined || t.weight > best.weight) best = t;
    }
    return best;
  };
  // a Russian adjective qualifies the subject ("к быстрому интернету"): the noun it qualifies is the key
  const qualifier = (t: QueryTerm) =>
    lang === "ru" && !t.surface.includes(" ") && RU_ADJECTIVE.test(t.surface);
  const key =
    keyOf((t) => t.required !== "year" && t.required !== "place" && !t.situation && !qualifier(t)) ??
    keyOf((t) => t.required !== "year" && t.required !== "place" && !t.situation) ??
    keyOf((t) => !t.situation);
  const which = asked.size === 0 && asksWhich(askingText(question));
  const whichAt = which ? tokens.findIndex((t, i) => i >= parts.main && isWhich(t)) + 1 : 0;
  const whichNoun = whichAt > 0 ? terms.find((t, i) => units[i]?.at === whichAt && t.known) : undefined;
  const ofAt = terms.findIndex((_, i) => {
    const u = units[i];
    return u !== undefined && u.at + u.surface.split(" ").length === whichAt - 1;
  });
  const whichOf = whichNoun && ofAt >= 0 ? terms[ofAt] : undefined;
  const roleWord = asked.has("person") ? askedRole(question, lang) : undefined;
  const role =
    roleWord === undefined ? undefined : terms.find((t) => t.surface.split(" ").includes(roleWord));
  const actionWord = askedAction(question);
  const action =
    actionWord === undefined ? undefined : terms.find((t) => t.surface.split(" ").includes(actionWord));
  return {
    lang,
    terms,
    asked,
    now: asksAboutNow(question),
    which,
    ...(whichNoun ? { whichNoun } : {}),
    ...(whichOf ? { whichOf } : {}),
    whenSaid: asked.has("date") && asksWhenSaid(question),
    ...(key ? { key } : {}),
    ...(role ? { role } : {}),
    ...(action ? { action } : {}),
  };
}
