import type { BotContext } from "./context.js";

/**
 * Who may do what, decided by the acting user's id (never by the chat: anyone can write in a group
 * an admin also writes in).
 */

/** Whether the user behind this update is one of ADMIN_IDS. */
export function isAdmin(ctx: BotContext): boolean {
  const id = ctx.from?.id;
  return id !== undefined && ctx.deps.config.ADMIN_IDS.includes(id);
}

/** Whether the update comes from the moderators' chat (MODERATOR_CHAT_ID). */
export function isModeratorChat(ctx: BotContext): boolean {
  const chatId = ctx.chat?.id;
  return chatId !== undefined && chatId === ctx.deps.config.MODERATOR_CHAT_ID;
}

/** Admin commands (/publish, /export, /gaps, /broadcasts) run only for an admin in a private chat. */
export function isAdminInPrivate(ctx: BotContext): boolean {
  return isAdmin(ctx) && ctx.chat?.type === "private";
}

/** Moderation (status buttons, notes): an admin acting in the moderators' chat. */
export function isModeratorAction(ctx: BotContext): boolean {
  return isAdmin(ctx) && isModeratorChat(ctx);
}

/**
 * Guards an admin command: true when it may run; otherwise logs the attempt with the user id,
 * tells the user why in their language (an admin in a group is sent to the private chat, where
 * nothing they receive lands in front of others), and returns false.
 */
export async function allowAdminCommand(
  ctx: BotContext,
  command: string,
  refusalKey = "auth-admin-only",
): Promise<boolean> {
  if (isAdminInPrivate(ctx)) return true;
  ctx.deps.logger.warn(
    { user: ctx.from?.id, chat: ctx.chat?.id, chatType: ctx.chat?.type, command },
    "auth: admin command refused",
  );
  if (ctx.chat?.type === "private") await ctx.reply(ctx.t(refusalKey));
  else if (isAdmin(ctx)) await ctx.reply(ctx.t("auth-private-only"));
  return false;
}

/** Logs a button press that was forged, replayed or not this user's to press; it changes nothing. */
export function logRejectedCallback(ctx: BotContext, reason: string): void {
  ctx.deps.logger.warn(
    {
      user: ctx.from?.id,
      chat: ctx.chat?.id,
      reason,
      // Only the shape of the data: it is typed by whoever sent the update.
      dataLength: ctx.callbackQuery?.data?.length ?? 0,
      dataPrefix: ctx.callbackQuery?.data?.slice(0, 12),
    },
    "auth: callback rejected",
  );
}
