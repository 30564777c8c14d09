import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

/**
 * /help: the commands, and an example question; administrators also see theirs (nobody else does).
 * /cancel outside a conversation lands here too.
 */
export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => {
  const admin = ctx.from !== undefined && ctx.deps.config.ADMIN_IDS.includes(ctx.from.id);
  return ctx.reply(admin ? `${ctx.t("help-text")}\n\n${ctx.t("help-admin")}` : ctx.t("help-text"));
});
helpFeature.command("cancel", async (ctx, next) => {
  // Inside a conversation, /cancel belongs to the conversation, which is installed further down.
  if (Object.keys(ctx.conversation.active()).length > 0) return next();
  await ctx.reply(ctx.t("cancel-nothing"));
});
