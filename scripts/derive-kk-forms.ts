/**
 * Derives seeds/dictionary/kk-forms.tsv from the Kazakh hunspell dictionary (Debian package
 * hunspell-kk: /usr/share/hunspell/kk_KZ.aff and .dic): word forms -> the dictionary word they are
 * a form of, for the forms our suffix stripper (src/knowledge/analyzers/kk.ts) cuts to another
 * stem than the word's own. Kept: forms made by one suffix rule from one word only (a form that
 * is a dictionary word itself, or a form of two words with different stems, is ambiguous and
 * left to the stripper).
 *   npx tsx scripts/derive-kk-forms.ts [AFF DIC] > seeds/dictionary/kk-forms.tsv
 */
import { setVerbForms, stemKk } from "../src/knowledge/analyzers/kk.js";
import { formsOf, readHunspell } from "./hunspell.js";

const [aff = "/usr/share/hunspell/kk_KZ.aff", dic = "/usr/share/hunspell/kk_KZ.dic"] = process.argv.slice(2);
const h = readHunspell(aff, dic);
// the suffix rules alone (not an earlier table)
setVerbForms(new Map());

/**
 * The verb forms a question is written in, by their hunspell-kk flag: converb -ып/-іп/-п (M),
 * past -ды/-ті (s), present -ады/-еді (W), 1st person -амын (T), past 1st person -дым (p),
 * polite present -асыз (V), polite imperative -ыңыз (y).
 */
const VERB_FORMS = "MsWTpVy";

/** form -> the words it is a form of (several when ambiguous). */
const words = new Map<string, Set<string>>();
for (const stem of h.stems.keys()) {
  // verbs (their dictionary form is the verbal noun in -у)
  if (!/^[а-яәғқңөұүһі-]+у$/u.test(stem)) continue;
  for (const { form, flag } of formsOf(h, stem)) {
    if (!VERB_FORMS.includes(flag)) continue;
    const set = words.get(form) ?? new Set<string>();
    set.add(stem);
    words.set(form, set);
  }
}

const rows: string[] = [];
for (const [form, of] of words) {
  const stems = new Set([...of].map(stemKk));
  if (stems.size !== 1) continue;
  const word = [...of][0] as string;
  // only the forms the suffix rules leave whole (those they cut, they cut as the texts' forms)
  if (stemKk(form) !== form || stemKk(form) === stemKk(word)) continue;
  rows.push(`${form}\t${word}`);
}
rows.sort();
console.log("# form\tword (derived from hunspell-kk by scripts/derive-kk-forms.ts; see README.md)");
console.log("form\tword");
for (const r of rows) console.log(r);
