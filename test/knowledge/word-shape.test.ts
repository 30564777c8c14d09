import { describe, expect, it } from "vitest";
import { asksAboutFuture } from "../../src/knowledge/intent.js";
import { phraseWordMatches } from "../../src/knowledge/lexicon.js";
import { isFunctionShaped } from "../../src/knowledge/word-shape.js";

describe("isFunctionShaped", () => {
  it.each([
    "даст",
    "проводили",
    "стоит",
    "улучшат",
    "дадут",
    "подключаться",
    "медленно",
    "делить",
    "проводил",
    "заложено",
    "выделено",
    "сделано",
  ])("reads the Russian %s as a verb or adverb", (w) => expect(isFunctionShaped(w, "ru", false)).toBe(true));
  it.each([
    "пенсия",
    "погода",
    "доллар",
    "бензин",
    "тариф",
    "паспорт",
    "бюджет",
    "результат",
    "показатели",
    "канал",
    "кино",
  ])("keeps the Russian noun %s a noun", (w) => expect(isFunctionShaped(w, "ru", false)).toBe(false));
  it.each(["тұрады", "жақсарады", "берілген", "алуға", "тұрамын", "жойыла", "жойылмақ", "шешіле"])(
    "reads the Kazakh %s as a verb",
    (w) => expect(isFunctionShaped(w, "kk", false)).toBe(true),
  );
  it.each(["зейнетақы", "бағасы", "тарифі", "жаңбыр", "қала", "бала"])(
    "keeps the Kazakh noun %s a noun",
    (w) => expect(isFunctionShaped(w, "kk", false)).toBe(false),
  );
  it("reads a Kazakh past form as a verb only in the last place (the predicate)", () => {
    expect(isFunctionShaped("жеңді", "kk", true)).toBe(true);
    expect(isFunctionShaped("тарифті", "kk", false)).toBe(false);
  });
});

describe("phraseWordMatches", () => {
  it("matches stems of one word cut differently, and Kazakh words on five letters", () => {
    expect(phraseWordMatches("паспорт", "паспор", "kk")).toBe(true);
    expect(phraseWordMatches("интернет", "интерне", "kk")).toBe(true);
    expect(phraseWordMatches("денсаулығ", "денсаулық", "kk")).toBe(true);
  });
  it("keeps short and different words apart", () => {
    expect(phraseWordMatches("жақсарт", "жақс", "kk")).toBe(false);
    expect(phraseWordMatches("оператор", "операция", "kk")).toBe(false);
    expect(phraseWordMatches("2021", "2022", "ru")).toBe(false);
  });
});

describe("asksAboutFuture", () => {
  it.each([
    ["биыл қанша ауылда интернет жақсарады", "kk"],
    ["в скольких сёлах улучшат интернет в этом году", "ru"],
    ["сколько ещё сёл подключат", "ru"],
  ] as const)("hears what is ahead in %s", (q, lang) => expect(asksAboutFuture(q, lang)).toBe(true));
  it.each([
    ["былтыр қанша ауылда интернет жақсарды", "kk"],
    ["в скольких сёлах улучшили интернет", "ru"],
  ] as const)("hears the past in %s", (q, lang) => expect(asksAboutFuture(q, lang)).toBe(false));
});
