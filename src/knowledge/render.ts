import { formatDate } from "../bot/dates.js";
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

type Answer = Extract<Reply, { kind: "answer" }>;

/** Quotes inside a quotation take the inner form („…“), so the «…» around it reads as one quotation. */
const innerQuotes = (text: string): string => text.replace(/«/gu, "„").replace(/»/gu, "“");

/** The fact itself: in the question's language (dated when old), or quoted from the other language. */
function factText(reply: Answer, t: Translate): string {
  const source = reply.sources[0];
  if (reply.quoted && source) {
    return translate(t, reply.lang, "ask-quoted", {
      from: reply.quoted,
      outlet: source.outlet,
      year: String(source.year),
      text: innerQuotes(reply.text),
    });
  }
  const text =
    reply.asOf === undefined
      ? reply.text
      : translate(t, reply.lang, "ask-dated", { year: String(reply.asOf), text: reply.text });
  const renames = (reply.renamed ?? []).map((r) => translate(t, reply.lang, "ask-renamed", { ...r }));
  return [text, ...renames].join(" ");
}

function sourceLine(reply: Answer, t: Translate): string | undefined {
  const source = reply.sources[0];
  if (!source) return undefined;
  return source.date && source.doc.startsWith("announcement:")
    ? translate(t, reply.lang, "ask-source-announcement", {
        outlet: source.outlet,
        // As people read dates everywhere in the bot: ДД.ММ.ГГГГ, Kazakhstan's day.
        date: formatDate(new Date(source.date)),
      })
    : translate(t, reply.lang, "ask-source", { outlet: source.outlet, year: String(source.year) });
}

/** A list of questions under a title (related questions, suggestions), or nothing. */
const listOf = (title: string, questions: readonly string[]): string[] =>
  questions.length > 0 ? ["", title, ...questions.map((q) => `• ${q}`)] : [];

/**
 * The full reply text as the bot sends it: the fact, its source line and, unless
 * `related: false` (when the caller shows them as buttons), the related questions; a refusal
 * says why (no answer, off topic, a state service, a complaint about the connection) and, unless
 * `related: false`, what the bot can answer instead.
 */
export function renderReply(reply: Reply, t: Translate, options: { related?: boolean } = {}): string {
  const { lang } = reply;
  const lists = options.related !== false;
  switch (reply.kind) {
    case "none":
      return [
        translate(t, lang, `ask-none-${reply.reason}`),
        ...(lists ? listOf(translate(t, lang, "ask-suggestions-title"), reply.suggestions) : []),
      ].join("\n");
    case "smalltalk":
      return translate(t, lang, reply.intent === "thanks" ? "ask-thanks" : "ask-greeting");
    case "answer": {
      const source = reply.quoted ? undefined : sourceLine(reply, t);
      return [
        factText(reply, t),
        ...(source ? [source] : []),
        ...(lists ? listOf(translate(t, lang, "ask-related-title"), reply.related) : []),
      ].join("\n");
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
