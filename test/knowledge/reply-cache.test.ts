/** The reply cache answers a repeated question from memory, and never with a reply the documents have outdated. */
import { describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/knowledge/engine.js";
import { cachedKnowledge } from "../../src/knowledge/reply-cache.js";
import type { Document, Knowledge } from "../../src/knowledge/types.js";

const villages = (id: string, count: number, date: string): Document => ({
  id,
  texts: { ru: `Подключение сёл\n\nВ этом году к оптике подключат ${count} сёл.` },
  outlet: "Example.kz",
  date,
  kind: "added",
});

/** A knowledge base over one document, and how many questions reached it. */
function counted(): { knowledge: Knowledge; asked: () => number } {
  const base = new KnowledgeBase();
  base.addDocument(villages("old", 500, "2024-03-01"));
  let calls = 0;
  const ask = base.ask.bind(base);
  base.ask = (question, options) => {
    calls++;
    return ask(question, options);
  };
  return { knowledge: base, asked: () => calls };
}

const QUESTION = "Сколько сёл подключат к оптике?";
const now = new Date("2026-06-01T10:00:00Z");

describe("cachedKnowledge", () => {
  it("answers the same question, language and day from memory, with the same reply", () => {
    const { knowledge, asked } = counted();
    const cached = cachedKnowledge(knowledge);
    const first = cached.ask(QUESTION, { now, fallbackLang: "ru" });
    expect(first.kind).toBe("answer");
    expect(cached.ask(QUESTION, { now, fallbackLang: "ru" })).toEqual(first);
    expect(asked()).toBe(1);
  });

  it("asks again for another language, another day or another wording", () => {
    const { knowledge, asked } = counted();
    const cached = cachedKnowledge(knowledge);
    cached.ask(QUESTION, { now, fallbackLang: "ru" });
    cached.ask(QUESTION, { now, fallbackLang: "kk" });
    cached.ask(QUESTION, { now: new Date("2026-06-02T10:00:00Z"), fallbackLang: "ru" });
    cached.ask(`${QUESTION} `, { now, fallbackLang: "ru" });
    expect(asked()).toBe(4);
  });

  it("forgets every reply when a document or an announcement is added", () => {
    const { knowledge, asked } = counted();
    const cached = cachedKnowledge(knowledge);
    const before = cached.ask(QUESTION, { now });
    cached.addDocument(villages("new", 900, "2026-05-01"));
    const after = cached.ask(QUESTION, { now });
    expect(asked()).toBe(2);
    expect(before.kind === "answer" && before.text).toContain("500");
    expect(after.kind === "answer" && after.text).toContain("900");
    cached.addAnnouncement({
      id: "a1",
      topic: "internet",
      date: "2026-05-20",
      ru: "Сёла подключат к 5G.",
      kk: "Ауылдар 5G-ге қосылады.",
    });
    cached.ask(QUESTION, { now });
    expect(asked()).toBe(3);
  });

  it("keeps at most its size, dropping the least recently asked", () => {
    const { knowledge, asked } = counted();
    const cached = cachedKnowledge(knowledge, 2);
    cached.ask("первый вопрос про сёла", { now });
    cached.ask("второй вопрос про сёла", { now });
    cached.ask("первый вопрос про сёла", { now }); // now the most recent
    cached.ask("третий вопрос про сёла", { now }); // drops the second
    expect(asked()).toBe(3);
    cached.ask("первый вопрос про сёла", { now });
    expect(asked()).toBe(3);
    cached.ask("второй вопрос про сёла", { now });
    expect(asked()).toBe(4);
  });

  it("hands out replies no caller can change for the next one", () => {
    const cached = cachedKnowledge(counted().knowledge);
    const reply = cached.ask(QUESTION, { now });
    expect(Object.isFrozen(reply)).toBe(true);
  });
});
