import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";

/** Questions in Russian or Kazakh, answered from the knowledge. */
export function askFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>();
}
