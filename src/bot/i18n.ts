import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { BotContext } from "./context.js";

/** The two languages the bot speaks. */
export const LANGUAGES = ["ru", "kk"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** Telegram's `language_code` "kk" gets Kazakh; everything else gets Russian. */
export function languageFromCode(code: string | undefined): Language {
  return code?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}

export function isLanguage(value: unknown): value is Language {
  return value === "ru" || value === "kk";
}

/**
 * Loads locales/ru.ftl and locales/kk.ftl. Usable outside the bot too (`i18n.t(lang, key, vars)`),
 * which is how the ask command renders replies exactly as the bot does.
 */
export function createI18n<C extends Context>(
  localeNegotiator?: (ctx: C) => Language | Promise<Language>,
): I18n<C> {
  return new I18n<C>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    // Without this Fluent wraps every variable in invisible direction marks.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
}

/** The user's language: the one chosen with /language, else Telegram's language_code. */
export function negotiateLanguage(ctx: BotContext): Language {
  const chosen = ctx.chatId === undefined ? undefined : ctx.session.language;
  return chosen ?? languageFromCode(ctx.from?.language_code);
}

/** The bot's i18n: the session's choice wins over Telegram's language. */
export function createBotI18n(): I18n<BotContext> {
  return createI18n<BotContext>(negotiateLanguage);
}
