import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../src/privacy/mask.js";

describe("maskPersonalData", () => {
  it.each([
    ["+7 701 123 45 67", "+* *** *** ** **"],
    ["+77011234567", "+***********"],
    ["8 (701) 123-45-67", "* (***) ***-**-**"],
    ["87011234567", "***********"],
    ["8-777-123-45-67", "*-***-***-**-**"],
    ["+7 (7172) 55-12-34", "+* (****) **-**-**"],
    ["701 123 45 67", "*** *** ** **"],
    ["7011234567", "**********"],
    ["+7 916 123-45-67", "+* *** ***-**-**"],
    ["ИИН 900101300123", "ИИН ************"],
    ["ЖСН: 010203400567.", "ЖСН: ************."],
  ])("masks %s", (input, masked) => {
    expect(maskPersonalData(input)).toEqual({ text: masked, count: 1 });
  });

  it("keeps the length, so entity offsets stay right", () => {
    const text = "звоните 8 701 123 45 67 или 87021234567, ИИН 900101300123 🙂";
    const { text: masked, count } = maskPersonalData(text);
    expect(masked.length).toBe(text.length);
    expect(count).toBe(3);
    expect(masked).not.toMatch(/\d{3}/);
  });

  it.each([
    "Скорость 1,5 Мбит/с в 2026 году",
    "DigitEL: 3 500 сёл к 2027 году",
    "бюджет 123 000 000 тенге",
    "5G в 20 городах, 1 500 вышек",
    "R-2026-000042",
    "координаты 52.1 76.9",
    "12345678901234",
  ])("leaves ordinary numbers alone: %s", (text) => {
    expect(maskPersonalData(text)).toEqual({ text, count: 0 });
  });
});
