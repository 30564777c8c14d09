import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("foundation")));
afterAll(() => cleanup());

describe("start, help, language", () => {
  it("greets a Russian-speaking user in Russian with the two main actions", async () => {
    const user = createTestBot({ redis }).user({ id: 11, first_name: "Данияр", language_code: "ru" });
    await user.send("/start");
    expect(user.last.text).toContain("Здравствуйте, Данияр!");
    expect(user.last.text.split("\n").filter((l) => l.startsWith("•"))).toHaveLength(3);
    expect(user.last.buttons).toEqual(["📶 Сообщить о медленном интернете", "🔔 Подписаться на новости"]);
  });

  it("greets a Kazakh-speaking user in Kazakh; anything else gets Russian", async () => {
    const harness = createTestBot({ redis });
    const kk = harness.user({ id: 12, language_code: "kk" });
    await kk.send("/start");
    expect(kk.last.text).toContain("Сәлеметсіз бе");
    const en = harness.user({ id: 13, language_code: "en" });
    await en.send("/help");
    expect(en.last.text).toContain("Что я понимаю");
  });

  it("switches to Kazakh with /language and keeps the choice across a restart", async () => {
    const user = createTestBot({ redis }).user({ id: 14, language_code: "ru" });
    await user.send("/language");
    expect(user.last.buttons).toEqual(["🇷🇺 Русский", "🇰🇿 Қазақша"]);
    await user.press("Қазақша");
    expect(user.last.method).toBe("editMessageText");
    expect(user.last.text).toBe("Дайын, енді мен қазақша сөйлеймін.");
    expect(await redis.get("session:14")).toContain('"language":"kk"');

    const restarted = createTestBot({ redis }).user({ id: 14, language_code: "ru" });
    await restarted.send("/help");
    expect(restarted.last.text).toContain("Мен түсінетін командалар");
  });

  it("answers stickers, photos and unknown commands with a hint in the user's language", async () => {
    const user = createTestBot({ redis }).user({ id: 15, language_code: "kk" });
    await user.sendSticker();
    expect(user.last.text).toContain("мәтіндік сұрақтар");
    await user.sendPhoto();
    expect(user.replies).toHaveLength(1);
    await user.send("/nonsense");
    expect(user.last.text).toContain("Мұндай команданы білмеймін");
  });

  it("says there is nothing to cancel outside a conversation", async () => {
    const user = createTestBot({ redis }).user({ id: 16 });
    await user.send("/cancel");
    expect(user.last.text).toBe("Сейчас нечего отменять.");
  });

  it("stops the spinner of an outdated button", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 17 });
    await harness.bot.handleUpdate({
      update_id: 999,
      callback_query: { id: "1", from: user.from, chat_instance: "x", data: "gone:42" },
    });
    expect(user.notices.at(-1)).toBe("Эта кнопка устарела.");
  });
});

describe("error boundary", () => {
  it("logs a failing handler and apologises in the user's language, and the bot goes on", async () => {
    let failures = 1;
    const harness = createTestBot({
      redis,
      answer: (call) =>
        call.method === "sendMessage" && failures-- > 0
          ? { ok: false, error_code: 400, description: "Bad Request: something unexpected" }
          : undefined,
    });
    const user = harness.user({ id: 18, language_code: "kk" });
    await expect(user.send("/help")).resolves.toBeUndefined();
    expect(user.last.text).toBe("Кешіріңіз, бірдеңе дұрыс болмады. Сәлден соң қайталап көріңіз.");
    await user.send("/help");
    expect(user.last.text).toContain("Мен түсінетін командалар");
  });
});

describe("rate limit", () => {
  it("tells a flooding user to slow down, once, and ignores the flood", async () => {
    const harness = createTestBot({ redis });
    const { createBot } = await import("../../src/bot/create-bot.js");
    const bot = createBot("1:x", harness.deps, {
      botInfo: harness.bot.botInfo,
      client: { fetch: harness.api.fetch },
      rateLimit: { limit: 2, timeFrameMs: 60_000 },
    });
    const user = harness.user({ id: 19 });
    for (let i = 0; i < 5; i++) {
      await bot.handleUpdate({
        update_id: 1000 + i,
        message: {
          message_id: i,
          date: 0,
          chat: { id: 19, type: "private", first_name: "A" },
          from: user.from,
          text: "/help",
          entities: [{ type: "bot_command", offset: 0, length: 5 }],
        },
      });
    }
    expect(user.all.filter((m) => m.text.includes("Что я понимаю"))).toHaveLength(2);
    expect(user.all.filter((m) => m.text.includes("Слишком много"))).toHaveLength(1);
  });
});

describe("group chats", () => {
  it("stays quiet about commands and messages not meant for it", async () => {
    const harness = createTestBot({ redis });
    const group = { id: -100777, type: "group" as const, title: "Moderators" };
    const from = { id: 31, is_bot: false, first_name: "M" };
    await harness.bot.handleUpdate({
      update_id: 500,
      message: {
        message_id: 1,
        date: 0,
        chat: group,
        from,
        text: "/poll@otherbot",
        entities: [{ type: "bot_command", offset: 0, length: 14 }],
      },
    });
    await harness.bot.handleUpdate({
      update_id: 501,
      message: { message_id: 2, date: 0, chat: group, from, text: "привет всем" },
    });
    expect(harness.api.calls.filter((c) => c.method === "sendMessage")).toEqual([]);
  });
});
