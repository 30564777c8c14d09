/**
 * The knowledge engine's mechanisms on a tiny synthetic corpus built here (not the seeds): the
 * dictionary joins languages, pairs are aligned, the newest source wins, named years and places
 * are required, refusals carry a reason and answerable suggestions, adding an unrelated document
 * does not move an answer.
 */
import { describe, expect, it } from "vitest";
import { Lexicon, stemOf } from "../../src/knowledge/analyze.js";
import { parseAliases, parsePairs, parsePlaces } from "../../src/knowledge/dictionary.js";
import { KnowledgeBase } from "../../src/knowledge/engine.js";
import { POLICY } from "../../src/knowledge/policy.js";
import { askingText, partsOf, readQuestion } from "../../src/knowledge/question.js";
import { type Scored, withHeadlines } from "../../src/knowledge/rank.js";
import { answerMessage } from "../../src/knowledge/render.js";
import type { Document, Reply } from "../../src/knowledge/types.js";
import { Vocabulary } from "../../src/knowledge/vocabulary.js";

const DICTIONARY = {
  pairs: parsePairs(
    [
      "ru\tkk\tdomain",
      "село|деревня\tауыл\tplace",
      "подключить|подключать\tқосу\taction",
      "школа\tмектеп\teducation",
      "спутниковый интернет\tспутниктік интернет\ttelecom",
      "оператор\tоператор\ttelecom",
      "водительское удостоверение|водительские права\tжүргізуші куәлігі\tgov",
      "заменить\tауыстыру\taction",
      "онлайн\tонлайн\tdigital",
      "правительство\tүкімет\tgov",
      "утвердить\tбекіту\taction",
      "план\tжоспар\tgeneral",
    ].join("\n"),
  ),
  places: parsePlaces(
    [
      "type\tid\tregion\tru\tkk\tru_variants\tkk_variants",
      "region\tpavlodar\t\tПавлодарская область\tПавлодар облысы\tПавлодарская\t",
      "region\tkaraganda\t\tКарагандинская область\tҚарағанды облысы\tКарагандинская\t",
      "city\tastana\t\tАстана\tАстана\tНур-Султан\tНұр-Сұлтан",
      "country\trussia\t\tРоссия\tРесей\tРФ\t",
      "country\tkyrgyzstan\t\tКыргызстан\tҚырғызстан\t\t",
    ].join("\n"),
  ),
  aliases: parseAliases(
    ["# old new since lang", "old\tnew\tsince\tlang", "Нур-Султан\tАстана\t2022-09-17\tru"].join("\n"),
  ),
};

const VILLAGES_2019: Document = {
  id: "villages-2019",
  texts: {
    ru: "Интернет в сёлах\n\nВ этом году к оптике подключат 120 сёл в Павлодарской области. Работы ведёт оператор связи.",
  },
  outlet: "Example.kz",
  date: "2019-05-10",
  kind: "seed",
};
const VILLAGES_2025: Document = {
  id: "villages-2025",
  texts: {
    kk: "Ауылдарға интернет\n\nБиыл Павлодар облысында 300 ауыл оптикаға қосылады. Жұмысты байланыс операторы жүргізеді.",
  },
  outlet: "Example.kz",
  date: "2025-03-01",
  kind: "added",
};
const LICENCE_PAIR: Document = {
  id: "licence",
  texts: {
    ru: "Права онлайн\n\nС апреля водительское удостоверение можно заменить онлайн через eGov. Услуга охватывает 12 категорий прав.",
    kk: "Куәлік онлайн\n\nСәуірден бастап жүргізуші куәлігін eGov арқылы онлайн ауыстыруға болады. Қызмет куәліктің 12 санатын қамтиды.",
  },
  outlet: "Example.kz",
  date: "2026-02-26",
  kind: "added",
};
const SATELLITE: Document = {
  id: "satellite",
  texts: {
    ru: "Спутниковый интернет для школ\n\nСпутниковый интернет получат 40 сельских школ к концу года.",
  },
  outlet: "Example.kz",
  date: "2024-06-01",
  kind: "seed",
};
const NOW = new Date("2026-06-01T00:00:00Z");

/** A document added by a maintainer (a string is its Russian text). */
const added = (id: string, texts: string | Document["texts"], date = "2026-02-26"): Document => ({
  id,
  texts: typeof texts === "string" ? { ru: texts } : texts,
  outlet: "Example.kz",
  date,
  kind: "added",
});

function base(...docs: Document[]): KnowledgeBase {
  const kb = new KnowledgeBase(DICTIONARY, [
    { doc: "licence", lang: "ru", question: "Можно ли заменить водительское удостоверение онлайн?" },
    { doc: "licence", lang: "kk", question: "Жүргізуші куәлігін онлайн ауыстыруға бола ма?" },
    { doc: "satellite", lang: "ru", question: "Сколько школ получат спутниковый интернет?" },
  ]);
  for (const d of docs) kb.addDocument(d);
  return kb;
}

const answer = (r: Reply) => {
  if (r.kind !== "answer") throw new Error(`expected an answer, got ${JSON.stringify(r)}`);
  return r;
};

describe("a document in two languages", () => {
  it("answers each language from the sentence in that language", () => {
    const kb = base(LICENCE_PAIR);
    const ru = answer(kb.ask("Можно ли заменить водительские права онлайн?", { now: NOW }));
    expect(ru.lang).toBe("ru");
    expect(ru.text).toContain("водительское удостоверение");
    expect(ru.quoted).toBeUndefined();
    expect(ru.sources[0]?.doc).toBe("licence");
    const kk = answer(kb.ask("Жүргізуші куәлігін онлайн ауыстыруға бола ма?", { now: NOW }));
    expect(kk.lang).toBe("kk");
    expect(kk.text).toContain("жүргізуші куәлігін");
    expect(kk.quoted).toBeUndefined();
  });

  it("reports what it indexed", () => {
    const report = base(LICENCE_PAIR).inspect("licence");
    expect(report?.languages).toEqual(["ru", "kk"]);
    expect(report?.passages).toBe(2);
    expect(report?.numbers.map((n) => n.text)).toContain("12 категорий");
    expect(base().inspect("licence")).toBeUndefined();
  });
});

describe("across languages", () => {
  it("reads Kazakh typed without Kazakh letters as Kazakh when the Kazakh texts know it folded", () => {
    const kb = base(VILLAGES_2019, VILLAGES_2025);
    expect(kb.detectLanguage("жумысты жургизеди", "ru")).toBe("kk");
    expect(kb.detectLanguage("работы ведет", "kk")).toBe("ru");
  });

  it("quotes a sentence that exists only in the other language, through the dictionary", () => {
    const kb = base(SATELLITE);
    const reply = answer(kb.ask("Қанша мектеп спутниктік интернет алады?", { now: NOW }));
    expect(reply.lang).toBe("kk");
    expect(reply.quoted).toBe("ru");
    expect(reply.text).toContain("40");
  });
});

describe("a subject named by the sentence before", () => {
  const FIVE_G: Document = {
    id: "five-g",
    texts: {
      ru: "Связь нового поколения\n\nОператоры успешно протестировали 5G в крупных городах. Коммерческий запуск запланирован на 2027 год.",
    },
    outlet: "Example.kz",
    date: "2026-01-10",
    kind: "added",
  };
  it("answers when-questions from the sentence that holds the date", () => {
    const reply = answer(base(FIVE_G, SATELLITE).ask("Когда будет 5G?", { now: NOW }));
    expect(reply.text).toContain("2027");
  });
  it("does not answer how-many questions that way", () => {
    expect(base(FIVE_G, SATELLITE).ask("Сколько стоит 5G?", { now: NOW }).kind).toBe("none");
  });
});

describe("freshness", () => {
  it("prefers the newer source that answers the same question, dates an old fact", () => {
    const both = answer(
      base(VILLAGES_2019, VILLAGES_2025).ask("Сколько сёл подключат в Павлодарской области?", { now: NOW }),
    );
    expect(both.sources[0]?.doc).toBe("villages-2025");
    const old = answer(
      base(VILLAGES_2019).ask("Сколько сёл подключат в Павлодарской области?", { now: NOW }),
    );
    expect(old.text).toContain("120");
    expect(old.asOf).toBe(2019);
  });

  it("reads 'this year' in a text as the text's year and in a question as now's", () => {
    const kb = base(VILLAGES_2019);
    expect(answer(kb.ask("Сколько сёл подключат в 2019 году?", { now: NOW })).text).toMatch(/в 2019 году/i);
    expect(kb.ask("Сколько сёл подключат в этом году?", { now: NOW }).kind).toBe("none");
  });
});

describe("honest abstention", () => {
  it("requires a year, a place and a name the question gives", () => {
    const kb = base(VILLAGES_2019, SATELLITE);
    expect(kb.ask("Сколько сёл подключат в 2023 году?", { now: NOW }).kind).toBe("none");
    expect(kb.ask("Сколько сёл подключат в Карагандинской области?", { now: NOW }).kind).toBe("none");
    expect(kb.ask("Сколько школ получат спутниковый интернет Starlink?", { now: NOW }).kind).toBe("none");
  });

  it("gives the reason: off topic, a state service, a complaint", () => {
    const kb = base(VILLAGES_2019, LICENCE_PAIR);
    const reason = (q: string) => {
      const r = kb.ask(q, { now: NOW });
      return r.kind === "none" ? r.reason : r.kind;
    };
    expect(reason("Какая погода завтра?")).toBe("off-topic");
    expect(reason("Как оформить пенсию?")).toBe("state-service");
    expect(reason("у нас в ауле интернет не работает")).toBe("complaint");
    expect(reason("ауылда интернет жоқ, нашар")).toBe("complaint");
  });

  it("offers suggestions that are answered", () => {
    const kb = base(VILLAGES_2019, LICENCE_PAIR, SATELLITE);
    const refusal = kb.ask("Какая погода завтра?", { now: NOW });
    if (refusal.kind !== "none") throw new Error("expected a refusal");
    expect(refusal.suggestions.length).toBeGreaterThanOrEqual(2);
    for (const s of refusal.suggestions) expect(kb.ask(s, { now: NOW }).kind).toBe("answer");
  });

  it("keeps its answers when an unrelated document is added", () => {
    const questions = [
      "Сколько школ получат спутниковый интернет?",
      "Какая погода завтра?",
      "Сколько сёл подключат?",
    ];
    const before = base(VILLAGES_2019, SATELLITE);
    const after = base(VILLAGES_2019, SATELLITE, LICENCE_PAIR);
    for (const q of questions) {
      const a = before.ask(q, { now: NOW });
      const b = after.ask(q, { now: NOW });
      expect({ q, kind: b.kind, text: b.kind === "answer" ? b.text : "" }).toEqual({
        q,
        kind: a.kind,
        text: a.kind === "answer" ? a.text : "",
      });
    }
  });
});

describe("documents at run time", () => {
  it("replaces a document with the same id", () => {
    const kb = base(SATELLITE);
    kb.addDocument({
      ...SATELLITE,
      texts: { ru: "Спутниковый интернет получат 55 сельских школ к концу года." },
    });
    expect(answer(kb.ask("Сколько школ получат спутниковый интернет?", { now: NOW })).text).toContain("55");
  });

  it("answers an announcement and cites it as the bot's own", () => {
    const kb = base(VILLAGES_2019);
    kb.addAnnouncement({
      id: "a1",
      topic: "villages",
      date: "2026-05-20T10:00:00Z",
      ru: "В Павлодарской области к оптике подключат ещё 80 сёл.",
      kk: "Павлодар облысында оптикаға тағы 80 ауыл қосылады.",
    });
    const reply = answer(kb.ask("Сколько сёл подключат в Павлодарской области?", { now: NOW }));
    expect(reply.sources[0]).toMatchObject({ doc: "announcement:a1", date: "2026-05-20" });
    // Cited as the bot's own announcement, its date as people read dates everywhere in the bot.
    const t = (_lang: string, key: string, vars?: Record<string, string | number>) =>
      `${key}${vars ? JSON.stringify(vars) : ""}`;
    const { text } = answerMessage(kb, "Сколько сёл подключат в Павлодарской области?", t, "ru");
    expect(text).toContain('ask-source-announcement{"outlet":');
    expect(text).toContain('"date":"20.05.2026"');
  });

  it("notes a renamed place", () => {
    const kb = base({
      id: "t",
      texts: { ru: "В Нур-Султане открыли 3 новые школы." },
      outlet: "E",
      date: "2021",
      kind: "seed",
    });
    const reply = answer(kb.ask("Сколько школ открыли в Астане?", { now: NOW }));
    expect(reply.renamed).toEqual([{ old: "Нур-Султан", new: "Астана", since: "2022" }]);
  });

  it("notes no rename of a name given back later, nor of a short stem another word shares", () => {
    const aliases = parseAliases(
      [
        "old\tnew\tsince\tlang",
        "Астана\tНур-Султан\t2019-03-23\tru",
        "Нур-Султан\tАстана\t2022-09-17\tru",
        "Жетіген\tАлатау\t2024-01-09\tkk",
      ].join("\n"),
    );
    const kb = new KnowledgeBase({ ...DICTIONARY, aliases }, []);
    kb.addDocument({
      id: "t",
      texts: {
        ru: "В Астане открыли 3 новые школы.",
        kk: "Мектептер саны биыл 40-қа жетті деп хабарлады министрлік.",
      },
      outlet: "E",
      date: "2025",
      kind: "seed",
    });
    expect(answer(kb.ask("Сколько школ открыли в Астане?", { now: NOW })).renamed).toBeUndefined();
    expect(answer(kb.ask("Мектептер саны қаншаға жетті?", { now: NOW })).renamed).toBeUndefined();
  });
});

describe("how a question is read", () => {
  it("reads the sentences before the asking one as the asker's situation, not as what must match", () => {
    const kb = base(SATELLITE);
    const told = "Я учитель из Карагандинской области. Сколько школ получат спутниковый интернет?";
    expect(answer(kb.ask(told, { now: NOW })).text).toContain("40");
    const asked = "Сколько школ в Карагандинской области получат спутниковый интернет?";
    expect(kb.ask(asked, { now: NOW }).kind).toBe("none");
  });

  it("weighs what the asker would do without ('без похода в ЦОН', 'не выходя', 'бармай') as the situation", () => {
    const kb = base(LICENCE_PAIR);
    for (const q of [
      "С какого месяца права можно заменить онлайн, без похода в спецЦОН?",
      "С какого месяца права можно заменить онлайн, не выходя из квартиры?",
      "Қай айдан бастап куәлікті спецХҚКО-ға бармай онлайн ауыстыруға болады?",
    ])
      expect(answer(kb.ask(q, { now: NOW })).text).toMatch(/апрел|Сәуір/u);
    const weightOf = (q: string, word: string) =>
      kb.explain(q, NOW).query.terms.find((t) => t.surface === word)?.weight ?? 0;
    const without = weightOf("Можно ли заменить права без похода в спецЦОН?", "спеццон");
    expect(without).toBeLessThan(weightOf("Можно ли заменить права в спецЦОН?", "спеццон") / 5);
    // a verb in -ся after "не" is no gerund: what follows is asked
    const verb = weightOf("Почему не получается заменить права в спецЦОН?", "спеццон");
    expect(verb).toBe(weightOf("Можно ли заменить права в спецЦОН?", "спеццон"));
  });

  it("answers a purpose question ('зачем') with the sentence stating a purpose ('в целях')", () => {
    const kb = new KnowledgeBase({ pairs: [], places: [], aliases: [] }, []);
    kb.addDocument(
      added(
        "purpose",
        "Подпись онлайн\n\nС августа подпись выдают только онлайн через портал и проверку лица пользователя. Новый порядок подписи введён в целях защиты личных данных граждан от мошенников.",
      ),
    );
    expect(kb.explain("Зачем подпись выдают онлайн?", NOW).query.asked.has("purpose")).toBe(true);
    expect(answer(kb.ask("Зачем ввели порядок подписи?", { now: NOW })).text).toContain("в целях");
  });

  it("weighs an unknown word after the negation 'не' as a predicate, not as what is asked", () => {
    const kb = base(LICENCE_PAIR);
    const weightOf = (q: string, word: string) =>
      kb.explain(q, NOW).query.terms.find((t) => t.surface === word)?.weight ?? 0;
    const negated = weightOf("Если права не сработала, куда идти?", "сработала");
    expect(negated).toBeLessThan(weightOf("Если права сработала, куда идти?", "сработала") / 5);
    // before a Kazakh verb form typed without Kazakh letters "не" is the Kazakh "what"
    expect(weightOf("права не истейди", "истейди")).toBe(weightOf("права истейди", "истейди"));
  });

  it("weighs the sentence before the question as a lead-in when a pronoun of the question stands for it", () => {
    const kb = base(LICENCE_PAIR);
    const weightOf = (q: string) =>
      kb.explain(q, NOW).query.terms.find((t) => t.surface === "права")?.weight ?? 0;
    const pointed = weightOf("Я водитель. Права просрочились. Можно ли их заменить онлайн?");
    expect(pointed).toBeCloseTo(weightOf("Права заменить онлайн?") * POLICY.leadInWeight);
    expect(weightOf("Права просрочились. Я водитель. Можно ли их заменить онлайн?")).toBeLessThan(
      pointed / 5,
    );
    expect(weightOf("Права просрочились. Можно ли заменить онлайн?")).toBeLessThan(pointed / 5);
  });

  it("reads the one word a demonstrative opening the message points with as the situation, and declines when nothing else is named", () => {
    const kb = base(LICENCE_PAIR);
    const weightOf = (q: string) =>
      kb.explain(q, NOW).query.terms.find((t) => t.surface === "услуга")?.weight ?? 0;
    // nothing before "эта" names the service it points at: "услуга" names only its kind
    expect(weightOf("Эта услуга охватывает сколько категорий?")).toBeLessThan(
      weightOf("Услуга охватывает сколько категорий?") / 5,
    );
    expect(kb.ask("Услуга охватывает сколько категорий?", { now: NOW }).kind).toBe("answer");
    expect(kb.ask("Эта услуга где?", { now: NOW }).kind).toBe("none");
    // a longer name after the demonstrative names its thing itself
    expect(
      answer(kb.ask("Эта услуга замены прав охватывает сколько категорий?", { now: NOW })).text,
    ).toContain("12");
  });

  it("answers 'which ministry / operator' only with a sentence naming a body, not the outlet of the byline", () => {
    const byline = added(
      "byline",
      "Сёла и оптика\n\nОператор связи подключит к оптике 50 сёл в этом году, сообщает Example.kz.",
    );
    expect(base(byline).ask("Какой оператор подключит сёла к оптике?", { now: NOW }).kind).toBe("none");
    const named = added(
      "named",
      "Сёла и оптика\n\nОператор связи Казахтелеком подключит к оптике 50 сёл в этом году, сообщает Example.kz.",
    );
    expect(answer(base(named).ask("Какой оператор подключит сёла к оптике?", { now: NOW })).text).toContain(
      "Казахтелеком",
    );
    // a place is no body
    const placed = added(
      "placed",
      "Сёла и оптика\n\nОператор связи подключит к оптике 50 сёл, в том числе Астана, в этом году.",
    );
    expect(base(placed).ask("Какой оператор подключит сёла к оптике?", { now: NOW }).kind).toBe("none");
  });

  it("reads the day of a date as no count: 'сколько' is not answered by '11 августа'", () => {
    const q = "Сколько дней электронную подпись выдают онлайн?";
    const dated = added("dated", "Подпись онлайн\n\nС 11 августа электронную подпись выдают только онлайн.");
    expect(base(dated).ask(q, { now: NOW }).kind).toBe("none");
    const counted = added(
      "counted",
      "Подпись онлайн\n\nС 11 августа электронную подпись выдают онлайн за 2 дня.",
    );
    expect(answer(base(counted).ask(q, { now: NOW })).text).toContain("2 дня");
  });

  it("answers a figure asked for today only from a text of these days", () => {
    const kb = base(added("rate", "Курс доллара\n\nКурс доллара на бирже составил 500 тенге за доллар."));
    const q = "Сколько сегодня стоит доллар на бирже?";
    expect(kb.ask(q, { now: NOW }).kind).toBe("none");
    expect(answer(kb.ask(q, { now: new Date("2026-02-28T00:00:00Z") })).text).toContain("500");
    expect(answer(kb.ask("Сколько стоил доллар на бирже?", { now: NOW })).text).toContain("500");
  });

  it("requires a country the question names, like a region", () => {
    const kb = base(LICENCE_PAIR);
    expect(kb.ask("Можно ли заменить водительские права онлайн?", { now: NOW }).kind).toBe("answer");
    expect(kb.ask("Можно ли в России заменить водительские права онлайн?", { now: NOW }).kind).toBe("none");
    expect(kb.ask("Ресейде жүргізуші куәлігін онлайн ауыстыруға бола ма?", { now: NOW }).kind).toBe("none");
    // a Kazakh "-стан" name in a case form ("Қырғызстанда") is still the country
    expect(kb.ask("Қырғызстанда жүргізуші куәлігін онлайн ауыстыруға бола ма?", { now: NOW }).kind).toBe(
      "none",
    );
  });

  it("reads a number written in groups as an amount, even when its digits look like a year", () => {
    const hub = added(
      "hub",
      "Технопарк\n\nЧисло участников технопарка выросло до 2 000 компаний.",
      "2026-01-10",
    );
    const reply = answer(base(hub).ask("Сколько участников у технопарка?", { now: NOW }));
    expect(reply.text).toContain("2 000");
  });

  it("answers a question for a share only with a share", () => {
    const speed = added(
      "speed",
      "Скорость\n\nСкорость интернета в сёлах выросла до 20 мегабит.",
      "2025-01-10",
    );
    const q = "На сколько процентов выросла скорость интернета в сёлах?";
    expect(base(speed).ask("Насколько выросла скорость интернета в сёлах?", { now: NOW }).kind).toBe(
      "answer",
    );
    expect(base(speed).ask(q, { now: NOW }).kind).toBe("none");
    const share: Document = {
      ...speed,
      texts: { ru: "Скорость\n\nСкорость интернета в сёлах выросла на 15 процентов." },
    };
    expect(answer(base(share).ask(q, { now: NOW })).text).toContain("15 процентов");
  });

  it("counts a word that names the kind asked ('в каком месяце') as held by a sentence of that kind", () => {
    const kb = base(LICENCE_PAIR);
    expect(answer(kb.ask("В каком месяце права можно будет заменить онлайн?", { now: NOW })).text).toContain(
      "апреля",
    );
  });

  it("answers 'на каком сайте' with a sentence that names a site by its address, else not at all", () => {
    const keys = added(
      "keys",
      "Ключ онлайн\n\nЭлектронный ключ теперь выдают только на сайте, без визита в центр. Электронный ключ выдают на сайте pki.gov.kz после проверки лица.",
      "2025-08-06",
    );
    const q = "На каком сайте выдают электронный ключ?";
    expect(answer(base(keys).ask(q, { now: NOW })).text).toContain("pki.gov.kz");
    const none: Document = {
      ...keys,
      texts: { ru: "Ключ онлайн\n\nЭлектронный ключ теперь выдают только на сайте, без визита в центр." },
    };
    expect(base(none).ask(q, { now: NOW }).kind).toBe("none");
  });

  it("answers 'где получить' with a sentence naming an office to go to (ЦОН), as much a place as a town", () => {
    const office = added(
      "office",
      "Ключ онлайн\n\nЭлектронный ключ теперь выдают онлайн после проверки по фото. Если проверка по фото не прошла, за ключом нужно обратиться в ЦОН.",
      "2025-08-06",
    );
    const reply = base(office).ask("Где получить ключ, если проверка по фото не прошла?", { now: NOW });
    expect(answer(reply).text).toContain("ЦОН");
  });

  it("does not count the outlet's own address in a byline as a site", () => {
    const byline = added(
      "byline",
      "Ключ онлайн\n\nЭлектронный ключ теперь выдают только на сайте, сообщает Example.kz.",
      "2025-08-06",
    );
    expect(base(byline).ask("На каком сайте выдают электронный ключ?", { now: NOW }).kind).toBe("none");
  });

  it("answers a question asking a rare kind (a date) at heldKindThreshold when the sentence holds it", () => {
    const contract = added(
      "contract",
      "Договор\n\nДоговор с операторами связи о прокладке оптики подписали в октябре 2018 года. Операторы связи прокладывают оптику по сёлам.",
      "2025-03-01",
    );
    // no dictionary: the weights are the two texts' own
    const empty = { pairs: parsePairs("ru\tkk\tdomain"), places: [], aliases: [] };
    const kb = new KnowledgeBase(empty, []);
    kb.addDocument(contract);
    kb.addDocument({
      ...contract,
      id: "schools",
      texts: { ru: "Школы\n\nШколы в сёлах получают ноутбуки и планшеты. Учителя проходят курсы." },
    });
    // the same words, the same coverage (between heldKindThreshold and answerThreshold): only the date asked answers
    expect(answer(kb.ask("Когда подписали договор с операторами для района?", { now: NOW })).text).toContain(
      "2018",
    );
    expect(kb.ask("Подписали ли договор с операторами для района?", { now: NOW }).kind).toBe("none");
    expect(kb.ask("Где подписали договор с операторами для района?", { now: NOW }).kind).toBe("none");
  });

  it("answers 'какой интернет' with the sentence that qualifies the internet, not the lead that names it", () => {
    const trains = added(
      "trains",
      "Поезда\n\nВ поездах появится интернет, сообщил министр на брифинге. Интернет в поездах появится в первом полугодии. Пассажиры в поездах получат спутниковый интернет через год.",
      "2025-12-26",
    );
    expect(answer(base(trains).ask("Какой интернет будет в поездах?", { now: NOW })).text).toContain(
      "спутниковый",
    );
  });

  it("brings the list that the second sentence said announces", () => {
    const steps = added(
      "steps",
      "Ключ онлайн\n\nЭлектронный ключ теперь выдают только онлайн, без визита в центр. Чтобы получить электронный ключ онлайн, нужно сделать следующее:\n– зарегистрироваться на портале;\n– пройти проверку по лицу через веб-камеру.",
      "2025-08-06",
    );
    const reply = answer(base(steps).ask("Как работает электронный ключ онлайн?", { now: NOW }));
    expect(reply.text).toContain("пройти проверку по лицу");
  });

  it("counts 'қандай технология арқылы' as held by a sentence that qualifies the word it is asked of", () => {
    const trains = added(
      "trains-kk",
      {
        kk: "Пойыз\n\nПойыздарда интернет пайда болады, деп мәлімдеді министр брифингте. Пойыз жолаушылары келесі жылы спутниктік интернетке қол жеткізеді.",
      },
      "2025-12-26",
    );
    const schools = added(
      "schools-kk",
      { kk: "Мектеп\n\nЖаңа технология мектептерге енгізіледі, деп хабарлады министрлік." },
      "2025-12-20",
    );
    const reply = base(trains, schools).ask("Пойыздағы интернет қандай технология арқылы беріледі?", {
      now: NOW,
    });
    expect(answer(reply).text).toContain("спутниктік");
  });

  it("never takes a word of the situation told around the question as its key", () => {
    const kb = base(LICENCE_PAIR, VILLAGES_2019);
    const q = "Я живу в селе под Павлодаром, школа далеко. Подскажите, на каком сайте это сделать?";
    const key = kb.explain(q, NOW).query.key;
    expect(key === undefined || !["селе", "павлодаром", "школа"].includes(key.surface)).toBe(true);
  });

  it("reads a Latin name written in Cyrillic as the name ('КазТех' is QazTech, 'ch' said as 'х')", () => {
    const platform = added(
      "platform",
      "Платформа\n\nГосорганы переходят на платформу электронного правительства QazTech.",
      "2026-01-03",
    );
    expect(answer(base(platform).ask("Куда переходят госорганы, на КазТех?", { now: NOW })).text).toContain(
      "QazTech",
    );
  });

  it("answers with the list a sentence announces", () => {
    const steps = added(
      "steps",
      "Ключ онлайн\n\nЧтобы получить электронный ключ онлайн, нужно сделать следующее:\n– зарегистрироваться на портале;\n– пройти проверку по лицу через веб-камеру.",
      "2025-08-06",
    );
    const reply = answer(base(steps).ask("Как получить электронный ключ онлайн?", { now: NOW }));
    expect(reply.text).toContain("зарегистрироваться на портале;\n– пройти проверку по лицу");
  });

  it("takes what is asked about as the key, not the place that narrows it", () => {
    const speed = added(
      "speed-karaganda",
      "Скорость\n\nСкорость мобильного интернета в Карагандинской области выросла вдвое за год.",
      "2024-02-01",
    );
    const kb = base(VILLAGES_2019, speed);
    expect(kb.ask("Какая скорость у интернета в Павлодарской области?", { now: NOW }).kind).toBe("none");
    expect(kb.ask("Сколько сёл подключат в Павлодарской области?", { now: NOW }).kind).toBe("answer");
  });

  it("does not answer 'when' with the day of the news, and 'which month' only with a month", () => {
    const planes = added(
      "planes",
      "Интернет в самолётах\n\nМинистр 26 декабря 2025 года рассказал о планах запустить интернет в самолётах. Примерно с октября 2026 года в самолётах появится спутниковый интернет.",
      "2025-12-26",
    );
    const kb = base(planes);
    expect(answer(kb.ask("Когда в самолётах появится интернет?", { now: NOW })).text).toContain(
      "октября 2026",
    );
    expect(answer(kb.ask("С какого месяца в самолётах будет интернет?", { now: NOW })).text).toContain(
      "октября",
    );
    expect(
      answer(kb.ask("Когда министр рассказал о планах запустить интернет в самолётах?", { now: NOW })).text,
    ).toContain("26 декабря 2025");
    const dayOnly: Document = {
      ...planes,
      texts: {
        ru: "Интернет\n\nМинистр 26 декабря 2025 года рассказал о планах запустить интернет в самолётах в 2026 году.",
      },
    };
    expect(base(dayOnly).ask("С какого месяца в самолётах будет интернет?", { now: NOW }).kind).toBe("none");
  });

  it("reads 'во сколько раз' as a ratio and a wage merely named as no price asked", () => {
    const wages = added(
      "wages",
      "Зарплаты\n\nЗарплаты айтишников в два раза выше средней зарплаты по стране.",
      "2026-01-20",
    );
    const kb = base(wages);
    expect(answer(kb.ask("Во сколько раз зарплаты айтишников выше средней?", { now: NOW })).text).toContain(
      "в два раза",
    );
    expect(
      answer(kb.ask("Правда, что зарплаты айтишников выше средней зарплаты?", { now: NOW })).text,
    ).toContain("в два раза");
    expect(kb.ask("Какая средняя зарплата айтишников?", { now: NOW }).kind).toBe("none");
  });

  it("matches a word both languages share without a dictionary entry ('стратегиясы' / 'стратегий')", () => {
    const maps = added(
      "maps",
      "Стратегии\n\nПравительство утвердило 19 стратегий цифрового развития регионов.",
      "2025-09-09",
    );
    // the Kazakh texts know the word too, so it is not read as an unknown Russian word
    const talk = added(
      "talk",
      { kk: "Кездесу\n\nАуыл тұрғындары жаңа стратегия туралы мектепте кездесті." },
      "2025-10-01",
    );
    const reply = answer(base(maps, talk).ask("Неше стратегия бекітілді?", { now: NOW }));
    expect(reply.lang).toBe("kk");
    expect(reply.text).toContain("19");
  });

  it("does not answer a question of two known words from a passage that shares only the rarer one", () => {
    const roads = added(
      "roads",
      "Ремонт\n\nНа ремонт дорог выделены деньги: 500 миллионов тенге.\n\nРаботы начнутся весной в трёх районах.\n\nПодрядчик уже выбран по конкурсу.",
      "2025-01-01",
    );
    const it = added(
      "it",
      "Отрасль\n\nКомпании IT открывают новые офисы в регионах.\n\nВ IT работают молодые специалисты из сёл.\n\nIT привлекает студентов колледжей.\n\nIT растёт быстрее торговли.\n\nСтуденты колледжей проходят практику летом.\n\nОфисы в регионах открываются каждый месяц.\n\nМолодые специалисты получают гранты на обучение.",
      "2025-01-01",
    );
    const kb = new KnowledgeBase({ pairs: [], places: [], aliases: [] }, []);
    kb.addDocument(roads);
    kb.addDocument(it);
    expect(kb.ask("Сколько денег у IT?", { now: NOW }).kind).toBe("none");
    expect(answer(kb.ask("Сколько денег выделено на ремонт дорог?", { now: NOW })).text).toContain("500");
  });

  it("gives a Kazakh past tense the keys of the verbal noun the dictionary lists ('өсті' -> 'өсу')", () => {
    const lexicon = new Lexicon({
      pairs: parsePairs("ru\tkk\tdomain\nвырасти|вырос\tөсу\taction"),
      places: [],
      aliases: [],
    });
    const growKey = lexicon.match("kk", [stemOf("өсу", "kk")], 0)[0]?.key;
    expect(growKey).toBeDefined();
    const query = readQuestion("Трафик қаншаға өсті?", "kk", 2026, {
      lexicon,
      vocabulary: new Vocabulary(),
      policy: POLICY,
    });
    expect(query.terms.find((t) => t.surface === "өсті")?.alts).toContain(growKey);
  });

  it("reads a Kazakh compound written as one word as the words the dictionary has ('құқықбұзушылық')", () => {
    const pairs =
      "ru\tkk\tdomain\nправонарушение\tқұқық бұзушылық\tgov\nгород\tқала\tplace\nбаян\tбаян\tgeneral";
    const kb = new KnowledgeBase({ pairs: parsePairs(pairs), places: [], aliases: [] }, []);
    kb.addDocument(
      added("crime", "Город\n\nЧисло правонарушений в городе снизилось на 20 процентов за год."),
    );
    const terms = (q: string) => kb.explain(q, NOW).query.terms.map((t) => t.surface);
    expect(terms("Қалада құқықбұзушылық қаншаға азайды?")).toContain("құқық бұзушылық");
    expect(answer(kb.ask("Қалада құқықбұзушылық қаншаға азайды?", { now: NOW })).text).toContain("20");
    // a word the dictionary knows only by a part's family is left whole ("баяндама" is not "баян дама")
    expect(terms("Баяндама қашан?")).toContain("баяндама");
  });

  it("reads an unknown word the dictionary knows only as a verb as a verb ('заработал', 'ашу')", () => {
    const pairs =
      "ru\tkk\tdomain\nзаработать\tтабыс табу\taction\nобласть\tоблыс\tplace\nоператор\tоператор\ttelecom\nоткрыть|создать\tашу\taction";
    const kb = new KnowledgeBase({ pairs: parsePairs(pairs), places: [], aliases: [] }, []);
    kb.addDocument(
      added("market", "Рынок\n\nОператор связи в 2025 году получил 300 миллиардов тенге выручки."),
    );
    kb.addDocument(added("other", "Связь\n\nОператор связи строит вышки в сёлах и городах страны."));
    // no text holds "заработал": as a noun it would outweigh the rest of the question
    expect(answer(kb.ask("Сколько заработал оператор связи в 2025 году?", { now: NOW })).text).toContain(
      "300",
    );
    const lexicon = new Lexicon({ pairs: parsePairs(pairs), places: [], aliases: [] });
    const weightOf = (q: string, surface: string) =>
      readQuestion(q, "ru", 2026, { lexicon, vocabulary: new Vocabulary(), policy: POLICY }).terms.find(
        (t) => t.surface === surface,
      )?.weight ?? 0;
    // a noun in -ть ("область") stays a noun: it names what is asked about
    // a Kazakh word of a row whose Russian lemmas are all verbs is a verb too
    const kk = (q: string, surface: string) =>
      readQuestion(q, "kk", 2026, { lexicon, vocabulary: new Vocabulary(), policy: POLICY }).terms.find(
        (t) => t.surface === surface,
      )?.weight ?? 0;
    expect(kk("Оператор ашу жоспарланған ба?", "ашу")).toBeLessThan(kk("Облыстар қанша?", "облыстар") / 2);
    expect(weightOf("Что заработал оператор?", "заработал")).toBeLessThan(
      weightOf("Какие области?", "области") / 2,
    );
  });

  it("reads what is asked from the asking sentences, not from the situation told around them", () => {
    expect(askingText("Я студент. Сколько стоит тариф? Нужно для курсовой.")).toBe("Сколько стоит тариф?");
    expect(askingText("Когда запустят 5G")).toBe("Когда запустят 5G");
    const kb = base(LICENCE_PAIR);
    const asked = (q: string) => [...kb.explain(q).query.asked];
    // a price named in the situation asks no price of the answer
    expect(
      asked("Когда можно заменить водительское удостоверение онлайн? Сколько стоит бензин, не спрашиваю."),
    ).toEqual(["date"]);
    expect(asked("Сколько стоит заменить водительское удостоверение онлайн?")).toContain("money");
  });

  it("answers from a headline that states the fact asked when no sentence does, and only then", () => {
    const trains = added(
      "trains",
      "Интернет в поездах запустят в марте 2026 года\n\nОб этом сообщил министр на брифинге в столице.\n\nОператоры уже тестируют спутниковую связь в вагонах.",
    );
    const kb = base(trains);
    const when = answer(kb.ask("Когда запустят интернет в поездах?", { now: NOW }));
    expect(when.text).toContain("в марте 2026 года");
    expect(when.sources[0]?.doc).toBe("trains");
    // a headline tells what happened, not why or how: a question asking no kind is not answered by it
    expect(kb.ask("Зачем запустят интернет в поездах?", { now: NOW }).kind).toBe("none");
    // a sentence that answers wins over the headline
    expect(answer(kb.ask("Кто тестирует спутниковую связь в вагонах?", { now: NOW })).text).toContain(
      "Операторы",
    );
    // a headline that asks is no answer
    const asking = added(
      "asking",
      "Когда запустят интернет в самолётах\n\nМинистр рассказал о планах по запуску интернета в самолётах.\n\nОператоры уже тестируют связь на бортах.",
    );
    expect(base(asking).ask("Когда запустят интернет в самолётах?", { now: NOW }).kind).toBe("none");
  });

  it("lets a sentence naming a known place stand for the 'какие города' a question asks", () => {
    const leaders = added(
      "leaders",
      "Умный город\n\nЛидерами рейтинга умных технологий стали Астана и Павлодар.\n\nРейтинг составили эксперты отрасли в прошлом году.",
    );
    const question = "Какие города стали лидерами рейтинга умных технологий?";
    expect(answer(base(leaders).ask(question, { now: NOW })).text).toContain("Астана и Павлодар");
    // a capitalised word that is no known place does not stand for a city
    const firms = added(
      "firms",
      "Умный город\n\nЛидерами рейтинга умных технологий стали компании Альфа и Бета.\n\nРейтинг составили эксперты отрасли в прошлом году.",
    );
    const coverage = (kb: KnowledgeBase) => kb.explain(question, NOW).candidates[0]?.coverage ?? 0;
    expect(coverage(base(leaders))).toBeGreaterThan(coverage(base(firms)));
  });

  it("reads a Russian word the dictionary writes as an infinitive inside a phrase as a verb ('пройти')", () => {
    const lexicon = new Lexicon({
      pairs: parsePairs("ru\tkk\tdomain\nпройти проверку\tтексеруден өту\taction\nпроверка\tтексеру\tgov"),
      places: [],
      aliases: [],
    });
    const weight = (q: string, surface: string) =>
      readQuestion(q, "ru", 2026, { lexicon, vocabulary: new Vocabulary(), policy: POLICY }).terms.find(
        (t) => t.surface === surface,
      )?.weight ?? 0;
    expect(weight("Что нужно пройти?", "пройти")).toBeLessThan(weight("Что за справка?", "справка") / 2);
  });

  it("prefers, of two passages that answer alike, the one in the question's language to a quote", () => {
    const pair = added(
      "pair",
      {
        ru: "Замена\n\nСервис работает с апреля по всей стране. При замене водительского удостоверения онлайн нужен медосмотр. Услуга бесплатная для всех граждан.",
        kk: "Ауыстыру\n\nЖүргізуші куәлігін онлайн ауыстыру кезінде медосмотр керек болады.",
      },
      "2026-02-26",
    );
    const kb = base(pair);
    // both sentences hold every word; the Kazakh one comes first in its text (positionBonus)
    const ru = answer(
      kb.ask("Что с медосмотром при замене водительского удостоверения онлайн?", { now: NOW }),
    );
    expect(ru.quoted).toBeUndefined();
    expect(ru.text).toContain("нужен медосмотр");
  });

  it("reads the words either side of 'или' as alternatives: a passage holding one answers", () => {
    const trains = added(
      "trains-sat",
      "Поезда\n\nВ поездах пассажиры получат спутниковый интернет.\n\nВагоны обновят к лету на всех маршрутах.",
    );
    const kb = base(trains);
    // no text knows "телевизор": alone it outweighs the question
    expect(
      answer(kb.ask("Что будет у пассажиров в поездах — телевизор или интернет?", { now: NOW })).text,
    ).toContain("спутниковый интернет");
    expect(kb.ask("Будет ли у пассажиров в поездах телевизор?", { now: NOW }).kind).toBe("none");
    // words far apart are no alternatives
    const query = kb.explain("Интернет в поездах или у меня в машине тоже будет?", NOW).query;
    expect(query.terms.map((t) => t.surface)).not.toContain("поездах машине");
  });

  it("counts a dictionary phrase of three words matched whole as more than one word shared", () => {
    const lexicon = {
      pairs: parsePairs(
        "ru\tkk\tdomain\nкарта цифровой трансформации\tцифрлық трансформация картасы\tdigital",
      ),
      places: [],
      aliases: [],
    };
    const kb = new KnowledgeBase(lexicon, []);
    kb.addDocument(
      added("maps", "Карты\n\nСовместно с министерствами сформированы 19 карт цифровой трансформации."),
    );
    const plan = added(
      "plan",
      { kk: "Жоба\n\nАуыл мектептеріне арналған жаңа жоба әзірленді және бекітілді." },
      "2026-01-10",
    );
    kb.addDocument(plan);
    // "әзірленді" is known but not in the answer: the phrase alone is shared, yet it is three words
    expect(answer(kb.ask("Цифрлық трансформацияның қанша картасы әзірленді?", { now: NOW })).text).toContain(
      "19",
    );
  });

  it("lets a headline answer instead of the sentences only when it answers clearly better", () => {
    const scored = (rank: number) => ({ rank }) as unknown as Scored;
    const sentence = scored(0.68);
    const close = scored(0.7);
    const clear = scored(0.8);
    expect(withHeadlines([sentence], [close], POLICY)).toEqual([sentence]);
    expect(withHeadlines([sentence], [clear], POLICY)).toEqual([clear]);
    expect(withHeadlines([], [close], POLICY)).toEqual([close]);
    expect(withHeadlines([sentence], [], POLICY)).toEqual([sentence]);
  });

  it("lets a sentence holding a ratio stand for the 'раз' of 'во сколько раз'", () => {
    const wages = added(
      "wages",
      "Зарплаты\n\nЗарплата айтишников вдвое выше средней по стране.\n\nСпециалистов не хватает во всех регионах.",
    );
    const reply = answer(base(wages).ask("Во сколько раз зарплата айтишников выше средней?", { now: NOW }));
    expect(reply.text).toContain("вдвое");
  });

  it("keeps a quoted source sentence one quotation when it has quotes of its own", () => {
    const zone: Document = {
      id: "zone",
      texts: { ru: "Поездка\n\nМинистр посетил 40 сельских школ и экономическую зону «Павлодар»." },
      outlet: "Example.kz",
      date: "2024-06-01",
      kind: "seed",
    };
    const t = (_lang: string, key: string, vars?: Record<string, string | number>) =>
      `${key}${vars ? JSON.stringify(vars) : ""}`;
    const { reply, text } = answerMessage(base(zone), "Министр неше мектепке барды?", t, "kk");
    expect(reply.kind).toBe("answer");
    expect(text).toContain("„Павлодар“");
    expect(text).not.toContain("«Павлодар»");
  });

  it("splits a message into situation, lead-in questions and the question asked last", () => {
    const none = Number.POSITIVE_INFINITY;
    expect(partsOf("Сколько школ получат интернет?")).toEqual({ asking: 0, main: 0, after: none });
    expect(partsOf("Я учитель из села. Правда, что проведут интернет? Сколько школ его получат?")).toEqual({
      asking: 4,
      main: 8,
      after: none,
    });
    expect(partsOf("Когда будет интернет? Часто езжу, без связи тяжко.")).toEqual({
      asking: 0,
      main: 0,
      after: 3,
    });
    expect(partsOf("Интернет в сёлах когда")).toEqual({ asking: 0, main: 0, after: none });
    // no sentence ends with "?": the last one that asks for a kind of answer is the asking one
    expect(partsOf("я учитель из села. сколько школ получат интернет. спасибо")).toEqual({
      asking: 4,
      main: 4,
      after: 8,
    });
    expect(askingText("я учитель из села. сколько школ получат интернет")).toBe(
      "сколько школ получат интернет",
    );
    expect(partsOf("я учитель из села. интернет плохой")).toEqual({ asking: 0, main: 0, after: none });
  });

  it("does not let a common word stand in for the question's key", () => {
    const places = [
      "сёлах",
      "школах",
      "больницах",
      "автобусах",
      "библиотеках",
      "музеях",
      "парках",
      "вокзалах",
    ];
    const sentences = [
      "Министр провёл брифинг для журналистов.",
      ...places.map((p) => `Интернет в ${p} подключат к 2027 году.`),
      "Интернет в поездах и самолётах появится в 2026 году.",
    ];
    const travel: Document = {
      id: "travel",
      texts: { ru: `Связь\n\n${sentences.join("\n\n")}` },
      outlet: "Example.kz",
      date: "2025-12-26",
      kind: "added",
    };
    const lab = added("lab", "Испытания\n\nНовая технология связи испытана в лаборатории.", "2025-11-01");
    const kb = new KnowledgeBase({ pairs: [], places: [], aliases: [] }, []);
    kb.addDocument(travel);
    kb.addDocument(lab);
    // "интернет" is in most sentences: with "поездах" and "самолётах" it is not three words that stand for "технология"
    expect(kb.ask("Какая технология даст интернет в поездах и самолётах?", { now: NOW }).kind).toBe("none");
    expect(answer(kb.ask("Когда появится интернет в поездах и самолётах?", { now: NOW })).text).toContain(
      "2026",
    );
  });

  it("puts a sentence that opens with 'олардың / из них' after the one it refers to", () => {
    const hub = added(
      "hub-share",
      {
        kk: "Технопарк\n\nТехнопарк астанада бес жыл бұрын ашылды. Технопарк қатысушыларының саны 2 000-ға жетті. Олардың ішінде 25 пайызы шетелдік компаниялар.",
      },
      "2026-01-10",
    );
    const reply = answer(base(hub).ask("Шетелдік компаниялардың үлесі қанша?", { now: NOW }));
    expect(reply.text).toContain("саны 2 000-ға жетті. Олардың ішінде 25 пайызы");
  });

  it("prefers the sentence with the word that sets it apart over the ones that retell the subject", () => {
    const licence = added(
      "licence-categories",
      "Права онлайн\n\nС апреля просроченные водительские права можно заменить онлайн через портал. Замена просроченных прав онлайн займёт несколько минут. Нововведение распространяется на все категории.",
    );
    // other documents, so that the licence's subject words are rare in the corpus, as in a real one
    const others = [0, 1, 2, 3, 4, 5].map((i) =>
      added(
        `villages-${i}`,
        `Сёла ${i}\n\nВ районе ${i} к оптике подключат ${10 + i} сёл. Работы ведёт оператор связи. Абоненты довольны.`,
      ),
    );
    const reply = answer(
      base(licence, ...others).ask("Онлайн-замена просроченных прав касается только категории B?", {
        now: NOW,
      }),
    );
    expect(reply.text).toContain("все категории");
  });

  it("says a second sentence of the same document when it answers nearly as well", () => {
    const licence = added(
      "licence-two",
      "Права\n\nС апреля водительские права можно заменить онлайн. Онлайн-замена водительских прав доступна для всех категорий.\n\nВ ЦОНах стало меньше очередей.",
    );
    const reply = answer(base(licence).ask("Можно ли заменить водительские права онлайн?", { now: NOW }));
    expect(reply.text).toBe(
      "С апреля водительские права можно заменить онлайн. Онлайн-замена водительских прав доступна для всех категорий.",
    );
  });
  it("says the next sentence too when the chosen one names the subject and that one holds its figure", () => {
    const report = added(
      "inequality-report",
      "Отчёт министра\n\nМинистр отчитался об устранении цифрового неравенства в сёлах. В 2025 году качество связи улучшили в 628 сёлах. Абоненты довольны работой операторов.",
    );
    const others = [0, 1, 2].map((i) =>
      added(
        `schools-${i}`,
        `Школы ${i}\n\nВ районе ${i} открыли новую школу. Ученики довольны. Учителя тоже рады.`,
      ),
    );
    const reply = answer(
      base(report, ...others).ask("Что сделано по устранению цифрового неравенства?", { now: NOW }),
    );
    expect(reply.text).toBe(
      "Министр отчитался об устранении цифрового неравенства в сёлах. В 2025 году качество связи улучшили в 628 сёлах.",
    );
    // a chosen sentence that holds a figure itself is said alone
    const figures = added(
      "inequality-figures",
      "Итоги\n\nЦифровое неравенство сократили в 628 сёлах. В 2025 году работы продолжат в 140 сёлах.",
    );
    const alone = answer(
      base(figures, ...others).ask("В скольких сёлах сократили цифровое неравенство?", { now: NOW }),
    );
    expect(alone.text).toBe("Цифровое неравенство сократили в 628 сёлах.");
  });
  it("reads the rest of a phrase no text holds again, so a shorter phrase inside it still matches", () => {
    const pairs = [
      "ru\tkk\tdomain",
      "государственный орган|госорган\tмемлекеттік орган\tgov",
      "центральный государственный орган\tорталық мемлекеттік орган\tgov",
      "карта\tкарта\tgeneral",
      "сформировать\tәзірлеу\taction",
    ].join("\n");
    const kb = new KnowledgeBase({ pairs: parsePairs(pairs), places: [], aliases: [] }, []);
    kb.addDocument(
      added("maps", "Карты\n\nСовместно с госорганами сформированы 19 карт развития. Работа продолжится."),
    );
    // "орталық мемлекеттік органдармен": the three-word phrase is in no text, "мемлекеттік орган" is
    const reply = answer(kb.ask("Орталық мемлекеттік органдармен бірге неше карта әзірленді?", { now: NOW }));
    expect(reply.text).toContain("19 карт");
  });
  it("weighs in full an adjective no text holds but the dictionary knows: the question is about something else", () => {
    const pairs = ["ru\tkk\tdomain", "рейтинг\tрейтинг\tgeneral", "пенсионный\tзейнетақылық\tmoney"].join(
      "\n",
    );
    const kb = new KnowledgeBase({ pairs: parsePairs(pairs), places: [], aliases: [] }, []);
    kb.addDocument(
      added(
        "rank",
        "Рейтинг\n\nВ рейтинге скорости мобильного интернета Казахстан занимает 80-е место. Работа продолжится.",
      ),
    );
    expect(kb.ask("На каком месте Казахстан в рейтинге скорости интернета?", { now: NOW }).kind).toBe(
      "answer",
    );
    expect(kb.ask("На каком месте Казахстан в рейтинге пенсионных систем?", { now: NOW }).kind).toBe("none");
    // an adjective the dictionary does not know either is a qualifier put otherwise: it weighs less
    expect(kb.ask("На каком месте Казахстан в рейтинге шустрого интернета?", { now: NOW }).kind).toBe(
      "answer",
    );
  });
  it("reads every case form of 'самый' (the superlative's auxiliary) as a function word", () => {
    const lexicon = new Lexicon(DICTIONARY);
    const surfaces = (q: string) =>
      readQuestion(q, "ru", 2026, { lexicon, vocabulary: new Vocabulary(), policy: POLICY }).terms.map(
        (t) => t.surface,
      );
    for (const form of ["самых", "самым", "самого", "самой", "самую"])
      expect(surfaces(`Сколько ${form} дальних сёл подключат?`)).not.toContain(form);
  });
  it("reads the modal forms 'нужна / нужен / нужны / нельзя' as function words, like 'нужно' and 'можно'", () => {
    const lexicon = new Lexicon(DICTIONARY);
    const surfaces = (q: string) =>
      readQuestion(q, "ru", 2026, { lexicon, vocabulary: new Vocabulary(), policy: POLICY }).terms.map(
        (t) => t.surface,
      );
    expect(surfaces("Нужна ли веб-камера для замены прав?")).not.toContain("нужна");
    expect(surfaces("С какого года нельзя подключать сёла?")).not.toContain("нельзя");
    expect(surfaces("Нужен ли оператор?")).toContain("оператор");
    // colloquial fillers and vague adverbs of a message say nothing about what is asked
    expect(surfaces("Похоже, скоро прямо в сёлах подключат интернет?")).toEqual(
      surfaces("В сёлах подключат интернет?"),
    );
  });
  it("takes the noun a Russian adjective qualifies as the question's key, not the adjective", () => {
    const kb = base(
      added("fast", "Связь\n\nИнтернет дойдёт до сёл. В 2019 году к быстрому интернету подключат 685 сёл."),
      added(
        "other",
        "Школы\n\nВ районе открыли новую школу. Интернет в школе работает. Интернет есть в сёлах.",
      ),
    );
    const { query } = kb.explain("Сколько сёл подключат к быстрому интернету?");
    expect(query.key?.surface).not.toBe("быстрому");
  });

  it("does not ask a quoted passage for a question word nothing translates into its language", () => {
    // "балалар" and "кітапхана" are known to the Kazakh texts, with no dictionary row and no
    // Russian form: a Russian-only sentence cannot hold them, whatever it says
    const KIDS = added(
      "kids",
      { kk: "Кітапхана\n\nАуылдағы балалар жаңа кітапхана алды. Балалар кітап оқиды." },
      "2025-01-01",
    );
    const kb = base(SATELLITE, KIDS);
    const question = "Кітапханасы бар қанша мектеп балалар үшін спутниктік интернет алады?";
    const { query } = kb.explain(question);
    expect(query.terms.find((t) => t.surface === "балалар")?.ownOnly).toBe(true);
    expect(query.terms.find((t) => t.surface === "спутниктік интернет")?.ownOnly).toBeUndefined();
    const reply = answer(kb.ask(question, { now: NOW }));
    expect(reply.quoted).toBe("ru");
    expect(reply.text).toContain("40");
  });

  it("reads an unknown word as a known word derived from it ('монополией' / 'демонополизации')", () => {
    const kb = base(
      added(
        "market",
        "Рынок связи\n\nДемонополизации рынка связи поможет продажа доли оператора в 2026 году.",
      ),
    );
    const { query } = kb.explain("Что будет с монополией на рынке связи?");
    const term = query.terms.find((t) => t.surface === "монополией");
    expect(term?.known).toBe(true);
    expect(term?.alts).toContain(stemOf("демонополизации", "ru"));
  });

  it("weighs a form of 'year' that only places a fact in time as little as the country ('жылдан бастап')", () => {
    const pairs = [
      "ru\tkk\tdomain",
      "мораторий\tмораторий\tgov",
      "вводить|ввести\tенгізу\taction",
      "год\tжыл\ttime",
      "информационная система\tақпараттық жүйе\tdigital",
    ].join("\n");
    const kb = new KnowledgeBase({ pairs: parsePairs(pairs), places: [], aliases: [] }, []);
    kb.addDocument(
      added(
        "moratorium",
        "Мораторий\n\nС начала 2026 года вводится мораторий на новые информационные системы. Министерство подготовит перечень систем.",
      ),
    );
    const question = "Жаңа жылдан бастап қандай мораторий енгізіледі?";
    const { query } = kb.explain(question);
    const weight = (surface: string) => query.terms.find((t) => t.surface === surface)?.weight ?? 0;
    // "жылдан" and "бастап" are both unknown to these texts: the year word weighs as the country does
    expect(weight("жылдан")).toBeCloseTo(weight("бастап") * POLICY.weakWeight);
    expect(query.key?.surface).toBe("мораторий");
  });

  it("weighs the place of the asker's situation when the question points at it ('у нас')", () => {
    const kb = base(
      VILLAGES_2019,
      added("national", "Связь\n\nК оптике подключат 900 сёл по всей стране. Работы ведёт оператор связи."),
    );
    const pointed = kb.ask("Я живу в Павлодарской области. Сколько сёл у нас подключат к оптике?", {
      now: NOW,
    });
    expect(answer(pointed).text).toContain("120");
    // "там" points at the place the situation named as well
    const placeWeight = (q: string) =>
      kb.explain(q).query.terms.find((t) => t.place === "pavlodar")?.weight ?? 0;
    expect(placeWeight("Мама живёт в Павлодарской области. Сколько сёл там подключат к оптике?")).toBe(
      placeWeight("Я живу в Павлодарской области. Сколько сёл у нас подключат к оптике?"),
    );
    // the place only tells the situation when the question does not point at it
    const { query } = kb.explain("Я живу в Павлодарской области. Сколько сёл подключат к оптике?");
    expect(query.terms.find((t) => t.place === "pavlodar")?.weight).toBeLessThan(
      kb
        .explain("Я живу в Павлодарской области. Сколько сёл у нас подключат к оптике?")
        .query.terms.find((t) => t.place === "pavlodar")?.weight ?? 0,
    );
  });
});
