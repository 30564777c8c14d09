import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

/** /help: the commands, and an example question. /cancel outside a conversation lands here too. */
export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => ctx.reply(ctx.t("help-text")));
helpFeature.command("cancel", async (ctx, next) => {
  // Inside a conversation, /cancel belongs to the conversation, which is installed further down.
  if (Object.keys(ctx.conversation.active()).length > 0) return next();
  await ctx.reply(ctx.t("cancel-nothing"));
});
