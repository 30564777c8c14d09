/**
 * Ranking candidates for a question: how much of the question's weight a passage covers (its
 * sentence in full, its context at a discount), whether it matches what the question names and
 * holds what it asks for, then freshness: of the passages that answer about equally well, the
 * newest source wins. Pure functions over a query and passages.
 */

import type { Asked } from "./cues.js";
import type { IndexedDocument, Passage } from "./documents.js";
import type { Policy } from "./policy.js";
import type { Query, QueryTerm } from "./question.js";

/** How a passage answers a query. */
export interface Scored {
  passage: Passage;
  doc: IndexedDocument;
  /** Share of the question's weight covered (0..1). */
  coverage: number;
  /** Coverage plus the bonus for holding what is asked: the rank before freshness. */
  rank: number;
  /** Per question term: 1 in the sentence, contextCredit in the context, 0 missing. */
  matched: number[];
}

function inSet(term: QueryTerm, set: ReadonlySet<string>): boolean {
  for (const a of term.alts) if (set.has(a)) return true;
  const { parts, partsAsModifiers } = term;
  if (parts === undefined || partsAsModifiers === undefined) return false;
  // plain loops: this runs for every term of every candidate
  for (let w = 0; w < parts.length; w++) {
    if (!hasAny(set, parts[w] as string[]) && !hasAny(set, partsAsModifiers[w] as string[])) return false;
  }
  return true;
}

function hasAny(set: ReadonlySet<string>, forms: readonly string[]): boolean {
  for (const f of forms) if (set.has(f)) return true;
  return false;
}

/** The term stands in the set only inside a longer phrase. */
function inPhrase(term: QueryTerm, set: ReadonlySet<string>): boolean {
  for (const a of term.partAlts) if (set.has(a)) return true;
  return false;
}

/** How well a set of terms holds a question term: 1, `prefixCredit` for its loose form only, else 0. */
function creditIn(term: QueryTerm, set: ReadonlySet<string>, policy: Policy): number {
  if (inSet(term, set)) return 1;
  if (inPhrase(term, set)) return policy.partCredit;
  return term.loose !== undefined && set.has(term.loose) ? policy.prefixCredit : 0;
}

/** The sentence's credit for a term, else its context's at `contextCredit`. */
export function matchOf(term: QueryTerm, passage: Passage, policy: Policy): number {
  // a place is told by too many capitalised words to stand for "какие города" in the ranking:
  // only a place the dictionary knows, named in the sentence itself, does
  const holdsNamed =
    term.names === "place" ? passage.holds.namedPlace : term.names && passage.holds[term.names];
  const own = creditIn(term, passage.terms, policy);
  if (holdsNamed) return Math.max(own, policy.partCredit);
  if (own > 0) return own;
  return creditIn(term, passage.contextTerms, policy) * policy.contextCredit;
}

/** Whether everything the question names (years, places, names) is matched by the passage or its document. */
export function namesMatched(
  query: Query,
  passage: Passage,
  doc: IndexedDocument,
  matched: readonly number[],
): boolean {
  return query.terms.every((t, i) => {
    if (t.required === undefined || (matched[i] ?? 0) > 0) return true;
    if (t.required === "year") return doc.years.has(Number(t.surface));
    if (t.required === "place") return t.place !== undefined && passage.places.has(t.place);
    return inSet(t, doc.terms);
  });
}

/**
 * The question's heaviest known term must be matched, unless the passage matches enough of its
 * other known terms in the sentence itself (Policy.keyWaiver): a question often names its
 * subject in words the text puts otherwise ("первое полугодие" / "первые шесть месяцев").
 */
function keyMatched(query: Query, matched: readonly number[], policy: Policy): boolean {
  const keyIndex = query.key ? query.terms.indexOf(query.key) : -1;
  // a question whose every word is the situation told names nothing an answer is about
  if (keyIndex < 0) return !query.terms.every((t) => t.situation);
  if ((matched[keyIndex] ?? 0) > 0) return true;
  let strong = 0;
  query.terms.forEach((t, i) => {
    if (t.known && !t.minor && (matched[i] ?? 0) > policy.contextCredit) strong++;
  });
  return strong >= policy.keyWaiver;
}

/**
 * A question of several known words is not answered by a passage (sentence and context) that
 * shares only one of them: one rare word ("денег") can outweigh the rest of a question.
 */
function enoughMatched(query: Query, matched: readonly number[]): boolean {
  let known = 0;
  let shared = 0;
  query.terms.forEach((t, i) => {
    if (!t.known || t.minor) return;
    known++;
    const m = matched[i] ?? 0;
    // a dictionary phrase matched whole in the sentence ("цифрлық трансформация картасы") is several words shared
    if (m >= 1 && t.parts !== undefined && t.parts.length > 2 && t.required === undefined) shared += 2;
    else if (m > 0) shared++;
  });
  return shared >= Math.min(2, known);
}

/**
 * The passage holds every kind of answer the question asks for, and it asks for a date, a person
 * or a place (numbers are in too many sentences to tell the one that follows its subject).
 */
function holdsAsked(query: Query, passage: Passage): boolean {
  if (query.asked.size === 0 || query.asked.has("number") || query.asked.has("money")) return false;
  for (const kind of query.asked) if (!holds(query, passage, kind)) return false;
  return true;
}

/** Fills `matched` with each term's credit in the passage; the coverage, and whether any term is in the sentence itself. */
function fill(
  query: Query,
  passage: Passage,
  policy: Policy,
  matched: number[],
): { coverage: number; inSentence: boolean } {
  let total = 0;
  let got = 0;
  let inSentence = false;
  const terms = query.terms;
  // a passage only in the other language cannot hold a word of the question's language that nothing translates
  const foreign = passage.text[query.lang] === undefined;
  matched.length = terms.length;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as QueryTerm;
    let m = matchOf(t, passage, policy);
    // "қандай технология арқылы": a sentence that qualifies a word of the question says which
    if (t === query.whichNoun && m < policy.partCredit && qualifies(query, passage, whichHeads(query)))
      m = policy.partCredit;
    matched[i] = m;
    const weight = foreign && t.ownOnly ? t.weight * policy.untranslatedWeight : t.weight;
    total += weight;
    got += weight * m;
    if (m > policy.contextCredit) inSentence = true;
  }
  return { coverage: total > 0 ? got / total : 0, inSentence };
}

/** Whether the passage holds a kind of answer; the day of the news counts as a date for "когда сообщил". */
function holds(query: Query, passage: Passage, kind: Asked): boolean {
  return passage.holds[kind] || (kind === "date" && query.whenSaid && passage.holds.newsDay);
}

/** Kinds of answer few sentences hold: a passage holding the one asked is evidence that it answers. */
const RARE_KINDS: ReadonlySet<Asked> = new Set(["date", "month", "site", "share", "purpose"]);

/**
 * The coverage a passage needs: `answerThreshold`, or `heldKindThreshold` when the question asks
 * for a rare kind (a date, a month, a site) and the passage holds every kind asked.
 */
function thresholdFor(query: Query, passage: Passage, policy: Policy): number {
  let rare = false;
  for (const kind of query.asked) {
    if (!holds(query, passage, kind)) return policy.answerThreshold;
    if (RARE_KINDS.has(kind)) rare = true;
  }
  return rare ? policy.heldKindThreshold : policy.answerThreshold;
}

/** Why a passage with these credits does not answer ("" when it does). */
function reasonAgainst(
  query: Query,
  passage: Passage,
  doc: IndexedDocument,
  policy: Policy,
  matched: readonly number[],
  coverage: number,
  inSentence: boolean,
): string {
  // a sentence that only holds what is asked ("запуск запланирован на 2022 год") answers through
  // the sentence before it, which names the subject ("тестирование 5G")
  if (!inSentence && !holdsAsked(query, passage)) return "nothing in the sentence";
  if (coverage < thresholdFor(query, passage, policy)) return "coverage";
  if (!keyMatched(query, matched, policy)) return `key ${query.key?.surface}`;
  if (!enoughMatched(query, matched)) return "one word only";
  for (const kind of query.asked) if (!holds(query, passage, kind)) return `holds no ${kind}`;
  if (!namesMatched(query, passage, doc, matched)) return "a name, place or year";
  const action = query.action ? query.terms.indexOf(query.action) : -1;
  if (action >= 0 && (matched[action] ?? 0) <= policy.contextCredit) return "the action asked";
  const role = query.role ? query.terms.indexOf(query.role) : -1;
  if (role >= 0 && ((matched[role] ?? 0) <= policy.contextCredit || !passage.holds.name))
    return "the office and a name";
  return "";
}

/** Why a passage does not answer a query ("" when it does), and its coverage. */
export function judge(
  query: Query,
  passage: Passage,
  doc: IndexedDocument,
  policy: Policy,
): { why: string; coverage: number; matched: number[] } {
  const matched: number[] = [];
  const { coverage, inSentence } = fill(query, passage, policy, matched);
  return {
    why: reasonAgainst(query, passage, doc, policy, matched, coverage, inSentence),
    coverage,
    matched,
  };
}

/**
 * The share of the question's weight that the sentence matches with words few sentences of its
 * document hold (at most `particularShare` of them, one at least). A document's subject ("онлайн", "замена прав") is
 * in most of its sentences and in the lead that retells it; the sentence with the fact holds the
 * word that sets it apart ("категории").
 */
function particular(query: Query, doc: IndexedDocument, matched: readonly number[], policy: Policy): number {
  const most = Math.max(1, Math.floor(policy.particularShare * doc.passages.length));
  let total = 0;
  let got = 0;
  query.terms.forEach((t, i) => {
    total += t.weight;
    if ((matched[i] ?? 0) <= policy.contextCredit) return;
    let holders = 0;
    for (const p of doc.passages) if (inSet(t, p.terms) && ++holders > most) return;
    got += t.weight;
  });
  return total > 0 ? got / total : 0;
}

/** The forms of some of a query's terms (their alternatives and phrase words), found once per query. */
function formsMemo(
  termsOf: (query: Query) => readonly (QueryTerm | undefined)[],
): (query: Query) => Set<string> {
  const memo = new WeakMap<Query, Set<string>>();
  return (query) => {
    let forms = memo.get(query);
    if (forms === undefined) {
      forms = new Set<string>();
      for (const t of termsOf(query)) {
        for (const a of t?.alts ?? []) forms.add(a);
        for (const part of t?.parts ?? []) for (const f of part) forms.add(f);
      }
      memo.set(query, forms);
    }
    return forms;
  };
}

/** Every form a query names. */
const formsOf = formsMemo((query) => query.terms);

/**
 * Whether the sentence qualifies a word the question names with a word it does not ("Какой
 * интернет?" - "спутниковый интернет"): it tells what kind of thing a which-question asks about.
 */
function qualifies(query: Query, passage: Passage, heads?: ReadonlySet<string>): boolean {
  // a quote from the other language's text is a lesser reply: it is not preferred for this
  if (!query.which || passage.qualified.size === 0 || passage.text[query.lang] === undefined) return false;
  const named = formsOf(query);
  for (const [head, mods] of passage.qualified) {
    if (!named.has(head) || (heads !== undefined && !heads.has(head))) continue;
    if (mods.some((forms) => !forms.some((f) => named.has(f)))) return true;
  }
  return false;
}

/** The forms of the which-noun and of the word it asks the kind of ("интернет қандай технология"). */
const whichHeads = formsMemo((query) => [query.whichNoun, query.whichOf]);

/** Credits of the candidate being scored, reused: most candidates fail and keep nothing. */
const scratch: number[] = [];

/** Scores one passage; undefined when it does not answer (below threshold, misses a name or the asked kind). */
export function score(
  query: Query,
  passage: Passage,
  doc: IndexedDocument,
  policy: Policy,
): Scored | undefined {
  const { coverage, inSentence } = fill(query, passage, policy, scratch);
  if (reasonAgainst(query, passage, doc, policy, scratch, coverage, inSentence) !== "") return undefined;
  return {
    passage,
    doc,
    coverage,
    rank:
      coverage +
      (passage.text[query.lang] ? policy.ownLanguageBonus : 0) +
      policy.positionBonus * (1 - passage.position) +
      policy.particularBonus * particular(query, doc, scratch, policy) +
      (qualifies(query, passage) ? policy.qualifierBonus : 0),
    matched: scratch.slice(),
  };
}

/**
 * Orders two dates given as "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the precision both have: a
 * text dated "2021" is not older than one dated "2021-04-19".
 */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

/**
 * Whether a candidate is about the same thing as the best one: it matches every question term
 * the best one matches in its sentence (in its own sentence or context).
 */
function sameSubject(s: Scored, best: Scored, policy: Policy): boolean {
  return best.matched.every((m, i) => m <= policy.contextCredit || (s.matched[i] ?? 0) > 0);
}

/**
 * The answer among scored candidates: the best rank, unless a newer source about the same
 * thing answers within the freshness margin (a wider one for questions about the present);
 * ties keep the better rank.
 */
export function pick(scored: readonly Scored[], query: Query, policy: Policy): Scored | undefined {
  let best: Scored | undefined;
  for (const s of scored) if (best === undefined || s.rank > best.rank) best = s;
  if (best === undefined) return undefined;
  const margin = query.now ? policy.currentMargin : policy.freshnessMargin;
  let chosen = best;
  for (const s of scored) {
    if (s.rank < best.rank - margin || !sameSubject(s, best, policy)) continue;
    const order = compareDates(s.doc.doc.date, chosen.doc.doc.date);
    if (order > 0 || (order === 0 && s.rank > chosen.rank)) chosen = s;
  }
  return chosen;
}

/** An older source that answered too, from another document (for "earlier figure" mentions). */
export function olderAlternative(
  scored: readonly Scored[],
  chosen: Scored,
  policy: Policy,
): Scored | undefined {
  let older: Scored | undefined;
  for (const s of scored) {
    if (s.doc === chosen.doc || s.rank < chosen.rank - policy.freshnessMargin) continue;
    if (compareDates(s.doc.doc.date, chosen.doc.doc.date) >= 0) continue;
    if (older === undefined || s.rank > older.rank) older = s;
  }
  return older;
}

/**
 * A second sentence of the same document that answers nearly as well: the reply may be two
 * sentences, and when the best two are this close the fact is often in the other one.
 */
export function runnerUp(scored: readonly Scored[], chosen: Scored, policy: Policy): Scored | undefined {
  let second: Scored | undefined;
  for (const s of scored) {
    if (s === chosen || s.doc !== chosen.doc || s.rank < chosen.rank - policy.secondMargin) continue;
    if (second === undefined || s.rank > second.rank) second = s;
  }
  return second;
}

/**
 * The candidates a question is answered from: the sentences, or the headlines (scored apart) when
 * no sentence answers or a headline answers clearly better (by `headlineMargin`) than every one.
 */
export function withHeadlines(sentences: Scored[], headlines: Scored[], policy: Policy): Scored[] {
  if (sentences.length === 0 || headlines.length === 0) return sentences.length > 0 ? sentences : headlines;
  const best = (list: readonly Scored[]) => Math.max(...list.map((s) => s.rank));
  return best(headlines) >= best(sentences) + policy.headlineMargin ? headlines : sentences;
}

/**
 * The sentence right after a chosen one that names a subject without a figure or date, when that
 * next sentence holds a fact (a figure, a date, a share, a name): "...отчитался об устранении
 * цифрового неравенства. В 2021 году качество интернета улучшено в 628 населённых пунктах". A
 * report tells its subject, then what was done; the reply says both.
 */
export function continuation(chosen: Scored): Scored | undefined {
  const figure = (h: Passage["holds"]): boolean => h.number || h.date || h.share || h.money;
  if (figure(chosen.passage.holds)) return undefined;
  const passages = chosen.doc.passages;
  const next = passages[passages.indexOf(chosen.passage) + 1];
  if (next === undefined || !(figure(next.holds) || next.holds.name)) return undefined;
  return { passage: next, doc: chosen.doc, coverage: 0, rank: 0, matched: [] };
}
