import { Menu } from "@grammyjs/menu";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { editIgnoringUnchanged } from "../../bot/telegram-errors.js";
import { TOPICS, type Topic, toggleTopic, topicsOf } from "../../storage/subscriptions.js";

// One read of the user's topics per update, shared by the five labels that ask for it.
const cache = new WeakMap<BotContext, Promise<Set<Topic>>>();

function mine(deps: BotDeps, ctx: BotContext): Promise<Set<Topic>> {
  let topics = cache.get(ctx);
  if (!topics) {
    topics = topicsOf(deps.redis, ctx.from?.id ?? 0).then((list) => new Set(list));
    cache.set(ctx, topics);
  }
  return topics;
}

/** The summary shown when the menu is closed with "Done". */
export async function summary(deps: BotDeps, ctx: BotContext): Promise<string> {
  const topics = await topicsOf(deps.redis, ctx.from?.id ?? 0);
  if (!topics.length) return ctx.t("sub-summary-none");
  return ctx.t("sub-summary", { topics: topics.map((topic) => ctx.t(`sub-topic-${topic}`)).join(", ") });
}

/** The topic menu: a check mark on each followed topic; a tap toggles it and redraws the menu. */
export function topicsMenu(deps: BotDeps): Menu<BotContext> {
  // Every handler answers its callback query itself, once, with its own notice: the plugin's
  // automatic answer would be a second answer, which Telegram rejects.
  const menu = new Menu<BotContext>("sub-topics", {
    autoAnswer: false,
    onMenuOutdated: async (ctx) => {
      await ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
      await ctx.menu.update();
    },
  });
  for (const topic of TOPICS) {
    menu
      .text(
        async (ctx) => `${(await mine(deps, ctx)).has(topic) ? "✅" : "▫️"} ${ctx.t(`sub-topic-${topic}`)}`,
        async (ctx) => {
          if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery();
          const on = await toggleTopic(deps.redis, ctx.from.id, topic, ctx.lang);
          cache.delete(ctx);
          const name = ctx.t(`sub-topic-${topic}`);
          await ctx.answerCallbackQuery({
            text: on ? ctx.t("sub-toggled-on", { topic: name }) : ctx.t("sub-toggled-off", { topic: name }),
          });
          ctx.menu.update();
        },
      )
      .row();
  }
  menu.text(
    (ctx) => ctx.t("sub-menu-done"),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      ctx.menu.close();
      await editIgnoringUnchanged(async () => ctx.editMessageText(await summary(deps, ctx)));
    },
  );
  return menu;
}
