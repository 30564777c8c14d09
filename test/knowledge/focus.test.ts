import { describe, expect, it } from "vitest";
import { stemKk, stemKkFolded } from "../../src/knowledge/analyzers/kk.js";
import {
  afterWhich,
  asksTotal,
  countedPart,
  focusClause,
  isAddressee,
  isStopwordTypo,
  lastClause,
} from "../../src/knowledge/focus.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { foldKk } from "../../src/knowledge/text.js";
import { isFunctionShaped } from "../../src/knowledge/word-shape.js";

const knowledge = loadKnowledge();
const answer = (q: string): string => {
  const r = knowledge.ask(q);
  return r.kind === "answer" ? r.text : r.kind;
};

describe("question focus", () => {
  it("finds the last clause of a question of several", () => {
    expect(
      lastClause("у нас в ауле интернет пропадает, вечером ничего не грузится. когда подключат оптику?"),
    ).toBe("когда подключат оптику");
    expect(lastClause("когда подключат оптику?")).toBeUndefined();
  });

  it("reads a misspelt stopword as a stopword, not a content word", () => {
    expect(isStopwordTypo("колько", "ru")).toBe(true);
    expect(isStopwordTypo("скольо", "ru")).toBe(true);
    expect(isStopwordTypo("оптика", "ru")).toBe(false);
  });

  it("finds what 'какой' and 'сколько (всего)' ask about, and the addressee of a report", () => {
    expect(afterWhich("какая скорость 5G в Алматы")).toBe("скорость 5g в алматы");
    expect(countedPart("сколько всего школ в области")).toBe("школ в области");
    expect(asksTotal("сколько всего школ в области")).toBe(true);
    expect(asksTotal("сколько школ откроют")).toBe(false);
    expect(isAddressee("президенту")).toBe(true);
    expect(isAddressee("президент")).toBe(false);
  });
});

describe("Kazakh typed without Kazakh letters", () => {
  it("stems with folded suffixes to the folded stem of the Kazakh spelling", () => {
    for (const w of ["ауылдық", "ауылға", "кеңжолақты", "мектептерде", "кезектер"])
      expect(stemKkFolded(foldKk(w))).toBe(foldKk(stemKk(w)));
  });

  it("reads folded verb endings as verbs", () => {
    expect(isFunctionShaped("тартылмак", "kk", false)).toBe(true);
    expect(isFunctionShaped("келеди", "kk", true)).toBe(true);
    expect(isFunctionShaped("оптика", "kk", false)).toBe(false);
  });

  it("detects the language of a short question from the texts' vocabulary", () => {
    expect(knowledge.detectLanguage("ЦОН кезектер")).toBe("kk");
    expect(knowledge.detectLanguage("ЦОН очереди")).toBe("ru");
  });

  it("drops folded stopwords and answers", () => {
    expect(answer("5г кашан келеди бизге")).toContain("2022");
  });
});

describe("answering a question's focus", () => {
  it("answers a long question whose context holds words the texts lack", () => {
    expect(
      answer(
        "у моей бабушки в ауле интернет постоянно пропадает, вечером вообще ничего не грузится, мучаемся. сколько сёл обещали подключить к оптике по договору гчп?",
      ),
    ).toContain("1250");
  });

  it("answers about the entity the question names, or not at all", () => {
    expect(knowledge.ask("сколько рабочих мест создал Astana Hub").kind).toBe("none");
    expect(answer("что сказали президенту про Astana Hub")).toContain("Astana Hub");
  });

  it("requires the attribute 'какой' asks about, the counted noun of 'сколько всего', and no price", () => {
    expect(knowledge.ask("какая скорость 5G в Алматы").kind).toBe("none");
    expect(knowledge.ask("сколько всего школ в Павлодарской области").kind).toBe("none");
    expect(knowledge.ask("Сколько стоит обучение в школе Жас Дарын?").kind).toBe("none");
    expect(answer("сколько мероприятий всего в проекте DigitEL")).toContain("200");
  });

  it("does not read a unit after a number as the topic", () => {
    expect(knowledge.ask("вырастет ли доллар в этом году").kind).toBe("none");
    expect(answer("до скольки долларов вырастет экспорт IT")).toContain("500");
  });
});

describe("context clauses", () => {
  it("the clause that asks is the focus, whatever the length", () => {
    expect(
      focusClause(
        "у меня бабушка в селе не может записаться к врачу онлайн. Что делается для телемедицины?",
        "ru",
      ),
    ).toBe("Что делается для телемедицины?");
    expect(
      focusClause("мен өз IT компаниямды ашқым келеді, DigitEL бойынша IT экспорты қанша болмақ", "kk"),
    ).toBe("DigitEL бойынша IT экспорты қанша болмақ");
    expect(focusClause("сколько сёл подключат", "ru")).toBeUndefined();
  });

  it("down-weights the situation of a short question", () => {
    expect(
      answer(
        "у меня бабушка в селе не может записаться к врачу онлайн. Что делается для телемедицины в селах?",
      ),
    ).toMatch(/телемедицин/);
    expect(answer("мен өз IT компаниямды ашқым келеді, DigitEL бойынша IT экспорты қанша болмақ")).toMatch(
      /500/,
    );
  });
});
