import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";

/** Reports of slow rural internet: the guided conversation, moderation, export. */
export function reportFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>();
}
