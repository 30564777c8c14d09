/**
 * Kazakh typed in Latin letters ("Pavlodar oblysynda neshe auylga optikalyq internet tartyldy"),
 * official 2021 alphabet or informal: read as Cyrillic so that the Kazakh analysis (including its
 * folded path for text without Kazakh letters) applies. Pure functions.
 */

const PAIRS: readonly [string, string][] = [
  ["sh", "ш"],
  ["ch", "ч"],
  ["zh", "ж"],
  ["kh", "х"],
  ["gh", "ғ"],
  ["ng", "ң"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ya", "я"],
  ["yo", "ё"],
];
const SINGLE: Record<string, string> = {
  a: "а",
  ä: "ә",
  á: "ә",
  b: "б",
  v: "в",
  g: "г",
  ğ: "ғ",
  ǵ: "ғ",
  d: "д",
  e: "е",
  z: "з",
  i: "и",
  ı: "ы",
  j: "ж",
  k: "к",
  q: "қ",
  l: "л",
  m: "м",
  n: "н",
  ñ: "ң",
  ń: "ң",
  o: "о",
  ö: "ө",
  ó: "ө",
  p: "п",
  r: "р",
  s: "с",
  ş: "ш",
  t: "т",
  u: "у",
  ū: "ұ",
  ú: "ү",
  ü: "ү",
  f: "ф",
  h: "х",
  c: "с",
  ç: "ч",
  w: "у",
  x: "кс",
  y: "ы",
};

/** One Latin word in Cyrillic ("auylga" -> "ауылга", "optikalyq" -> "оптикалық"). */
export function latinToCyrillic(word: string): string {
  let out = "";
  const w = word.toLowerCase();
  for (let i = 0; i < w.length; i++) {
    const pair = PAIRS.find(([lat]) => w.startsWith(lat, i));
    if (pair) {
      out += pair[1];
      i++;
      continue;
    }
    const c = w[i] as string;
    out += SINGLE[c] ?? c;
  }
  return out;
}

/** Share of Latin letters among all letters. */
export function latinShare(text: string): number {
  // most questions are Cyrillic: decided without allocating
  if (!/\p{Script=Latin}/u.test(text)) return 0;
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
    ) {
      letters++;
      latin++;
    } else if (c >= 0x400 && c <= 0x4ff) letters++;
  }
  return letters === 0 ? 0 : latin / letters;
}

/**
 * The question with its Latin words the texts do not know written in Cyrillic, when it is mostly
 * Latin (60% of its letters) and has three words or more; words the texts know in Latin
 * (DigitEL, Smart City, Astana Hub, Speedtest, 5G) stay. Other questions are returned as they are.
 */
export function deLatinize(question: string, knownLatin: (word: string) => boolean): string {
  if (latinShare(question) < 0.6) return question;
  const latinWords = question.match(/\p{Script=Latin}+/gu) ?? [];
  if (latinWords.length < 3) return question;
  let unknown = 0;
  for (const w of latinWords) if (!knownLatin(w)) unknown++;
  if (unknown < 2) return question;
  return question.replace(/\p{Script=Latin}+/gu, (w) => (knownLatin(w) ? w : latinToCyrillic(w)));
}
