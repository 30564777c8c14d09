import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/knowledge/language.js";
import { resolveRelativeTime } from "../../src/knowledge/relative-time.js";
import { classifySmalltalk } from "../../src/knowledge/smalltalk.js";

describe("detectLanguage", () => {
  it("reads Kazakh-specific letters first", () => {
    expect(detectLanguage("5G қашан іске қосылады?")).toBe("kk");
    expect(detectLanguage("Когда запустят 5G?", "kk")).toBe("ru");
  });
  it("uses Kazakh and Russian word lists when letters do not decide", () => {
    expect(detectLanguage("5G kashan? 5G bar ma", "ru")).toBe("ru");
    expect(detectLanguage("интернет бар ма", "ru")).toBe("kk");
    expect(detectLanguage("что такое DigitEL", "kk")).toBe("ru");
  });
  it("falls back to the user's language for what stays ambiguous", () => {
    expect(detectLanguage("5G?", "kk")).toBe("kk");
    expect(detectLanguage("DigitEL", "ru")).toBe("ru");
    expect(detectLanguage("DigitEL", "kk")).toBe("kk");
  });
});

describe("resolveRelativeTime", () => {
  it.each([
    ["в этом году", 2022, "в 2022 году"],
    ["В прошлом году качество улучшили", 2022, "В 2021 году качество улучшили"],
    ["в текущем году планируется", 2019, "в 2019 году планируется"],
    ["за первые шесть месяцев этого года", 2021, "за первые шесть месяцев 2021 года"],
    ["По итогам прошлого года", 2021, "По итогам 2020 года"],
    ["осы жылы", 2020, "2020 жылы"],
    ["осы жылдың соңына дейін", 2020, "2020 жылдың соңына дейін"],
    ["Биыл 140 ауылда", 2022, "2022 жылы 140 ауылда"],
    ["былтыр 628 елді мекенде", 2022, "2021 жылы 628 елді мекенде"],
  ])("%s (%i) -> %s", (text, year, expected) => {
    expect(resolveRelativeTime(text, year)).toBe(expected);
  });
  it("leaves text without relative time unchanged (property over the seed-like sentences)", () => {
    for (const s of [
      "Коммерческий запуск запланирован на 2022 год.",
      "5163 ауылдық елді мекен",
      "за год улучшил позиции",
    ]) {
      expect(resolveRelativeTime(s, 2000)).toBe(s);
    }
  });
});

describe("classifySmalltalk", () => {
  it.each([
    ["привет", "greeting"],
    ["Здравствуйте!", "greeting"],
    ["сәлем", "greeting"],
    ["Сәлеметсіз бе", "greeting"],
    ["спасибо", "thanks"],
    ["рақмет!", "thanks"],
    ["Хорошо, спасибо!", "thanks"],
    ["Үлкен рақмет", null],
    ["привет, когда запустят 5G?", null],
    ["5G?", null],
  ])("%s -> %s", (text, intent) => {
    expect(classifySmalltalk(text)).toBe(intent);
  });
});
