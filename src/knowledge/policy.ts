/**
 * The ranking policy: every weight and threshold the answer path uses, in one typed object, so
 * that calibration is read and changed in one place (src/knowledge/README.md explains each).
 */
export interface Policy {
  /** Share of the question's weighted terms a passage must cover to be an answer. */
  answerThreshold: number;
  /** The share that suffices when the question asks for a date, a month or a site and the passage holds it (a rare kind: holding it is evidence). */
  heldKindThreshold: number;
  /** Credit for a question term found only in the passage's context (headline, lead, previous sentences). */
  contextCredit: number;
  /** Known terms lighter than this share of the rarest term's weight (common words like "интернет", the country) do not count toward the two a passage must share. */
  minorShare: number;
  /** Credit for a term the passage holds only as a modifier inside a longer phrase ("здоровья" in "паспорт здоровья"). */
  partCredit: number;
  /** Known terms matched in the sentence that excuse a missing heaviest term. */
  keyWaiver: number;
  /** Credit for a Kazakh term matched only by its first letters (a stem the stripper cut differently). */
  prefixCredit: number;
  /** Rank bonus for matching words that few sentences of the document hold (the fact, not the subject), times their share. */
  particularBonus: number;
  /** At most this share of a document's sentences (one at least) hold a word for it to count as particular. */
  particularShare: number;
  /** Rank bonus, for a which-question ("какой интернет"), for a sentence that qualifies a word of the question with a word it does not name ("спутниковый интернет"). */
  qualifierBonus: number;
  /** Rank bonus for a passage with a sentence in the question's own language (a reply, not a quote). */
  ownLanguageBonus: number;
  /** Rank bonus for a passage early in its document (a subject is introduced before it is detailed), times 1 - position. */
  positionBonus: number;
  /** Weight of a question term no document knows, as a multiple of the rarest known term's weight. */
  unknownWeight: number;
  /** Weight of a verb-, adverb- or function-shaped word, as a multiple of its own weight. */
  functionWordWeight: number;
  /** Weight of a known verb-shaped word: it says how, rarely what about (missing it must not sink an answer). */
  knownVerbWeight: number;
  /** Weight of a Russian adjective neither the texts nor the dictionary know (a qualifier: "нормальный"), as a multiple of the unknown weight. */
  modifierWeight: number;
  /** Weight of a term that names the country the whole corpus is about (Kazakhstan): rarely what is asked. */
  weakWeight: number;
  /** Weight of a term in the sentences before the asking one ("Я водитель грузовика. ...?"), as a multiple of its own. */
  situationWeight: number;
  /** Weight of a term in a lead-in question before the last one ("Правда, что сделают? Сколько…?"). */
  leadInWeight: number;
  /** Weight of a question word nothing translates (no dictionary key, no shared form) against a passage only in the other language, which cannot hold it. */
  untranslatedWeight: number;
  /** Weight of a term found by typo or spelling correction, as a multiple of its own weight. */
  correctedWeight: number;
  /** Weight of anchors (numbers, years, Latin names, places) as a multiple of their IDF. */
  anchorBoost: number;
  /** A headline (scored apart) answers instead of the sentences when its rank is this much above the best of theirs. */
  headlineMargin: number;
  /** A sentence of the chosen one's document within this margin of its rank is said too (a two-sentence reply). */
  secondMargin: number;
  /** Candidates within this margin of the best coverage count as answering equally well (freshness picks). */
  freshnessMargin: number;
  /** The same margin for a question about the present ("сейчас", "қазір"). */
  currentMargin: number;
  /** Days a text stays news for a figure asked for today ("бүгін доллар қанша", "какой сегодня курс"). */
  todayDays: number;
  /** Facts older than this many years (relative to now) are introduced with their date. */
  datedAfterYears: number;
  /** Forms rarer than this IDF are searched for; commoner ones (in about a fifth of the passages or more) only ranked. */
  commonIdf: number;
  /** How many passages MiniSearch hands to the ranking. */
  candidates: number;
  /** How many suggestions a refusal carries, and related questions an answer carries. */
  suggestions: number;
  /** Share of the question's weight the texts must know for a refusal to say "no answer" rather than "off topic". */
  onTopicShare: number;
  /** Weight of the text and context fields in MiniSearch's candidate retrieval. */
  boost: { text: number; context: number };
}

export const POLICY: Policy = {
  answerThreshold: 0.55,
  heldKindThreshold: 0.45,
  contextCredit: 0.6,
  prefixCredit: 0.7,
  keyWaiver: 3,
  partCredit: 0.7,
  minorShare: 0.23,
  positionBonus: 0.03,
  ownLanguageBonus: 0.02,
  qualifierBonus: 0.05,
  particularBonus: 0.3,
  particularShare: 0.2,
  unknownWeight: 1.1,
  functionWordWeight: 0.15,
  modifierWeight: 0.4,
  knownVerbWeight: 0.6,
  weakWeight: 0.2,
  correctedWeight: 0.8,
  untranslatedWeight: 0,
  situationWeight: 0.1,
  leadInWeight: 0.6,
  anchorBoost: 1.2,
  freshnessMargin: 0.08,
  secondMargin: 0.1,
  headlineMargin: 0.1,
  currentMargin: 0.15,
  todayDays: 7,
  datedAfterYears: 2,
  candidates: 20,
  commonIdf: 1.5,
  suggestions: 3,
  onTopicShare: 0.34,
  boost: { text: 1, context: 0.4 },
};
