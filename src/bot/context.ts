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

/**
 * The deps one update's handlers see as `ctx.deps`: the same, except that their logger is a child
 * carrying the update's id, made at the first line logged (most updates log nothing). Cheaper than
 * an AsyncLocalStorage scope, whose promise hooks cost every update ~15% of its CPU on Node 20.
 */
export function forUpdate(deps: BotDeps, updateId: number): BotDeps {
  let logger: Logger | undefined;
  return Object.create(deps, {
    // deps.logger is read at the first use, not now: tests swap it to capture logs
    logger: { get: () => (logger ??= deps.logger.child({ update_id: updateId })) },
  }) as BotDeps;
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
