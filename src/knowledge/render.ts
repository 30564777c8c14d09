import type { Knowledge, Language, Reply } from "./types.js";

/** Looks up a locale string (the bot's i18n `t`, or any stand-in in tests). */
export type Translate = (lang: Language, key: string, vars?: Record<string, string | number>) => string;

/**
 * The full reply text as the bot sends it: the fact, its source line and, unless
 * `related: false` (when the caller shows them as buttons), the related questions.
 */
export function renderReply(reply: Reply, t: Translate, options: { related?: boolean } = {}): string {
  const { lang } = reply;
  switch (reply.kind) {
    case "none":
      return t(lang, "ask-no-answer");
    case "smalltalk":
      return t(lang, reply.intent === "thanks" ? "ask-thanks" : "ask-greeting");
    case "answer": {
      const lines = [reply.text];
      const source = reply.sources[0];
      if (source) {
        lines.push(
          source.date && source.doc.startsWith("announcement:")
            ? t(lang, "ask-source-announcement", { outlet: source.outlet, date: source.date.slice(0, 10) })
            : t(lang, "ask-source", { outlet: source.outlet, year: String(source.year) }),
        );
      }
      if (options.related !== false && reply.related.length > 0) {
        lines.push("", t(lang, "ask-related-title"), ...reply.related.map((q) => `• ${q}`));
      }
      return lines.join("\n");
    }
  }
}

/**
 * Answers one message exactly as the bot does (the bot and the ask command both call this): the
 * reply, and its text with the related questions left out, since the bot shows them as buttons.
 */
export function answerMessage(
  knowledge: Knowledge,
  question: string,
  t: Translate,
  fallbackLang: Language,
): { reply: Reply; text: string } {
  const reply = knowledge.ask(question, { fallbackLang });
  return { reply, text: renderReply(reply, t, { related: false }) };
}
