import { KK_STOPWORDS_FOLDED } from "./analyzers/kk.js";
import { RU_STOPWORDS } from "./analyzers/ru.js";
import { editDistance } from "./search-index.js";
import { type Lang, words } from "./text.js";

/**
 * Where a question's focus lies, and what in it must be matched: the last clause of a long
 * question, the attribute asked by "какой", the noun counted by "сколько всего", the addressee
 * of a report. Pure functions of the question text.
 */

/**
 * The last clause of a question that has several ("я живу в селе ..., у нас ... . подводили
 * оптику к сёлам?" -> "подводили оптику к сёлам"): citizens tell their situation first and ask
 * last. Undefined for a question of one clause.
 */
export function lastClause(question: string): string | undefined {
  const parts = question
    .split(/[.,;:!?\n]+|\s[—–-]\s/u)
    .map((p) => p.trim())
    .filter((p) => words(p).length > 0);
  return parts.length > 1 ? parts.at(-1) : undefined;
}

/** Words that ask, per language: a clause holding one is the question; the others tell the situation. */
const QUESTION_WORD: Record<Lang, RegExp> = {
  ru: /^(сколько|скольк\p{L}*|скока|что|как|какой|какая|какое|какие|каких|каком|каков\p{L}*|кто|кого|кому|когда|где|куда|откуда|зачем|почему|ли|чей|чья|чьи|чьему|насколько|правда)$/u,
  kk: /^(қанша\p{L}*|канша\p{L}*|неше\p{L}*|не|нені|неге|қандай|кандай|қашан|кашан|кім\p{L}*|ким\p{L}*|қайда|кайда|қалай|калай|қай|кай|ма|ме|ба|бе|па|пе|ше|бар ма|жоқ па)$/u,
};

/** A clause mark followed by more words: the question has several clauses. */
export const INNER_MARK = /[.,;:!?\n—–][^\p{L}\d]*[\p{L}\d]/u;

/**
 * The clause of a question that asks: the last one holding a question word or a question mark,
 * else the last ("мой сын заканчивает колледж. сколько рабочих мест обещали?" -> "сколько рабочих
 * мест обещали"); undefined for a question of one clause. The other clauses tell the situation,
 * whatever the question's length.
 */
export function focusClause(question: string, lang: Lang): string | undefined {
  // one clause (no mark before the last word): decided without allocating
  if (!INNER_MARK.test(question)) return undefined;
  const parts = (question.match(/[^.,;:!?\n—–]+[.,;:!?\n—–]*/gu) ?? [])
    .map((p) => p.trim())
    .filter((p) => words(p).length > 0);
  if (parts.length < 2) return undefined;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part.includes("?") || words(part).some((t) => QUESTION_WORD[lang].test(t))) return part;
  }
  return parts.at(-1);
}

const STOP_BY_LENGTH: Record<Lang, Map<number, string[]>> = { ru: new Map(), kk: new Map() };
for (const [lang, words] of [
  ["ru", RU_STOPWORDS],
  ["kk", KK_STOPWORDS_FOLDED],
] as const) {
  for (const w of words) {
    if (w.length < 5 || /[^\p{L}]/u.test(w)) continue;
    const list = STOP_BY_LENGTH[lang].get(w.length) ?? [];
    list.push(w);
    STOP_BY_LENGTH[lang].set(w.length, list);
  }
}

/**
 * Whether a word the texts do not know is a typo of a stopword of 5 letters or more ("колько",
 * "скольо" -> "сколько"): a misspelt question word is still a question word.
 */
export function isStopwordTypo(word: string, lang: Lang): boolean {
  if (word.length < 5) return false;
  for (let len = word.length - 1; len <= word.length + 1; len++) {
    for (const stop of STOP_BY_LENGTH[lang].get(len) ?? []) if (editDistance(word, stop, 2) <= 1) return true;
  }
  return false;
}

/**
 * The President named as the one a report was made to ("что сказали президенту про Astana Hub",
 * "Президентке не айтылды"): nearly every text is such a report, so the addressee says how the
 * question is asked, not what about. So is the state as the one who acts ("Планирует ли государство
 * ..."): nearly every text tells what the state does.
 */
const ADDRESSEE =
  /^(президенту|токаеву|главе государства|президентке|тоқаевқа|мемлекет басшысына|государство|государства|государству|государством|мемлекет)$/u;

/** Whether a question word (its surface) names the addressee of a report. */
export function isAddressee(surface: string): boolean {
  return ADDRESSEE.test(surface);
}

const WHICH = /^(какой|какая|какое|какие|каков|какова|каково|каковы|қандай|кандай)$/u;

/**
 * The words that follow "какой/какая/қандай" up to the end of the question ("какая скорость 5G
 * в Алматы" -> "скорость 5G в Алматы"): their first content term is the attribute asked about.
 */
export function afterWhich(question: string): string | undefined {
  const tokens = words(question);
  const i = tokens.findIndex((t) => WHICH.test(t));
  return i >= 0 && i + 1 < tokens.length ? tokens.slice(i + 1).join(" ") : undefined;
}

/** Whether a question asks "какой/какая/қандай" (which value), wherever the word stands. */
export function asksWhich(question: string): boolean {
  return words(question).some((t) => WHICH.test(t));
}

const COUNT = /^(сколько|скольк\p{L}*|скока|қанша\p{L}*|канша\p{L}*|неше\p{L}*)$/u;
const TOTAL = /^(всего|итого|барлығы|барлыгы|общее|общей|жалпы)$/u;

/**
 * The words after the count word of a "сколько/қанша" question ("сколько всего школ в области"
 * -> "школ в области"): their first content term is what the answer should count. Undefined
 * when the question has no count word.
 */
export function countedPart(question: string): string | undefined {
  const tokens = words(question);
  const i = tokens.findIndex((t) => COUNT.test(t));
  if (i < 0) return undefined;
  return tokens
    .slice(i + 1)
    .filter((t) => !TOTAL.test(t))
    .join(" ");
}

/** Whether a question asks for a total ("сколько всего", "в общей сложности", "барлығы қанша"). */
export function asksTotal(question: string): boolean {
  return words(question).some((t) => TOTAL.test(t));
}
