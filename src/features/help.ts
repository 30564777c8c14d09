import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

/** /help: the commands, and an example question. /cancel outside a conversation lands here too. */
export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => ctx.reply(ctx.t("help-text")));
helpFeature.command("cancel", (ctx) => ctx.reply(ctx.t("cancel-nothing")));
