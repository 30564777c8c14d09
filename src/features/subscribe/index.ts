import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps, ConversationContext } from "../../bot/context.js";
import { ENTRY } from "../../bot/entry-points.js";
import {
  BROADCAST_CANCEL_DATA,
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
  unsubscribe,
  unsubscribeAll,
} from "../../storage/subscriptions.js";
import { topicsMenu } from "./menu.js";
import { PUBLISH_CONVERSATION, publishConversation } from "./publish.js";

/** Subscriptions to programme updates (/subscribe, /unsubscribe, the button under each update) and publishing them. */
export function subscribeFeature(
  deps: BotDeps,
  /** The subscriber's stored delivery language when already read for this update (bot/prefetch.ts). */
  storedLanguage?: (ctx: BotContext) => string | null | undefined,
): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { redis } = deps;
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && deps.config.ADMIN_IDS.includes(ctx.from.id);

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
  feature.callbackQuery(new RegExp(`^(${UNSUBSCRIBE_DATA}|${RESUBSCRIBE_DATA})(\\w+)$`), async (ctx) => {
    const topic = ctx.match[2];
    if (!isTopic(topic)) return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
    const name = ctx.t(`sub-topic-${topic}`);
    const off = ctx.match[1] === UNSUBSCRIBE_DATA;
    if (off) await unsubscribe(redis, ctx.from.id, topic);
    else await subscribe(redis, ctx.from.id, topic, ctx.lang);
    await ctx.answerCallbackQuery({
      text: off
        ? ctx.t("sub-unsubscribed-topic", { topic: name })
        : ctx.t("sub-resubscribed-topic", { topic: name }),
    });
    const button = off
      ? new InlineKeyboard().text(ctx.t("sub-button-resubscribe"), `${RESUBSCRIBE_DATA}${topic}`)
      : new InlineKeyboard().text(ctx.t("sub-button-unsubscribe-topic"), `${UNSUBSCRIBE_DATA}${topic}`);
    await ctx.editMessageReplyMarkup({ reply_markup: button }).catch(() => {});
  });

  feature.command("publish", async (ctx) => {
    if (!isAdmin(ctx)) return ctx.reply(ctx.t("publish-not-allowed"));
    await ctx.conversation.enter(PUBLISH_CONVERSATION);
  });

  // /broadcasts: the newest broadcasts with their figures, and Refresh / Stop on running ones.
  feature.command("broadcasts", async (ctx) => {
    if (!isAdmin(ctx)) return ctx.reply(ctx.t("publish-not-allowed"));
    const states = (
      await Promise.all((await recentBroadcasts(redis, 3)).map((id) => broadcastState(deps, id)))
    ).filter((state) => state !== undefined);
    if (!states.length) return ctx.reply(ctx.t("publish-broadcasts-none"));
    for (const state of states.reverse()) {
      const view = renderProgress(deps.i18n, ctx.lang, state);
      await ctx.reply(view.text, { reply_markup: view.reply_markup });
    }
  });

  feature.callbackQuery(
    new RegExp(`^(${BROADCAST_REFRESH_DATA}|${BROADCAST_CANCEL_DATA})(\\w+)$`),
    async (ctx) => {
      if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("publish-not-allowed") });
      const id = ctx.match[2] ?? "";
      if (ctx.match[1] === BROADCAST_CANCEL_DATA) {
        const cancelled = await cancelBroadcast(deps, id);
        await ctx.answerCallbackQuery({
          text: ctx.t(cancelled ? "publish-stopped" : "publish-already-finished"),
        });
      } else await ctx.answerCallbackQuery();
      const state = await broadcastState(deps, id);
      if (!state) return;
      const view = renderProgress(deps.i18n, ctx.lang, state);
      await ctx.editMessageText(view.text, { reply_markup: view.reply_markup }).catch(() => {});
    },
  );

  return feature;
}
