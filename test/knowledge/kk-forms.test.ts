/**
 * Kazakh verb forms from a hunspell-derived table (seeds/dictionary/kk-forms.tsv, made by
 * scripts/derive-kk-forms.ts): the hunspell reader on a tiny synthetic .aff/.dic, the table's
 * format, and the stemmer and engine with a synthetic table.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formsOf, readHunspell, stemsOfForm } from "../../scripts/hunspell.js";
import { analyze, Lexicon } from "../../src/knowledge/analyze.js";
import { converbs, parseVerbForms, setVerbForms, stemKk } from "../../src/knowledge/analyzers/kk.js";
import { EMPTY_DICTIONARY, parsePairs } from "../../src/knowledge/dictionary.js";

const AFF = [
  "SET UTF-8",
  "SFX s N 2",
  "SFX s у ті [әеіөү]су",
  "SFX s у ды [аоұы]лу",
  "SFX W N 1",
  "SFX W у еді [әеіөү]су",
].join("\n");
const DIC = ["3", "өсу/sW", "салу/s", "ел"].join("\n");

function synthetic() {
  const dir = mkdtempSync(join(tmpdir(), "hunspell-"));
  writeFileSync(join(dir, "x.aff"), AFF);
  writeFileSync(join(dir, "x.dic"), DIC);
  return readHunspell(join(dir, "x.aff"), join(dir, "x.dic"));
}

describe("hunspell reader", () => {
  it("finds the word a form is made from by one suffix rule, checking the rule's condition and flag", () => {
    const h = synthetic();
    expect(stemsOfForm(h, "өсті")).toEqual([{ stem: "өсу", flag: "s" }]);
    expect(stemsOfForm(h, "салды")).toEqual([{ stem: "салу", flag: "s" }]);
    // салу has no W flag
    expect(stemsOfForm(h, "саледі")).toEqual([]);
    expect(stemsOfForm(h, "ел")).toEqual([{ stem: "ел", flag: "" }]);
  });

  it("lists every form of a word", () => {
    expect(formsOf(synthetic(), "өсу").map((f) => f.form)).toEqual(["өсу", "өсті", "өседі"]);
  });
});

describe("verb-form table", () => {
  it("reads form -> word rows after the header, comments skipped", () => {
    const table = parseVerbForms("# from hunspell-kk\nform\tword\nөсті\tөсу\r\nжасап\tжасау\n");
    expect([...table]).toEqual([
      ["өсті", "өсу"],
      ["жасап", "жасау"],
    ]);
  });

  it("stems a form the suffix rules leave whole as its verb", () => {
    setVerbForms(new Map());
    expect(stemKk("жасап")).toBe("жасап");
    setVerbForms(new Map([["жасап", "жасау"]]));
    expect(stemKk("жасап")).toBe(stemKk("жасау"));
  });
});

describe("a question in another verb form than the text's", () => {
  it("gives the form and its verb's other forms one index term", () => {
    setVerbForms(new Map([["жасап", "жасау"]]));
    const lexicon = new Lexicon(EMPTY_DICTIONARY);
    const text = analyze("Оператор цифрлық карта жасауды аяқтады.", "kk", lexicon);
    const question = analyze("Оператор карта жасап берді ме?", "kk", lexicon);
    const verb = question.find((u) => u.surface === "жасап");
    expect(text.flatMap((u) => u.stems)).toContain(verb?.stems[0]);
  });
});

describe("a converb before the modal 'алу' (can)", () => {
  it("is read as its verbal noun; a noun in -а before another word, or before 'алу' itself, is not", () => {
    const tokens = (s: string) => s.split(" ");
    expect([...converbs(tokens("орталыққа жүгіне алады")).entries()]).toEqual([[1, "жүгіну"]]);
    expect(converbs(tokens("куәлікті ауыстыра алмаған")).get(1)).toBe("ауыстыру");
    expect(converbs(tokens("камера тани алмаса")).get(1)).toBe("тану");
    expect(converbs(tokens("өте алмасам")).get(0)).toBe("өту");
    expect(converbs(tokens("жоба бекітілді")).size).toBe(0);
    expect(converbs(tokens("карта алу керек")).size).toBe(0);
    // a place after a word in -а is no auxiliary ("Астана Алматы")
    expect(converbs(tokens("астана алматы")).size).toBe(0);
  });

  it("meets the dictionary's verb in a passage ('жүгіне алады' holds 'обращаться')", () => {
    setVerbForms(new Map());
    const lexicon = new Lexicon({
      pairs: parsePairs("ru\tkk\tdomain\nобращаться|обратиться\tжүгіну\taction"),
      places: [],
      aliases: [],
    });
    const key = analyze("Куда обращаться?", "ru", lexicon).flatMap((u) => u.keys)[0];
    expect(key).toBeDefined();
    const passage = analyze("Азамат халыққа қызмет көрсету орталығына жүгіне алады.", "kk", lexicon);
    expect(passage.flatMap((u) => u.keys)).toContain(key);
    // the same word without the auxiliary is left to the suffix rules
    expect(analyze("Азамат орталығына жүгіне.", "kk", lexicon).flatMap((u) => u.keys)).not.toContain(key);
  });
});
