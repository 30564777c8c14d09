/**
 * A minimal reader of hunspell dictionaries (.aff suffix rules + .dic stems with flags), enough
 * for one level of suffix stripping: which dictionary stems a word form is derived from.
 * Used by the derivation scripts in this folder; not loaded by the bot.
 */
import { readFileSync } from "node:fs";

export interface SuffixRule {
  flag: string;
  strip: string;
  add: string;
  condition: RegExp;
}

export interface Hunspell {
  /** Stem -> its flags (one character each). */
  stems: Map<string, string>;
  /** Rules by the suffix they add. */
  rules: Map<string, SuffixRule[]>;
}

const lines = (path: string): string[] =>
  readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);

export function readHunspell(aff: string, dic: string): Hunspell {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of lines(aff)) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== "SFX" || f.length < 5) continue;
    const [, flag, strip, add, cond] = f as [string, string, string, string, string];
    const rule: SuffixRule = {
      flag,
      strip: strip === "0" ? "" : strip,
      add: (add === "0" ? "" : add).split("/")[0] as string,
      condition: new RegExp(`${cond === "." ? "" : cond}$`, "u"),
    };
    const list = rules.get(rule.add) ?? [];
    list.push(rule);
    rules.set(rule.add, list);
  }
  const stems = new Map<string, string>();
  for (const line of lines(dic).slice(1)) {
    const [word, flags] = line.trim().split("/");
    if (word) stems.set(word.toLowerCase(), (stems.get(word.toLowerCase()) ?? "") + (flags ?? ""));
  }
  return { stems, rules };
}

/** The dictionary stems `form` is (itself) or derives from by one suffix rule. */
export function stemsOfForm(h: Hunspell, form: string): { stem: string; flag: string }[] {
  const out: { stem: string; flag: string }[] = [];
  if (h.stems.has(form)) out.push({ stem: form, flag: "" });
  for (let cut = 1; cut < form.length - 1; cut++) {
    const add = form.slice(form.length - cut);
    for (const rule of h.rules.get(add) ?? []) {
      const stem = form.slice(0, form.length - cut) + rule.strip;
      if (rule.condition.test(stem) && h.stems.get(stem)?.includes(rule.flag))
        out.push({ stem, flag: rule.flag });
    }
  }
  return out;
}

/** Every form of a stem: itself and one suffix rule of each of its flags. */
export function formsOf(h: Hunspell, stem: string): { form: string; flag: string }[] {
  const flags = h.stems.get(stem) ?? "";
  const out = [{ form: stem, flag: "" }];
  for (const list of h.rules.values())
    for (const rule of list)
      if (flags.includes(rule.flag) && stem.endsWith(rule.strip) && rule.condition.test(stem))
        out.push({ form: stem.slice(0, stem.length - rule.strip.length) + rule.add, flag: rule.flag });
  return out;
}
