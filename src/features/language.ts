import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import { isLanguage, LANGUAGES } from "../bot/i18n.js";
import { mainMenu } from "../bot/main-menu.js";
import { rememberLanguage } from "../storage/subscriptions.js";

/** /language: switch between Russian and Kazakh; the choice is kept in the Redis session. */
export const languageFeature = new Composer<BotContext>();

languageFeature.command("language", async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) keyboard.text(ctx.t(`language-name-${lang}`), `lang:${lang}`);
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
});

languageFeature.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
  const lang = ctx.match[1];
  if (!isLanguage(lang)) return ctx.answerCallbackQuery();
  ctx.session.language = lang;
  ctx.lang = lang;
  ctx.i18n.useLocale(lang);
  // Programme updates follow the switch at once, not only from the next message.
  await rememberLanguage(ctx.deps.redis, ctx.from.id, lang);
  await ctx.answerCallbackQuery();
  // The choice replaces the buttons; the confirmation is a new message, since only a new message
  // can carry the menu redrawn in the new language.
  await ctx.editMessageText(`${ctx.t("language-choose")} ${ctx.t(`language-name-${lang}`)}`).catch(() => {});
  await ctx.reply(ctx.t("language-set"), { reply_markup: mainMenu((key) => ctx.t(key)) });
});
