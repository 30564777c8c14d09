import { describe, expect, it } from "vitest";
import { stemKk } from "../../src/knowledge/analyzers/kk.js";

describe("stemKk", () => {
  it.each([
    ["интернетке", "интернет"],
    ["интернетпен", "интернет"],
    ["ауылдарда", "ауыл"],
    ["ауылдық", "ауыл"],
    ["мекендерді", "мекен"],
    ["құжаттарды", "құжат"],
    ["форматқа", "формат"],
    ["пайдаланушылардың", "пайдаланушы"],
    ["үлесі", "үлес"],
    ["бағдарламасы", "бағдарлама"],
    ["жобасы", "жоба"],
    ["жылдамдығы", "жылдам"],
    ["қосылады", "қос"],
    ["көшірілді", "көшір"],
    ["облысының", "облыс"],
    ["орында", "орын"],
  ])("%s -> %s", (word, stem) => {
    expect(stemKk(word)).toBe(stem);
  });

  it("cuts the passive converb -ыла/-іле to the verb's stem: жойыла and жойылу share one", () => {
    expect(stemKk("жойыла")).toBe(stemKk("жойылу"));
    expect(stemKk("қамтыла")).toBe(stemKk("қамтылған"));
    expect(stemKk("біле")).toBe("біле");
  });

  it("restores a voiced final consonant: жылдамдығы and жылдамдық share a stem", () => {
    expect(stemKk("жылдамдығы")).toBe(stemKk("жылдамдық"));
  });

  it("leaves question words, short roots, numbers and Latin words alone", () => {
    for (const w of ["қашан", "қанша", "қандай", "қалай", "ел", "іс", "су", "5g", "digitel", "7.6"]) {
      expect(stemKk(w)).toBe(w);
    }
  });

  // Property: a root followed by a grammatical plural + case stack stems back to the root.
  // Front-vowel roots ending in a voiceless consonant take -тер, then -дің/-ге/-де/-ден/-ді/-мен;
  // without the plural they take -тің/-ке/-те/-тен/-ті/-пен.
  const roots = ["интернет", "спутник"];
  const afterPlural = ["", "дің", "ге", "де", "ден", "ді", "мен"];
  const afterRoot = ["", "тің", "ке", "те", "тен", "ті", "пен"];
  it("strips any grammatical plural + case stack back to the root", () => {
    for (const root of roots) {
      for (const c of afterRoot) expect(stemKk(root + c), root + c).toBe(root);
      for (const c of afterPlural) expect(stemKk(`${root}тер${c}`), `${root}тер${c}`).toBe(root);
    }
  });

  it("never returns a stem longer than the word, nor shorter than three letters unless a known short root", () => {
    const words = "ауылдарға елді мекенді іске қосылады жылы жыл деңгейі сауаттылық ашады кеңжолақты".split(
      " ",
    );
    for (const w of words) {
      const s = stemKk(w);
      expect(s.length).toBeLessThanOrEqual(w.length);
      expect(s.length >= 3 || ["ел", "іс", "су"].includes(s), `${w} -> ${s}`).toBe(true);
      expect(w.startsWith(s.slice(0, -1))).toBe(true);
    }
  });
});
