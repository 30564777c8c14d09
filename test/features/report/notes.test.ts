import type { Message, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_BOT_INFO } from "../../../src/bot/local-bot-api.js";
import { createTestBot, type TestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { pressInChat, RU_ANSWERS, sendReport, sentTo } from "./helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("report-notes")));
afterAll(() => cleanup());

const MOD_CHAT = -100777;
const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: String(MOD_CHAT) };
const now = () => new Date("2026-03-12T09:00:00Z");
const admin = { id: 900, is_bot: false, first_name: "Модератор" };
const stranger = { id: 555, is_bot: false, first_name: "Чужой" };

const KK_ANSWERS = {
  ...RU_ANSWERS,
  region: "Павлодар облысы",
  district: "Баянауыл ауданы",
  settlement: "Шақат ауылы",
  operator: "Kcell",
  connection: "4G",
  problem: "Жылдамдық төмен",
  speed: "бір жарым",
  location: "Өткізіп жіберу",
  comment: "Өткізіп жіберу",
};

/** The report's message in the moderators' chat, and the callback data of one of its buttons. */
function moderatorMessage(harness: TestBot, reference: string) {
  const message = sentTo(harness, MOD_CHAT).find((m) => m.text.includes(`Обращение ${reference}`));
  if (!message) throw new Error("test: no moderator message");
  const buttons = (
    message.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
  ).inline_keyboard.flat();
  const data = (label: string) => buttons.find((b) => b.text.includes(label))?.callback_data ?? "";
  return { message, data };
}

/** A moderator's message in the moderators' chat that replies to a bot message. */
function replyInChat(harness: TestBot, from: User, to: { message_id: number; text: string }, text: string) {
  return harness.bot.handleUpdate({
    update_id: harness.nextUpdateId(),
    message: {
      message_id: 5000 + harness.nextUpdateId(),
      date: 0,
      chat: { id: MOD_CHAT, type: "supergroup", title: "Moderators" },
      from,
      text,
      reply_to_message: {
        message_id: to.message_id,
        date: 0,
        chat: { id: MOD_CHAT, type: "supergroup", title: "Moderators" },
        from: LOCAL_BOT_INFO,
        text: to.text,
      } as Message,
    },
  } as Update);
}

describe("moderator notes", () => {
  it("a note written as a reply reaches the Kazakh reporter with the reference, and /myreports shows it", async () => {
    const harness = createTestBot({ redis, env, now });
    const reporter = harness.user({ id: 7001, language_code: "kk" });
    const reference = await sendReport(reporter, KK_ANSWERS);
    const { message, data } = moderatorMessage(harness, reference);
    expect(message.text).toContain("Район: Баянаульский район");

    // A stranger's press does nothing.
    await pressInChat(harness, stranger, MOD_CHAT, message, data("Ответить заявителю"));
    expect(sentTo(harness, MOD_CHAT).some((m) => m.text.includes("Ответьте на это сообщение"))).toBe(false);

    await pressInChat(harness, admin, MOD_CHAT, message, data("Ответить заявителю"));
    const prompt = sentTo(harness, MOD_CHAT).at(-1);
    if (!prompt) throw new Error("test: no prompt");
    expect(prompt.text).toContain(`заявителю обращения ${reference}`);
    expect(prompt.payload.reply_markup).toEqual({ force_reply: true });

    // A stranger's reply to the prompt is refused and reaches nobody.
    const before = reporter.all.length;
    await replyInChat(harness, stranger, prompt, "ФЕЙК");
    expect(reporter.all.length).toBe(before);

    await replyInChat(harness, admin, prompt, "Оператор обещает заменить оборудование до 1 апреля.");
    const told = reporter.all.slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toBe(
      `💬 Шақат ауылы бойынша ${reference} өтінішіңізге модератордың жауабы:\nОператор обещает заменить оборудование до 1 апреля.`,
    );
    expect(sentTo(harness, MOD_CHAT).at(-1)?.text).toBe(
      `✓ Заявитель получил ответ по обращению ${reference}.`,
    );

    await reporter.send("/myreports");
    expect(reporter.last.text).toContain("💬 Оператор обещает заменить оборудование до 1 апреля.");
  });

  it("a rejection reason picked from buttons reaches the Russian reporter in Russian and rejects the report", async () => {
    const harness = createTestBot({ redis, env, now });
    const reporter = harness.user({ id: 7002 });
    const reference = await sendReport(reporter);
    const { message, data } = moderatorMessage(harness, reference);
    await pressInChat(harness, admin, MOD_CHAT, message, data("Отклонить"));
    const prompt = sentTo(harness, MOD_CHAT).at(-1);
    if (!prompt) throw new Error("test: no prompt");
    expect(prompt.text).toContain(`Почему отклоняем ${reference}?`);
    const reasons = (
      prompt.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(reasons.map((r) => r.text)).toHaveLength(3);
    const duplicate = reasons.find((r) => r.text.startsWith("повторное"))?.callback_data ?? "";
    await pressInChat(harness, admin, MOD_CHAT, prompt, duplicate);

    expect(reporter.last.text).toBe(
      `Обращение ${reference} (с. Иртышск) отклонено.\nПричина: повторное обращение: об этой проблеме уже сообщали\nЕсли вы не согласны, отправьте новое обращение — /report.`,
    );
    expect(await redis.hgetall(`report:${reference}`)).toMatchObject({
      status: "rejected",
      statusBy: "900",
      noteKind: "rejection",
    });
    // The report's own message now shows who rejected it and when.
    const edited = harness.api.calls
      .filter((c) => c.method === "editMessageText" && c.payload.message_id === message.message_id)
      .at(-1);
    expect(edited?.payload.text).toContain(
      "Статус: Отклонено — изменил(а) Модератор (900), 12.03.2026 14:00",
    );
    await reporter.send("/myreports");
    expect(reporter.last.text).toContain("Отклонено");
    expect(reporter.last.text).toContain("💬 повторное обращение");
  });

  it("a rejection reason written in the moderator's own words reaches the Kazakh reporter", async () => {
    const harness = createTestBot({ redis, env, now });
    const reporter = harness.user({ id: 7003, language_code: "kk" });
    const reference = await sendReport(reporter, KK_ANSWERS);
    const { message, data } = moderatorMessage(harness, reference);
    await pressInChat(harness, admin, MOD_CHAT, message, data("Отклонить"));
    const prompt = sentTo(harness, MOD_CHAT).at(-1);
    if (!prompt) throw new Error("test: no prompt");
    await replyInChat(harness, admin, prompt, "Ауылда талшықты желі 2027 жылы тартылады.");
    expect(reporter.last.text).toContain(`Шақат ауылы бойынша ${reference} өтінішіңіз қабылданбады.`);
    expect(reporter.last.text).toContain("Себебі: Ауылда талшықты желі 2027 жылы тартылады.");
    expect(await redis.hget(`report:${reference}`, "status")).toBe("rejected");
  });
});
