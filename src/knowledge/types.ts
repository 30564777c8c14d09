/** The two languages the bot answers in. */
export type Language = "ru" | "kk";

/** What an answer cites: the seed document (file name without extension), outlet and year. */
export interface Source {
  doc: string;
  outlet: string;
  year: number;
  date?: string;
}

/** The knowledge module's reply to one message. */
export type Reply =
  | { kind: "answer"; lang: Language; text: string; sources: Source[]; related: string[]; cardId?: string }
  | {
      kind: "none";
      lang: Language;
      /** Why there is no answer; decides the refusal's wording and buttons. */
      reason?: "no-answer" | "off-topic" | "state-service" | "complaint";
      /** Answerable questions close to the one asked, offered as buttons. */
      suggestions?: string[];
    }
  | { kind: "smalltalk"; lang: Language; intent: "greeting" | "thanks" };

/** A published announcement (admin update) added at run time. */
export interface Announcement {
  id: string;
  topic: string;
  date: string;
  ru: string;
  kk: string;
}

/** The question-answering service the bot and the CLI use. */
export interface Knowledge {
  ask(question: string, options?: { fallbackLang?: Language }): Reply;
  addAnnouncement(a: Announcement): void;
  detectLanguage(text: string, fallback?: Language): Language;
  /** What the index holds of one document: for the maintainer's `knowledge add` report. */
  inspect(docId: string): DocumentSummary | undefined;
}

/** Passages and dated numbers found in one document. */
export interface DocumentSummary {
  passages: number;
  languages: Language[];
  numbers: { text: string; year?: number }[];
}
