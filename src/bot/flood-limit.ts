import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./context.js";
import type { UpdatePrefetch } from "./prefetch.js";
import { redisUp } from "./redis-health.js";

export const FLOOD_KEY_PREFIX = "ratelimit:";
const toldKey = (userId: number) => `${FLOOD_KEY_PREFIX}told:${userId}`;

/**
 * Per-user flood limit: `max` updates per `windowMs`. Over the limit, a button press is answered
 * with a notice (every callback query must be answered) and a message gets one clear translated
 * reply per window saying how long to wait; the updates themselves are not handled. Redis trouble
 * never blocks a user: the limit is then simply not applied.
 */
export function floodLimit(
  redis: Redis,
  max: number,
  windowMs: number,
  /** The counter read ahead for this update (bot/prefetch.ts), else Redis itself. */
  prefetched?: Pick<UpdatePrefetch, "rateLimitClient" | "rateLimitKey">,
): MiddlewareFn<BotContext> {
  const counter = prefetched?.rateLimitClient ?? redis;
  const softStore = {
    incr: async (key: string) => (redisUp(redis) ? counter.incr(key).catch(() => 1) : 1),
    pexpire: async (key: string, ms: number) =>
      redisUp(redis) ? counter.pexpire(key, ms).catch(() => 0) : 0,
  };
  const seconds = Math.ceil(windowMs / 1000);
  return limit<BotContext, Redis>({
    limit: max,
    timeFrame: windowMs,
    storageClient: softStore as unknown as Redis,
    keyPrefix: FLOOD_KEY_PREFIX,
    ...(prefetched ? { keyGenerator: prefetched.rateLimitKey } : {}),
    alwaysReply: true,
    onLimitExceeded: async (ctx) => {
      if (ctx.callbackQuery)
        return void (await ctx.answerCallbackQuery({ text: ctx.t("flood-limited", { seconds }) }));
      if (ctx.chat?.type !== "private" || !ctx.from) return;
      const first = await redis.set(toldKey(ctx.from.id), "1", "PX", windowMs, "NX").catch(() => null);
      if (first === "OK") await ctx.reply(ctx.t("flood-limited", { seconds }));
    },
  });
}

/** The flood limiter's keys of one user (/deletemydata). */
export function floodKeys(userId: number): string[] {
  return [`${FLOOD_KEY_PREFIX}${userId}`, toldKey(userId)];
}
