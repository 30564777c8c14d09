import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

/**
 * Installed last: whatever no feature took. Stickers, photos, voice, files and unknown commands get
 * a hint of what the bot understands; a stale button gets its spinner stopped with a word.
 */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-outdated") }));
// Only in private chats: in the moderators' group, commands and chatter are not meant for the bot.
const privateChat = unhandledFeature.chatType("private");
privateChat.on("message::bot_command", (ctx) => ctx.reply(ctx.t("unknown-command")));
privateChat.on("message", (ctx) => ctx.reply(ctx.t("unsupported-message")));
