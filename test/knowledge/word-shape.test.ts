import { describe, expect, it } from "vitest";
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
