import { InlineKeyboard, type MiddlewareFn } from "grammy";
import type { MessageEntity } from "grammy/types";
import { isModeratorChat, logRejectedCallback } from "./auth.js";
import { PUBLIC_COMMANDS } from "./commands.js";
import type { BotContext } from "./context.js";
import { isRedisError } from "./redis-health.js";

/** How long a group remembers that it was told how to reach the bot privately. */
const HINT_TTL_SECONDS = 30 * 24 * 60 * 60;
export const groupHintKey = (chatId: number) => `group:hinted:${chatId}`;

/** Whether a group message is meant for the bot: a command with its username, a mention, a reply to it. */
export function isAddressed(ctx: BotContext): boolean {
  const message = ctx.message;
  if (!message) return false;
  const me = ctx.me;
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? "";
  const entities: MessageEntity[] = message.entities ?? message.caption_entities ?? [];
  const username = `@${me.username}`.toLowerCase();
  return entities.some((entity) => {
    const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === "bot_command") return part.endsWith(username);
    if (entity.type === "mention") return part === username;
    if (entity.type === "text_mention") return entity.user.id === me.id;
    return false;
  });
}

/** A bare or addressed command at the start of a message, without the slash and username. */
function commandOf(ctx: BotContext): string | undefined {
  const text = ctx.message?.text ?? "";
  const entity = ctx.message?.entities?.[0];
  if (entity?.type !== "bot_command" || entity.offset !== 0) return undefined;
  return text.slice(1, entity.length).split("@")[0]?.toLowerCase();
}

/**
 * Groups and channels, and updates that are not for the bot at all. Channel posts are ignored. In a group the bot acts only when addressed; in
 * the moderators' chat that reaches the features (status buttons, notes, and the admin commands
 * that then refuse to run there); anywhere else the group is told once how to reach the bot
 * privately, and nothing else happens. Installed before the session, so group chatter costs no
 * Redis read.
 */
export const groupGate: MiddlewareFn<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (ctx.channelPost || ctx.editedChannelPost || chat?.type === "channel") return;
  // A button on an inline message, or a message with no user (anonymous admins, malformed
  // updates): nothing of ours, since the bot runs no inline mode and acts for users only.
  if (ctx.callbackQuery && !ctx.callbackQuery.message) {
    logRejectedCallback(ctx, "button without a message");
    return ctx.answerCallbackQuery({ text: ctx.deps.i18n.t(langOf(ctx), "button-outdated") });
  }
  // Nor are updates without a chat (inline queries, polls, payments): the bot offers none of these.
  if (!ctx.from || ctx.from.is_bot || !chat) return;
  if (chat.type === "private") return next();

  if (ctx.callbackQuery) {
    if (isModeratorChat(ctx)) return next();
    return ctx.answerCallbackQuery({ text: ctx.deps.i18n.t(langOf(ctx), "group-use-private-short") });
  }
  const joined = ctx.myChatMember?.new_chat_member.status;
  if (joined === "member" || joined === "administrator") return hintOnce(ctx);
  if (!ctx.message || !isAddressed(ctx)) {
    // Bare commands still reach the moderators' features (Telegram sends them to bots in privacy mode).
    if (!(ctx.message && isModeratorChat(ctx) && commandOf(ctx) !== undefined)) return;
  }
  const command = commandOf(ctx);
  const forEveryone = command !== undefined && (PUBLIC_COMMANDS as readonly string[]).includes(command);
  if (isModeratorChat(ctx) && !forEveryone) return next();
  return hintOnce(ctx);
};

function langOf(ctx: BotContext): "ru" | "kk" {
  return ctx.from?.language_code?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}

/** Tells a group, once, that the bot works in a private chat, with a button that opens it. */
async function hintOnce(ctx: BotContext): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  try {
    const first = await ctx.deps.redis.set(groupHintKey(chatId), "1", "EX", HINT_TTL_SECONDS, "NX");
    if (first !== "OK") return;
  } catch (error) {
    if (!isRedisError(error)) throw error;
    return; // without Redis a group could be told on every mention: stay quiet instead
  }
  const t = (key: string) => ctx.deps.i18n.t(langOf(ctx), key, { username: ctx.me.username });
  await ctx.api.sendMessage(chatId, t("group-use-private"), {
    reply_markup: new InlineKeyboard().url(t("group-open-private"), `https://t.me/${ctx.me.username}`),
  });
}
