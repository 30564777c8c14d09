import { describe, expect, it } from "vitest";
import { asksWhich } from "../../src/knowledge/focus.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { isPlaceWord, namesAgent, requiredKinds } from "../../src/knowledge/intent.js";
import { normalizeText } from "../../src/knowledge/text.js";

const knowledge = loadKnowledge();
const answered = (q: string): boolean => knowledge.ask(q).kind === "answer";

describe("required kinds of answer", () => {
  it("reads кто/кім/чей as a person, сколько/қанша/неше as a number, когда/қашан as a date", () => {
    expect([...requiredKinds("Кто министр цифрового развития?")]).toEqual(["who"]);
    expect([...requiredKinds("по чьему поручению строят вышки")]).toEqual(["who"]);
    expect([...requiredKinds("Денсаулық сақтау министрі кім?")]).toEqual(["who"]);
    expect([...requiredKinds("Сколько сёл подключат?")]).toEqual(["count"]);
    expect([...requiredKinds("неше ауылға оптика тартылды")]).toEqual(["count"]);
    expect([...requiredKinds("5G қашан іске қосылады?")]).toEqual(["when"]);
    expect([...requiredKinds("В каком году запустят 5G?")]).toEqual(["when"]);
  });

  it("does not read a conjunction or 'когда-то' as asking when", () => {
    expect(requiredKinds("а личные данные защищают когда документы оцифровывают?").size).toBe(0);
    expect(requiredKinds("министр когда-то ездил в Павлодар. что он сказал").size).toBe(0);
    expect(requiredKinds("насколько выросло выявление рака").size).toBe(0);
  });

  it("accepts an organisation as who acts", () => {
    expect(namesAgent("Акиматам поручено решить вопросы выделения земли")).toBe(true);
    expect(namesAgent("Қазіргі жағдайда интернет халықтың негізгі байланыс арнасына айналды")).toBe(false);
    expect(namesAgent("2022 жылы министр Бағдат Мусин баяндады")).toBe(true);
  });

  it("makes the kind a requirement: a text without it does not answer", () => {
    expect(answered("Қазіргі денсаулық сақтау министрі кім?")).toBe(false);
    expect(answered("Кто выделяет землю под вышки?")).toBe(true);
  });
});

describe("current-time words", () => {
  it("are not content: 'қазіргі', 'сейчас', 'нынешний', 'на данный момент'", () => {
    expect(answered("Қазіргі білім министрі кім?")).toBe(false);
    expect(answered("Кто нынешний министр образования на данный момент?")).toBe(false);
  });
});

describe("number endings", () => {
  it("reads '2022-м', '2021-го', '2022-ші' as the number", () => {
    expect(normalizeText("в 2022-м году")).toBe("в 2022 году");
    expect(normalizeText("2021-го")).toBe("2021");
    expect(normalizeText("2022-ші жыл")).toBe("2022 жыл");
  });
});

describe("places and years named in the question", () => {
  it("are words of a city or region in any case", () => {
    expect(isPlaceWord("павлодарской")).toBe(true);
    expect(isPlaceWord("Алматыда")).toBe(true);
    expect(isPlaceWord("қазақстанда")).toBe(false);
    expect(isPlaceWord("скорость")).toBe(false);
    expect(isPlaceWord("вко")).toBe(true);
  });

  it("choose the fact of that place or year between facts of a value", () => {
    const r = knowledge.ask("Павлодар облысында неше ауылға оптика тартылды");
    expect(r.kind === "answer" && r.text).toMatch(/Павлодар/);
    const y = knowledge.ask("Сколько ещё сёл должны были получить нормальный интернет в 2022-м?");
    expect(y.kind === "answer" && y.text).toMatch(/140/);
  });

  it("are required when the question asks a value of that place", () => {
    expect(answered("Алматыда қазір мобильді интернет жылдамдығы қандай?")).toBe(false);
    expect(asksWhich("в каком селе министр смотрел школу")).toBe(false);
    expect(asksWhich("интернет жылдамдығы қандай")).toBe(true);
  });
});
