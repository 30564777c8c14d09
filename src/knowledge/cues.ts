/**
 * Small general word lists that read how a message is put, not what it is about: what a
 * question asks for (a number, a date, a person, a place), whether it asks about the present,
 * whether it complains about the user's own connection or asks for a state service.
 */
import { words } from "./text.js";

/** What kind of answer a question asks for. */
export type Asked =
  | "number"
  | "date"
  | "month"
  | "person"
  | "place"
  | "money"
  | "share"
  | "site"
  | "body"
  | "purpose";

const ASKED: Record<Exclude<Asked, "money" | "share" | "month" | "site" | "body">, RegExp> = {
  /** "зачем", "с какой целью", "не мақсатпен": a purpose, told by a sentence stating one ("в целях", "мақсатында"). */
  purpose: /^(зачем|целью|мақсатпен|максатпен)$/u,
  number: /^(сколько|скольк\p{L}*|скока|скоко|қанша\p{L}*|канша\p{L}*|неше\p{L}*|нешінші|нешинши)$/u,
  date: /^(когда|қашан|кашан|қашаннан|кашаннан)$/u,
  person: /^(кто|кем|кім\p{L}*|ким|ким(ге|нин|ди|дер\p{L}*))$/u,
  place: /^(где|қайда|кайда|қай жерде)$/u,
};
const ASKED_ENTRIES = Object.entries(ASKED) as [Asked, RegExp][];
/** A price, a fee, a wage: the answer must name an amount of money. */
const MONEY_ASKED =
  /^(стоит|стоят|стоить|стоимост\p{L}*|цен[аыуе]|платить|плат[аыуе]|тариф\p{L}*|зарплат\p{L}*|оклад\p{L}*|(гос)?пошлин\p{L}*|бағасы|бағасын|төлеу\p{L}*|жалақ\p{L}*|баж|бажы|бажын|курс\p{L}*|бағам\p{L}*)$/u;
/** "сколько процентов", "қанша пайыз", "какая доля": the answer must be a share, not any number. */
const SHARE_ASKED = /^(процент\p{L}*|пайыз\p{L}*|дол[яиюе]|част[ьи]|үлес\p{L}*|бөлі\p{L}*)$/u;
/** A price asked by its verb alone ("сколько стоит", "қанша тұрады"). */
const PRICE = /^(стоит|стоят|стоить|тұрады|турады)$/u;
/** "есе": times, as in "неше есе"; "раз" asks a ratio only after "во сколько" ("сколько раз" counts times). */
const RATIO = /^(есе|есеге)$/u;
const TIMES = /^(раз|раза)$/u;
const asksRatio = (tokens: readonly string[]): boolean =>
  tokens.some(
    (t, i) =>
      RATIO.test(t) ||
      (TIMES.test(t) && /^скольк/u.test(tokens[i - 1] ?? "") && /^(во|в)$/u.test(tokens[i - 2] ?? "")),
  );
/** "в каком году", "қай жылы", "какие города", "қай қалаларда": a which-question about time or place. */
const WHICH = /^(каком|какой|какого|какие|каких|какая|какую|какое|каков|какова|қай|кай|қандай|кандай)$/u;
/** "какой объём", "какое место", "қандай деңгей": a which-question about a quantity asks for a number. */
const MEASURE =
  /^(объем\p{L}*|уров\p{L}*|дол[яию]|процент\p{L}*|количеств\p{L}*|числ\p{L}*|сумм\p{L}*|размер\p{L}*|мест[оа]|скорост\p{L}*|показател\p{L}*|көлем\p{L}*|деңгей\p{L}*|үлес\p{L}*|пайыз\p{L}*|сан(?:ы|ын|ына|ының|ға|да)?|мөлшер\p{L}*|орын\p{L}*|орн\p{L}*|жылдамдығ\p{L}*)$/u;
/** Words that only say "an amount" ("какое количество", "саны"); "скорость" or "уровень" say of what, and stay subjects. */
const AMOUNT = /^(количеств\p{L}*|числ[оа]|сумм\p{L}*|сан|саны|санын|мөлшер\p{L}*)$/u;
/** "с какого месяца", "қай айдан": a date is not enough, the answer must name a month. */
const MONTH_NOUN = /^(месяц|месяца|месяце|ай|айда|айдан|айынан|айында)$/u;
const TIME_NOUN =
  /^(году|года|год|годы|годах|жылы|жылға|жыл|жылдары|жылдарға|ай|айда|айдан|месяц|месяца|месяце|месяцы|срок|сроки|мерзім\p{L}*|дата|дату|числа)$/u;
/**
 * Forms of "year" that only place a fact in time ("жылдан бастап", "за годы"), not what it is; the
 * texts' stopword lists drop the commonest ones, so the others would weigh as rare words.
 */
export const YEAR_WORD =
  /^(год|года|году|годом|годе|годы|годах|годам|лет|жыл|жылы|жылдан|жылда|жылға|жылдың|жылдар|жылдары|жылдардан|жылдарда|жылдарға|жылына|жылғы)$/u;
/** "какой сайт", "қай порталда", "қандай қосымша": the answer must name a site or an app by its address. */
const SITE_NOUN = /^(сайт\p{L}*|портал\p{L}*|приложени\p{L}*|қосымша\p{L}*)$/u;
/** "какое министерство", "қай оператор", "какая компания": the answer must name a body. */
const BODY_NOUN =
  /^(министерств\p{L}*|ведомств\p{L}*|компани\p{L}*|оператор\p{L}*|организаци\p{L}*|министрлі\p{L}*|мекеме\p{L}*|ұйым\p{L}*)$/u;
const PLACE_NOUN =
  /^(город\p{L}*|регион\p{L}*|област\p{L}*|сел\p{L}{0,3}|қала\p{L}*|кала\p{L}*|облыс\p{L}*|өңір\p{L}*|ауыл\p{L}*)$/u;

/**
 * The kind of answer a word of the question names ("годы", "қалалар", "доля"): a passage that
 * holds that kind (a date, a place, a number) holds what the word stands for.
 */
export function kindNamed(word: string): Asked | undefined {
  if (MONTH_NOUN.test(word)) return "month";
  if (TIME_NOUN.test(word)) return "date";
  if (SHARE_ASKED.test(word) || RATIO.test(word) || TIMES.test(word)) return "share";
  if (PLACE_NOUN.test(word)) return "place";
  if (SITE_NOUN.test(word)) return "site";
  if (AMOUNT.test(word)) return "number";
  return undefined;
}

/** A pronoun or particle between a which-word and its noun: "какой **это** год", "қай **бір** жылы". */
const BETWEEN = /^(это|же|бы|бұл|осы|бір)$/u;

/** What a which-question asks by the noun after "какой / қай": "в каком году", "какая доля", "қай қалаларда". */
function whichKinds(tokens: readonly string[], i: number, kinds: Set<Asked>): void {
  const next = (BETWEEN.test(tokens[i + 1] ?? "") ? tokens[i + 2] : tokens[i + 1]) ?? "";
  if (TIME_NOUN.test(next) || YEAR_WORD.test(next)) kinds.add("date");
  if (MONTH_NOUN.test(next)) kinds.add("month");
  if (MEASURE.test(next)) kinds.add("number");
  if (PLACE_NOUN.test(next) && i < 2) kinds.add("place");
  if (SITE_NOUN.test(next)) kinds.add("site");
  if (BODY_NOUN.test(next)) kinds.add("body");
}

/** A message's sentences, split after ".", "!" or "?" (a chat message need not start one with a capital). */
export const messageSentences = (message: string): string[] => message.split(/(?<=[.!?])\s+/u);

/** Words that ask: a clause after one that holds them is not a question of its own. */
const ASKING_WORD =
  /^(как|каким|какой|какая|какое|какие|что|зачем|почему|сколько|где|когда|кто|куда|ли|қалай|не|неге|қанша|қашан|қайда|кім)$/u;
/** "когда / где / куда / кто" opening a clause: a conjunction ("Как проверяют, …, когда получаю ЭЦП?"). */
const CLAUSE_OPENER = /(^|[,;–—]\s*)(когда|где|куда|кто)(?!\p{L})/giu;

/**
 * The question without the conjunctions that open its subordinate clauses: in "Как проверяют,
 * что это я, когда получаю ЭЦП?" the "когда" after a comma asks no date, a question word before it does.
 */
function withoutClauseOpeners(question: string): string {
  return messageSentences(question)
    .map((sentence) => {
      const first = sentence.split(/[,;–—]/u)[0] ?? "";
      const opening = words(first);
      // "Когда, где и кто?" lists questions: a clause of question words alone asks them all
      if (opening.length < 2 || !opening.some((t) => ASKING_WORD.test(t))) return sentence;
      return sentence.replace(CLAUSE_OPENER, (m, before: string, word: string, at: number) =>
        at < first.length ? m : `${before}${" ".repeat(word.length)}`,
      );
    })
    .join(" ");
}

/** The kinds of answer a question asks for outright (an answer must hold them). */
export function askedKinds(question: string): Set<Asked> {
  const tokens = words(withoutClauseOpeners(question));
  const kinds = new Set<Asked>();
  tokens.forEach((t, i) => {
    for (const [kind, re] of ASKED_ENTRIES) if (re.test(t)) kinds.add(kind);
    if (WHICH.test(t)) whichKinds(tokens, i, kinds);
    if (SHARE_ASKED.test(t) && (kinds.has("number") || WHICH.test(tokens[i - 1] ?? ""))) kinds.add("share");
  });
  // "сколько ... когда" asks when; a "когда-то" is no question
  if (kinds.has("date")) kinds.delete("number");
  // "сколько стоит", "какая зарплата": a price or wage asked, not one merely named ("правда, что зарплаты выше?")
  const money = tokens.some((t) => MONEY_ASKED.test(t));
  if (money && (kinds.has("number") || tokens.some((t) => PRICE.test(t) || WHICH.test(t))))
    kinds.add("money");
  // "қанша тұрады", "сколько стоит": the price verb right after the number word asks a price
  if (tokens.some((t, i) => PRICE.test(t) && ASKED.number.test(tokens[i - 1] ?? ""))) kinds.add("money");
  // "во сколько раз", "неше есе": a ratio, whatever it is a ratio of
  if (kinds.has("number") && asksRatio(tokens)) {
    kinds.delete("money");
    kinds.add("share");
  }
  return kinds;
}

/** "какой интернет", "қандай технология": a which-question (asking no date, number, place...) asks what kind of thing. */
export function asksWhich(question: string): boolean {
  return words(question).some((t) => WHICH.test(t));
}

/** A which-word ("какой", "қандай"): the word after it names what is asked. */
export const isWhich = (token: string): boolean => WHICH.test(token);

/** Offices a "who" question may name: the answer must name that office and a person. */
const ROLE =
  /^(министр\p{L}*|глав\p{L}*|председател\p{L}*|руководител\p{L}*|директор\p{L}*|аким|акима|акимом|президент\p{L}*|премьер\p{L}*|вице-премьер\p{L}*|замминистр\p{L}*|заместител\p{L}*|төраға\p{L}*|басшы\p{L}*|әкім|әкімі|әкімнің|орынбасар\p{L}*|министрі|министрдің|секретар\p{L}*|хатшы\p{L}*|спикер\p{L}*|депутат\p{L}*|мэр|мэра|мэром|губернатор\p{L}*|посол|посла|послом|елші\p{L}*)$/u;

/**
 * The office a "who" question asks about ("кто министр образования" -> "министр"), if any: the
 * head of the phrase, first in Russian ("секретарь президента"), last in Kazakh ("президенттің хатшысы").
 */
export function askedRole(question: string, lang: "ru" | "kk" = "ru"): string | undefined {
  const roles = words(question).filter((t) => ROLE.test(t));
  return lang === "kk" ? roles.at(-1) : roles[0];
}

const HOW = /^(как|каким|қалай|калай)$/u;
const RU_INFINITIVE = /(ть|ться|чь|ти)$/u;
const KK_VERBAL_NOUN = /(у|уға|уге|ю|уды|уді)$/u;

/**
 * The action a how-to question asks about ("как получить паспорт" -> "получить", "қалай алуға
 * болады" -> "алуға"): the answering sentence must name that action, not only its object.
 */
export function askedAction(question: string): string | undefined {
  const tokens = words(question);
  const at = tokens.findIndex((t) => HOW.test(t));
  if (at < 0) return undefined;
  return tokens.slice(at + 1, at + 4).find((t) => RU_INFINITIVE.test(t) || KK_VERBAL_NOUN.test(t));
}

/** Words that ask about the present: the newest source wins by a wider margin. */
const CURRENT =
  /^(сейчас|теперь|ныне|нынешн\p{L}*|текущ\p{L}*|настоящ\p{L}*|действующ\p{L}*|қазір|қазіргі|қазірде|қазиргы|казир|казирги|бүгінде|бугинде|ағымдағы)$/u;

/** "сегодня", "бүгін": the day of asking itself. */
const TODAY = /^(сегодня|сегодняшн\p{L}*|бүгін|бүгінгі|бугин|бугинги)$/u;

/** Whether the question asks a figure of the day it is asked ("бүгін доллар қанша", "какой сегодня курс"). */
export function asksTodaysFigure(question: string, asked: ReadonlySet<Asked>): boolean {
  return (
    (asked.has("number") || asked.has("money") || asked.has("share")) &&
    words(question).some((t) => TODAY.test(t))
  );
}

export function asksAboutNow(question: string): boolean {
  return words(question).some((t) => CURRENT.test(t));
}

/** Verbs of saying: "когда озвучил / объявил / қашан жариялады" asks when it was said, the day of the news. */
const SAID =
  /^(сообщ\p{L}*|заяв\p{L}*|озвуч\p{L}*|объяв\p{L}*|рассказ\p{L}*|сказал\p{L}*|анонсир\p{L}*|жариял\p{L}*|мәлімде\p{L}*|хабарла\p{L}*|айтт\p{L}*|айтқан)$/u;

export function asksWhenSaid(question: string): boolean {
  return words(question).some((t) => SAID.test(t));
}

// ---- complaints about the user's own connection --------------------------------------------

const CONNECTION =
  /^(интернет\p{L}*|инет\p{L}*|связ\p{L}*|сеть|сети|wi|fi|wifi|вай|файл|4g|3g|lte|мобильн\p{L}*|байланыс\p{L}*|желі\p{L}*|сигнал\p{L}*|ғаламтор\p{L}*)$/u;
const FAILING =
  /^(нет|нету|жоқ|жок|нашар|плох\p{L}*|ужасн\p{L}*|отвратительн\p{L}*|медленн\p{L}*|тормоз\p{L}*|пропада\p{L}*|пропал\p{L}*|отключ\p{L}*|отваливается|лага\p{L}*|виснет|істемейді|истемейди|баяу|үзіліп|үзіледі|ұстамайды|жоғалып|болмай|тартпайды)$/u;
/** "не работает", "не грузит", "не ловит": a Russian verb of working, negated. */
const NOT_WORKING = /^(работа\p{L}*|груз\p{L}*|лов\p{L}*|открыва\p{L}*|тян\p{L}*|подключа\p{L}*|идет|идёт)$/u;
const OWN =
  /^(у|нас|меня|мой|моя|моем|моём|нашем|нашей|наш|наша|дома|біздің|бизде|бізде|менің|менде|үйде|ауылда|ауылымызда|ауылымда|селе|деревне|ауле|поселке|посёлке)$/u;
const ASKING =
  /^(ли|как|какой|какие|когда|сколько|планируется|будет|будут|что|қашан|қанша|ма|ме|ба|бе|па|пе|бола)$/u;

/**
 * A message that complains about the user's own connection ("у нас в ауле интернет не
 * работает", "ауылда интернет жоқ, нашар"): the bot offers to file a report.
 */
export function isComplaint(message: string): boolean {
  const tokens = words(message);
  const connection = tokens.some((t) => CONNECTION.test(t));
  const failing = tokens.some(
    (t, i) => FAILING.test(t) || (t === "не" && NOT_WORKING.test(tokens[i + 1] ?? "")),
  );
  if (!connection || !failing) return false;
  const own = tokens.some((t) => OWN.test(t));
  const asking = message.includes("?") || tokens.some((t) => ASKING.test(t));
  return own || !asking;
}

// ---- state services the texts do not cover --------------------------------------------------

const SERVICE =
  /^(паспорт\p{L}*|пенси\p{L}*|пособи\p{L}*|справк\p{L}*|прописк\p{L}*|регистрац\p{L}*|удостоверени\p{L}*|налог\p{L}*|штраф\p{L}*|субсиди\p{L}*|льгот\p{L}*|зейнетақ\p{L}*|жәрдемақы\p{L}*|анықтама\p{L}*|төлқұжат\p{L}*|куәлі\p{L}*|салық\p{L}*|тіркеу\p{L}*|egov|егов|цон\p{L}*|хқко\p{L}*|оформ\p{L}*|рәсімде\p{L}*|рәсімдеу\p{L}*|получить|продлить|заменить|алуға|ауыстыруға|жаңарту\p{L}*)$/u;

/** A question about a state service (documents, pension, benefits, how to obtain something). */
export function asksStateService(question: string): boolean {
  return words(question).some((t) => SERVICE.test(t));
}
