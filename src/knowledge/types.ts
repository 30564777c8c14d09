/** The two languages the bot answers in. */
export type Language = "ru" | "kk";

/** What an answer cites: the document id (seed file name without extension, or a pair's id), outlet, year. */
export interface Source {
  doc: string;
  outlet: string;
  year: number;
  date?: string;
}

/** Why the knowledge gives no answer; the renderer says something different for each. */
export type NoAnswerReason = "no-answer" | "off-topic" | "state-service" | "complaint";

/** The knowledge module's reply to one message. */
export type Reply =
  | {
      kind: "answer";
      lang: Language;
      /** The answering sentence(s), in `quoted` language when set, else in `lang`. */
      text: string;
      sources: Source[];
      related: string[];
      /** The source sentence is in this other language: render it as a quote with a framing line. */
      quoted?: Language;
      /** The fact is older than two years: introduce it with this year. */
      asOf?: number;
      /** An older source said otherwise: its figure and year, for an optional mention. */
      older?: { year: number; text: string };
      /** A place or body named in the text has been renamed since: old -> new. */
      renamed?: { old: string; new: string; since: string }[];
    }
  | { kind: "none"; lang: Language; reason: NoAnswerReason; suggestions: string[] }
  | { kind: "smalltalk"; lang: Language; intent: "greeting" | "thanks" };

/** A published announcement (admin update) added at run time. */
export interface Announcement {
  id: string;
  topic: string;
  date: string;
  ru: string;
  kk: string;
}

/** Publication date: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type DocumentDate = string;

/** One item of content in one or two languages (a ru+kk pair is one document). */
export interface Document {
  id: string;
  texts: Partial<Record<Language, string>>;
  outlet: string;
  url?: string;
  date: DocumentDate;
  kind: "seed" | "added" | "announcement";
}

/** What `inspect` tells a maintainer about one indexed document. */
export interface DocumentReport {
  passages: number;
  languages: Language[];
  numbers: { text: string; year?: number }[];
}

/** The name the maintainer CLI knows the report by. */
export type DocumentSummary = DocumentReport;

/** Options of one question. */
export interface AskOptions {
  /** The user's saved language, for questions whose language stays undecided. */
  fallbackLang?: Language;
  /** The moment of asking (freshness, "this year" in a question); default the real clock. */
  now?: Date;
}

/** The question-answering service the bot and the CLI use. */
export interface Knowledge {
  ask(question: string, options?: AskOptions): Reply;
  /** Adds a document, replacing one with the same id. */
  addDocument(doc: Document): void;
  /** Adds an admin's announcement (a document of kind "announcement", cited with its date). */
  addAnnouncement(a: Announcement): void;
  detectLanguage(text: string, fallback?: Language): Language;
  inspect(docId: string): DocumentReport | undefined;
}
