import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../bot/context.js";
import { unsubscribeAll } from "../storage/subscriptions.js";

/**
 * my_chat_member in private chats: a user who blocks the bot is unsubscribed at once (instead of
 * being found by the next broadcast's 403), and unblocking is logged. Nothing is sent: a blocked
 * bot cannot write, and an unblocking user's client sends /start, which answers.
 */
export function membershipFeature(deps: BotDeps) {
  const feature = new Composer<BotContext>();
  feature.on("my_chat_member", async (ctx) => {
    const { chat, old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    if (chat.type !== "private") return;
    if (after.status === "kicked") {
      const topics = await unsubscribeAll(deps.redis, chat.id);
      ctx.deps.logger.info({ user: chat.id, topics }, "membership: user blocked the bot, unsubscribed");
    } else if (before.status === "kicked") {
      ctx.deps.logger.info({ user: chat.id }, "membership: user unblocked the bot");
    }
  });
  return feature;
}
