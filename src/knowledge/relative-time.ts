/**
 * Relative time words ("в этом году", "биыл") resolved against the year of the text they come
 * from, so that a reader today sees the year they mean.
 */

type Rule = [pattern: RegExp, replace: (year: number) => string];

const cap = (s: string, like: string): string =>
  like[0] && like[0] !== like[0].toLowerCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s;

const RU_THIS = "(?:этом|текущем|нынешнем)";
const RU_THIS_GEN = "(?:этого|текущего|нынешнего|сего)";
const RULES: Rule[] = [
  // Russian
  [new RegExp(`(?<!\\p{L})в ${RU_THIS} году`, "giu"), (y) => `в ${y} году`],
  [new RegExp(`(?<!\\p{L})${RU_THIS_GEN} года`, "giu"), (y) => `${y} года`],
  [/(?<!\p{L})в прошлом году/giu, (y) => `в ${y - 1} году`],
  [/(?<!\p{L})в позапрошлом году/giu, (y) => `в ${y - 2} году`],
  [/(?<!\p{L})прошлого года/giu, (y) => `${y - 1} года`],
  [/(?<!\p{L})за прошлый год/giu, (y) => `за ${y - 1} год`],
  [/(?<!\p{L})в следующем году/giu, (y) => `в ${y + 1} году`],
  [/(?<!\p{L})со следующего года/giu, (y) => `с ${y + 1} года`],
  [/(?<!\p{L})следующего года/giu, (y) => `${y + 1} года`],
  [/(?<!\p{L})к концу года/giu, (y) => `к концу ${y} года`],
  [/(?<!\p{L})в этом году/giu, (y) => `в ${y} году`],
  // Kazakh
  [/(?<![\p{L}])(?:осы|ағымдағы|биылғы) жылы/giu, (y) => `${y} жылы`],
  [/(?<![\p{L}])(?:осы|ағымдағы|биылғы) жылдың/giu, (y) => `${y} жылдың`],
  [/(?<![\p{L}])(?:осы|ағымдағы) жылға/giu, (y) => `${y} жылға`],
  [/(?<![\p{L}])биыл(?![\p{L}])/giu, (y) => `${y} жылы`],
  [/(?<![\p{L}])(?:былтыр|өткен жылы)(?![\p{L}])/giu, (y) => `${y - 1} жылы`],
  [/(?<![\p{L}])(?:былтырғы|өткен) жылдың/giu, (y) => `${y - 1} жылдың`],
  [/(?<![\p{L}])келесі жылы/giu, (y) => `${y + 1} жылы`],
  [/(?<![\p{L}])келесі жылдың/giu, (y) => `${y + 1} жылдың`],
  [/(?<![\p{L}])келесі жылдан/giu, (y) => `${y + 1} жылдан`],
  [/(?<![\p{L}])(?:былтырғы|өткен) жылғы/giu, (y) => `${y - 1} жылғы`],
];

/** "This year" only: in a question it means the asker's year (last and next year stay words). */
const THIS_YEAR: Rule[] = [
  [new RegExp(`(?<!\\p{L})(?:в )?${RU_THIS} году`, "giu"), (y) => `в ${y} году`],
  [new RegExp(`(?<!\\p{L})${RU_THIS_GEN} года`, "giu"), (y) => `${y} года`],
  [/(?<![\p{L}])(?:осы|ағымдағы|биылғы) жыл(?:ы|дың|ға)?(?![\p{L}])/giu, (y) => `${y} жылы`],
  [/(?<![\p{L}])биыл(?![\p{L}])/giu, (y) => `${y} жылы`],
];

/** Replaces "this year" phrases of a question by the asker's year. */
export function resolveThisYear(question: string, year: number): string {
  return apply(THIS_YEAR, question, year);
}

/** Replaces relative year phrases in `text` by the year they mean, given the text's own year. */
export function resolveRelativeTime(text: string, year: number): string {
  return apply(RULES, text, year);
}

function apply(rules: readonly Rule[], text: string, year: number): string {
  let out = text;
  for (const [pattern, replace] of rules) {
    out = out.replace(pattern, (match) => cap(replace(year), match));
  }
  return out;
}
