/**
 * A light Kazakh suffix stripper: suffixes come in back/front vowel pairs and stack in layers;
 * from the right, at most one suffix per layer is removed, longest first. A stem keeps at least
 * three letters and a vowel (four when the suffix is one letter); short roots and question
 * words are never stemmed; a voiced final consonant is restored (ғ -> қ, г -> к, б -> п).
 */

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
  болуы болу бол болсын болады ма болама`
    .split(/\s+/)
    .filter(Boolean),
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

/** Finite verb endings (present-future, past); a word ending in one carries no case suffix. */
const FINITE = byLength(["ады", "еді", "йды", "йді", "ады", "ыпты", "іпті"]);
const PASSIVE = byLength(["ыл", "іл"]);

/** After these н-initial case suffixes the stem ends in a vowel (or м, н, ң for genitive and ablative). */
const N_AFTER_VOWEL = new Set(["на", "не", "ны", "ні", "нда", "нде", "ндағы", "ндегі", "ндан", "нден"]);
const N_AFTER_VOWEL_OR_NASAL = new Set(["ның", "нің", "нан", "нен"]);

function validStem(stem: string, suffix: string): boolean {
  const min = suffix.length === 1 && suffix !== "у" ? 4 : 3;
  if (stem.length < min || !VOWELS.test(stem)) return false;
  if (N_AFTER_VOWEL.has(suffix)) return VOWEL_END.test(stem);
  if (N_AFTER_VOWEL_OR_NASAL.has(suffix)) return /[аәеиоөұүыіуэюямнң]$/u.test(stem);
  if (suffix === "н") return /[ыі]$/u.test(stem) && stem.length >= 5;
  return true;
}

function restoreVoiced(stem: string): string {
  const last = stem.at(-1);
  if (last === "ғ") return `${stem.slice(0, -1)}қ`;
  if (last === "г") return `${stem.slice(0, -1)}к`;
  if (last === "б") return `${stem.slice(0, -1)}п`;
  return stem;
}

function stripLayer(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    const stem = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && PROTECTED.has(stem)) return stem;
  }
  for (const suffix of suffixes) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (validStem(stem, suffix)) return restoreVoiced(stem);
    }
  }
  return word;
}

function stripPossessive(word: string): string {
  const after = stripLayer(word, LAYERS[2] ?? []);
  if (after !== word) return after;
  if (/[ыі]$/u.test(word)) {
    const short = word.slice(0, -1);
    if (S_ROOTS.has(short)) return short;
    if (/с[ыі]$/u.test(word)) {
      const stem = word.slice(0, -2);
      if (stem.length >= 4 && VOWEL_END.test(stem)) return stem;
    }
    // after у (a semivowel here) the possessive is -ы/-і: жету + і
    if (short.length >= 3 && VOWELS.test(short) && (!VOWEL_END.test(short) || short.endsWith("у"))) {
      return restoreVoiced(short);
    }
  }
  return word;
}

/** Stems one normalised Kazakh token; numbers, Latin words and protected words pass unchanged. */
export function stemKk(token: string): string {
  if (!/[а-яәғқңөұүһі]/u.test(token) || token.length < 4 || PROTECTED.has(token)) return token;
  const verb = stripLayer(token, FINITE);
  if (verb !== token) return stripLayer(verb, PASSIVE);
  let w = token;
  for (let layer = 0; layer < LAYERS.length; layer++) {
    if (PROTECTED.has(w) || S_ROOTS.has(w)) return w;
    w = layer === 2 ? stripPossessive(w) : stripLayer(w, LAYERS[layer] ?? []);
  }
  return w === token ? w : stripLayer(w, PASSIVE);
}
