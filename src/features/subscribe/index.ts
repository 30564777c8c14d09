import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";

/** Subscriptions to programme updates and publishing them. */
export function subscribeFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>();
}
