import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { allowAdminCommand, isAdminInPrivate, logRejectedCallback } from "../../bot/auth.js";
import { callbackData } from "../../bot/callback-data.js";
import type { BotContext, BotDeps, ConversationContext } from "../../bot/context.js";
import { ENTRY } from "../../bot/entry-points.js";
import { editIgnoringUnchanged } from "../../bot/telegram-errors.js";
import {
  BROADCAST_REFRESH_DATA,
  broadcastState,
  cancelBroadcast,
  RESUBSCRIBE_DATA,
  recentBroadcasts,
  renderProgress,
  UNSUBSCRIBE_DATA,
} from "../../delivery/index.js";
import {
  isTopic,
  rememberLanguage,
  subscribe,
  TOPICS,
  unsubscribe,
  unsubscribeAll,
} from "../../storage/subscriptions.js";
import { topicsMenu } from "./menu.js";
import { PUBLISH_CONVERSATION, publishConversation } from "./publish.js";

// The data of the buttons delivery/render.ts draws under updates and progress messages, read here
// field by field: `unsub:<topic>`, `resub:<topic>`, `bc:refresh|cancel:<broadcast id>`.
const TOPIC_PATTERN = new RegExp(TOPICS.join("|"));
const unsubscribeButton = callbackData(UNSUBSCRIBE_DATA.slice(0, -1), { topic: TOPIC_PATTERN });
const resubscribeButton = callbackData(RESUBSCRIBE_DATA.slice(0, -1), { topic: TOPIC_PATTERN });
const broadcastButton = callbackData(BROADCAST_REFRESH_DATA.split(":")[0] ?? "bc", {
  action: /refresh|cancel/,
  id: /\w+/,
});

/** Subscriptions to programme updates (/subscribe, /unsubscribe, the button under each update) and publishing them. */
export function subscribeFeature(
  deps: BotDeps,
  /** The subscriber's stored delivery language when already read for this update (bot/prefetch.ts). */
  storedLanguage?: (ctx: BotContext) => string | null | undefined,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { redis } = deps;

  // Subscribers get updates in the language they use the bot in, also after switching it.
  feature.use(async (ctx, next) => {
    if (ctx.from) await rememberLanguage(redis, ctx.from.id, ctx.lang, storedLanguage?.(ctx));
    await next();
  });

  const menu = topicsMenu(deps);
  feature.use(menu);
  feature.use(
    createConversation<BotContext, ConversationContext>(publishConversation(deps), PUBLISH_CONVERSATION),
  );

  feature.command("subscribe", (ctx) => ctx.reply(ctx.t("sub-menu-text"), { reply_markup: menu }));
  feature.callbackQuery(ENTRY.subscribe, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("sub-menu-text"), { reply_markup: menu });
  });

  feature.command("unsubscribe", async (ctx) => {
    const removed = ctx.from ? await unsubscribeAll(redis, ctx.from.id) : 0;
    await ctx.reply(ctx.t(removed ? "sub-unsubscribed-all" : "sub-unsubscribed-none"));
  });

  // The button under every update: one tap, confirmed by a notice; the button turns into "subscribe again".
  feature.callbackQuery([unsubscribeButton.prefix, resubscribeButton.prefix], async (ctx) => {
    const data = ctx.callbackQuery.data;
    const off = unsubscribeButton.unpack(data);
    const topic = (off ?? resubscribeButton.unpack(data))?.topic;
    if (!isTopic(topic)) {
      logRejectedCallback(ctx, "unknown topic");
      return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
    }
    const name = ctx.t(`sub-topic-${topic}`);
    await ctx.answerCallbackQuery({
      text: off
        ? ctx.t("sub-unsubscribed-topic", { topic: name })
        : ctx.t("sub-resubscribed-topic", { topic: name }),
    });
    if (off) await unsubscribe(redis, ctx.from.id, topic);
    else await subscribe(redis, ctx.from.id, topic, ctx.lang);
    const button = off
      ? new InlineKeyboard().text(ctx.t("sub-button-resubscribe"), resubscribeButton.pack({ topic }))
      : new InlineKeyboard().text(ctx.t("sub-button-unsubscribe-topic"), unsubscribeButton.pack({ topic }));
    await editIgnoringUnchanged(() => ctx.editMessageReplyMarkup({ reply_markup: button }));
  });

  // Admin conversations run only in an admin's private chat, keyed to that admin (storage/session.ts).
  feature.command("publish", async (ctx) => {
    if (!(await allowAdminCommand(ctx, "publish", "publish-not-allowed"))) return;
    await ctx.conversation.enter(PUBLISH_CONVERSATION);
  });

  // /broadcasts: the newest broadcasts with their figures, and Refresh / Stop on running ones.
  feature.command("broadcasts", async (ctx) => {
    if (!(await allowAdminCommand(ctx, "broadcasts", "publish-not-allowed"))) return;
    const states = (
      await Promise.all((await recentBroadcasts(redis, 3)).map((id) => broadcastState(deps, id)))
    ).filter((state) => state !== undefined);
    if (!states.length) return ctx.reply(ctx.t("publish-broadcasts-none"));
    for (const state of states.reverse()) {
      const view = renderProgress(deps.i18n, ctx.lang, state);
      await ctx.reply(view.text, { reply_markup: view.reply_markup });
    }
  });

  feature.callbackQuery(broadcastButton.prefix, async (ctx) => {
    const pressed = broadcastButton.unpack(ctx.callbackQuery.data);
    if (!isAdminInPrivate(ctx) || !pressed) {
      logRejectedCallback(ctx, "broadcast button by a non-admin, outside a private chat, or malformed");
      return ctx.answerCallbackQuery({ text: ctx.t("publish-not-allowed") });
    }
    const id = pressed.id;
    if (pressed.action === "cancel") {
      const cancelled = await cancelBroadcast(deps, id);
      await ctx.answerCallbackQuery({
        text: ctx.t(cancelled ? "publish-stopped" : "publish-already-finished"),
      });
    } else await ctx.answerCallbackQuery();
    const state = await broadcastState(deps, id);
    if (!state) return;
    const view = renderProgress(deps.i18n, ctx.lang, state);
    await editIgnoringUnchanged(() => ctx.editMessageText(view.text, { reply_markup: view.reply_markup }));
  });

  return feature;
}
