/** The document pipeline's pieces on small synthetic texts: cleaning, context, pairs, dictionary, cues, rendering. */
import { describe, expect, it } from "vitest";
import { analyze, headOf, Lexicon, sameFamily } from "../../src/knowledge/analyze.js";
import { cleanDocument } from "../../src/knowledge/clean.js";
import { tidyQuotes } from "../../src/knowledge/compose.js";
import { askedAction, askedKinds, askedRole, isComplaint } from "../../src/knowledge/cues.js";
import { parseAliases, parsePairs, parsePlaces } from "../../src/knowledge/dictionary.js";
import { indexDocument } from "../../src/knowledge/documents.js";
import { renderReply, type Translate } from "../../src/knowledge/render.js";

const lexicon = new Lexicon({
  pairs: parsePairs(
    "ru\tkk\tdomain\nсело|деревня\tауыл\tplace\nзапуск\tіске қосу (процесс)\tgeneral\nзапустить\tіске қосу\taction",
  ),
  places: [],
  aliases: [],
});

describe("cleaning", () => {
  it("keeps the headline apart and drops a photo caption with its credit", () => {
    const doc = cleanDocument(
      "Когда появится интернет в поездах\n\nПоезд, вокзал, пассажиры, фото - Новости Example.kz Фото: unsplash\nМинистр рассказал о планах на следующий год.",
    );
    expect(doc.title).toBe("Когда появится интернет в поездах");
    expect(doc.paragraphs).toEqual(["Министр рассказал о планах на следующий год."]);
  });
});

describe("passages", () => {
  it("give each sentence its headline and the sentence before it as context, and read 'this year' as the text's", () => {
    const indexed = indexDocument(
      {
        id: "p",
        texts: {
          ru: "Проект Альфа\n\nПроект Альфа запущен в селах. Он рассчитан на 2024-2027 годы. В этом году охвачено 10 сел.",
        },
        outlet: "E",
        date: "2024-03-01",
        kind: "seed",
      },
      lexicon,
    );
    const [, second, third] = indexed.passages;
    expect(second?.text.ru?.context).toEqual(["Проект Альфа", "Проект Альфа запущен в селах."]);
    expect(second?.contextTerms.has("альф")).toBe(true);
    expect(third?.text.ru?.text).toBe("В 2024 году охвачено 10 сел.");
    expect(indexed.numbers).toContainEqual({ text: "10 сел", year: 2024 });
  });

  it("align a ru+kk pair by numbers and names, leaving an unmatched sentence single", () => {
    const indexed = indexDocument(
      {
        id: "pair",
        texts: {
          ru: "Министр Жаслан Мадиев сообщил о 50 новых вышках. Работы начнутся в мае. Стоимость не раскрывается.",
          kk: "Министр Жаслан Мәдиев 50 жаңа мұнара туралы айтты. Жұмыс мамыр айында басталады.",
        },
        outlet: "E",
        date: "2025",
        kind: "seed",
      },
      lexicon,
    );
    const pairs = indexed.passages.map((p) => [p.text.ru?.text.slice(0, 12), p.text.kk?.text.slice(0, 12)]);
    expect(pairs[0]).toEqual(["Министр Жасл", "Министр Жасл"]);
    expect(indexed.passages.some((p) => p.text.ru && !p.text.kk)).toBe(true);
  });
});

describe("alignment", () => {
  it("does not pair two sentences that share only the outlet's name", () => {
    const indexed = indexDocument(
      {
        id: "credited",
        texts: {
          ru: "Права онлайн\n\nВ стране продолжается перевод услуг в электронный формат, сообщает BAQ.kz. Новшество касается всех категорий прав.",
          kk: "Куәлік онлайн\n\nЕнді куәлікті онлайн ауыстыруға болады, деп хабарлайды BAQ.KZ тілшісі. Жаңашылдық барлық санаттарға қолданылады.",
        },
        outlet: "BAQ.KZ",
        date: "2026",
        kind: "seed",
      },
      lexicon,
    );
    expect(indexed.passages.filter((p) => p.text.ru && p.text.kk)).toEqual([]);
  });
});

describe("dictionary", () => {
  it("reads TSV rows: header, comments, synonyms, notes in brackets", () => {
    expect(
      parsePairs("ru\tkk\tdomain\n# note\nсело|деревня\tауыл\tplace\nзапуск\tіске қосу (процесс)\tgeneral"),
    ).toEqual([
      { ru: ["село", "деревня"], kk: ["ауыл"], domain: "place" },
      { ru: ["запуск"], kk: ["іске қосу"], domain: "general" },
    ]);
    expect(
      parsePlaces(
        "type\tid\tregion\tru\tkk\tru_variants\tkk_variants\ncity\tastana\t\tАстана\tАстана\tНур-Султан\t",
      )[0],
    ).toEqual({
      type: "city",
      id: "astana",
      region: "",
      ru: ["Астана", "Нур-Султан"],
      kk: ["Астана"],
    });
    expect(parseAliases("# c\nold\tnew\tsince\tlang\nA\tB\t2022\tru")).toEqual([
      { old: "A", new: "B", since: "2022", lang: "ru" },
    ]);
  });

  it("maps both languages to one key, and rows sharing a lemma to one concept", () => {
    const [ru] = analyze("деревни", "ru", lexicon);
    const [kk] = analyze("ауылдарда", "kk", lexicon);
    expect(ru?.keys).toEqual(kk?.keys);
    const [launch] = analyze("запуск", "ru", lexicon);
    const [start] = analyze("запустят", "ru", lexicon);
    expect(launch?.keys).toEqual(start?.keys);
  });

  it("knows word families and phrase heads", () => {
    expect(sameFamily("запуск", "запуска")).toBe(true);
    expect(sameFamily("орн", "орнын")).toBe(true);
    expect(sameFamily("сел", "селект")).toBe(false);
    const words =
      analyze(
        "коммерческий запуск",
        "ru",
        new Lexicon({
          pairs: parsePairs("ru\tkk\td\nкоммерческий запуск\tкоммерциялық іске қосу\tt"),
          places: [],
          aliases: [],
        }),
      )[0]?.words ?? [];
    expect(headOf(words, "ru")).toBe(1);
    expect(headOf(words, "kk")).toBe(1);
  });
});

describe("question words", () => {
  const surfaces = (text: string, lang: "ru" | "kk") => analyze(text, lang, lexicon).map((u) => u.surface);
  it("drop a Kazakh question word in a case form or typed without Kazakh letters", () => {
    expect(surfaces("Мектептер қаншаға көбейді", "kk")).toEqual(["мектептер", "көбейді"]);
    expect(surfaces("мектеп нешинши орында", "kk")).toEqual(["мектеп", "орында"]);
    expect(surfaces("кімдерге ауыл", "kk")).toEqual(["ауыл"]);
    expect(surfaces("мектеп арқасында тағы", "kk")).toEqual(["мектеп"]);
  });
  it("drop Kazakh pronouns in their case forms", () => {
    expect(surfaces("мұның бағасы және оның жылдамдығы", "kk")).toEqual(["бағасы", "жылдамдығы"]);
    expect(surfaces("біздің ауылға өздері жүйе жасайды", "kk")).toEqual(["ауылға", "жүйе", "жасайды"]);
  });
  it("drop the forms of the Kazakh copula 'болу', which say how, not what", () => {
    expect(surfaces("пойызда интернет болатынын айтты", "kk")).toEqual(["пойызда", "интернет", "айтты"]);
    expect(surfaces("болат зауыты", "kk")).toEqual(["болат", "зауыты"]);
  });
  it("drop Russian pronoun forms that only say how a question is put", () => {
    expect(surfaces("с какими операторами и чьим решением", "ru")).toEqual(["операторами", "решением"]);
    expect(surfaces("каких сел стало больше, хотели подключить", "ru")).toEqual([
      "сел",
      "больше",
      "подключить",
    ]);
  });
});

describe("cues", () => {
  it("tell a complaint about one's own connection from a question about the internet", () => {
    expect(isComplaint("у нас в ауле интернет не работает")).toBe(true);
    expect(isComplaint("ауылда интернет жоқ, нашар")).toBe(true);
    expect(isComplaint("Штрафуют ли операторов за плохой интернет?")).toBe(false);
    expect(isComplaint("интернет деген не")).toBe(false);
  });

  it("read what a question asks for and the action of a how-to question", () => {
    expect([...askedKinds("Сколько сел подключат?")]).toEqual(["number"]);
    expect([...askedKinds("В каком году подписали договор?")]).toEqual(["date"]);
    expect([...askedKinds("Кім басқарды?")]).toEqual(["person"]);
    expect([...askedKinds("Отырыста кімдер баяндады?")]).toEqual(["person"]);
    // "сан" (a number) asks a number, "санат" (a category) that begins like it does not
    expect([...askedKinds("Қандай сан айтылды?")]).toEqual(["number"]);
    expect([...askedKinds("Бұл қай санаттарға қатысты?")]).toEqual([]);
    expect([...askedKinds("На каком сайте оформить ключ?")]).toEqual(["site"]);
    expect([...askedKinds("Тыйым қай жылдан бастап күшіне енеді?")]).toEqual(["date"]);
    expect([...askedKinds("За какой это год?")]).toEqual(["date"]);
    // "когда" opening a clause after a question is a conjunction; a clause of question words alone asks them
    expect([...askedKinds("Как проверяют, что это я, когда получаю ключ?")]).toEqual([]);
    expect([...askedKinds("Где, когда запустят 5G?")]).toEqual(["place", "date"]);
    expect([...askedKinds("Ол үшін қай сайтқа тіркелу керек?")]).toEqual(["site"]);
    // "во сколько раз" and "неше есе" ask a ratio; "сколько раз" and a "раз" told before count times
    expect([...askedKinds("Во сколько раз зарплата выше средней?")]).toEqual(["number", "share"]);
    expect([...askedKinds("Жалақы неше есе жоғары?")]).toEqual(["number", "share"]);
    expect([...askedKinds("Я несколько раз не прошёл. Сколько попыток даётся?")]).toEqual(["number"]);
    expect([...askedKinds("Сколько раз можно попробовать?")]).toEqual(["number"]);
    // "қанша тұрады" asks a price; "неше адамнан тұрады" (consists of) does not
    expect([...askedKinds("Ауылға интернет қосу қанша тұрады?")]).toEqual(["number", "money"]);
    expect([...askedKinds("Комиссия неше адамнан тұрады?")]).toEqual(["number"]);
    expect(askedKinds("Пойыздағы Wi-Fi қанша тұрады?").has("money")).toBe(true);
    expect(askedKinds("Сколько стоит подключение?").has("money")).toBe(true);
    // a fee is money: "какая госпошлина" asks an amount
    expect([...askedKinds("Какая госпошлина за замену прав?")]).toEqual(["money"]);
    expect(askedRole("кто пресс-секретарь президента", "ru")).toBe("секретарь");
    expect(askedRole("президенттің баспасөз хатшысы кім", "kk")).toBe("хатшысы");
    expect(askedAction("Как получить паспорт?")).toBe("получить");
    expect(askedAction("Ауылда интернетті қалай қосуға болады?")).toBe("қосуға");
    expect(askedAction("Сколько сел?")).toBeUndefined();
  });
});

describe("rendering", () => {
  const t: Translate = (lang, key, vars) => `[${lang}:${key}${vars ? ` ${JSON.stringify(vars)}` : ""}]`;
  it("says why there is no answer and lists the suggestions", () => {
    expect(renderReply({ kind: "none", lang: "kk", reason: "complaint", suggestions: ["A?"] }, t)).toBe(
      "[kk:ask-none-complaint]\n\n[kk:ask-suggestions-title]\n• A?",
    );
    expect(
      renderReply({ kind: "none", lang: "ru", reason: "off-topic", suggestions: ["A?"] }, t, {
        related: false,
      }),
    ).toBe("[ru:ask-none-off-topic]");
  });

  it("frames a quote from the other language and dates an old fact", () => {
    const source = { doc: "d", outlet: "O", year: 2022 };
    expect(
      renderReply(
        { kind: "answer", lang: "kk", text: "Факт.", sources: [source], related: [], quoted: "ru" },
        t,
      ),
    ).toBe('[kk:ask-quoted {"from":"ru","outlet":"O","year":"2022","text":"Факт."}]');
    expect(
      renderReply(
        { kind: "answer", lang: "ru", text: "Факт.", sources: [source], related: [], asOf: 2022 },
        t,
      ),
    ).toBe('[ru:ask-dated {"year":"2022","text":"Факт."}]\n[ru:ask-source {"outlet":"O","year":"2022"}]');
  });
});

describe("tidyQuotes", () => {
  it("drops a quote mark whose partner stayed in another sentence, keeps matched ones", () => {
    expect(tidyQuotes('"В поездах КТЖ уже с 2026 года появится интернет.')).toBe(
      "В поездах КТЖ уже с 2026 года появится интернет.",
    );
    expect(tidyQuotes("Борта появятся с октября», – озвучил министр.")).toBe(
      "Борта появятся с октября, – озвучил министр.",
    );
    expect(tidyQuotes("Министр посетил зону «Павлодар» и школу.")).toBe(
      "Министр посетил зону «Павлодар» и школу.",
    );
    expect(tidyQuotes('Он сказал: "всё будет" и ушёл.')).toBe('Он сказал: "всё будет" и ушёл.');
  });
});
