/**
 * Scores one reply of the `ask --json` contract against one question of a set, by the rules of
 * the shared answer-quality check (../shared/eval/README.md), so a set scores the same here
 * and there.
 */

/** One line of a question set. */
export interface Question {
  id: string;
  lang: "ru" | "kk";
  q: string;
  expect?: string[][];
  docs?: string[];
  abstain?: boolean;
  tier?: "core" | "stretch";
}

/** One line of `npm run --silent ask -- --json`. */
export interface Answer {
  answered: boolean;
  lang: string;
  text: string;
  sources?: { doc?: string }[];
  ms?: number;
}

/** right / wrong / not answered for answerable questions; declined / answered for out-of-scope ones. */
export type Outcome = "right" | "wrong" | "not-answered" | "declined" | "answered-out-of-scope";

const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;

/** Share of Kazakh-specific letters among the letters of a text. */
export function kazakhShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(KAZAKH_LETTER)?.length ?? 0) / letters;
}

const contains = (text: string, alt: string): boolean =>
  alt.length > 1 && alt.startsWith("/") && alt.endsWith("/")
    ? new RegExp(alt.slice(1, -1), "iu").test(text)
    : text.toLowerCase().includes(alt.toLowerCase());

/** Why the reply is not in the question's language, if it is not. Quotes «…» of a source are read apart. */
function languageProblem(q: Question, a: Answer): string | undefined {
  if (a.lang !== q.lang) return `lang ${a.lang}, expected ${q.lang}`;
  const own = a.text.replace(/«[^»]*»/gu, " ");
  const share = kazakhShare((own.match(/\p{L}/gu)?.length ?? 0) >= 20 ? own : a.text);
  if (q.lang === "kk" && share < 0.04) return `reply is not in Kazakh (share ${share.toFixed(3)})`;
  if (q.lang === "ru" && share > 0.03) return `reply is not in Russian (share ${share.toFixed(3)})`;
  return undefined;
}

/** The outcome of one reply and, when it is not right, the reasons. */
export function score(q: Question, a: Answer): { outcome: Outcome; why: string[] } {
  const why: string[] = [];
  if (q.abstain) {
    if (a.answered) why.push("answered an out-of-scope question");
  } else {
    if (!a.answered) why.push("did not answer");
    for (const group of q.expect ?? []) {
      if (!group.some((alt) => contains(a.text, alt))) why.push(`text lacks one of ${JSON.stringify(group)}`);
    }
    const cited = (a.sources ?? []).map((s) => String(s.doc ?? "").replace(/\.[a-z]+$/u, ""));
    const docs = q.docs ?? [];
    if (docs.length > 0 && !docs.some((d) => cited.includes(d.replace(/\.[a-z]+$/u, "")))) {
      why.push(`cites ${JSON.stringify(cited)}, expected one of ${JSON.stringify(docs)}`);
    }
  }
  const language = languageProblem(q, a);
  if (language) why.push(language);
  if (q.abstain) return { outcome: a.answered ? "answered-out-of-scope" : "declined", why };
  if (why.length === 0) return { outcome: "right", why };
  return { outcome: a.answered ? "wrong" : "not-answered", why };
}
