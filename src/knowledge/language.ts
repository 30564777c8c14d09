import { KAZAKH_LETTERS, type Lang, words } from "./text.js";

/** Common Kazakh words written without Kazakh-specific letters (or typed on a Russian keyboard). */
const KK_WORDS: ReadonlySet<string> = new Set(
  `деген не ма ме ба бе па пе бар жок туралы баяу бола болады кашан канша кандай калай салем
  салеметсиз рахмет рахмет жане мен сиз биз ол бул осы жыл жылы интернетти интернетке ауыл ауылда
  ауылдарда кужат элде емес жогары дейин кейин ушин бойынша керек неше нешеу кайда кай ким
  мектеп мектептер ашылады жоба жобасы кала калалар калада облыс облысында маган бизге жане
  кандай жылдары кашаннан туралы айтып айтшы белгили интернетке интернетпен ауылга ауылдарга`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common Russian words (function and question words). */
const RU_WORDS: ReadonlySet<string> = new Set(
  `в во на и или что как когда где сколько какой какая какие каких ли не по для от до за с со у о об
  это есть будет был была были кто почему зачем привет спасибо здравствуйте пожалуйста такое
  ещё еще уже можно мне нам вы ты`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/ё/g, "е")),
);

/**
 * Kazakh verb and case endings that Russian words do not have, typed without Kazakh letters:
 * "ашылады", "берилди", "калаларда", "ауылдарга".
 */
const KK_ENDING =
  /\p{L}{3,}(ылады|илади|иледи|ылды|илди|латын|летин|ларда|лерде|ларга|лерге|ларды|лерди|дагы|деги|ындагы)$/u;

/** Letters of Russian that native Kazakh words do not use. */
const RU_ONLY = /[ёщъэ]/u;

/**
 * The language of a question: Kazakh-specific letters first, then Kazakh and Russian word
 * lists, then (when given) the vocabulary of the texts, then the caller's fallback (the user's
 * saved language) for what stays ambiguous.
 */
export function detectLanguage(
  text: string,
  fallback: Lang = "ru",
  vocabulary?: (token: string) => Lang | undefined,
): Lang {
  const lower = text.toLowerCase();
  if (KAZAKH_LETTERS.test(lower)) return "kk";
  let kk = 0;
  let ru = 0;
  // words() lower-cases as normalizeText does: the same tokens as of `lower`
  for (const token of words(text)) {
    if (KK_WORDS.has(token) || KK_ENDING.test(token)) kk++;
    if (RU_WORDS.has(token)) ru++;
  }
  if (kk > ru) return "kk";
  if (ru > kk) return "ru";
  if (RU_ONLY.test(lower)) return "ru";
  if (vocabulary) {
    // still undecided ("ЦОН кезектер"): the words only one language's texts and lexicon know
    for (const token of words(text)) {
      const lang = vocabulary(token);
      if (lang === "kk") kk++;
      else if (lang === "ru") ru++;
    }
    if (kk > ru) return "kk";
    if (ru > kk) return "ru";
  }
  return fallback;
}
