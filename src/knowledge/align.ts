/**
 * Aligns the sentences of a ru+kk pair (the same news item in two editions, not word-for-word
 * translations): two sentences belong together when they share anchors (numbers, years, Latin
 * names, names written alike once Kazakh letters are folded) and dictionary concepts, in the same
 * order. A monotone dynamic programme keeps the best pairing; an unpaired sentence stays a
 * passage of its own language.
 */
import type { Sentence } from "./documents.js";
import { foldKk } from "./text.js";
import type { Language } from "./types.js";

/** The words of an outlet's name ("BAQ.KZ" -> "baq.kz", "baq", "kz"). */
function outletWords(outlet: string): Set<string> {
  const name = outlet.toLowerCase();
  return new Set([name, ...name.split(/[^\p{L}\d]+/u).filter(Boolean)]);
}

/**
 * What two sentences of different languages can share. The outlet's own name is no anchor: both
 * editions credit it ("сообщает BAQ.kz", "деп хабарлайды BAQ.KZ тілшісі") in sentences that say different things.
 */
function signature(
  s: Sentence,
  outlet: ReadonlySet<string>,
): { anchors: Set<string>; concepts: Set<string> } {
  const anchors = new Set<string>();
  const concepts = new Set<string>();
  for (const u of s.units) {
    if (u.kind !== "word" && !outlet.has(u.surface)) anchors.add(u.surface);
    for (const k of u.keys) concepts.add(k);
  }
  // proper names: capitalised words, compared with Kazakh letters folded ("Мәдиев" = "Мадиев")
  for (const m of s.text.matchAll(/(?<=\S\s+)\p{Lu}\p{Ll}{3,}/gu))
    anchors.add(foldKk(m[0].toLowerCase()).slice(0, 5));
  return { anchors, concepts };
}

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** Minimum evidence for a pair: one shared anchor (a number, a year, a Latin or proper name). */
const MIN_SCORE = 2;

/** Pairs sentences of the two texts (monotone), leaving the rest single. */
export function alignSentences(
  ru: readonly Sentence[],
  kk: readonly Sentence[],
  outlet = "",
): Partial<Record<Language, Sentence>>[] {
  const words = outletWords(outlet);
  const sr = ru.map((s) => signature(s, words));
  const sk = kk.map((s) => signature(s, words));
  const score = (i: number, j: number): number => {
    const a = sr[i];
    const b = sk[j];
    if (!a || !b) return 0;
    const anchors = shared(a.anchors, b.anchors);
    const s =
      2 * anchors +
      shared(a.concepts, b.concepts) -
      3 * Math.abs((ru[i]?.position ?? 0) - (kk[j]?.position ?? 0));
    return anchors > 0 && s >= MIN_SCORE ? s : 0;
  };
  const n = ru.length;
  const m = kk.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const pair = score(i - 1, j - 1);
      const row = best[i] as number[];
      const up = best[i - 1] as number[];
      row[j] = Math.max(up[j] as number, row[j - 1] as number, pair > 0 ? (up[j - 1] as number) + pair : 0);
    }
  }
  // walk back
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = (best[i] as number[])[j] as number;
    if (here === ((best[i - 1] as number[])[j] as number)) i--;
    else if (here === ((best[i] as number[])[j - 1] as number)) j--;
    else {
      pairs.unshift([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  const out: Partial<Record<Language, Sentence>>[] = [];
  const pairedKk = new Set(pairs.map(([, j]) => j));
  const ruToKk = new Map(pairs);
  ru.forEach((s, i) => {
    const j = ruToKk.get(i);
    out.push(j === undefined ? { ru: s } : { ru: s, kk: kk[j] as Sentence });
  });
  kk.forEach((s, j) => {
    if (!pairedKk.has(j)) out.push({ kk: s });
  });
  return out;
}
