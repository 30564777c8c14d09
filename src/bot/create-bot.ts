import { type ConversationData, conversations } from "@grammyjs/conversations";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type Middleware, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { askFeature } from "../features/ask/index.js";
import { helpFeature } from "../features/help.js";
import { languageFeature } from "../features/language.js";
import { membershipFeature } from "../features/membership.js";
import { privacyFeature } from "../features/privacy.js";
import { reportFeature } from "../features/report/index.js";
import { startFeature } from "../features/start.js";
import { subscribeFeature } from "../features/subscribe/index.js";
import { unhandledFeature } from "../features/unhandled.js";
import {
  conversationKeys,
  conversationStorage,
  type DroppedConversation,
  sessionStorage,
} from "../storage/session.js";
import type { BotContext, BotDeps, SessionData } from "./context.js";
import { type Language, languageFromCode } from "./i18n.js";
import { UpdatePrefetch } from "./prefetch.js";

/**
 * The version of the conversations' code. Bump it whenever a conversation's steps change: users in
 * the middle of an old one are then told to start again instead of replaying into new code.
 */
export const CONVERSATIONS_VERSION = "1";

export interface BotOptions {
  /** Skips the getMe call (tests, terminal chat). */
  botInfo?: UserFromGetMe;
  /** Bot API client options: `apiRoot`, or a `fetch` that fakes the transport. */
  client?: BotConfig<BotContext>["client"];
  /** Per-user flood limit; tests that type fast raise it. */
  rateLimit?: { limit: number; timeFrameMs: number };
  /** Runs first for every update (main.ts: log scope, metrics, dedupe and the cross-instance chat lock). */
  runtime?: Middleware<BotContext>;
}

const dropped = new WeakMap<BotContext, DroppedConversation>();

/** Builds the bot: shared middleware in a fixed order, then the features, the catch-all last. */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    ...(options.client ? { client: options.client } : {}),
  });
  const { logger } = deps;
  const timeFrame = options.rateLimit?.timeFrameMs ?? 10_000;
  const prefetch = new UpdatePrefetch(deps.redis, {
    session: (chatId) => `session:${chatId}`,
    conversation: conversationKeys,
    rateLimit: (userId) => `ratelimit${userId}`,
    rateLimitMs: timeFrame,
  });

  // One update of a chat at a time, also under the concurrent runner.
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  if (options.runtime) bot.use(options.runtime);

  // Error boundary: log with the update id, apologise in the user's language, never crash.
  bot
    .errorBoundary(async (error) => {
      const ctx = error.ctx;
      logger.error({ err: error.error, update_id: ctx.update.update_id }, "handler failed");
      if (!ctx.chatId) return;
      const lang: Language = ctx.lang ?? languageFromCode(ctx.from?.language_code);
      try {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
        await ctx.api.sendMessage(ctx.chatId, deps.i18n.t(lang, "error-generic"));
      } catch (replyError) {
        logger.warn({ err: replyError, update_id: ctx.update.update_id }, "could not send the apology");
      }
    })
    .use(
      async (ctx, next) => {
        ctx.deps = deps;
        const started = performance.now();
        await next();
        logger.debug({ update_id: ctx.update.update_id, ms: performance.now() - started }, "update handled");
      },
      // Session, conversation, rate-limit counter and delivery language in one round trip.
      prefetch.middleware,
      session<SessionData, BotContext>({
        initial: () => ({}),
        getSessionKey: (ctx) => (ctx.chatId === undefined ? undefined : `session:${ctx.chatId}`),
        storage: prefetch.sessionStorage(sessionStorage<SessionData>(deps.redis)),
      }),
      deps.i18n,
      async (ctx, next) => {
        ctx.lang = (await ctx.i18n.getLocale()) as Language;
        await next();
      },
      limit<BotContext, UpdatePrefetch["rateLimitClient"]>({
        limit: options.rateLimit?.limit ?? 12,
        timeFrame,
        storageClient: prefetch.rateLimitClient,
        keyGenerator: prefetch.rateLimitKey,
        keyPrefix: "ratelimit",
        onLimitExceeded: async (ctx) => {
          if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("rate-limited") });
          else if (ctx.chat?.type === "private") await ctx.reply(ctx.t("rate-limited"));
        },
      }),
      conversations<BotContext, BotContext>({
        storage: conversationStorage<BotContext, ConversationData>(
          deps.redis,
          CONVERSATIONS_VERSION,
          (ctx, why) => {
            dropped.set(ctx, why);
          },
          (ctx) => prefetch.conversation(ctx),
        ),
      }),
      async (ctx, next) => {
        const why = dropped.get(ctx);
        if (why) await ctx.reply(ctx.t(why === "stale" ? "conversation-stale" : "conversation-expired"));
        await next();
      },
      startFeature,
      helpFeature,
      languageFeature,
      privacyFeature(deps),
      reportFeature(deps),
      subscribeFeature(deps, (ctx) => prefetch.subscriberLanguage(ctx)),
      askFeature(deps),
      membershipFeature(deps),
      unhandledFeature,
    );
  return bot;
}
