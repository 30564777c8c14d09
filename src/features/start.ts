import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { ENTRY } from "../bot/entry-points.js";

/** /start: a greeting in the user's language, what the bot can do, and the two main actions. */
export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("start-button-report"), ENTRY.report)
    .row()
    .text(ctx.t("start-button-subscribe"), ENTRY.subscribe);
  await ctx.reply(ctx.t("start-greeting", { name: ctx.from?.first_name ?? "" }), { reply_markup: keyboard });
});
