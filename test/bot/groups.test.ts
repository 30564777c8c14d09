import type { Message, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_BOT_INFO } from "../../src/bot/local-bot-api.js";
import { createTestBot, type TestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, prefix, cleanup } = await testRedis("groups")));
afterAll(() => cleanup());

const from: User = { id: 41, is_bot: false, first_name: "Ерлан", language_code: "kk" };
let chatSeq = -100900;

function say(harness: TestBot, chatId: number, text: string, extra: object = {}, type = "group") {
  return harness.bot.handleUpdate({
    update_id: harness.nextUpdateId(),
    message: {
      message_id: harness.nextUpdateId(),
      date: 0,
      chat: { id: chatId, type, title: "Ауыл" },
      from,
      text,
      ...extra,
    } as Message,
  } as Update);
}

const sent = (harness: TestBot) => harness.api.calls.filter((c) => c.method !== "getMe");

describe("groups and channels", () => {
  it("ignores what is not addressed to it: chatter, other bots' commands, bare commands", async () => {
    const harness = createTestBot({ redis });
    const chat = chatSeq--;
    await say(harness, chat, "5G қашан болады?");
    await say(harness, chat, "/start", { entities: [{ type: "bot_command", offset: 0, length: 6 }] });
    await say(harness, chat, "/start@otherbot", {
      entities: [{ type: "bot_command", offset: 0, length: 15 }],
    });
    expect(sent(harness)).toEqual([]);
  });

  it("says once per group how to reach it privately, when addressed by command, mention or reply", async () => {
    const harness = createTestBot({ redis });
    const chat = chatSeq--;
    await say(harness, chat, "/start@qazaq_digital_bot", {
      entities: [{ type: "bot_command", offset: 0, length: 24 }],
    });
    expect(sent(harness)).toHaveLength(1);
    expect(sent(harness)[0]?.payload.text).toContain("@qazaq_digital_bot");
    expect(sent(harness)[0]?.payload.text).toContain("жеке чатта");
    await say(harness, chat, "@qazaq_digital_bot 5G қашан?", {
      entities: [{ type: "mention", offset: 0, length: 18 }],
    });
    await say(harness, chat, "рахмет", {
      reply_to_message: { message_id: 1, date: 0, chat: { id: chat, type: "group" }, from: LOCAL_BOT_INFO },
    });
    expect(sent(harness)).toHaveLength(1);
    // A report never starts in a group.
    await say(harness, chat, "/report@qazaq_digital_bot", {
      entities: [{ type: "bot_command", offset: 0, length: 25 }],
    });
    expect(sent(harness)).toHaveLength(1);
    expect(await redis.keys(`${prefix}conv:*`)).toEqual([]);
  });

  it("tells a group it was added to, once", async () => {
    const harness = createTestBot({ redis });
    const chat = chatSeq--;
    const added = () =>
      harness.bot.handleUpdate({
        update_id: harness.nextUpdateId(),
        my_chat_member: {
          chat: { id: chat, type: "supergroup", title: "Ауыл" },
          from,
          date: 0,
          old_chat_member: { status: "left", user: LOCAL_BOT_INFO },
          new_chat_member: { status: "member", user: LOCAL_BOT_INFO },
        },
      } as Update);
    await added();
    await added();
    expect(sent(harness)).toHaveLength(1);
  });

  it("ignores channel posts entirely", async () => {
    const harness = createTestBot({ redis });
    await harness.bot.handleUpdate({
      update_id: harness.nextUpdateId(),
      channel_post: {
        message_id: 1,
        date: 0,
        chat: { id: -100777, type: "channel", title: "News" },
        text: "/start@qazaq_digital_bot",
        entities: [{ type: "bot_command", offset: 0, length: 24 }],
      },
    } as Update);
    expect(sent(harness)).toEqual([]);
  });

  it("answers a button pressed in an ordinary group without acting on it", async () => {
    const harness = createTestBot({ redis });
    const chat = chatSeq--;
    await harness.bot.handleUpdate({
      update_id: harness.nextUpdateId(),
      callback_query: {
        id: "g1",
        from,
        chat_instance: "g",
        data: "entry:subscribe",
        message: { message_id: 3, date: 0, chat: { id: chat, type: "group", title: "Ауыл" } } as Message,
      },
    } as Update);
    expect(sent(harness).map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });
});
