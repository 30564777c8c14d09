/**
 * The answer of a chosen passage: a self-contained sentence or two in the question's language
 * (or, when the source has only the other language, that sentence to be quoted), the sentence
 * of context that says what a number is about when the question's words were only there, the
 * source, and the notes the renderer shows (date of an old fact, an older figure, a rename).
 */
import type { Lexicon } from "./analyze.js";
import { analyze, sameFamily, termsOf } from "./analyze.js";
import type { Sentence } from "./documents.js";
import type { Policy } from "./policy.js";
import type { Query } from "./question.js";
import type { Scored } from "./rank.js";
import type { Language, Reply, Source } from "./types.js";

type Answer = Extract<Reply, { kind: "answer" }>;

const withStop = (s: string): string => (/[.!?…:]["»”)]?$/u.test(s) ? s : `${s}.`);

/**
 * A sentence cut from direct speech keeps a quote mark whose partner is in the next sentence
 * ("«В поездах появится интернет." / "…спутниковому интернету», – озвучил министр."): such a mark
 * goes; matched ones stay.
 */
export function tidyQuotes(sentence: string): string {
  const drop = new Set<number>();
  const open: number[] = [];
  let straight: number | undefined;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === "«" || c === "“") open.push(i);
    else if (c === "»" || c === "”") {
      if (open.pop() === undefined) drop.add(i);
    } else if (c === '"') straight = straight === undefined ? i : undefined;
  }
  for (const i of open) drop.add(i);
  if (straight !== undefined) drop.add(straight);
  if (drop.size === 0) return sentence;
  return [...sentence]
    .filter((_, i) => !drop.has(i))
    .join("")
    .replace(/^\s+|\s+(?=[,.!?])/gu, "");
}

/** The context sentence nearest to the answer that holds a question term the sentence lacks. */
function contextFor(
  sentence: Sentence,
  query: Query,
  matched: readonly number[],
  lexicon: Lexicon,
): string | undefined {
  const missing = query.terms.filter(
    (t, i) => (matched[i] ?? 0) > 0 && (matched[i] ?? 0) < 1 && t.weight > 0,
  );
  if (missing.length === 0) return undefined;
  let sets = contextSets.get(sentence);
  if (sets === undefined) {
    sets = sentence.context.map((c) => new Set(termsOf(analyze(c, sentence.lang, lexicon), sentence.lang)));
    contextSets.set(sentence, sets);
  }
  for (let i = sentence.context.length - 1; i >= 0; i--) {
    const terms = sets[i] as Set<string>;
    if (missing.some((t) => t.alts.some((a) => terms.has(a)))) return sentence.context[i];
  }
  return undefined;
}

/** Term sets of each context sentence, analysed when first needed. */
const contextSets = new WeakMap<Sentence, Set<string>[]>();
/** Renames a sentence uses (whatever the date), found when first needed. */
const sentenceRenames = new WeakMap<Sentence, Lexicon["renames"]>();

/** The sentence an answer leans on: the one it refers to, or the context that names the subject. */
function leanedOn(
  sentence: Sentence,
  query: Query,
  matched: readonly number[],
  lexicon: Lexicon,
): string | undefined {
  return sentence.lead ?? contextFor(sentence, query, matched, lexicon);
}

/** Items of a list a sentence announces ("...келесі қадамдарды жасау қажет:"): the answer is the list. */
function listAfter(chosen: Scored, lang: Language): string[] {
  const sentence = chosen.passage.text[lang];
  if (sentence === undefined || !/:\s*$/u.test(sentence.text)) return [];
  const passages = chosen.doc.passages;
  const items: string[] = [];
  for (let i = passages.indexOf(chosen.passage) + 1; i < passages.length && items.length < 5; i++) {
    const item = passages[i]?.text[lang]?.text.trim();
    if (item === undefined || !/^[–—\-•·\d]/u.test(item)) break;
    items.push(item);
  }
  return items;
}

/**
 * Two sentences at most: the one the answer leans on before it, else a second that answers
 * nearly as well (or carries the fact), in the text's order; each with its stray quote marks gone.
 */
function sentencesSaid(
  chosen: Scored,
  sentence: Sentence,
  before: string | undefined,
  second?: Scored,
): string[] {
  const said = tidyQuotes(sentence.text);
  if (before !== undefined) return [tidyQuotes(before), said];
  const other = second?.passage.text[sentence.lang]?.text;
  if (second === undefined || other === undefined) return [said];
  const also = tidyQuotes(other);
  if (said.includes(also)) return [said];
  return second.passage.position < chosen.passage.position ? [also, said] : [said, also];
}

/** Months between a document date and now. */
function monthsSince(date: string, now: Date): number {
  const [y, m] = date.split("-").map(Number);
  return (now.getUTCFullYear() - (y ?? 0)) * 12 + (now.getUTCMonth() + 1 - (m ?? 1));
}

export function sourceOf(s: Scored): Source {
  const d = s.doc.doc;
  return {
    doc: d.id,
    outlet: d.outlet,
    year: s.doc.year,
    ...(d.date.length > 4 ? { date: d.date } : {}),
  };
}

/** Renames of names the sentence uses, in force at `now`. */
function renamesIn(sentence: Sentence, lexicon: Lexicon, now: Date): NonNullable<Answer["renamed"]> {
  let used = sentenceRenames.get(sentence);
  if (used === undefined) {
    const stems = sentence.units.flatMap((u) => u.stems);
    used = lexicon.renames.filter(
      (r) =>
        r.lang === sentence.lang &&
        r.stems.length > 0 &&
        stems.some((_, i) => r.stems.every((s, k) => sameName(stems[i + k] ?? "", s))),
    );
    sentenceRenames.set(sentence, used);
  }
  const today = now.toISOString().slice(0, 10);
  const out: NonNullable<Answer["renamed"]> = [];
  for (const r of used) {
    if (r.since > today || out.some((o) => o.old === r.old)) continue;
    const current = currentName(r, lexicon.renames, today);
    // a name renamed and later given back ("Астана" -> "Нур-Султан" -> "Астана") is in force again
    if (current.name !== r.old) out.push({ old: r.old, new: current.name, since: current.since.slice(0, 4) });
  }
  return out;
}

/**
 * A sentence's stem is the rename's: the same word family, but a stem under four letters only
 * exactly ("жет" of "жетті" is not "жеті" of "Жетіген": short stems of different words share
 * their first letters).
 */
function sameName(stem: string, name: string): boolean {
  return stem === name || (Math.min(stem.length, name.length) >= 4 && sameFamily(stem, name));
}

/** The name in force today at the end of a chain of renames that starts with `r`, and since when. */
function currentName(
  r: Lexicon["renames"][number],
  renames: Lexicon["renames"],
  today: string,
): { name: string; since: string } {
  let name = r.new;
  let since = r.since;
  for (let hops = 0; hops < renames.length; hops++) {
    const next = renames.find(
      (n) => n.lang === r.lang && n.old === name && n.since > since && n.since <= today,
    );
    if (next === undefined) break;
    name = next.new;
    since = next.since;
  }
  return { name, since };
}

export function composeAnswer(
  chosen: Scored,
  query: Query,
  ctx: { lexicon: Lexicon; policy: Policy; now: Date; older?: Scored; second?: Scored; related: string[] },
): Answer {
  const lang: Language = query.lang;
  const other: Language = lang === "ru" ? "kk" : "ru";
  const own = chosen.passage.text[lang];
  const sentence = (own ?? chosen.passage.text[other]) as Sentence;
  const pair = sentencesSaid(
    chosen,
    sentence,
    leanedOn(sentence, query, chosen.matched, ctx.lexicon),
    ctx.second,
  );
  const both = pair.map((s, i) => (i < pair.length - 1 ? withStop(s) : s)).join(" ");
  // a list announced by either sentence said is the answer's body ("…келесі қадамдарды жасау қажет:")
  const list = listAfter(chosen, sentence.lang);
  const second = ctx.second;
  const later = second !== undefined && second.passage.position > chosen.passage.position && pair.length > 1;
  const listed = list.length === 0 && later ? listAfter(second, sentence.lang) : list;
  const text = [both, ...listed].join("\n");
  const dated = monthsSince(chosen.doc.doc.date, ctx.now) > 12 * ctx.policy.datedAfterYears;
  const renamed = renamesIn(sentence, ctx.lexicon, ctx.now);
  const olderSentence = ctx.older?.passage.text[lang];
  return {
    kind: "answer",
    lang,
    text,
    sources: [sourceOf(chosen)],
    related: ctx.related,
    ...(own ? {} : { quoted: other }),
    ...(dated && own ? { asOf: chosen.doc.year } : {}),
    ...(ctx.older && olderSentence ? { older: { year: ctx.older.doc.year, text: olderSentence.text } } : {}),
    ...(renamed.length > 0 ? { renamed } : {}),
  };
}
