// first: the features below build their composers when they load
import "./composer-speedups.js";
import { type ConversationData, conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig, type Middleware, session, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { askFeature } from "../features/ask/index.js";
import { helpFeature } from "../features/help.js";
import { languageFeature } from "../features/language.js";
import { membershipFeature } from "../features/membership.js";
import { menuFeature } from "../features/menu.js";
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
import { answerCallbackOnce } from "./answer-once.js";
import { logRejectedCallback } from "./auth.js";
import { offerGateReads } from "./chat-lock.js";
import { type BotContext, type BotDeps, forUpdate, type SessionData } from "./context.js";
import { FLOOD_KEY_PREFIX, floodLimit } from "./flood-limit.js";
import { groupGate } from "./group-gate.js";
import { httpFetch } from "./http-fetch.js";
import { type Language, languageFromCode } from "./i18n.js";
import { maskIncoming, tellAboutMasking } from "./mask-incoming.js";
import { UpdatePrefetch } from "./prefetch.js";
import { isRedisError } from "./redis-health.js";
import { replyQueueTransformer } from "./reply-queue.js";
import { unchangedEditIsSuccess } from "./telegram-errors.js";

/**
 * The version of the conversations' code. Bump it whenever a conversation's steps change: users in
 * the middle of an old one are then told to start again instead of replaying into new code.
 */
export const CONVERSATIONS_VERSION = "2";

export interface BotOptions {
  /** Skips the getMe call (tests, terminal chat). */
  botInfo?: UserFromGetMe;
  /** Bot API client options: `apiRoot`, or a `fetch` that fakes the transport. */
  client?: BotConfig<BotContext>["client"];
  /** Per-user flood limit; tests that type fast raise it. */
  rateLimit?: { limit: number; timeFrameMs: number };
  /** Waits before retrying a 5xx in place, before the reply is queued (tests shorten them). */
  serverErrorDelaysMs?: number[];
  /** Runs first for every update (main.ts: log scope, metrics, dedupe and the cross-instance chat lock). */
  runtime?: Middleware<BotContext>;
  /**
   * Retries Bot API calls after 429 and 5xx (main.ts: @grammyjs/auto-retry). Installed on the bot's
   * API and inside every conversation, which builds an API of its own per update: without it one
   * 429 during /publish or a report would lose what the user typed.
   */
  apiRetry?: Transformer;
}

const dropped = new WeakMap<BotContext, DroppedConversation>();
const storeDown = new WeakSet<BotContext>();

/** Builds the bot: shared middleware in a fixed order, then the features, the catch-all last. */
export function createBot(token: string, deps: BotDeps, options: BotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    // node:http(s) instead of node-fetch, unless the caller brings its own transport (tests).
    client: { fetch: httpFetch, ...options.client },
  });
  const timeFrame = options.rateLimit?.timeFrameMs ?? 10_000;
  const prefetch = new UpdatePrefetch(deps.redis, {
    session: (chatId) => `session:${chatId}`,
    conversation: conversationKeys,
    rateLimit: (userId) => `${FLOOD_KEY_PREFIX}${userId}`,
    rateLimitMs: timeFrame,
  });
  // deps.logger is read at each use, never kept: tests swap it to capture logs.
  // Replies Telegram cannot take now are queued in Redis and sent later (see reply-queue.ts).
  bot.api.config.use(replyQueueTransformer(deps.redis, deps.logger, options.serverErrorDelaysMs));
  // "Message is not modified" means the message already shows what we asked for: a success.
  bot.api.config.use(unchangedEditIsSuccess);
  const { apiRetry } = options;
  if (apiRetry) bot.api.config.use(apiRetry);

  // One update of a chat at a time, also under the concurrent runner.
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  if (options.runtime) {
    // The chat gate in the runtime reads what the prefetch needs in its own round trip.
    bot.use((ctx, next) => {
      offerGateReads(ctx, prefetch.gateReads);
      return next();
    });
    bot.use(options.runtime);
  }

  // Error boundary: log with the update id, apologise in the user's language, never crash. When
  // the cause is Redis being unreachable, the user is told to try again shortly instead.
  bot
    .errorBoundary(async (error) => {
      const ctx = error.ctx;
      const redisDown = isRedisError(error.error);
      if (redisDown)
        deps.logger.warn({ update_id: ctx.update.update_id }, "redis unavailable: update not handled");
      else deps.logger.error({ err: error.error, update_id: ctx.update.update_id }, "handler failed");
      if (!ctx.chatId || (ctx.chat?.type !== "private" && !ctx.callbackQuery)) return;
      const lang: Language = ctx.lang ?? languageFromCode(ctx.from?.language_code);
      const text = deps.i18n.t(lang, redisDown ? "error-store-unavailable" : "error-generic");
      try {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
        if (ctx.chat?.type === "private") await ctx.api.sendMessage(ctx.chatId, text);
      } catch (replyError) {
        deps.logger.warn({ err: replyError, update_id: ctx.update.update_id }, "could not send the apology");
      }
    })
    .use(
      (ctx, next) => {
        ctx.deps = forUpdate(deps, ctx.update.update_id);
        // Every update passes here: no timing, no log object and no extra promise unless debugging.
        if (!deps.logger.isLevelEnabled("debug")) return next();
        const started = performance.now();
        return next().then(() =>
          deps.logger.debug(
            { update_id: ctx.update.update_id, ms: performance.now() - started },
            "update handled",
          ),
        );
      },
      answerCallbackOnce,
      // Channel posts and group chatter stop here, before any Redis read.
      groupGate,
      // Phones and IINs are masked before anything below can store, forward or log them.
      maskIncoming,
      // Session, conversation, flood counter and delivery language in one round trip.
      prefetch.middleware,
      session<SessionData, BotContext>({
        initial: () => ({}),
        // A chat's session; an update without a chat (an inline button) uses its user's private chat.
        getSessionKey: (ctx) => {
          const id = ctx.chatId ?? ctx.from?.id;
          return id === undefined ? undefined : `session:${id}`;
        },
        storage: prefetch.sessionStorage(
          sessionStorage<SessionData>(deps.redis, () =>
            deps.logger.warn("redis unavailable: session read skipped"),
          ),
        ),
      }),
      deps.i18n,
      async (ctx, next) => {
        ctx.lang = (await ctx.i18n.getLocale()) as Language;
        await next();
      },
      tellAboutMasking,
      floodLimit(deps.redis, options.rateLimit?.limit ?? 12, timeFrame, prefetch),
      conversations<BotContext, BotContext>({
        storage: conversationStorage<BotContext, ConversationData>(
          deps.redis,
          CONVERSATIONS_VERSION,
          (ctx, why) => {
            dropped.set(ctx, why);
          },
          (ctx) => storeDown.add(ctx),
          (ctx) => prefetch.conversation(ctx),
        ),
        plugins: apiRetry
          ? [
              async (ctx, next) => {
                ctx.api.config.use(apiRetry);
                await next();
              },
            ]
          : [],
      }),
      (ctx, next) => {
        const why = dropped.get(ctx);
        // Buttons need their state in Redis; questions (plain text) are answered from memory.
        const storeDownForButton = storeDown.has(ctx) && ctx.callbackQuery !== undefined;
        if (!why && !storeDownForButton) return next();
        return (async () => {
          if (why) await ctx.reply(ctx.t(`conversation-${why}`));
          if (storeDownForButton)
            return void (await ctx.answerCallbackQuery({ text: ctx.t("error-store-unavailable") }));
          await next();
        })();
      },
      menuFeature,
      startFeature,
      helpFeature,
      languageFeature,
      privacyFeature(deps),
      reportFeature(deps),
      subscribeFeature(deps, (ctx) => prefetch.subscriberLanguage(ctx)),
      askFeature(deps),
      membershipFeature(deps),
      async (ctx, next) => {
        // Whatever button no feature took: outdated, forged or replayed. It changes nothing.
        if (ctx.callbackQuery) logRejectedCallback(ctx, "no handler");
        await next();
      },
      unhandledFeature,
    );
  return bot;
}
