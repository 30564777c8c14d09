import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { deLatinize, latinToCyrillic } from "../../src/knowledge/latin.js";

const knowledge = loadKnowledge();
const answer = (q: string): string => {
  const r = knowledge.ask(q);
  return r.kind === "answer" ? r.text : r.kind;
};

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

  it("answers a Latin Kazakh question", () => {
    expect(answer("Pavlodar oblysynda neshe auylga optikalyq internet tartyldy?")).toMatch(/Павлодар.*9/);
  });
});

describe("compound words", () => {
  it("read 'госдокументов' as 'документ'", () => {
    expect(answer("сколько госдокументов теперь доступны в цифровом виде")).toMatch(/18/);
  });
});
