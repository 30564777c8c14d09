import { Composer, InlineKeyboard } from "grammy";
import { logRejectedCallback } from "../bot/auth.js";
import { callbackData } from "../bot/callback-data.js";
import type { BotContext } from "../bot/context.js";
import { isLanguage, LANGUAGES } from "../bot/i18n.js";
import { editIgnoringUnchanged } from "../bot/telegram-errors.js";
import { rememberLanguage } from "../storage/subscriptions.js";

/** /language: switch between Russian and Kazakh; the choice is kept in the Redis session. */
export const languageFeature = new Composer<BotContext>();

/** The language buttons: `lang:<ru|kk>`. */
const languageButton = callbackData("lang", { lang: new RegExp(LANGUAGES.join("|")) });

languageFeature.command("language", async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const lang of LANGUAGES) keyboard.text(ctx.t(`language-name-${lang}`), languageButton.pack({ lang }));
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
});

languageFeature.callbackQuery(languageButton.prefix, async (ctx) => {
  const lang = languageButton.unpack(ctx.callbackQuery.data)?.lang;
  if (!isLanguage(lang)) {
    logRejectedCallback(ctx, "unknown language");
    return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
  }
  await ctx.answerCallbackQuery();
  ctx.session.language = lang;
  ctx.lang = lang;
  ctx.i18n.useLocale(lang);
  // Programme updates follow the switch at once, not only from the next message.
  await rememberLanguage(ctx.deps.redis, ctx.from.id, lang);
  // A double tap asks for the text already shown: Telegram's "not modified" is then no error.
  await editIgnoringUnchanged(() => ctx.editMessageText(ctx.t("language-set")));
});
