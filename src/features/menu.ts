import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { mainMenu, menuCommand } from "../bot/main-menu.js";

/**
 * The persistent menu's buttons. A button sends its label as text; here it becomes the command it
 * stands for, so the features see exactly what typing the command gives (one behaviour, not two).
 * "Ask a question" has no command: it says how to ask.
 */
export const menuFeature = new Composer<BotContext>();

menuFeature.chatType("private").on("message:text", async (ctx, next) => {
  const command = menuCommand(ctx.deps.i18n, ctx.msg.text);
  if (!command) return next();
  if (command === "ask")
    return ctx.reply(ctx.t("menu-ask-prompt"), { reply_markup: mainMenu((key) => ctx.t(key)) });
  ctx.msg.text = `/${command}`;
  ctx.msg.entities = [{ type: "bot_command", offset: 0, length: command.length + 1 }];
  await next();
});
