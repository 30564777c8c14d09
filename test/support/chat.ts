import type { Bot, Transformer } from "grammy";
import type { Message, Update, User } from "grammy/types";
import type { Redis } from "ioredis";
import pino from "pino";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { type BotOptions, createBot } from "../../src/bot/create-bot.js";
import { createBotI18n } from "../../src/bot/i18n.js";
import {
  type ApiCall,
  type ApiReply,
  LOCAL_BOT_INFO,
  LocalBotApi,
  SAMPLE_MEDIA,
} from "../../src/bot/local-bot-api.js";
import { type Config, parseConfig } from "../../src/config.js";
import { type Knowledge, loadKnowledge } from "../../src/knowledge/index.js";
import { LOG_SERIALIZERS } from "../../src/privacy/log.js";

let sharedKnowledge: Knowledge | undefined;

/** What one bot message looks like to a test. */
export interface Shown {
  method: string;
  chatId: number;
  text: string;
  /** Labels of the inline or keyboard buttons, row after row, flattened. */
  buttons: string[];
  payload: Record<string, unknown>;
}

export interface TestBotOptions {
  redis: Redis;
  env?: Record<string, string>;
  now?: () => Date;
  /** Override the Bot API's answer to some calls (errors, 403, 429). */
  answer?: (call: ApiCall) => ApiReply | undefined;
  /** The Bot API stand-in's clock (ms), which decides whether a callback answer came too late. */
  apiNow?: () => number;
  /** Per-user flood limit (tests raise it by default). */
  rateLimit?: { limit: number; timeFrameMs: number };
  /** Bot API retries (production: @grammyjs/auto-retry), also inside conversations. */
  apiRetry?: Transformer;
  /** What runs first for every update (production: the log scope, metrics and the chat gate). */
  runtime?: BotOptions["runtime"];
  /** The first update id (a chat gate drops ids it has seen: harnesses on one Redis need their own). */
  firstUpdateId?: number;
}

/**
 * A whole bot built by createBot, with the Bot API faked at the transport. Make users with
 * `harness.user()`; build a second harness on the same Redis to simulate a restart.
 */
export function createTestBot(options: TestBotOptions) {
  const config: Config = parseConfig({ LOG_LEVEL: "silent", ...options.env });
  sharedKnowledge ??= loadKnowledge();
  const deps: BotDeps = {
    config,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent", serializers: LOG_SERIALIZERS }),
    redis: options.redis,
    knowledge: sharedKnowledge,
    i18n: createBotI18n(),
    now: options.now ?? (() => new Date()),
  };
  const api = new LocalBotApi(options.answer, options.apiNow ? { now: options.apiNow } : {});
  const bot = createBot("1234567:TEST-TOKEN-0123456789abcdef", deps, {
    botInfo: LOCAL_BOT_INFO,
    client: { fetch: api.fetch },
    rateLimit: options.rateLimit ?? { limit: 10_000, timeFrameMs: 1000 },
    serverErrorDelaysMs: [1, 1],
    ...(options.apiRetry ? { apiRetry: options.apiRetry } : {}),
    ...(options.runtime ? { runtime: options.runtime } : {}),
  });
  // Every update the bot gets is announced to the stand-in, which then holds the bot to
  // Telegram's rules for its callback query (one answer, within 15 s).
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, webhookReplyEnvelope) => {
    api.noteUpdate(update);
    return handleUpdate(update, webhookReplyEnvelope);
  };
  let updateId = options.firstUpdateId ?? 1;
  return {
    bot,
    api,
    deps,
    nextUpdateId: () => updateId++,
    /** A user writing to the bot in a private chat. */
    user(from: Partial<User> = {}): TestUser {
      return new TestUser(this, {
        id: 1001,
        is_bot: false,
        first_name: "Айгерим",
        language_code: "ru",
        ...from,
      });
    },
  };
}

export type TestBot = ReturnType<typeof createTestBot>;

/** A chat-like driver in the style of grammY i18n's TestUser: `await user.send("..."); user.last.text`. */
export class TestUser {
  private seen = 0;
  private messageId = 1;

  constructor(
    private readonly harness: { bot: Bot<BotContext>; api: LocalBotApi; nextUpdateId: () => number },
    readonly from: User,
    readonly chatId: number = from.id,
  ) {}

  /** Sends text; a leading /command gets its entity, as Telegram does. */
  send(text: string): Promise<void> {
    const command = /^\/\w+/.exec(text);
    return this.message({
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    });
  }

  /** Presses the inline button whose label contains `label` (or matches it), on the newest message that has it. */
  press(label: string | RegExp): Promise<void> {
    const matches = (text: string) => (typeof label === "string" ? text.includes(label) : label.test(text));
    for (const shown of [...this.all].reverse()) {
      const keyboard = (
        shown.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] }
      )?.inline_keyboard;
      const button = keyboard?.flat().find((b) => matches(b.text));
      if (!button?.callback_data) continue;
      const messageId = (shown.payload.message_id as number | undefined) ?? shown.resultMessageId;
      return this.dispatch({
        callback_query: {
          // Unique across users: Telegram never gives two queries one id.
          id: `${this.from.id}:${this.messageId++}`,
          from: this.from,
          chat_instance: String(this.chatId),
          data: button.callback_data,
          message: {
            message_id: messageId ?? 0,
            date: 0,
            chat: this.chat,
            from: LOCAL_BOT_INFO,
            text: shown.text,
          } as Message,
        },
      });
    }
    throw new Error(
      `test: no button matching ${String(label)} in ${JSON.stringify(this.all.map((s) => s.buttons))}`,
    );
  }

  /** Shares a location, as Telegram's location button does. */
  shareLocation(latitude: number, longitude: number): Promise<void> {
    return this.message({ location: { latitude, longitude } });
  }

  sendSticker(): Promise<void> {
    return this.message({ sticker: SAMPLE_MEDIA.sticker });
  }

  sendPhoto(): Promise<void> {
    return this.message({ photo: SAMPLE_MEDIA.photo });
  }

  /** A voice message. */
  sendVoice(): Promise<void> {
    return this.message({ voice: { file_id: "voice", file_unique_id: "voice", duration: 2 } });
  }

  /** A file, e.g. a screenshot sent "as a file" (image/png) or a PDF. */
  sendDocument(mimeType: string): Promise<void> {
    return this.message({
      document: { file_id: "document", file_unique_id: "document", mime_type: mimeType },
    });
  }

  /** Everything the bot sent or edited in this chat, oldest first. */
  get all(): (Shown & { resultMessageId?: number })[] {
    return this.harness.api.calls
      .filter((call) => "chat_id" in call.payload && Number(call.payload.chat_id) === this.chatId)
      .map(toShown);
  }

  /** What the bot sent since the user's last action. */
  get replies(): Shown[] {
    return this.all.slice(this.seen);
  }

  /** The newest thing the bot sent or edited in this chat. */
  get last(): Shown {
    const last = this.all.at(-1);
    if (!last) throw new Error("test: the bot has not written to this chat");
    return last;
  }

  /** Notices shown by answerCallbackQuery (toasts), newest last. */
  get notices(): string[] {
    return this.harness.api.calls
      .filter((c) => c.method === "answerCallbackQuery" && typeof c.payload.text === "string")
      .map((c) => String(c.payload.text));
  }

  private get chat() {
    return { id: this.chatId, type: "private" as const, first_name: this.from.first_name };
  }

  private message(content: Record<string, unknown>): Promise<void> {
    return this.dispatch({
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        ...content,
      } as never,
    });
  }

  private async dispatch(update: Omit<Update, "update_id">): Promise<void> {
    this.seen = this.all.length;
    await this.harness.bot.handleUpdate({ update_id: this.harness.nextUpdateId(), ...update } as Update);
  }
}

function toShown(call: ApiCall): Shown & { resultMessageId?: number } {
  const markup = call.payload.reply_markup as
    | { inline_keyboard?: { text: string }[][]; keyboard?: ({ text: string } | string)[][] }
    | undefined;
  const rows = markup?.inline_keyboard ?? markup?.keyboard ?? [];
  return {
    method: call.method,
    chatId: Number(call.payload.chat_id),
    text: String(call.payload.text ?? call.payload.caption ?? ""),
    buttons: rows.flat().map((b) => (typeof b === "string" ? b : b.text)),
    payload: call.payload,
    resultMessageId: (call.result as { message_id?: number } | undefined)?.message_id,
  };
}
