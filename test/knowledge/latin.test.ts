import { describe, expect, it } from "vitest";
import { deLatinize, latinToCyrillic } from "../../src/knowledge/latin.js";

describe("Kazakh in Latin letters", () => {
  it("is read as Cyrillic", () => {
    expect(latinToCyrillic("oblysynda")).toBe("облысында");
    expect(latinToCyrillic("optikalyq")).toBe("оптикалық");
    expect(latinToCyrillic("neshe")).toBe("неше");
  });

  it("keeps the words the texts know in Latin and leaves other questions alone", () => {
    const known = (w: string): boolean => ["digitel", "smart", "city"].includes(w.toLowerCase());
    expect(deLatinize("DigitEL qansha jumys orny ashady", known)).toBe("DigitEL қанша жумыс орны ашады");
    expect(deLatinize("Smart City", known)).toBe("Smart City");
    expect(deLatinize("сколько рабочих мест даст DigitEL", known)).toBe("сколько рабочих мест даст DigitEL");
  });
});
