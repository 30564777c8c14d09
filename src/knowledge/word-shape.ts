import type { Lang } from "./text.js";

/**
 * Russian endings that, on a word the texts do not know, mark a verb, an adverb or an
 * imperative rather than a noun: reflexive and infinitive verbs, 3rd person after a vowel
 * ("даёт", "стоит", "дают", "строят"), 3rd plural after a hushing consonant or д/г ("улучшат",
 * "дадут", "могут"), 2nd person, plural and some singular past ("проводили", "проводил"),
 * imperatives and adverbs in -но after a consonant ("медленно"), short passive participles in
 * -ано/-яно/-ено ("заложено", "выделено", "сделано"). Endings that many nouns share
 * (-ат "результат", -ет "бюджет", -ал "канал", -ила "правила", -ели "показатели") are left out: an
 * unknown noun must keep blocking an answer.
 */
const RU_VERB =
  /(ться|тся|[аяеиуы]ть|[аяеиоуы]ет|[аяеиоу]ит|[аяеиоу]ют|[аяеиоу]ят|[жчшщ]ат|[дгжчшщ]ут|ешь|ишь|[аяиыу]ли|[иыя]л|ыла|яла|[иай]те|[бвгджзклмнпрстфхцчшщ]но|\p{L}{3}[аяе]но|\p{L}{4}нут)$/u;
/** "даст", "дадут": the irregular verb "дать", and a few very common irregular forms. */
const RU_IRREGULAR = new Set(["даст", "дадим", "дашь", "ест", "едят", "хотят", "хочет", "бежит"]);

/**
 * Kazakh endings of verb forms that never end a noun: present-future (-ады, -еді, -йды),
 * intention (-мақ, -бақ, -пақ), participles (-ған, -ген, -атын, -етін), converbs (-ып, -іп),
 * verbal nouns in a case ("алуға", "қосуды"), personal endings ("тұрамын") and the passive stem
 * -ыла/-іле, bare or with a tense ("жойыла ма", "жойылады", "жойылмақ").
 */
const KK_VERB =
  /([ыі]л[ае](?:ды|ді|ма|ме|мақ|мек)?|ады|еді|йды|йді|[мбп]ақ|[мбп]ек|ған|ген|қан|кен|атын|етін|йтын|йтін|ып|іп|уға|уге|уды|уді|мын|мін|мыз|міз|быз|біз|пыз|піз)$/u;
/** The same endings typed without Kazakh letters ("тартылмак", "келеди", "жасалган"). */
const KK_VERB_FOLDED =
  /([ыи]л[ае](?:ды|ди|ма|ме|мак|мек)?|ады|еди|йды|йди|[мбп]ак|[мбп]ек|ган|ген|кан|кен|атын|етин|йтын|йтин|ып|ип|уга|уге|уды|уди|мын|мин|мыз|миз|быз|биз|пыз|пиз)$/u;
/** Past tense (-ды, -ді, -ты, -ті; -ди, -ти typed without Kazakh letters) is a verb only last (SOV). */

/**
 * Whether an unknown question word looks like a verb, an adverb or a function word rather than
 * a noun: such a word says little about what is asked and must not stop an answer
 * ("Сколько рабочих мест даст DigitEL"), while an unknown noun ("пенсия", "бағасы") still does.
 * `last`: the word is the question's last content word (where a Kazakh predicate stands).
 */
export function isFunctionShaped(word: string, lang: Lang, last: boolean): boolean {
  if (word.length <= 2 || /\d|[a-z]/.test(word)) return word.length <= 2 && !/\d/.test(word);
  if (lang === "ru") return RU_IRREGULAR.has(word) || (word.length >= 4 && RU_VERB.test(word));
  if (word.length < 5) return false;
  if (!/[әғқңөұүһі]/u.test(word) && KK_VERB_FOLDED.test(word)) return true;
  return KK_VERB.test(word) || (last && /(ды|ді|ты|ті|ди|ти)$/u.test(word));
}
