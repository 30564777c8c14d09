import { autoRetry } from "@grammyjs/auto-retry";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERSATION_TTL_SECONDS } from "../../../src/storage/session.js";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { fillReport, pressData, RU_ANSWERS, sendReport, sentTo } from "./helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("report-conversation")));
afterAll(() => cleanup());

const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: "-100123" };
const now = () => new Date("2026-03-12T09:00:00Z");

describe("report conversation: happy paths", () => {
  it("takes a report in Russian, stores it before thanking, and tells the moderators", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2001, language_code: "ru" });
    await user.send("/report");
    expect(user.replies[0]?.text).toContain("несколько коротких вопросов");
    expect(user.last.text).toContain("Шаг 1 из 10");
    expect(user.last.text).toContain("В каком регионе");
    expect(user.last.buttons).toHaveLength(21); // 17 oblasts + 3 cities + Cancel, no Back on the first step
    expect(user.last.buttons.slice(0, 2)).toEqual(["Абайская область", "Акмолинская область"]);
    expect(user.last.buttons.slice(17)).toEqual(["г. Алматы", "г. Астана", "г. Шымкент", "✖ Отмена"]);
    const rows = (user.last.payload.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard;
    expect(rows.slice(0, 10).every((row) => row.length === 2)).toBe(true);

    await user.press("Павлодарская");
    expect(user.replies.find((r) => r.method === "editMessageText")?.text).toContain(
      "✓ Павлодарская область",
    );
    // The district step: the region's districts from the dictionary, then its towns, then "don't know".
    expect(user.last.text).toContain("Шаг 2 из 10\nВ каком районе? (Павлодарская область)");
    expect(user.last.buttons).toContain("Баянаульский район");
    expect(user.last.buttons).toContain("г. Экибастуз");
    expect(user.last.buttons.slice(-3)).toEqual(["Не знаю / нет в списке", "⬅ Назад", "✖ Отмена"]);
    await user.press("Иртышский район");
    expect(user.last.text).toContain("Напишите название населённого пункта");
    expect(user.last.buttons).toEqual(["⬅ Назад", "✖ Отмена"]);
    await user.send("с. Иртышск");
    // What was understood: the name without "с.", with its district and region.
    expect(user.replies.find((r) => r.method === "editMessageText")?.text).toContain(
      "✓ Понял так: Иртышск (Иртышский район, Павлодарская область)",
    );
    expect(user.last.text).toContain("оператора");
    await user.press("Kcell");
    await user.press("Мобильный 4G");
    await user.press("Низкая скорость");
    expect(user.last.buttons).toContain("Не знаю");
    await user.send("1,5");
    expect(user.last.text).toContain("Шаг 8 из 10\nЕсть скриншот замера");
    await user.sendPhoto();
    expect(user.replies.find((r) => r.method === "editMessageText")?.text).toContain(
      "✓ 📷 Скриншот получен.",
    );
    expect(user.last.text).toContain("геолокацию");
    const keyboard = user.last.payload.reply_markup as {
      keyboard: { text: string; request_location?: boolean }[][];
    };
    expect(keyboard.keyboard[0]?.[0]).toEqual({ text: "📍 Отправить геолокацию", request_location: true });
    await user.shareLocation(52.1, 76.9);
    expect(user.replies[0]?.text).toBe("📍 Геолокация получена.");
    expect(user.replies[0]?.payload.reply_markup).toMatchObject({ is_persistent: true });
    await user.send("По вечерам почти не грузится");
    expect(user.last.text).toContain("Проверьте обращение");
    expect(user.last.text).toContain("Район: Иртышский район");
    expect(user.last.text).toContain("Населённый пункт: с. Иртышск");
    expect(user.last.text).toContain("Скриншот: приложен");
    expect(user.last.text).toContain("Скорость: 1,5 Мбит/с");
    expect(user.last.text).toContain("Геолокация: 52.10000, 76.90000");
    expect(user.last.buttons).toEqual(["✅ Отправить", "✏ Изменить", "✖ Отмена"]);

    await user.press("Отправить");
    expect(user.last.text).toContain("согласие на обработку");
    const callsBefore = harness.api.calls.length;
    await user.press("Даю согласие");
    // Whatever ran before in this file (the order is shuffled), the number is the year's next one.
    const reference = /R-2026-\d{6}/.exec(user.last.text)?.[0] ?? "none";
    expect(user.last.text).toContain(`Обращение зарегистрировано под номером ${reference}.`);
    expect(user.last.text).toContain("Что дальше");
    expect(await redis.hget(`report:${reference}`, "settlement")).toBe("с. Иртышск");
    expect(await redis.exists("report:consent:2001")).toBe(1);
    // Stored before thanked: the thank-you comes before the moderator message, and the store before both.
    const after = harness.api.calls.slice(callsBefore).map((c) => `${c.method}:${String(c.payload.chat_id)}`);
    expect(after.indexOf("sendMessage:2001")).toBeLessThan(after.indexOf("sendMessage:-100123"));

    const moderator = sentTo(harness, -100123);
    expect(moderator).toHaveLength(1);
    // The screenshot goes to the moderators under the report, by its file id.
    const photo = harness.api.calls.find((c) => c.method === "sendPhoto");
    expect(photo?.payload).toMatchObject({ chat_id: -100123, photo: "photo", caption: reference });
    expect(await redis.hget(`report:${reference}`, "photo")).toBe("photo:photo");
    expect(await redis.hget(`report:${reference}`, "district")).toBe("Иртышский район");
    expect(moderator[0]?.text).toContain(`📶 Обращение ${reference}`);
    expect(moderator[0]?.text).toContain("Оператор: Kcell");
    expect(moderator[0]?.text).toContain("Район: Иртышский район");
    expect(moderator[0]?.text).toContain("Комментарий: По вечерам почти не грузится");
    expect(moderator[0]?.text).toContain("Статус: Новое");
    expect(await redis.exists("conv:2001")).toBe(0);
  });

  it("takes a report in Kazakh, entered from the menu, with skips and don't-knows", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2002, language_code: "kk" });
    await user.send("/start");
    await user.send("📶 Интернет нашар");
    expect(user.last.text).toContain("Қадам 1/10");
    expect(user.last.text).toContain("қай өңірде");
    expect(user.last.buttons.slice(0, 3)).toEqual(["Абай облысы", "Ақмола облысы", "Ақтөбе облысы"]);
    await fillReport(user, {
      region: "Ұлытау облысы",
      settlement: "Жезді",
      operator: "Қазақтелеком",
      connection: "Оптикалық талшық",
      problem: "Байланыс үзіліп",
      speed: "Білмеймін",
      location: "Өткізіп жіберу",
      comment: "Өткізіп жіберу",
    });
    expect(user.last.text).toContain("Өтінішті тексеріңіз");
    expect(user.last.text).toContain("Жылдамдық: белгісіз");
    expect(user.last.text).toContain("Геолокация: көрсетілмеген");
    await user.press("Жіберу");
    expect(user.last.text).toContain("келісіміңіз");
    await user.press("Келісемін");
    expect(user.last.text).toMatch(/Рақмет! Өтініш R-2026-\d{6} нөмірімен тіркелді/);
    const reference = /R-2026-\d{6}/.exec(user.last.text)?.[0] ?? "";
    const stored = await redis.hgetall(`report:${reference}`);
    expect(stored).toMatchObject({
      region: "ulytau",
      operator: "kazakhtelecom",
      lang: "kk",
      speedMbps: "",
      comment: "",
    });
  });

  it("asks for consent once per user and remembers it", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2003 });
    await sendReport(user);
    await user.send("/report");
    await fillReport(user);
    await user.press("Отправить");
    expect(user.last.text).toContain("Спасибо!");
  });

  it("accepts a typed region name instead of a button", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2004 });
    await user.send("/report");
    await user.send("павлодар");
    expect(user.last.text).toContain("Шаг 2 из 10");
    // ...and a typed district, in either language or an old spelling.
    await user.send("Лебяжинский район");
    expect(user.last.text).toContain("Шаг 3 из 10");
  });
});

describe("report conversation: back, edit, cancel", () => {
  it("goes back a step, shows the current answer, and keeps later answers", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2010 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("Иртышск");
    await user.press("Назад");
    expect(user.last.text).toContain("Шаг 3 из 10");
    expect(user.last.text).toContain("Сейчас: Иртышск");
    await user.press("Назад");
    expect(user.last.text).toContain("Шаг 2 из 10");
    expect(user.last.text).toContain("Сейчас: Иртышский район");
    await user.press("Назад");
    expect(user.last.text).toContain("Шаг 1 из 10");
    expect(user.last.text).toContain("Сейчас: Павлодарская область");
    await user.press("Акмолинская");
    // Answered again, the question shows the new answer only, not "Now: Павлодарская" above it.
    const edited = user.replies.find((r) => r.method === "editMessageText")?.text ?? "";
    expect(edited).toContain("✓ Акмолинская область");
    expect(edited).not.toContain("Сейчас:");
    // A new region: its own districts are asked, the old district is gone.
    expect(user.last.text).toContain("Шаг 2 из 10");
    expect(user.last.text).not.toContain("Сейчас:");
    await user.press("Шортандинский район");
    await user.send("Шортанды");
    expect(user.last.text).toContain("Шаг 4 из 10");
  });

  it("goes back from the location step and puts the main menu back", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2011 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("Иртышск");
    await user.press("Kcell");
    await user.press("4G");
    await user.press("Низкая скорость");
    await user.send("3");
    await user.press("Пропустить");
    await user.send("⬅ Назад");
    expect(user.replies[0]?.payload.reply_markup).toMatchObject({ is_persistent: true });
    expect(user.last.text).toContain("Шаг 8 из 10");
    expect(user.last.text).toContain("Сейчас: не указано");
    await user.press("Назад");
    expect(user.last.text).toContain("Шаг 7 из 10");
    expect(user.last.text).toContain("Сейчас: 3 Мбит/с");
  });

  it("edits a step from the summary and comes back to the summary", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2012 });
    await user.send("/report");
    await fillReport(user);
    await user.press("Изменить");
    expect(user.last.text).toBe("Что изменить?");
    expect(user.last.buttons).toContain("Оператор");
    await user.press("Оператор");
    expect(user.last.text).toContain("Сейчас: Kcell");
    await user.press("Activ");
    expect(user.last.text).toContain("Проверьте обращение");
    expect(user.last.text).toContain("Оператор: Activ");
    expect(user.last.text).toContain("Населённый пункт: с. Иртышск");
    // Back from an edited step returns to the summary unchanged; Back from the list too.
    await user.press("Изменить");
    await user.press("Скорость");
    await user.press("Назад");
    expect(user.last.text).toContain("Скорость: 1,5 Мбит/с");
    await user.press("Изменить");
    await user.press("Назад");
    expect(user.last.text).toContain("Проверьте обращение");
  });

  it("cancels with the button at any step, putting the main menu back", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2013 });
    await user.send("/report");
    await user.press("Отмена");
    expect(user.last.text).toContain("Обращение отменено");
    expect(await redis.exists("conv:2013")).toBe(0);

    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("Иртышск");
    await user.press("Kcell");
    await user.press("4G");
    await user.press("Низкая скорость");
    await user.send("3");
    await user.send("✖ Отмена");
    expect(user.last.text).toContain("Обращение отменено");
    expect(user.last.payload.reply_markup).toMatchObject({ is_persistent: true });
    // After the end, text is a question for the ask feature again, not an answer.
    await user.send("Иртышск");
    expect(user.replies.some((r) => r.text.includes("Обращение"))).toBe(false);
  });

  it("cancels from the summary", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2014 });
    await user.send("/report");
    await fillReport(user);
    await user.press("Отмена");
    expect(user.last.text).toContain("Обращение отменено");
    expect(await redis.zcard("reports:user:2014")).toBe(0);
  });

  // Fails until helpFeature lets /cancel through while a conversation is active: it is installed
  // before the report feature and answers "nothing to cancel" (see the report to the lead).
  it("cancels with /cancel", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2015 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("/cancel");
    expect(user.last.text).toContain("Обращение отменено");
    expect(await redis.exists("conv:2015")).toBe(0);
  });
});

describe("report conversation: invalid input never breaks it", () => {
  it("answers stickers, photos, wrong text and other commands with a hint and the same question", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2020 });
    await user.send("/report");
    await user.sendSticker();
    expect(user.replies.filter((r) => r.method === "sendMessage")).toHaveLength(1);
    expect(user.last.text).toContain("выберите вариант кнопкой");
    expect(user.last.text).toContain("Шаг 1 из 10");
    await user.send("Марс");
    expect(user.last.text).toContain("выберите вариант кнопкой");
    await user.send("/report");
    expect(user.last.text).toContain("Сейчас заполняется обращение");
    expect(user.last.text).toContain("Шаг 1 из 10");
    await user.press("Павлодарская");
    await user.press("Иртышский район");

    await user.sendPhoto();
    expect(user.last.text).toContain("ответьте текстом");
    expect(user.last.text).toContain("Шаг 3 из 10");
    for (const bad of ["И", "x".repeat(81), "Иртышск 🚀", "https://t.me/x", "12"]) {
      await user.send(bad);
      expect(user.last.text, bad).toContain("Это не похоже на название");
      expect(user.last.text).toContain("Шаг 3 из 10");
    }
    await user.send("Жана-Аул");
    await user.sendSticker();
    expect(user.last.text).toContain("Шаг 4 из 10");
    await user.press("Kcell");
    await user.press("4G");
    await user.press("Низкая скорость");

    for (const [bad, hint] of [
      ["10001", "Такой скорости не бывает"],
      ["-1", "не может быть меньше нуля"],
      ["быстро", "Не удалось понять скорость"],
      ["1,2,3", "Не удалось понять скорость"],
    ]) {
      await user.send(bad as string);
      expect(user.last.text, bad).toContain(hint);
      expect(user.last.text).toContain("Шаг 7 из 10");
    }
    await user.send("10000");
    // The screenshot step: text, a non-image file and a voice message get a hint.
    await user.send("вот");
    expect(user.last.text).toContain("Пришлите скриншот как фото");
    expect(user.last.text).toContain("Шаг 8 из 10");
    await user.sendDocument("application/pdf");
    expect(user.last.text).toContain("Этот файл не картинка");
    await user.sendVoice();
    expect(user.last.text).toContain("Голосовые сообщения я не слушаю");
    expect(user.last.text).toContain("Шаг 8 из 10");
    await user.sendDocument("image/png");
    await user.shareLocation(55.75, 37.62); // Moscow
    expect(user.last.text).toContain("за пределами Казахстана");
    expect(user.last.text).toContain("Шаг 9 из 10");
    await user.send("здесь");
    expect(user.last.text).toContain("Нажмите кнопку «📍 Отправить геолокацию»");
    await user.sendSticker();
    expect(user.last.text).toContain("Шаг 9 из 10");
    await user.shareLocation(43.24, 76.95);
    await user.shareLocation(43.24, 76.95);
    expect(user.last.text).toContain("Геолокация здесь не нужна");
    await user.send("ж".repeat(501));
    expect(user.last.text).toContain("501 символов");
    expect(user.last.text).toContain("Шаг 10 из 10");
    await user.send("ж".repeat(500));
    expect(user.last.text).toContain("Проверьте обращение");
    expect(user.last.text).toContain("Скорость: 10000 Мбит/с");
    await user.sendSticker();
    expect(user.last.text).toContain("Проверьте обращение");
  });

  it("tells an outdated button apart from the current question's buttons", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2021 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    // The region keyboard was taken off its message; a client that still shows it sends this:
    await user.press("Акмолинская");
    expect(user.notices.at(-1)).toBe("Эта кнопка относится к другому вопросу.");
    expect(user.last.text).toContain("Шаг 3 из 10");
    await user.send("Иртышск");
    await user.press("Отмена");
    await user.press("Kcell");
    expect(user.notices.at(-1)).toBe("Это обращение уже отправлено или отменено.");
  });
});

describe("report conversation: state in Redis", () => {
  it("continues exactly where the user was after a restart", async () => {
    const first = createTestBot({ redis, env, now }).user({ id: 2030 });
    await first.send("/report");
    await first.press("Павлодарская");
    await first.press("Иртышский район");
    await first.send("Иртышск");
    await first.press("Kcell");
    expect(first.last.text).toContain("Шаг 5 из 10");

    const restarted = createTestBot({ redis, env, now });
    const user = restarted.user({ id: 2030 });
    await pressData(restarted, user, "rep:connection:mobile-4g");
    expect(user.last.text).toContain("Шаг 6 из 10");
    await user.press("Низкая скорость");
    await user.send("2");
    await user.press("Пропустить");
    await user.shareLocation(52.1, 76.9);
    await user.press("Пропустить");
    expect(user.last.text).toContain("Населённый пункт: Иртышск");
    expect(user.last.text).toContain("Оператор: Kcell");
    expect(user.last.text).toContain("Подключение: 📱 Мобильный 4G");
  });

  it("tells a user whose conversation was changed by a deploy to start again", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2031 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    const state = JSON.parse((await redis.get("conv:2031")) ?? "{}") as { version: [number, string] };
    state.version[1] = "0-old";
    await redis.set("conv:2031", JSON.stringify(state));

    await user.send("Иртышск");
    expect(user.replies[0]?.text).toContain("Бот обновился");
    expect(await redis.exists("conv:2031")).toBe(0);
    await user.send("/report");
    expect(user.last.text).toContain("Шаг 1 из 10");
  });

  it("ends a conversation idle for 24 hours and says so on the next message", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2032 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    expect(await redis.ttl("conv:2032")).toBeGreaterThan(CONVERSATION_TTL_SECONDS - 60);
    expect(await redis.ttl("conv:2032:alive")).toBeGreaterThan(CONVERSATION_TTL_SECONDS);
    await redis.del("conv:2032"); // what Redis does after 24 idle hours; the marker outlives it

    await user.send("Иртышск");
    expect(user.replies[0]?.text).toContain("прошло больше суток");
    expect(user.replies.some((r) => r.text.includes("Шаг 4 из 10"))).toBe(false);
    await user.send("/report");
    expect(user.last.text).toContain("Шаг 1 из 10");
  });
});

describe("report conversation: one report per Send", () => {
  it("stores one report when Send is pressed twice", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2040 });
    await sendReport(user); // gives consent
    const count = await redis.zcard("reports:all");
    await user.send("/report");
    await fillReport(user);
    await user.press("Отправить");
    await user.press("Отправить");
    expect(user.notices.at(-1)).toBe("Это обращение уже отправлено или отменено.");
    expect(await redis.zcard("reports:all")).toBe(count + 1);
    expect(await redis.zcard("reports:user:2040")).toBe(2);
  });

  it("stores one report when the Send update is redelivered after a crash before the state was saved", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2041 });
    await sendReport(user);
    await user.send("/report");
    await fillReport(user);
    const beforeSend = await redis.get("conv:2041");
    const count = await redis.zcard("reports:all");
    await user.press("Отправить");
    const first = /R-\d{4}-\d{6}/.exec(user.last.text)?.[0];
    const moderatorMessages = sentTo(harness, -100123).length;

    // The crash: the conversation state from before Send is what Redis still holds; the update comes again.
    await redis.set("conv:2041", beforeSend ?? "");
    const restarted = createTestBot({ redis, env, now });
    const again = restarted.user({ id: 2041 });
    await pressData(restarted, again, "rep:summary:send");
    expect(/R-\d{4}-\d{6}/.exec(again.last.text)?.[0]).toBe(first);
    expect(await redis.zcard("reports:all")).toBe(count + 1);
    expect(sentTo(harness, -100123)).toHaveLength(moderatorMessages);
    expect(sentTo(restarted, -100123)).toHaveLength(0);
  });

  it("keeps the draft when storing fails, and sends it on the next press", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2042 });
    await sendReport(user);
    await user.send("/report");
    await fillReport(user, { ...RU_ANSWERS, settlement: "Майкаин" });
    // A broken counter makes INCR fail: the store throws, the conversation must survive it.
    const year = "report:seq:2026";
    const counter = await redis.get(year);
    await redis.set(year, "not-a-number");
    await user.press("Отправить");
    expect(user.replies.map((r) => r.text).join("\n")).toContain("Не удалось сохранить обращение");
    expect(user.last.text).toContain("Проверьте обращение");
    await redis.set(year, counter ?? "0");
    await user.press("Отправить");
    expect(user.last.text).toContain("Спасибо!");
    expect(await redis.zcard("reports:user:2042")).toBe(2);
  });
});

describe("report conversation: language", () => {
  it("follows a /language switch made in the middle of a report", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2050, language_code: "ru" });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("/language");
    await user.press("Қазақша");
    await user.send("Ертіс");
    expect(user.last.text).toContain("Қадам 4/10");
    expect(user.last.buttons).toContain("⬅ Артқа");
  });

  it("shows an answered question without the hint that was above it", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2051 });
    await user.send("/report");
    await user.sendSticker();
    await user.press("Павлодарская");
    const edited = user.replies.find((r) => r.method === "editMessageText");
    expect(edited?.text).toBe(
      "Шаг 1 из 10\nВ каком регионе находится ваш населённый пункт?\n\n✓ Павлодарская область",
    );
  });
});

describe("report conversation: cost of replay", () => {
  it("keeps the conversation state small and the last steps fast", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2060 });
    await user.send("/report");
    await fillReport(user);
    const bytes = Buffer.byteLength((await redis.get("conv:2060")) ?? "");
    const started = performance.now();
    await user.press("Изменить");
    const ms = performance.now() - started;
    console.info(
      `report: conversation state at the summary ${bytes} bytes; one update replayed in ${ms.toFixed(1)} ms`,
    );
    expect(bytes).toBeLessThan(64 * 1024);
  });
});

describe("report conversation: Telegram failures", () => {
  it("keeps the draft when a question could not be sent, and asks again on the next message", async () => {
    let failures = 1;
    const harness = createTestBot({
      redis,
      env,
      now,
      answer: (call) =>
        call.method === "sendMessage" && String(call.payload.text).startsWith("Шаг 3 из 10") && failures-- > 0
          ? { ok: false, error_code: 500, description: "Internal Server Error" }
          : undefined,
    });
    const user = harness.user({ id: 2070 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    expect(user.replies.every((r) => !r.text.includes("Извините"))).toBe(true);
    await user.sendSticker();
    expect(user.last.text).toContain("Шаг 3 из 10");
    await user.send("Иртышск");
    expect(user.last.text).toContain("Шаг 4 из 10");
  });
});

describe("report conversation: Telegram's 429 inside the conversation", () => {
  it("is retried after retry_after, so the next step arrives without the user writing again", async () => {
    let limited = 1;
    const harness = createTestBot({
      redis,
      env,
      now,
      apiRetry: autoRetry({ maxDelaySeconds: 2 }),
      answer: (call) =>
        call.method === "sendMessage" && String(call.payload.text).startsWith("Шаг 3 из 10") && limited-- > 0
          ? {
              ok: false,
              error_code: 429,
              description: "Too Many Requests: retry after 1",
              parameters: { retry_after: 1 },
            }
          : undefined,
    });
    const user = harness.user({ id: 2071 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    expect(limited).toBeLessThan(0);
    expect(user.last.text).toContain("Шаг 3 из 10");
  });
});

describe("report conversation: what people actually type", () => {
  it("takes the village with its district, shows what was understood, and groups spellings of it", async () => {
    const harness = createTestBot({ redis, env, now });
    const spellings = [
      "село Шакат, Баянаульский район",
      "Шакат",
      "с. ШАКАТ",
      "Шақат ауылы",
      "пос. Шакат (Баянаульского района)",
    ];
    for (const [i, settlement] of spellings.entries()) {
      const user = harness.user({ id: 2100 + i, language_code: i === 3 ? "kk" : "ru" });
      await user.send("/report");
      await user.press(i === 3 ? "Павлодар облысы" : "Павлодарская");
      await user.press(i === 3 ? "Баянауыл ауданы" : "Баянаульский район");
      await user.send(settlement);
      const understood = user.replies.find((r) => r.method === "editMessageText")?.text ?? "";
      expect(understood).toContain(
        i === 3
          ? "✓ Түсінгенім: Шақат (Баянауыл ауданы, Павлодар облысы)"
          : "✓ Понял так: Шакат (Баянаульский район, Павлодарская область)",
      );
      await user.press("Kcell");
      await user.press("4G");
      await user.press(/Низкая скорость|Жылдамдық төмен/);
      await user.send("1");
      await user.press(/^(Пропустить|Өткізіп жіберу)$/);
      await user.send(i === 3 ? "Өткізіп жіберу" : "Пропустить");
      await user.press(/^(Пропустить|Өткізіп жіберу)$/);
      await user.press(/Отправить|Жіберу/);
      await user.press(/согласие|Келісемін/);
    }
    const summaries = sentTo(harness, -100123).filter((m) => m.text.startsWith("⚠"));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.text).toContain("5 обращений");
  });

  it.each([
    ["ru", "512 кбит/с", "512 кбит/с"],
    ["ru", "полтора мегабита", "1,5 Мбит/с"],
    ["ru", "меньше мегабита", "меньше 1 Мбит/с (записываю как 500 кбит/с)"],
    ["kk", "бір мегабиттен аз", "1 Мбит/с-тан аз (500 кбит/с деп жазамын)"],
    ["ru", "0.8 Мбит/с", "800 кбит/с"],
    ["kk", "бір жарым", "1,5 Мбит/с"],
    ["kk", "256 кбит/с", "256 кбит/с"],
    ["kk", "екі жарым мегабит", "2,5 Мбит/с"],
  ])("reads the speed (%s) %s as %s and says so", async (lang, typed, shown) => {
    const user = createTestBot({ redis, env, now }).user({ id: 2110, language_code: lang });
    await user.send("/report");
    await user.press(lang === "kk" ? "Ұлытау облысы" : "Улытауская");
    await user.press(/^(Не знаю|Білмеймін) \//);
    await user.send("Жезды");
    await user.press("Kcell");
    await user.press("ADSL");
    await user.press(lang === "kk" ? "Жылдамдық төмен" : "Низкая скорость");
    await user.send(typed);
    const understood = user.replies.find((r) => r.method === "editMessageText")?.text ?? "";
    expect(understood).toContain(`${lang === "kk" ? "Түсінгенім" : "Понял так"}: ${shown}`);
    expect(user.last.text).toContain(lang === "kk" ? "скриншот бар ма" : "Есть скриншот");
    await user.send("/cancel");
  });

  it("says clearly when a speed is out of range, in Kazakh too", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 2111, language_code: "kk" });
    await user.send("/report");
    await user.press("Ұлытау облысы");
    await user.press("Білмеймін /");
    await user.send("Жезді");
    await user.press("Kcell");
    await user.press("ADSL");
    await user.press("Жылдамдық төмен");
    await user.send("512000");
    expect(user.last.text).toContain("Мұндай жылдамдық болмайды");
    expect(user.last.text).toContain("Қадам 7/10");
  });

  it("takes a screenshot sent as an image file and shows it to the moderators as a file", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 2112 });
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Не знаю /");
    await user.send("Майкаин");
    await user.press("Kcell");
    await user.press("4G");
    await user.press("Низкая скорость");
    await user.send("2");
    await user.sendDocument("image/jpeg");
    await user.send("Пропустить");
    await user.press("Пропустить");
    expect(user.last.text).toContain("Район: неизвестно");
    expect(user.last.text).toContain("Скриншот: приложен");
    await user.press("Отправить");
    await user.press("согласие");
    const reference = /R-\d{4}-\d{6}/.exec(user.last.text)?.[0];
    const document = harness.api.calls.find((c) => c.method === "sendDocument");
    expect(document?.payload).toMatchObject({ chat_id: -100123, document: "document", caption: reference });
  });
});
