/**
 * Questions the knowledge can answer, offered under an answer (related) and with a refusal
 * (suggestions). They come from curated questions per document (seeds/questions.tsv) and from
 * headlines that ask ("Когда появится интернет в поездах – ответ ..." -> "Когда появится
 * интернет в поездах?"). Each is asked once before it is offered and kept only when it is
 * answered from its own document.
 */
import type { IndexedDocument } from "./documents.js";
import type { Query } from "./question.js";
import type { Language, Reply } from "./types.js";

/** A curated question about a document. */
export interface SuggestionSeed {
  doc: string;
  lang: Language;
  question: string;
}

const ASKS =
  /^(когда|сколько|что|как|какой|какая|какие|кто|где|зачем|почему|қашан|қанша|не|қалай|қандай|кім|қайда|неше)(?!\p{L})/iu;

/** A headline that asks a question, as a question ("X – ответ министра" -> "X?"). */
export function headlineQuestion(title: string): string | undefined {
  const head = (title.split(/\s[–—-]\s/u)[0] ?? "").trim();
  if (!ASKS.test(head)) return undefined;
  return /\?$/.test(head) ? head : `${head}?`;
}

type Asker = (question: string, lang: Language) => Reply;

export class Suggestions {
  private checked: Map<string, SuggestionSeed[]> | undefined;
  private readonly titles = new Map<string, SuggestionSeed[]>();

  constructor(
    private readonly curated: readonly SuggestionSeed[],
    private readonly ask: Asker,
  ) {}

  /** A document was added or replaced: its headline may ask, and every check is redone. */
  reset(doc: IndexedDocument): void {
    const seeds: SuggestionSeed[] = [];
    for (const lang of ["ru", "kk"] as const) {
      const title = doc.titles[lang];
      const q = title ? headlineQuestion(title) : undefined;
      if (q) seeds.push({ doc: doc.doc.id, lang, question: q });
    }
    this.titles.set(doc.doc.id, seeds);
    this.checked = undefined;
  }

  /** The checked questions (checked now if they were not yet), for a snapshot. */
  checkedState(): Map<string, SuggestionSeed[]> {
    return this.byDoc();
  }

  /** Checked questions a snapshot kept (they were asked against the same documents). */
  restoreChecked(checked: Map<string, SuggestionSeed[]>): void {
    this.checked = checked;
  }

  /** Answerable questions by document id (checked once, lazily). */
  private byDoc(): Map<string, SuggestionSeed[]> {
    if (this.checked) return this.checked;
    const out = new Map<string, SuggestionSeed[]>();
    for (const seed of [...this.curated, ...[...this.titles.values()].flat()]) {
      const reply = this.ask(seed.question, seed.lang);
      if (reply.kind !== "answer" || reply.sources[0]?.doc !== seed.doc) continue;
      const list = out.get(seed.doc) ?? [];
      if (!list.some((s) => s.question === seed.question)) list.push(seed);
      out.set(seed.doc, list);
    }
    this.checked = out;
    return out;
  }

  /** Other answerable questions about the answer's document, then about other documents. */
  related(lang: Language, doc: IndexedDocument, asked: string, n: number): string[] {
    const all = this.byDoc();
    const own = (all.get(doc.doc.id) ?? []).filter((s) => s.lang === lang && s.question !== asked);
    return own.slice(0, n).map((s) => s.question);
  }

  /**
   * For a refusal: answerable questions of the documents closest to what was asked (sharing
   * the most of its weight), one per document, newest documents first on ties.
   */
  closest(lang: Language, query: Query | undefined, docs: readonly IndexedDocument[], n: number): string[] {
    const all = this.byDoc();
    const closeness = (d: IndexedDocument): number =>
      (query?.terms ?? []).reduce((sum, t) => sum + (t.alts.some((a) => d.terms.has(a)) ? t.weight : 0), 0);
    const ranked = docs
      .filter((d) => (all.get(d.doc.id) ?? []).some((s) => s.lang === lang))
      .map((d) => ({ d, c: closeness(d) }))
      .sort((a, b) => b.c - a.c || b.d.doc.date.localeCompare(a.d.doc.date));
    const out: string[] = [];
    for (let round = 0; out.length < n && round < 3; round++) {
      for (const { d } of ranked) {
        const s = (all.get(d.doc.id) ?? []).filter((x) => x.lang === lang)[round];
        if (s && out.length < n) out.push(s.question);
      }
    }
    return out;
  }
}
