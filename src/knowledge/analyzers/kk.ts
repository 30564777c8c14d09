/**
 * A light Kazakh suffix stripper: suffixes come in back/front vowel pairs and stack in layers;
 * from the right, at most one suffix per layer is removed, longest first. A stem keeps at least
 * three letters and a vowel (four when the suffix is one letter); short roots and question
 * words are never stemmed; a voiced final consonant is restored (ғ -> қ, г -> к, б -> п).
 */

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { foldKk } from "../text.js";

/**
 * Verb forms the suffix rules cut to another stem than their verb's ("өсті", "жасап", "өтіп",
 * "көрсетемін"): form -> the verb's dictionary form ("өсу"), derived from the Kazakh hunspell
 * dictionary by scripts/derive-kk-forms.ts (seeds/dictionary/README.md). Read once, on first use.
 */
const FORMS_FILE = fileURLToPath(new URL("../../../seeds/dictionary/kk-forms.tsv", import.meta.url));
let verbForms: ReadonlyMap<string, string> | undefined;

/** `form<TAB>word` rows after a header line; `#` lines are comments. */
export function parseVerbForms(tsv: string): Map<string, string> {
  const forms = new Map<string, string>();
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  for (const line of lines.slice(1)) {
    const [form, word] = line.split("\t");
    if (form && word) forms.set(form.trim(), word.trim());
  }
  return forms;
}

function formsTable(): ReadonlyMap<string, string> {
  verbForms ??= existsSync(FORMS_FILE) ? parseVerbForms(readFileSync(FORMS_FILE, "utf8")) : new Map();
  return verbForms;
}

/** Replaces the verb-form table (tests; an empty map turns it off). */
export function setVerbForms(forms: ReadonlyMap<string, string>): void {
  verbForms = forms;
}

const VOWELS = /[аәеиоөұүыіуэюя]/u;
const VOWEL_END = /[аәеиоөұүыіуэюя]$/u;

/** Kazakh function words and question words that never count as a match. */
export const KK_STOPWORDS: ReadonlySet<string> = new Set(
  `қашан қанша қандай қалай қайда қай кім не неше нешеге неге неліктен ма ме ба бе па пе
  ғой және мен бен пен да де та те бұл осы сол ол олар біз сіз сен мен ал бірақ немесе яғни әлде
  деген дегеніміз дегеніңіз туралы бойынша үшін дейін кейін бар ма екен екені болады бола
  болып болды болған болса болатын бола ма ба ғана тек қазір енді айтыңызшы айтыңыз білгім
  келеді келе шын шынымен ия иә жоқ па еді ма
  ға ге қа ке на не ны ні ды ді ты ті да де та те дан ден тан тен нан нен ның нің дың дің тың тің
  сы сі ы і ын ін саны көлемі керек қажет тиіс қайсы қайсысы болмақ биыл былтыр өткен
  ағымдағы бер берді береді берілді
  кашан канша кандай калай кайда кай ким нешеу нешеуі канша кайсы
  белгілі белгили мәлім айтып айтшы айтыңызшы айт айтып берші берші беріңізші беріңіз
  түсіндір түсіндіріңіз түсіндірші ақпарат мағлұмат жайлы жайында жөнінде жөніндегі
  мағынасы білдіреді нені деген дегенің дегеніміз дегенимиз жаңалық жаңалықтар естідім
  естідік естуімше сұрақ сұрағым білесіз білесің білгім мен біз маған бізге бізде менің
  өзі ғой ше шы ші әлгі жалпы қысқаша тұрамын тұрмын
  істе істейді істеп істеуі істелуде істеліп істелді ет ету етеді еткен етіп етті
  болуы болу бол болсын болады ма болама
  жатыр жатқан жатыр ма өте ете ала алады мақсат мақсаты мақсатқа қойылған
  қазіргі қазірде қазіргідей қазірдің қазір қазіргі уақытта уақытта бүгінгі
  бүгін қатысты нешінші нешiншi нешінші жыл жылы жылдың жылында жылға жылдары жылдардағы жылғы
  арқасында салыстырғанда тағы
  арасында шамамен сондай-ақ тіпті әлі нақты арқылы бірге кезде кезінде кезден бері сияқты секілді
  жиі кейде әдетте менің сенің өзім өзімнің түрде түрінде
  оның оны онда одан оған олардың оларды оларға мұның мұны мұнда мұнан бұның бұны бұған бұнда
  осының осыны осыған осында соның соны соған сонда біздің бізді бізден сіздің сізге сізді сізден
  мені менде менен өздері өзіміз өзің өзіңіз өзінің өздерінің өздері`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The stopwords also as typed without Kazakh letters ("бизге", "келеди"): a question typed on a
 * Russian keyboard has the same function words.
 */
export const KK_STOPWORDS_FOLDED: ReadonlySet<string> = new Set([
  ...KK_STOPWORDS,
  ...[...KK_STOPWORDS].map(foldKk),
]);

/**
 * Question words, whose case forms ("қаншаға", "кімге", "нешеуі") are question words too, and the
 * copula "болу" (to be), whose forms ("болатынын", "болған") say how, never what: a Kazakh token
 * whose stem is one of these (or its form typed without Kazakh letters) is dropped.
 */
export const KK_QUESTION_STEMS: ReadonlySet<string> = new Set(
  `қашан қанша қандай қалай қайда қай кім не неше нешеу нешінші қайсы неліктен бол`
    .split(/\s+/)
    .flatMap((w) => [w, foldKk(w)]),
);

/** Words left exactly as they are (short roots, question words, frequent stems a rule would break). */
const PROTECTED: ReadonlySet<string> = new Set(
  `ел іс су жыл сан қала ауыл ауа қашан қанша қандай қалай неше нешінші туралы бойынша мекен
  интернет жұмыс үлес байланыс кеңес табыс тапсырыс жоба сала білім адам орын облыс әкімдік`
    .split(/\s+/)
    .filter(Boolean),
);

/** Roots ending in -с that would otherwise lose it to the possessive -сы/-сі. */
const S_ROOTS: ReadonlySet<string> = new Set([
  "жұмыс",
  "үлес",
  "байланыс",
  "кеңес",
  "табыс",
  "тапсырыс",
  "облыс",
  "өс",
]);

const byLength = (xs: string[]): string[] => [...xs].sort((a, b) => b.length - a.length);

/** Layers from the outermost (rightmost) suffix inward. */
const LAYERS: readonly (readonly string[])[] = [
  // 1. personal endings
  byLength([
    "мын",
    "мін",
    "бын",
    "бін",
    "пын",
    "пін",
    "сың",
    "сің",
    "сыз",
    "сіз",
    "мыз",
    "міз",
    "быз",
    "біз",
    "пыз",
    "піз",
  ]),
  // 2. case
  byLength([
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    "ндан",
    "нден",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "ымен",
    "імен",
    "мен",
    "бен",
    "пен",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    // accusative after a possessive: "желісін" -> "желісі", "түсімін" -> "түсімі"
    "н",
  ]),
  // 3. possessive (-сы/-сі and -ы/-і are handled in stripPossessive)
  byLength(["ымыз", "іміз", "ыңыз", "іңіз", "ым", "ім", "ың", "ің"]),
  // 4. plural
  byLength(["лар", "лер", "дар", "дер", "тар", "тер"]),
  // 5. light derivation
  byLength(["лық", "лік", "дық", "дік", "тық", "тік"]),
  // 6. verbs
  byLength(["ған", "ген", "қан", "кен", "атын", "етін", "ып", "іп", "у"]),
];

/**
 * Finite verb endings (present-future, past) and the passive converb -ыла/-іле ("жойыла ма",
 * "қамтыла алады": cut to "жой", as "жойылу" is); a word ending in one carries no case suffix.
 */
const FINITE = byLength(["ады", "еді", "йды", "йді", "ады", "ыпты", "іпті", "ыла", "іле"]);
const PASSIVE = byLength(["ыл", "іл"]);

/** After these н-initial case suffixes the stem ends in a vowel (or м, н, ң for genitive and ablative). */
const N_AFTER_VOWEL = new Set(["на", "не", "ны", "ні", "нда", "нде", "ндағы", "ндегі", "ндан", "нден"]);
const N_AFTER_VOWEL_OR_NASAL = new Set(["ның", "нің", "нан", "нен"]);

/** The suffix tables of one spelling: with Kazakh letters, or folded to Russian ones. */
interface Tables {
  layers: readonly (readonly string[])[];
  finite: readonly string[];
  passive: readonly string[];
  protectedWords: ReadonlySet<string>;
  sRoots: ReadonlySet<string>;
  nAfterVowel: ReadonlySet<string>;
  nAfterVowelOrNasal: ReadonlySet<string>;
}

const PLAIN: Tables = {
  layers: LAYERS,
  finite: FINITE,
  passive: PASSIVE,
  protectedWords: PROTECTED,
  sRoots: S_ROOTS,
  nAfterVowel: N_AFTER_VOWEL,
  nAfterVowelOrNasal: N_AFTER_VOWEL_OR_NASAL,
};

const foldAll = (xs: Iterable<string>): string[] => [...new Set([...xs].map(foldKk))];

/** The same tables typed without Kazakh letters: "ауылдык" -> "ауыл", "ауылга" -> "ауыл". */
const FOLDED: Tables = {
  layers: LAYERS.map((l) => byLength(foldAll(l))),
  finite: byLength(foldAll(FINITE)),
  passive: byLength(foldAll(PASSIVE)),
  protectedWords: new Set(foldAll(PROTECTED)),
  sRoots: new Set(foldAll(S_ROOTS)),
  nAfterVowel: new Set(foldAll(N_AFTER_VOWEL)),
  nAfterVowelOrNasal: new Set(foldAll(N_AFTER_VOWEL_OR_NASAL)),
};

function validStem(stem: string, suffix: string, t: Tables): boolean {
  const min = suffix.length === 1 && suffix !== "у" ? 4 : 3;
  if (stem.length < min || !VOWELS.test(stem)) return false;
  if (t.nAfterVowel.has(suffix)) return VOWEL_END.test(stem);
  if (t.nAfterVowelOrNasal.has(suffix)) return /[аәеиоөұүыіуэюямнң]$/u.test(stem);
  if (suffix === "н") return /[ыіи]$/u.test(stem) && stem.length >= 4;
  return true;
}

function restoreVoiced(stem: string): string {
  const last = stem.at(-1);
  if (last === "ғ") return `${stem.slice(0, -1)}қ`;
  if (last === "г") return `${stem.slice(0, -1)}к`;
  if (last === "б") return `${stem.slice(0, -1)}п`;
  return stem;
}

function stripLayer(word: string, suffixes: readonly string[], t: Tables): string {
  for (const suffix of suffixes) {
    const stem = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && t.protectedWords.has(stem)) return stem;
  }
  for (const suffix of suffixes) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (validStem(stem, suffix, t)) return restoreVoiced(stem);
    }
  }
  return word;
}

/**
 * A vowel some nouns drop before the possessive (орын -> орны, ауыз -> аузы, ерін -> ерні):
 * put back after р, у, й before н or з, in the harmony of the stem.
 */
function restoreDroppedVowel(stem: string): string {
  if (!/[руй][нз]$/u.test(stem)) return stem;
  const vowel = /[еәіүө]/u.test(stem) ? "і" : "ы";
  return `${stem.slice(0, -1)}${vowel}${stem.slice(-1)}`;
}

function stripPossessive(word: string, t: Tables): string {
  const after = stripLayer(word, t.layers[2] ?? [], t);
  if (after !== word) return after;
  const i = t === FOLDED ? "и" : "і";
  if (word.endsWith("ы") || word.endsWith(i)) {
    const short = word.slice(0, -1);
    if (t.sRoots.has(short)) return short;
    if (word.endsWith(`с${word.at(-1)}`)) {
      const stem = word.slice(0, -2);
      if (stem.length >= 4 && VOWEL_END.test(stem)) return stem;
    }
    // after у (a semivowel here) the possessive is -ы/-і: жету + і
    if (short.length >= 3 && VOWELS.test(short) && (!VOWEL_END.test(short) || short.endsWith("у"))) {
      return restoreVoiced(restoreDroppedVowel(short));
    }
  }
  return word;
}

function stem(token: string, t: Tables): string {
  if (!/[а-яәғқңөұүһі]/u.test(token) || token.length < 4 || t.protectedWords.has(token)) return token;
  const verb = stripLayer(token, t.finite, t);
  if (verb !== token) return stripLayer(verb, t.passive, t);
  let w = token;
  for (let layer = 0; layer < t.layers.length; layer++) {
    if (t.protectedWords.has(w) || t.sRoots.has(w)) return w;
    w = layer === 2 ? stripPossessive(w, t) : stripLayer(w, t.layers[layer] ?? [], t);
  }
  return w === token ? w : stripLayer(w, t.passive, t);
}

/** Stems one normalised Kazakh token; numbers, Latin words and protected words pass unchanged. */
export function stemKk(token: string): string {
  const verb = formsTable().get(token);
  return stem(verb ?? token, PLAIN);
}

/**
 * Stems a Kazakh word typed without Kazakh letters with the folded suffix tables ("ауылдык" ->
 * "ауыл", "камтылады" -> "камт"): the result is compared with folded stems of the texts.
 */
export function stemKkFolded(token: string): string {
  return stem(token, FOLDED);
}

/** Forms of the modal auxiliary "алу" (can) after a converb: "жүгіне алады", "өте алмаған", "тани алмаса". */
const CAN =
  /^ал(ады|амын|амыз|асыз|асың|атын|ар|ған|са|сам|сақ|саңыз|ма(ған|са|сам|сақ|саңыз|й|йды|йтын|ймын|ймыз|йсыз|с|ды|дым)?)$/u;
/** A converb in -а/-е/-й ("жүгіне", "ауыстыра", "жасай", "тани"): its verbal noun ends in -у instead. */
const CONVERB = /^\p{L}+[^аәеиоөұүыіуэюя](а|е)$|^\p{L}{2,}([^аәеиоөұүыіуэюя]и|[аеә]й)$/u;

/**
 * Kazakh converbs before the modal "алу" (can): by token index, the verbal noun each is read as
 * ("жүгіне алады" -> "жүгіну", "тани алмаса" -> "тану"). The suffix rules cannot tell a converb
 * from a noun in -а/-е ("жүгіне" would lose -не as a case ending); the auxiliary after it can.
 */
export function converbs(tokens: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 1; i < tokens.length; i++) {
    const before = tokens[i - 1] as string;
    if (CAN.test(tokens[i] as string) && CONVERB.test(before)) out.set(i - 1, `${before.slice(0, -1)}у`);
  }
  return out;
}
