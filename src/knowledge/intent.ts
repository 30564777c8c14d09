import { normalizeText, words } from "./text.js";
import type { Language } from "./types.js";

const RU_HOW = new Set(["как", "где", "куда", "каким"]);
const KK_HOW = new Set(["қалай", "қайда", "қайдан"]);

/**
 * A request for instructions ("как получить паспорт", "қалай рәсімдеуге болады"): the texts are
 * news about programmes and hold no procedures, so such questions are never answered from them,
 * however many of their words match.
 */
export function isHowTo(question: string, lang: Language): boolean {
  const tokens = words(question);
  if (lang === "ru") {
    for (let i = 0; i < tokens.length - 1; i++) {
      const next = tokens[i + 1] ?? "";
      const after = tokens[i + 2] ?? "";
      if (!RU_HOW.has(tokens[i] ?? "")) continue;
      const verb = (w: string): boolean => /(ть|ться|чь)$/.test(w);
      if (verb(next) || (next === "мне" && verb(after)) || (next === "можно" && verb(after))) return true;
    }
    return tokens.includes("обратиться");
  }
  if (!tokens.some((t) => KK_HOW.has(t))) return false;
  // қалай + verbal noun + болады / керек: "қалай алуға болады", "қайда жүгіну керек"
  return tokens.some(
    (t, i) => /(у|уге|уға|ю)$/.test(t) && ["болады", "керек", "бола", "қажет"].includes(tokens[i + 1] ?? ""),
  );
}

/** What kind of answer a question asks for, read from its question words. */
export type AnswerKind = "count" | "when" | "where" | "who";

const KIND_WORDS: Record<AnswerKind, RegExp> = {
  // сколько, скольких, скока, насколько, до скольки, какой процент; қанша, неше, канша
  count: /^(сколько|скольк\p{L}*|скока|скоко|насколько|процент\p{L}*|қанша\p{L}*|канша\p{L}*|неше\p{L}*)$/u,
  when: /^(когда|сроки|срок|қашан|кашан|мерзім\p{L}*)$/u,
  where:
    /^(где|городах|города|городов|регионах|областях|қайда|кайда|қалалар\p{L}*|калалар\p{L}*|облыстар\p{L}*|өңірлер\p{L}*)$/u,
  who: /^(кто|кого|кем|кім|ким|кімге|кимге|чей|чья|чьё|чье|чьи|чьему|чьей|чьим|чьего|чьих)$/u,
};
const KIND_ENTRIES = Object.entries(KIND_WORDS) as [AnswerKind, RegExp][];
/** "в каком году", "қай жылы": a question about time without a question word of its own. */
const YEAR_WORD = /^(году|года|год|годы|годах|лет|жылы|жылға|жыл|жылдарға|жылдары)$/u;
const WHICH_WORD = /^(каком|какой|какого|какие|каких|қай|кай|қандай|кандай|сколько|қанша)$/u;

/** "что сделано", "не істелді": what has been done is told best by a fact with figures. */
const DONE_WORD = /^(сделано|сделали|итоги|істелді|истелди|атқарылды|аткарылды)$/u;

/** The kinds of answer a question asks for (often none; "в каком году" asks when). */
export function answerKinds(question: string): Set<AnswerKind> {
  const tokens = words(question);
  const kinds = new Set<AnswerKind>();
  tokens.forEach((t, i) => {
    for (const [kind, re] of KIND_ENTRIES) {
      if (re.test(t) && (kind !== "where" || WHICH_WORD.test(tokens[i - 1] ?? "") || t.length < 6))
        kinds.add(kind);
    }
    if (YEAR_WORD.test(t) && WHICH_WORD.test(tokens[i - 1] ?? "")) kinds.add("when");
    if (DONE_WORD.test(t)) kinds.add("count");
  });
  return kinds;
}

/** Question words that ask for a number outright ("насколько", "какой процент" rank, not require). */
const COUNT_REQUIRED = /^(сколько|скольк\p{L}*|скока|скоко|қанша\p{L}*|канша\p{L}*|неше\p{L}*)$/u;

/**
 * The kinds of answer a question clearly asks for, which an answer must hold (not only a rank
 * bonus): a person for кто/кім/чей, a number for сколько/қанша/неше, a date for когда/қашан/"в
 * каком году". A "сколько" question that also asks when is answered by a year.
 */
export function requiredKinds(question: string): Set<AnswerKind> {
  const kinds = new Set<AnswerKind>();
  const clauses = /[.,;:!?\n][^\p{L}\d]*[\p{L}\d]/u.test(question)
    ? question.split(/[.,;:!?\n]+/u)
    : [question];
  for (const clause of clauses) {
    const tokens = words(clause);
    tokens.forEach((t, i) => {
      if (KIND_WORDS.who.test(t)) kinds.add("who");
      if (/^(қашан|кашан)$/u.test(t)) kinds.add("when");
      // "когда" opens a Russian question; further on it is a conjunction ("защищают когда
      // оцифровывают"), and "когда-то" is "once"
      if (t === "когда" && i <= 1 && !/^(то|нибудь|либо)$/u.test(tokens[i + 1] ?? "")) kinds.add("when");
      if (YEAR_WORD.test(t) && WHICH_WORD.test(tokens[i - 1] ?? "") && tokens[i - 1] !== "сколько")
        kinds.add("when");
      if (COUNT_REQUIRED.test(t)) kinds.add("count");
    });
  }
  if (kinds.has("when")) kinds.delete("count");
  return kinds;
}

const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/gu;
const MONTH =
  /(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)/iu;
const NUMBER_WORD =
  /(?<!\p{L})(пят\p{L}*|тр[её]х|три|четыр\p{L}*|двух|два|две|вдвое|дес\p{L}*ть|бес|екі|үш|төрт|тоғыз|он|жүз|мың)(?!\p{L})/iu;
const PLACE =
  /(Нур-Султан|Нұр-Сұлтан|Астан|Алматы|Шымкент|Караганд|Қарағанд|Тараз|Актау|Ақтау|Павлодар|Атырау|област|облыс)/u;
/**
 * A city or region in any case and either language, lower-cased ("павлодарской", "алматыда",
 * "облысында"): named in a question, it is a constraint on the answer.
 */
const PLACE_WORD =
  /^(нур-султан|нұр-сұлтан|астан|алмат|шымкент|караганд|қарағанд|тараз|актау|ақтау|актоб|ақтөб|павлодар|атырау|семей|костанай|қостанай|кызылорд|қызылорд|туркестан|түркістан|экибастуз|екібастұз|уральск|орал|петропавл|кокшетау|көкшетау|талдыкорган|талдықорған|жезказган|жезқазған|усть-каменогорск|өскемен|(?:вко|шқо|ско|сқо|зко|бқо)$|жамбыл|мангист|маңғыст|абай|жетіс|жетыс|ұлытау|улытау)/iu;

/** Whether a question word names a city or a region ("павлодарской", "алматыда"), not the country. */
export function isPlaceWord(surface: string): boolean {
  return PLACE_WORD.test(surface);
}

/** A person named as "Имя Фамилия" or with an initial ("А. Жұмағалиев"), not at a sentence start. */
const PERSON = /(?<=[\p{Ll},:;—–-] )(\p{Lu}\p{Ll}+|\p{Lu}\.) \p{Lu}\p{Ll}{2,}/u;

/** Whether an answer text holds what a question of that kind asks for. */
export function hasAnswerOfKind(text: string, kind: AnswerKind): boolean {
  switch (kind) {
    case "count":
      return /\d/.test(text.replace(YEAR, "")) || NUMBER_WORD.test(text);
    case "when":
      return (text.match(YEAR) ?? []).length > 0 || MONTH.test(text);
    case "where":
      return PLACE.test(text);
    case "who":
      return PERSON.test(text);
  }
}

/** An organisation that acts ("акиматы выделяют землю", "операторы"): who may be a body, not a person. */
const AGENT =
  /(акимат|әкімдік|әкімдер|министерств|министрлі|оператор|компани|Казахтелеком|Қазақтелеком|правительств|Үкімет|үкімет|Astana Hub|ЖШС|ТОО)/iu;

/** Whether a text names someone who acts: a person or an organisation (what "кто" requires). */
export function namesAgent(text: string): boolean {
  return PERSON.test(text) || AGENT.test(text);
}

/** The latest year a text names (0 when none): a "when" question asks about what is ahead. */
export function latestYear(text: string): number {
  return Math.max(0, ...(text.match(YEAR) ?? []).map(Number));
}

/** Words that put a question in the present year or ahead: "биыл", "в этом году", "ещё", "будет". */
const RU_FUTURE = new Set(["будет", "будут", "ещё", "еще", "скоро", "предстоит", "планируется", "планируют"]);
const KK_FUTURE = new Set(["биыл", "алдағы", "тағы", "болады", "жоспарланған", "жоспарлануда"]);
/** Kazakh present-future and intention endings of the final verb: "жақсарады", "қосылмақ". */
const KK_FUTURE_VERB = /(ады|еді|йды|йді|мақ|мек|бақ|бек|пақ|пек)$/u;
/** Russian perfective future in the 3rd plural ("улучшат", "подключат", "проведут"). */
const RU_FUTURE_VERB = /([жчшщ]ат|[аеиоуя]ят|[дгжчшщ]ут|[аеиоуя]ют)$/u;

/**
 * Whether a question asks about this year or what is ahead ("биыл қанша ауылда интернет
 * жақсарады", "в скольких сёлах улучшат интернет в этом году"): between facts of different
 * years the forward-looking one is then the answer.
 */
export function asksAboutFuture(question: string, lang: Language): boolean {
  const text = normalizeText(question);
  const tokens = words(question);
  if (lang === "ru") {
    if (/(в|на) (этом|текущем|следующем) году/u.test(text)) return true;
    return tokens.some((t) => RU_FUTURE.has(t) || (t.length >= 6 && RU_FUTURE_VERB.test(t)));
  }
  if (tokens.some((t) => KK_FUTURE.has(t))) return true;
  const content = tokens.filter((t) => !/^(ма|ме|ба|бе|па|пе|ма екен|екен)$/u.test(t));
  const last = content.at(-1) ?? "";
  return last.length >= 5 && KK_FUTURE_VERB.test(last);
}
