import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { mainMenu } from "../bot/main-menu.js";

/**
 * Installed last: whatever no feature took. Stickers, photos, voice, files and unknown commands get
 * a hint of what the bot understands, with the menu; a stale button gets its spinner stopped with a word.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-outdated") }));
// Only in private chats: in the moderators' group, commands and chatter are not meant for the bot.
const privateChat = unhandledFeature.chatType("private");
const withMenu = (ctx: BotContext) => ({ reply_markup: mainMenu((key) => ctx.t(key)) });
privateChat.on("message::bot_command", (ctx) => ctx.reply(ctx.t("unknown-command"), withMenu(ctx)));
// People who cannot type easily send voice: a kind word and the buttons, not "I understand text".
privateChat.on(["message:voice", "message:video_note", "message:audio"], (ctx) =>
  ctx.reply(ctx.t("voice-reply"), withMenu(ctx)),
);
privateChat.on("message", (ctx) => ctx.reply(ctx.t("unsupported-message"), withMenu(ctx)));
