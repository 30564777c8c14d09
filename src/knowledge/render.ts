import type { Knowledge, Language, Reply } from "./types.js";

/** Looks up a locale string (the bot's i18n `t`, or any stand-in in tests). */
export type Translate = (lang: Language, key: string, vars?: Record<string, string | number>) => string;

const MEMO_MAX = 256;
/** Locale strings already rendered, per Translate function: Fluent negotiates locales on every call. */
const memos = new WeakMap<Translate, Map<string, string>>();

/** `t(lang, key, vars)`, remembered per `t` (the strings of one locale key and variables do not change). */
function translate(t: Translate, lang: Language, key: string, vars?: Record<string, string>): string {
  let memo = memos.get(t);
  if (memo === undefined) {
    memo = new Map();
    memos.set(t, memo);
  }
  const id = vars === undefined ? `${lang} ${key}` : `${lang} ${key} ${JSON.stringify(vars)}`;
  let text = memo.get(id);
  if (text === undefined) {
    text = vars === undefined ? t(lang, key) : t(lang, key, vars);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(id, text);
  }
  return text;
}

/**
 * The full reply text as the bot sends it: the fact, its source line and, unless
 * `related: false` (when the caller shows them as buttons), the related questions.
 */
export function renderReply(reply: Reply, t: Translate, options: { related?: boolean } = {}): string {
  const { lang } = reply;
  switch (reply.kind) {
    case "none":
      return translate(t, lang, "ask-no-answer");
    case "smalltalk":
      return translate(t, lang, reply.intent === "thanks" ? "ask-thanks" : "ask-greeting");
    case "answer": {
      const lines = [reply.text];
      const source = reply.sources[0];
      if (source) {
        lines.push(
          source.date && source.doc.startsWith("announcement:")
            ? translate(t, lang, "ask-source-announcement", {
                outlet: source.outlet,
                date: source.date.slice(0, 10),
              })
            : translate(t, lang, "ask-source", { outlet: source.outlet, year: String(source.year) }),
        );
      }
      if (options.related !== false && reply.related.length > 0) {
        lines.push("", translate(t, lang, "ask-related-title"), ...reply.related.map((q) => `• ${q}`));
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
