import { Keyboard } from "grammy";
import { LANGUAGES } from "./i18n.js";

/**
 * The persistent reply keyboard under the chat: the bot's main actions as buttons, so nobody has to
 * type a command. A button sends its label as text; the menu feature turns it into its command.
 * Kept here (not in a feature) because the report conversation re-shows it when it takes its own
 * location keyboard away.
 */
export const MENU_ITEMS = [
  { key: "menu-ask", command: "ask" },
  { key: "menu-report", command: "report" },
  { key: "menu-myreports", command: "myreports" },
  { key: "menu-subscribe", command: "subscribe" },
  { key: "menu-language", command: "language" },
] as const;

export type MenuCommand = (typeof MENU_ITEMS)[number]["command"];

type Translate = (key: string) => string;

/** The menu in one language: two buttons a row, the language switch alone at the bottom. */
export function mainMenu(t: Translate): Keyboard {
  const [ask, report, mine, subscribe, language] = MENU_ITEMS.map((item) => t(item.key));
  return new Keyboard()
    .text(ask ?? "")
    .text(report ?? "")
    .row()
    .text(mine ?? "")
    .text(subscribe ?? "")
    .row()
    .text(language ?? "")
    .resized()
    .persistent();
}

/** Each i18n's labels, translated once: every text message is checked against them. */
const labelsOf = new WeakMap<object, Map<string, MenuCommand>>();

/**
 * The command behind a menu label, in either language: a keyboard drawn before a language switch
 * or a restart keeps working.
 */
export function menuCommand(
  i18n: { t(lang: string, key: string): string },
  text: string,
): MenuCommand | undefined {
  let labels = labelsOf.get(i18n);
  if (!labels) {
    labels = new Map();
    for (const item of MENU_ITEMS)
      for (const lang of LANGUAGES) {
        const label = i18n.t(lang, item.key);
        if (!labels.has(label)) labels.set(label, item.command);
      }
    labelsOf.set(i18n, labels);
  }
  return labels.get(text.trim());
}
