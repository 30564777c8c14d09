import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import type { Knowledge } from "../knowledge/index.js";
import type { Logger } from "../logger.js";
import type { Language } from "./i18n.js";

/** What the bot keeps per chat in Redis (`session:<chat id>`). */
export interface SessionData {
  /** The language the user chose with /language; unset means "follow Telegram's language". */
  language?: Language;
}

/** Everything features need, handed to createBot and put on every context as `ctx.deps`. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  redis: Redis;
  knowledge: Knowledge;
  i18n: I18n<BotContext>;
  /** The clock, replaceable in tests. */
  now: () => Date;
}

/** The context outside conversations. */
export type BotContext = ConversationFlavor<
  Context &
    SessionFlavor<SessionData> &
    I18nFlavor & {
      deps: BotDeps;
      /** The user's reply language, negotiated once per update. */
      lang: Language;
    }
>;

/** The context inside conversations: they get no session, so translate with deps.i18n and a language. */
export type ConversationContext = Context;
