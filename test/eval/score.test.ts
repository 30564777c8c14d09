import { describe, expect, it } from "vitest";
import { type Question, score } from "./score.js";

const q: Question = {
  id: "t",
  lang: "kk",
  q: "?",
  expect: [["2026"], ["Air Astana", "/эйр\\s+астана/"]],
  docs: ["101_x"],
};
const kk = "Әуе компаниясы Air Astana ұшақтарында интернет 2026 жылы пайда болады деп күтілуде.";

describe("eval score", () => {
  it("is right only when every group matches, a listed document is cited and the language holds", () => {
    expect(score(q, { answered: true, lang: "kk", text: kk, sources: [{ doc: "101_x.kk" }] }).outcome).toBe(
      "right",
    );
    expect(
      score(q, { answered: true, lang: "kk", text: kk.replace("2026", "2027"), sources: [{ doc: "101_x" }] })
        .outcome,
    ).toBe("wrong");
    expect(score(q, { answered: true, lang: "kk", text: kk, sources: [{ doc: "other" }] }).outcome).toBe(
      "wrong",
    );
    expect(score(q, { answered: false, lang: "kk", text: "Жауап жоқ." }).outcome).toBe("not-answered");
  });

  it("reads a quoted source apart: a Kazakh frame around a Russian quote is Kazakh, a bare Russian reply is not", () => {
    const quoted =
      "Орыс тіліндегі дереккөзде былай делінген: «Интернет в самолётах Air Astana появится в 2026 году».";
    expect(score(q, { answered: true, lang: "kk", text: quoted, sources: [{ doc: "101_x" }] }).outcome).toBe(
      "right",
    );
    const bare = "Интернет в самолётах Air Astana появится в 2026 году, сообщил министр на брифинге.";
    expect(
      score(q, { answered: true, lang: "kk", text: bare, sources: [{ doc: "101_x" }] }).why,
    ).toContainEqual(expect.stringMatching(/not in Kazakh/));
  });

  it("counts an answered out-of-scope question against the bot", () => {
    const out: Question = { id: "o", lang: "ru", q: "Погода?", abstain: true };
    expect(score(out, { answered: false, lang: "ru", text: "Нет ответа." }).outcome).toBe("declined");
    expect(score(out, { answered: true, lang: "ru", text: "Солнечно." }).outcome).toBe(
      "answered-out-of-scope",
    );
  });
});
