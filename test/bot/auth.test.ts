import type { Message, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackData } from "../../src/bot/callback-data.js";
import { LOCAL_BOT_INFO } from "../../src/bot/local-bot-api.js";
import { conversationKey } from "../../src/storage/session.js";
import { pressInChat, sendReport, sentTo } from "../features/report/helpers.js";
import { createTestBot, type TestBot } from "../support/chat.js";
import { captureLogs } from "../support/log-capture.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, prefix, cleanup } = await testRedis("auth")));
afterAll(() => cleanup());

const MOD_CHAT = -100500;
const OTHER_GROUP = -100600;
const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: String(MOD_CHAT) };
const admin: User = { id: 900, is_bot: false, first_name: "Админ", language_code: "ru" };
const member: User = { id: 901, is_bot: false, first_name: "Участник", language_code: "ru" };

/** A message in a group, a command getting its entity as Telegram gives it. */
function groupMessage(harness: TestBot, chatId: number, from: User, text: string, extra: object = {}) {
  const command = /^\/[\w@]+/.exec(text);
  return harness.bot.handleUpdate({
    update_id: harness.nextUpdateId(),
    message: {
      message_id: harness.nextUpdateId(),
      date: 0,
      chat: { id: chatId, type: "supergroup", title: "Group" },
      from,
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      ...extra,
    } as Message,
  } as Update);
}

describe("admin commands", () => {
  it("refuses /publish in the moderators' group, so nobody there can continue it", async () => {
    const harness = createTestBot({ redis, env });
    await groupMessage(harness, MOD_CHAT, admin, "/publish@qazaq_digital_bot");
    expect(sentTo(harness, MOD_CHAT).at(-1)?.text).toBe(
      "Команды администратора работают только в личном чате с ботом: напишите мне туда.",
    );
    // The member then presses what would be the topic button and writes the texts: nothing runs.
    await pressInChat(harness, member, MOD_CHAT, { message_id: 1, text: "" }, "pub:topic:digitel");
    await groupMessage(harness, MOD_CHAT, member, "ФЕЙК: интернет платный", {
      reply_to_message: {
        message_id: 1,
        date: 0,
        chat: { id: MOD_CHAT, type: "supergroup" },
        from: LOCAL_BOT_INFO,
      },
    });
    const texts = harness.api.calls.map((c) => String(c.payload.text ?? ""));
    expect(texts.some((t) => t.includes("ФЕЙК"))).toBe(false);
    expect(texts.some((t) => t.includes("Выберите тему"))).toBe(false);
    expect(await redis.keys(`${prefix}conv:*`)).toEqual([]);
  });

  it("keys conversations outside private chats by user and chat", () => {
    const inGroup = (from: User) =>
      conversationKey({ chat: { id: MOD_CHAT, type: "supergroup" }, chatId: MOD_CHAT, from } as never);
    expect(inGroup(admin)).not.toBe(inGroup(member));
    expect(conversationKey({ chat: { id: 5, type: "private" }, chatId: 5, from: { id: 5 } } as never)).toBe(
      "conv:5",
    );
  });

  it("starts /publish for an admin in a private chat only", async () => {
    const harness = createTestBot({ redis, env });
    const user = harness.user(admin);
    await user.send("/publish");
    expect(user.last.text).toContain("тем");
    const stranger = harness.user(member);
    await stranger.send("/publish");
    expect(stranger.last.text).toBe("Публиковать новости могут только администраторы бота.");
  });

  it("never posts the /export CSV into a group", async () => {
    const harness = createTestBot({ redis, env });
    await groupMessage(harness, OTHER_GROUP, admin, "/export@qazaq_digital_bot");
    await groupMessage(harness, MOD_CHAT, admin, "/export@qazaq_digital_bot");
    expect(harness.api.calls.filter((c) => c.method === "sendDocument")).toEqual([]);
    expect(sentTo(harness, MOD_CHAT).at(-1)?.text).toContain("только в личном чате");
  });

  it("refuses /gaps and /broadcasts to non-admins and in groups", async () => {
    const harness = createTestBot({ redis, env });
    const user = harness.user(member);
    await user.send("/gaps");
    expect(user.last.text).toBe("Эта команда доступна только администраторам.");
    await groupMessage(harness, MOD_CHAT, admin, "/broadcasts@qazaq_digital_bot");
    expect(sentTo(harness, MOD_CHAT).at(-1)?.text).toContain("только в личном чате");
  });
});

describe("forged and replayed buttons", () => {
  it("changes no report status for a non-admin, an admin outside the moderators' chat, or forged data, and logs the user", async () => {
    const harness = createTestBot({ redis, env });
    const { logger, lines } = captureLogs();
    harness.deps.logger = logger;
    const reporter = harness.user({ id: 3201 });
    const reference = await sendReport(reporter);
    const status = () => redis.hget(`report:${reference}`, "status");

    await pressInChat(harness, member, MOD_CHAT, { message_id: 1, text: "" }, `repmod:accepted:${reference}`);
    // The admin's own press, replayed from a private chat.
    await pressInChat(
      harness,
      admin,
      900,
      { message_id: 1, text: "" },
      `repmod:accepted:${reference}`,
      "private",
    );
    await pressInChat(harness, admin, MOD_CHAT, { message_id: 1, text: "" }, `repmod:deleted:${reference}`);
    await pressInChat(harness, admin, MOD_CHAT, { message_id: 1, text: "" }, "repmod:accepted:R-2026-9");
    expect(await status()).toBe("new");
    const rejected = lines.filter((l) => l.msg === "auth: callback rejected");
    expect(rejected.map((l) => l.user)).toEqual([901, 900, 900, 900]);
    // each line carries the id of the update it is about (ctx.deps.logger is the update's child logger)
    const updateIds = rejected.map((l) => l.update_id);
    expect(updateIds.every((id) => typeof id === "number")).toBe(true);
    expect(new Set(updateIds).size).toBe(4);
    // Every press got exactly one answer.
    expect(harness.api.rejected).toEqual([]);

    await pressInChat(harness, admin, MOD_CHAT, { message_id: 1, text: "" }, `repmod:accepted:${reference}`);
    expect(await status()).toBe("accepted");
  });

  it("logs an unknown button with the user id and answers it", async () => {
    const harness = createTestBot({ redis, env });
    const { logger, lines } = captureLogs();
    harness.deps.logger = logger;
    const user = harness.user({ id: 3202 });
    await pressInChat(harness, user.from, 3202, { message_id: 1, text: "" }, "bc:cancel:anything", "private");
    await pressInChat(harness, user.from, 3202, { message_id: 1, text: "" }, "zz:forged", "private");
    expect(lines.filter((l) => l.msg === "auth: callback rejected").map((l) => l.user)).toEqual([3202, 3202]);
    expect(user.notices).toEqual([
      "Публиковать новости могут только администраторы бота.",
      "Эта кнопка устарела.",
    ]);
  });
});

describe("callback data codec", () => {
  const codec = callbackData("x", { id: /\d+/, vote: /up|down/ });

  it("packs and unpacks named fields", () => {
    const data = codec.pack({ id: 42, vote: "up" });
    expect(data).toBe("x:42:up");
    expect(codec.unpack(data)).toEqual({ id: "42", vote: "up" });
  });

  it("rejects forged, truncated and foreign data", () => {
    for (const data of ["x:42", "x:42:sideways", "x:4a:up", "y:42:up", "x:42:up:extra", "", undefined])
      expect(codec.unpack(data)).toBeUndefined();
    expect(codec.prefix.test("x:anything")).toBe(true);
  });

  it("refuses to build data Telegram would refuse", () => {
    expect(() => codec.pack({ id: "1".repeat(70), vote: "up" })).toThrow(/64 bytes/);
    expect(() => codec.pack({ id: "a", vote: "up" })).toThrow(/cannot hold/);
  });
});
