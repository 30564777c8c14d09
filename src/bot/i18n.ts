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
  const i18n = new I18n<C>({
    defaultLocale: "ru",
    directory: LOCALES_DIR,
    // Without this Fluent wraps every variable in invisible direction marks.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
  memoizeBundleMatching(i18n.fluent);
  return i18n;
}

/** The two private methods of @grammyjs/i18n's Fluent that memoizeBundleMatching wraps. */
interface BundleMatching {
  matchBundles(locales: string[]): Set<unknown>;
  addBundle(...args: unknown[]): void;
}

/**
 * Every translation (`ctx.t`, `i18n.t`) makes @grammyjs/i18n negotiate the locale against the
 * loaded bundles again (@fluent/langneg parses both locale lists each time): 4-5% of the bot's CPU
 * per update in `npm run bench`, for an answer that only changes when a bundle is added. The
 * answer is kept per requested locale list and forgotten whenever a bundle is added.
 */
function memoizeBundleMatching(fluent: object): void {
  const target = fluent as BundleMatching;
  if (typeof target.matchBundles !== "function" || typeof target.addBundle !== "function") return;
  const match = target.matchBundles.bind(target);
  const add = target.addBundle.bind(target);
  const known = new Map<string, Set<unknown>>();
  target.matchBundles = (locales) => {
    const key = locales.join("\n");
    let bundles = known.get(key);
    if (!bundles) {
      // Locales come from Telegram's language codes too: keep the map small.
      if (known.size >= 64) known.clear();
      bundles = match(locales);
      known.set(key, bundles);
    }
    return bundles;
  };
  target.addBundle = (...args) => {
    known.clear();
    add(...args);
  };
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
