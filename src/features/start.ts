import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { mainMenu } from "../bot/main-menu.js";

/**
 * /start: a greeting in the user's language, what the bot can do, and the persistent menu under
 * the chat (Telegram keeps it until the bot replaces it, also across the bot's restarts).
 */
export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  await ctx.reply(ctx.t("start-greeting", { name: ctx.from?.first_name ?? "" }), {
    reply_markup: mainMenu((key) => ctx.t(key)),
  });
});
