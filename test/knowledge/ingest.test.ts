import { describe, expect, it } from "vitest";
import {
  cleanText,
  type DocumentMeta,
  passagesOf,
  readSeeds,
  splitSentences,
} from "../../src/knowledge/ingest.js";

const SEEDS = new URL("../../seeds", import.meta.url).pathname;
const meta: DocumentMeta = { doc: "t", file: "t.txt", lang: "ru", outlet: "Example.kz", year: 2021 };

describe("cleanText (general rules)", () => {
  it("drops navigation, comment widgets, subscribe lines and headlines between paragraphs", () => {
    const raw = [
      "Ru  Kz",
      "Все новости",
      "",
      "Первый абзац статьи с фактами о проекте.",
      "",
      "Какой-то заголовок другой новости",
      "",
      "Второй абзац, тоже с фактами.",
      "Подписывайтесь на наш канал в Дзен",
      "",
      "Комментарии отсутствуют",
      "Будьте первым, кто оставит комментарий!",
      "В Казахстане подорожал бензин",
    ].join("\n");
    expect(cleanText(raw)).toEqual([
      "Первый абзац статьи с фактами о проекте.",
      "Второй абзац, тоже с фактами.",
    ]);
  });

  it("rejoins a name broken after its initial and keeps it in one sentence", () => {
    const [p] = cleanText("Об этом доложил министр А\nЖұмағалиев, а также К\nЕсекеев.");
    expect(p).toBe("Об этом доложил министр А. Жұмағалиев, а также К. Есекеев.");
    expect(splitSentences(p ?? "")).toHaveLength(1);
  });

  it("drops a text's last fragment when it is cut off mid-word", () => {
    expect(cleanText("Первое предложение.\nВторое предложение. Третье оборвано на полусло")).toEqual([
      "Первое предложение.",
      "Второе предложение.",
    ]);
  });

  it("drops the trailing source line", () => {
    expect(cleanText("Текст новости о цифровизации.\nисточник: mdai.gov.kz")).toEqual([
      "Текст новости о цифровизации.",
    ]);
  });

  it("keeps unpunctuated sentences of a text that writes without full stops", () => {
    const raw =
      "Бірінші сөйлем.\nЕкінші сөйлем нүктесіз жазылған\nҮшінші сөйлем де нүктесіз жазылған бірақ ұзын\nТөртінші.";
    expect(cleanText(raw)).toHaveLength(4);
  });
});

describe("passagesOf", () => {
  it("indexes a repeated sentence once and every passage knows its document", () => {
    const raw = "Это важная новость о сети 5G.\nОна повторяется дальше.\nЭто важная новость о сети 5G.";
    const passages = passagesOf(meta, raw);
    expect(passages.filter((p) => p.text.startsWith("Это важная"))).toHaveLength(1);
    for (const p of passages)
      expect(p).toMatchObject({ doc: "t", outlet: "Example.kz", year: 2021, lang: "ru" });
  });
});

describe("the seed texts", () => {
  const seeds = readSeeds(SEEDS);
  const all = seeds.passages.map((p) => p.text).join("\n");

  it("index no page furniture, headlines, source line or cut-off fragment", () => {
    for (const noise of [
      "Все новости",
      "Комментари",
      "зарегистрир",
      "бензин",
      "QR-платежи",
      "гастарбайтер",
      "Подписывайтесь",
      "Садуакасова",
      "OneWeb",
      "миллионные штрафы",
      "источник:",
      "IT-компа\n",
    ]) {
      expect(all, noise).not.toContain(noise);
    }
    expect(all).not.toMatch(/IT-компа$/);
  });

  it("rejoins the broken initials of the Kazakh text and indexes its repeated sentence once", () => {
    expect(all).toContain("министрі А. Жұмағалиев");
    expect(all).toContain("деді А. Мамин.");
    const repeated = seeds.passages.filter((p) => p.text.startsWith("Әкімдіктерге антенналық"));
    expect(repeated).toHaveLength(1);
  });

  it("keeps passages small and attributed", () => {
    for (const p of seeds.passages) {
      expect(p.text.length).toBeLessThan(800);
      expect(seeds.documents.some((d) => d.doc === p.doc && d.outlet === p.outlet && d.year === p.year)).toBe(
        true,
      );
    }
  });
});
