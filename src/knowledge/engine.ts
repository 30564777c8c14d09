/**
 * The knowledge base: documents in, answers out. Every document (seed, added, announcement)
 * takes the same path: analysed into passages, indexed, answerable in both languages.
 */

import type { AsPlainObject } from "minisearch";
import { Lexicon, stemOf } from "./analyze.js";
import { composeAnswer } from "./compose.js";
import { asksStateService, asksTodaysFigure, isComplaint } from "./cues.js";
import { type DictionaryData, EMPTY_DICTIONARY } from "./dictionary.js";
import { type IndexedDocument, indexDocument, type Passage } from "./documents.js";
import { detectLanguage } from "./language.js";
import { POLICY, type Policy } from "./policy.js";
import { type Query, readQuestion } from "./question.js";
import {
  continuation,
  judge,
  olderAlternative,
  pick,
  runnerUp,
  type Scored,
  score,
  withHeadlines,
} from "./rank.js";
import { PassageIndex } from "./search-index.js";
import { classifySmalltalk } from "./smalltalk.js";
import { type SuggestionSeed, Suggestions } from "./suggest.js";
import { normalizeText } from "./text.js";
import type {
  Announcement,
  AskOptions,
  Document,
  DocumentReport,
  Knowledge,
  Language,
  NoAnswerReason,
  Reply,
} from "./types.js";
import { Vocabulary } from "./vocabulary.js";

/** The bot's own announcements are cited under this outlet name. */
export const ANNOUNCEMENT_OUTLET = "Qazaq Digital Bot";

/** A built knowledge base as plain data (`v8.serialize` keeps its Maps, Sets and shared objects). */
export interface KnowledgeState {
  lexicon: Lexicon;
  docs: Map<string, IndexedDocument>;
  vocabulary: Vocabulary;
  index: AsPlainObject;
  /** The suggestions already checked to be answered (else checked again at the first question). */
  suggestions?: Map<string, SuggestionSeed[]>;
}

export class KnowledgeBase implements Knowledge {
  private readonly lexicon: Lexicon;
  private readonly docs: Map<string, IndexedDocument>;
  private readonly passages = new Map<string, { passage: Passage; doc: IndexedDocument }>();
  private readonly index: PassageIndex;
  private readonly vocabulary: Vocabulary;
  private readonly suggestions: Suggestions;

  /**
   * `dictionary`: the data, or a Lexicon already analysed from it (shared between knowledge
   * bases). `state`: a base built before (`state()`), restored instead of analysed again.
   */
  constructor(
    dictionary: DictionaryData | Lexicon = EMPTY_DICTIONARY,
    curated: readonly SuggestionSeed[] = [],
    private readonly policy: Policy = POLICY,
    state?: KnowledgeState,
  ) {
    this.lexicon = state ? restored(Lexicon, state.lexicon) : asLexicon(dictionary);
    this.docs = state?.docs ?? new Map();
    this.vocabulary = state ? restored(Vocabulary, state.vocabulary) : new Vocabulary();
    this.index = new PassageIndex(state?.index);
    this.suggestions = new Suggestions(curated, (q, lang) => this.answer(q, lang, new Date(), false));
    for (const doc of this.docs.values()) {
      for (const passage of doc.passages) this.passages.set(passage.id, { passage, doc });
      this.suggestions.reset(doc);
    }
    if (state?.suggestions) this.suggestions.restoreChecked(state.suggestions);
  }

  /** The built state, for a snapshot (`snapshot.ts`). */
  state(): KnowledgeState {
    return {
      lexicon: this.lexicon,
      docs: this.docs,
      vocabulary: this.vocabulary,
      index: this.index.toJS(),
      suggestions: this.suggestions.checkedState(),
    };
  }

  addDocument(doc: Document): void {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(doc.date))
      throw new Error(`knowledge: bad date ${doc.date} of ${doc.id}`);
    if (!doc.texts.ru && !doc.texts.kk) throw new Error(`knowledge: document ${doc.id} has no text`);
    this.removeDocument(doc.id);
    const indexed = indexDocument(doc, this.lexicon);
    this.docs.set(doc.id, indexed);
    for (const p of indexed.passages) {
      this.passages.set(p.id, { passage: p, doc: indexed });
      this.index.add(p.id, p.terms, p.contextTerms);
      this.vocabulary.addPassage([...p.terms, ...p.contextTerms]);
      for (const s of [p.text.ru, p.text.kk]) {
        if (!s) continue;
        const cased = capitalisedWords(s.text, s.lang);
        for (const u of s.units)
          for (const stem of u.stems) this.vocabulary.addStem(s.lang, stem, cased.get(stem));
      }
    }
    this.suggestions.reset(indexed);
  }

  private removeDocument(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    for (const p of old.passages) {
      this.index.remove(p.id);
      this.passages.delete(p.id);
      this.vocabulary.removePassage([...p.terms, ...p.contextTerms]);
    }
    this.docs.delete(id);
  }

  addAnnouncement(a: Announcement): void {
    this.addDocument({
      id: `announcement:${a.id}`,
      texts: { ru: a.ru, kk: a.kk },
      outlet: ANNOUNCEMENT_OUTLET,
      date: a.date.slice(0, 10),
      kind: "announcement",
    });
  }

  detectLanguage(text: string, fallback: Language = "ru"): Language {
    return detectLanguage(text, fallback, (token) => {
      if (/\d|[a-z]/.test(token)) return undefined; // numbers and Latin names belong to both languages
      const ru = this.vocabulary.knowsStem("ru", stemOf(token, "ru"));
      // Kazakh typed on a Russian keyboard ("тотенше жагдай кезинде") is Kazakh the texts know, folded
      const kk =
        this.vocabulary.knowsStem("kk", stemOf(token, "kk")) || (!ru && this.vocabulary.knowsFoldedKk(token));
      if (ru === kk) return undefined;
      return ru ? "ru" : "kk";
    });
  }

  inspect(docId: string): DocumentReport | undefined {
    const d = this.docs.get(docId);
    if (!d) return undefined;
    const languages = (["ru", "kk"] as const).filter((l) => d.doc.texts[l]);
    return { passages: d.passages.length, languages, numbers: d.numbers };
  }

  ask(question: string, options: AskOptions = {}): Reply {
    const lang = this.detectLanguage(question, options.fallbackLang ?? "ru");
    const smalltalk = classifySmalltalk(question);
    if (smalltalk) return { kind: "smalltalk", lang, intent: smalltalk };
    const now = options.now ?? new Date();
    if (isComplaint(question)) return this.refuse("complaint", lang, undefined);
    return this.answer(question, lang, now, true);
  }

  /** Answers a question of a known language; `help`: a refusal carries suggestions. */
  private answer(question: string, lang: Language, now: Date, help: boolean): Reply {
    const query = this.read(question, lang, now);
    const scored = this.candidates(query);
    // a figure of today ("бүгін доллар қанша") is told only by a text of these days
    const chosen = pick(
      asksTodaysFigure(question, query.asked) ? scored.filter((s) => this.fresh(s.doc, now)) : scored,
      query,
      this.policy,
    );
    if (!chosen) {
      const reason: NoAnswerReason = asksStateService(question)
        ? "state-service"
        : this.onTopic(query)
          ? "no-answer"
          : "off-topic";
      return help ? this.refuse(reason, lang, query) : { kind: "none", lang, reason, suggestions: [] };
    }
    const older = olderAlternative(scored, chosen, this.policy);
    const second = runnerUp(scored, chosen, this.policy) ?? continuation(chosen);
    const related = help ? this.suggestions.related(lang, chosen.doc, question, this.policy.suggestions) : [];
    return composeAnswer(chosen, query, {
      lexicon: this.lexicon,
      policy: this.policy,
      now,
      related,
      ...(older ? { older } : {}),
      ...(second ? { second } : {}),
    });
  }

  /** For maintainers (test/knowledge/explain.ts): the query as read and why each candidate answers or not. */
  explain(
    question: string,
    now = new Date(),
  ): { query: Query; candidates: { id: string; coverage: number; why: string; text: string }[] } {
    const query = this.read(question, this.detectLanguage(question), now);
    const candidates = this.found(query).map(({ passage, doc }) => {
      const { why, coverage } = judge(query, passage, doc, this.policy);
      const text = (passage.text.ru ?? passage.text.kk)?.text ?? "";
      return { id: passage.id, coverage, why, text };
    });
    candidates.sort((a, b) => b.coverage - a.coverage);
    return { query, candidates };
  }

  private read(question: string, lang: Language, now: Date): Query {
    const ctx = { lexicon: this.lexicon, vocabulary: this.vocabulary, policy: this.policy };
    return readQuestion(question, lang, now.getUTCFullYear(), ctx);
  }

  /** The passages MiniSearch hands to the ranking for a query, best first. */
  private found(query: Query): { passage: Passage; doc: IndexedDocument }[] {
    const terms = searchTerms(query, this.vocabulary, this.policy);
    const out: { passage: Passage; doc: IndexedDocument }[] = [];
    for (const id of this.index.search(terms, this.policy.candidates, this.policy.boost)) {
      const found = this.passages.get(id);
      if (found) out.push(found);
    }
    return out;
  }

  private candidates(query: Query): Scored[] {
    const out: Scored[] = [];
    const docs = new Set<IndexedDocument>();
    for (const { passage, doc } of this.found(query)) {
      docs.add(doc);
      const s = score(query, passage, doc, this.policy);
      if (s) out.push(s);
    }
    return withHeadlines(out, this.headlineAnswers(query, docs), this.policy);
  }

  /**
   * Headlines that answer a question asking for a date, number, person or place when no sentence
   * does: a news text often says its date or figure in its headline alone ("11 тамыздан бастап
   * ЭЦҚ тек онлайн беріледі"). A question asking for no such kind ("зачем", "как") is not
   * answered by a headline, which tells what happened, not why or how.
   */
  private headlineAnswers(query: Query, docs: Iterable<IndexedDocument>): Scored[] {
    if (query.asked.size === 0) return [];
    const out: Scored[] = [];
    // a headline is every sentence's context already: indexed or counted as a passage it would
    // move every rank and weight, so it is scored apart, and only for the documents the search
    // found (their passages hold the headline's words as context)
    for (const doc of docs) {
      const s = doc.headline && score(query, doc.headline, doc, this.policy);
      if (s) out.push(s);
    }
    return out;
  }

  /** Whether a document was published within `todayDays` of now. */
  private fresh(doc: IndexedDocument, now: Date): boolean {
    return now.getTime() - Date.parse(doc.doc.date) <= this.policy.todayDays * 86_400_000;
  }

  /** Whether enough of the question's weight is known to the texts to be about what the bot covers. */
  private onTopic(query: Query): boolean {
    let total = 0;
    let known = 0;
    for (const t of query.terms) {
      total += t.weight;
      if (t.known) known += t.weight;
    }
    return total > 0 && known / total >= this.policy.onTopicShare;
  }

  private refuse(reason: NoAnswerReason, lang: Language, query: Query | undefined): Reply {
    const suggestions = this.suggestions.closest(
      lang,
      query,
      [...this.docs.values()],
      this.policy.suggestions,
    );
    return { kind: "none", lang, reason, suggestions };
  }
}

const asLexicon = (d: DictionaryData | Lexicon): Lexicon => (d instanceof Lexicon ? d : new Lexicon(d));

/** A class's instance from its fields as a snapshot kept them (plain data: Maps, Sets, arrays). */
function restored<T extends object>(type: abstract new (...args: never[]) => T, fields: T): T {
  return Object.assign(Object.create(type.prototype) as T, fields);
}

/**
 * What MiniSearch looks for: the forms a question term matches fully, and loosely (a phrase's
 * heads are indexed bare). Forms in a large share of the passages ("интернет") are left to the
 * ranking: as search terms they pick nothing out and cost a result object per passage.
 */
function searchTerms(query: Query, vocabulary: Vocabulary, policy: Policy): string[] {
  const rare = new Set<string>();
  const common = new Set<string>();
  const loose = new Set<string>();
  const add = (form: string) => (vocabulary.idf(form) < policy.commonIdf ? common : rare).add(form);
  for (const t of query.terms) {
    for (const a of t.alts) add(a);
    // a phrase's words too: a text may say it with a word between ("отдаленных сельских пунктов")
    for (const forms of t.parts ?? []) for (const f of forms) if (vocabulary.has(f)) add(f);
    if (t.loose) loose.add(t.loose);
  }
  return [...rare, ...(rare.size > 0 ? [] : common), ...loose];
}

/** Stems written capitalised inside the sentence (true) or in lower case (false), by their normalised word. */
function capitalisedWords(text: string, lang: Language): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const words = text.match(/\p{L}+/gu) ?? [];
  words.forEach((w, i) => {
    if (i === 0 || w.length < 3) return;
    const lower = normalizeText(w);
    const upper = /^\p{Lu}/u.test(w);
    const stem = stemOf(lower, lang);
    out.set(stem, (out.get(stem) ?? false) || upper);
  });
  return out;
}
