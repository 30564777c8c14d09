import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { loadKnowledge, type Reply } from "../../src/knowledge/index.js";
import { renderReply, type Translate } from "../../src/knowledge/render.js";
import { createIndex, INDEX_OPTIONS } from "../../src/knowledge/search-index.js";

const SEEDS = new URL("../../seeds", import.meta.url).pathname;
const knowledge = loadKnowledge();

describe("ask", () => {
  it("answers in the question's language with the fact, its source and the year it means", () => {
    const ru = knowledge.ask("В скольких населённых пунктах улучшили качество интернета в прошлом году?");
    expect(ru).toMatchObject({
      kind: "answer",
      lang: "ru",
      sources: [{ doc: "001_204231cb2b36dae8", year: 2022 }],
    });
    if (ru.kind === "answer") {
      expect(ru.text).toContain("628");
      expect(ru.text).toContain("2021");
      expect(ru.text).not.toMatch(/прошлом году/i);
    }
    const kk = knowledge.ask("Жыл соңына дейін қанша ауылдық елді мекен кеңжолақты интернетке қосылады?");
    expect(kk).toMatchObject({ kind: "answer", lang: "kk", sources: [{ doc: "002_1038843984c436f9" }] });
    if (kk.kind === "answer") expect(kk.text).toContain("2020 жылдың");
  });

  it("answers a Kazakh question about a fact only the Russian texts hold, in Kazakh", () => {
    const reply = knowledge.ask("DigitEL жобасы қанша жаңа жұмыс орнын ашады?");
    expect(reply).toMatchObject({ kind: "answer", lang: "kk", sources: [{ doc: "003_71643ede33d267c4" }] });
    if (reply.kind === "answer") expect(reply.text).toContain("100 мың");
  });

  it.each([
    "Как оформить пенсию?",
    "Какая погода завтра в Алматы?",
    "Какой сегодня курс доллара?",
    "Насколько подорожал бензин?",
    "Как получить паспорт?",
    "Сколько стоит 4G тариф?",
    "Кто министр образования?",
    "Ертең Астанада ауа райы қандай болады?",
    "Зейнетақыны қалай рәсімдеуге болады?",
  ])("abstains on a question close to the topic but outside the texts: %s", (q) => {
    expect(knowledge.ask(q).kind).toBe("none");
  });

  it("does not let an unknown verb stop an answer, while an unknown noun or a price still does", () => {
    const jobs = knowledge.ask("Сколько новых рабочих мест даст DigitEL");
    expect(jobs.kind).toBe("answer");
    if (jobs.kind === "answer") expect(jobs.text).toContain("100");
    for (const q of ["Сколько пенсий даст DigitEL", "Сколько стоит 5G?", "сколько стоит Starlink для села"])
      expect(knowledge.ask(q).kind, q).toBe("none");
  });

  it("matches lexicon phrases inflected otherwise and with typos", () => {
    const passport = knowledge.ask("денсаулық паспорты барлық адамға бола ма");
    expect(passport.kind === "answer" && passport.text.includes("100")).toBe(true);
    const ai = knowledge.ask("искуственный интелект в больницах");
    expect(ai.kind === "answer" && /ПАКС/.test(ai.text)).toBe(true);
  });

  it("answers with the fact that holds the question's most specific term", () => {
    const reply = knowledge.ask("сколько процентов граждан цифрово грамотны");
    expect(reply.kind === "answer" && reply.text.includes("83")).toBe(true);
  });

  it("prefers the forward-looking fact when the question speaks of this year or ahead", () => {
    const kk = knowledge.ask("биыл тағы қанша ауылда интернет жақсарады");
    expect(kk.kind === "answer" && kk.text.includes("140")).toBe(true);
    const ru = knowledge.ask("В скольких населённых пунктах улучшили качество интернета в прошлом году?");
    expect(ru.kind === "answer" && ru.text.includes("628")).toBe(true);
  });

  it("does not answer a question whose only content is currencies or an exchange rate", () => {
    for (const q of [
      "бүгін доллар қанша теңге",
      "Курс доллара на сегодня?",
      "Еуро бағамы қанша?",
      "доллар в тенге",
    ])
      expect(knowledge.ask(q).kind, q).toBe("none");
  });

  it("lets a Russian stopword or its misspelling vote Russian", () => {
    expect(knowledge.detectLanguage("гчп оптика скока сел", "kk")).toBe("ru");
    const reply = knowledge.ask("гчп оптика скока сел", { fallbackLang: "kk" });
    expect(reply.kind === "answer" && reply.lang === "ru" && reply.text.includes("1250")).toBe(true);
  });

  it("does not count a year against a fact that names none unless a passing fact holds it", () => {
    const jobs = knowledge.ask(
      "Мой сын заканчивает колледж по программированию. Сколько новых рабочих мест обещали создать по DigitEL до 2025 года?",
    );
    expect(jobs.kind === "answer" && jobs.text.includes("100")).toBe(true);
    const plan = knowledge.ask("сколько сел хотели подключить к оптике в 2019 году");
    expect(plan.kind === "answer" && plan.text.includes("685")).toBe(true);
  });

  it("reads the state as the one who acts as weak", () => {
    const reply = knowledge.ask(
      "Здравствуйте, у родителей в дальнем селе интернета почти нет, вышки далеко. Планирует ли государство что-то со спутниковым интернетом для таких сёл?",
    );
    expect(reply.kind === "answer" && /низкоорбит/.test(reply.text)).toBe(true);
  });

  it("lets a long story weigh at most half of what the question asks", () => {
    const reply = knowledge.ask(
      "мой сын в деревне в вко учится онлайн, инет ужасный, постоянно отваливается. слышал что будут какие-то спутники для дальних сел, это правда или сказки?",
    );
    expect(reply.kind === "answer" && /низкоорбит/.test(reply.text)).toBe(true);
    const price = knowledge.ask(
      "у нас в селе интернет через модем еле работает, дети учатся онлайн. сколько стоит Starlink?",
    );
    expect(price.kind).toBe("none");
  });

  it("classifies greetings and thanks as smalltalk", () => {
    expect(knowledge.ask("привет")).toEqual({ kind: "smalltalk", lang: "ru", intent: "greeting" });
    expect(knowledge.ask("рақмет")).toEqual({ kind: "smalltalk", lang: "kk", intent: "thanks" });
  });

  it("answers an ambiguous short question in the caller's fallback language", () => {
    expect(knowledge.ask("5G?", { fallbackLang: "kk" })).toMatchObject({ kind: "answer", lang: "kk" });
    expect(knowledge.ask("5G?", { fallbackLang: "ru" })).toMatchObject({ kind: "answer", lang: "ru" });
  });
});

describe("addAnnouncement", () => {
  it("makes a published announcement answerable at once, cited with its date", () => {
    const k = loadKnowledge();
    expect(k.ask("Когда откроется центр цифровых компетенций в Туркестане?").kind).toBe("none");
    k.addAnnouncement({
      id: "turkestan-hub",
      topic: "it-sector",
      date: "2025-03-01T09:00:00Z",
      ru: "Центр цифровых компетенций в Туркестане откроется 15 апреля.",
      kk: "Түркістандағы цифрлық құзыреттер орталығы 15 сәуірде ашылады.",
    });
    const ru = k.ask("Когда откроется центр цифровых компетенций в Туркестане?");
    expect(ru).toMatchObject({
      kind: "answer",
      lang: "ru",
      sources: [
        {
          doc: "announcement:turkestan-hub",
          outlet: "Qazaq Digital Bot",
          year: 2025,
          date: "2025-03-01T09:00:00Z",
        },
      ],
    });
    expect(k.ask("Түркістандағы цифрлық құзыреттер орталығы қашан ашылады?")).toMatchObject({
      kind: "answer",
      lang: "kk",
    });
  });

  it("rejects a date that is not ISO", () => {
    expect(() => knowledge.addAnnouncement({ id: "x", topic: "t", date: "soon", ru: "а", kk: "ә" })).toThrow(
      /knowledge:/,
    );
  });
});

describe("seeds", () => {
  it("makes a new text dropped into seeds/ with its metadata answerable without code changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "seeds-"));
    cpSync(SEEDS, dir, { recursive: true });
    writeFileSync(
      join(dir, "005_test.txt"),
      "Все новости\n\nВ этом году в Костанайской области запустят пилотный проект цифровой агрономии для 40 фермерских хозяйств.\n\nПодписывайтесь на нас в Telegram\n",
    );
    const manifest = JSON.parse(readFileSync(join(dir, "sources.json"), "utf8")) as { documents: object[] };
    manifest.documents.push({
      id: "005_test",
      files: { ru: "005_test.txt" },
      outlet: "Example.kz",
      date: "2024",
    });
    writeFileSync(join(dir, "sources.json"), JSON.stringify(manifest));
    const reply = loadKnowledge(dir).ask(
      "Сколько фермерских хозяйств в проекте цифровой агрономии в Костанайской области?",
    );
    expect(reply).toMatchObject({
      kind: "answer",
      sources: [{ doc: "005_test", outlet: "Example.kz", year: 2024 }],
    });
    if (reply.kind === "answer") expect(reply.text).toContain("2024 году");
  });

  it("refuses a text without a manifest entry", () => {
    const dir = mkdtempSync(join(tmpdir(), "seeds-"));
    cpSync(SEEDS, dir, { recursive: true });
    writeFileSync(join(dir, "006_orphan.txt"), "Текст.");
    expect(() => loadKnowledge(dir)).toThrow(/knowledge: seeds\/006_orphan.txt has no entry/);
  });
});

describe("INDEX_OPTIONS", () => {
  it("is shared by building and loading a serialised index", () => {
    const index = createIndex();
    index.addAll([
      { id: "a", ru: "~5g 2022 ~launch" },
      { id: "b", kk: "ауыл ~village интернет" },
    ]);
    const loaded = MiniSearch.loadJSON(JSON.stringify(index), INDEX_OPTIONS);
    expect(loaded.search("~5g", { fields: ["ru"] }).map((r) => r.id)).toEqual(["a"]);
    expect(loaded.search("~village", { fields: ["kk"] }).map((r) => r.id)).toEqual(["b"]);
  });
});

describe("renderReply", () => {
  const t: Translate = (lang, key, vars) => `[${lang}:${key}${vars ? ` ${JSON.stringify(vars)}` : ""}]`;
  it("composes fact, source line and related questions", () => {
    const text = renderReply(
      {
        kind: "answer",
        lang: "ru",
        text: "Факт.",
        sources: [{ doc: "d", outlet: "O", year: 2022 }],
        related: ["Ещё?"],
      },
      t,
    );
    expect(text).toBe(
      'Факт.\n[ru:ask-source {"outlet":"O","year":"2022"}]\n\n[ru:ask-related-title]\n• Ещё?',
    );
  });
  it("leaves related questions out when the caller shows them as buttons", () => {
    const reply: Reply = { kind: "answer", lang: "kk", text: "Ф.", sources: [], related: ["?"] };
    expect(renderReply(reply, t, { related: false })).toBe("Ф.");
  });
  it("renders no-answer and smalltalk from locale keys", () => {
    expect(renderReply({ kind: "none", lang: "kk" }, t)).toBe("[kk:ask-no-answer]");
    expect(renderReply({ kind: "smalltalk", lang: "ru", intent: "thanks" }, t)).toBe("[ru:ask-thanks]");
  });
});
