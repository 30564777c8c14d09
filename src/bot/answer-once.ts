import type { MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";
import { isQueryTooOld } from "./telegram-errors.js";

/**
 * Telegram accepts one answer per callback query, within about 15 seconds. This makes
 * `ctx.answerCallbackQuery` answer once per update (a later call, e.g. the error boundary's, is a
 * no-op), and a "query is too old" answer a logged warning instead of a failed handler: the work
 * the button asked for is done either way.
 */
export const answerCallbackOnce: MiddlewareFn<BotContext> = (ctx, next) => {
  if (!ctx.callbackQuery) return next();
  const answer = ctx.answerCallbackQuery.bind(ctx);
  let answered: Promise<true> | undefined;
  ctx.answerCallbackQuery = (other) => {
    answered ??= answer(other).catch((error: unknown) => {
      if (!isQueryTooOld(error)) throw error;
      ctx.deps.logger.warn({ update_id: ctx.update.update_id }, "callback query answered too late");
      return true as const;
    });
    return answered;
  };
  return next();
};
