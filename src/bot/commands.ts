import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { LANGUAGES } from "./i18n.js";

/** The commands shown in Telegram's menu; descriptions are attributes of `cmd` in the .ftl files. */
export const PUBLIC_COMMANDS = [
  "start",
  "help",
  "report",
  "myreports",
  "subscribe",
  "unsubscribe",
  "language",
  "cancel",
  "deletemydata",
] as const;

/**
 * Registers the command menu in both languages (Russian also as the default). A Bot API stand-in
 * may not support this: failure is a warning, never a reason not to start.
 */
export async function registerCommands(api: Api, i18n: I18n<BotContext>, logger: Logger): Promise<void> {
  for (const lang of LANGUAGES) {
    const commands = PUBLIC_COMMANDS.map((command) => ({
      command,
      description: i18n.t(lang, `cmd.${command}`),
    }));
    try {
      await api.setMyCommands(commands, { language_code: lang });
      if (lang === "ru") await api.setMyCommands(commands);
    } catch (error) {
      logger.warn({ err: error, lang }, "setMyCommands failed; the bot runs without a command menu");
    }
  }
}
