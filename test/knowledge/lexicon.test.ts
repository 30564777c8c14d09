/**
 * The dictionary read into a Lexicon, on a small dictionary built here: word pairs that its
 * two-word phrases imply.
 */
import { describe, expect, it } from "vitest";
import { analyze, caseFormOf, Lexicon } from "../../src/knowledge/analyze.js";
import { parsePairs, parsePlaces } from "../../src/knowledge/dictionary.js";
import type { Language } from "../../src/knowledge/types.js";

const lexicon = new Lexicon({
  pairs: parsePairs(
    [
      "ru\tkk\tdomain",
      "система\tжүйе\tdigital",
      "информационная система\tақпараттық жүйе\tdigital",
      "распознавание\tтану\taction",
      "распознавание голоса\tдауысты тану\tdigital",
      "время\tуақыт\ttime",
      "свободное время\tбос уақыт\ttime",
      "свободный\tеркін\tgeneral",
    ].join("\n"),
  ),
  places: [],
  aliases: [],
});

const keysOf = (text: string, lang: Language): string[] =>
  analyze(text, lang, lexicon).flatMap((u) => u.keys);
const shared = (ru: string, kk: string): boolean =>
  keysOf(ru, "ru").some((k) => keysOf(kk, "kk").includes(k));

describe("Lexicon: words implied by two-word phrases", () => {
  it("pairs the other words of a phrase whose one word pair is known, in either order", () => {
    // "информационная система / ақпараттық жүйе" with "система / жүйе" known
    expect(shared("информационный", "ақпараттық")).toBe(true);
    // Kazakh puts the object first: "распознавание голоса / дауысты тану"
    expect(shared("голос", "дауыс")).toBe(true);
  });

  it("implies nothing for a word that has a row of its own", () => {
    // "свободный" is "еркін" in its own row: the phrase "бос уақыт" does not add "бос"
    expect(shared("свободный", "бос")).toBe(false);
    expect(shared("информационный", "жүйе")).toBe(false);
  });
});

describe("Lexicon: a Russian infinitive's past tense", () => {
  const verbs = new Lexicon({
    pairs: parsePairs(
      [
        "ru\tkk\tdomain",
        "вводить|ввести\tенгізу\taction",
        "пройти проверку\tтексеруден өту\taction",
        "вырасти\tөсу\taction",
        "помочь\tкөмектесу\taction",
        "двигать\tжылжыту\taction",
      ].join("\n"),
    ),
    places: [],
    aliases: [],
  });
  const keys = (text: string, lang: Language): string[] => analyze(text, lang, verbs).flatMap((u) => u.keys);
  const same = (ru: string, kk: string): boolean => keys(ru, "ru").some((k) => keys(kk, "kk").includes(k));

  it("stands for the verb where the stemmer cuts it to another stem (ввёл, прошла, вырос, помог)", () => {
    expect(same("ввели", "енгізілген")).toBe(true);
    expect(same("ввела", "енгізілген")).toBe(true);
    expect(same("прошла проверку", "тексеруден өту")).toBe(true);
    expect(same("вырос", "өсуі")).toBe(true);
    expect(same("помогла", "көмектесу")).toBe(true);
  });

  it("adds nothing for a regular verb, whose past shares the infinitive's stem", () => {
    expect(keys("двигал", "ru")).toEqual(keys("двигать", "ru"));
  });
});

describe("Lexicon: a one-word place is named by its case forms only", () => {
  const places = new Lexicon({
    pairs: [],
    places: parsePlaces(
      [
        "type\tid\tregion\tru\tkk\tru_variants\tkk_variants",
        "city\talga\t\tАлга\tАлға\t\t",
        "city\tkostanay\t\tКостанай\tҚостанай\t\t",
        "country\tgeorgia\t\tГрузия\tГрузия\t\t",
      ].join("\n"),
    ),
    aliases: [],
  });
  const placesIn = (text: string, lang: Language) =>
    analyze(text, lang, places).flatMap((u) => (u.place ? [u.place] : []));

  it("reads the name and the name with a case ending as the place", () => {
    expect(placesIn("Алғада интернет бар", "kk")).toEqual(["alga"]);
    expect(placesIn("Интернет в Костанае и в Грузии", "ru")).toEqual(["kostanay", "georgia"]);
    expect(placesIn("Қостанайдан хабар", "kk")).toEqual(["kostanay"]);
  });

  it("does not read a longer word that starts like the name as the place", () => {
    expect(placesIn("Онлайн алғанда не керек", "kk")).toEqual([]);
    expect(placesIn("Страница долго грузится", "ru")).toEqual([]);
    expect(caseFormOf("алғанда", "алға")).toBe(false);
    expect(caseFormOf("астане", "астана")).toBe(true);
  });
});
