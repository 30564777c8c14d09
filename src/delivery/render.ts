import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../bot/context.js";
import type { Language } from "../bot/i18n.js";
import type { Topic } from "../storage/subscriptions.js";
import type { BroadcastState } from "./broadcasts.js";

/** Callback data of the button under every update: one tap unsubscribes from its topic. */
export const UNSUBSCRIBE_DATA = "unsub:";
/** Callback data of the button that undoes it. */
export const RESUBSCRIBE_DATA = "resub:";
/** Callback data of the progress message's buttons (`bc:refresh:<id>`, `bc:cancel:<id>`). */
export const BROADCAST_REFRESH_DATA = "bc:refresh:";
export const BROADCAST_CANCEL_DATA = "bc:cancel:";

type Translate = Pick<I18n<BotContext>, "t">;

/**
 * An update exactly as a subscriber gets it: the topic as a header, the text, and the button that
 * unsubscribes from the topic. Used by the delivery worker and by the admin's preview alike.
 */
export function renderUpdate(
  i18n: Translate,
  lang: Language,
  topic: Topic,
  text: string,
): { text: string; reply_markup: InlineKeyboard } {
  const header = i18n.t(lang, "sub-update-header", { topic: i18n.t(lang, `sub-topic-${topic}`) });
  return {
    text: `${header}\n\n${text}`,
    reply_markup: new InlineKeyboard().text(
      i18n.t(lang, "sub-button-unsubscribe-topic"),
      `${UNSUBSCRIBE_DATA}${topic}`,
    ),
  };
}

/** The admin's progress message of a broadcast, with Refresh and Cancel while it runs. */
export function renderProgress(
  i18n: Translate,
  lang: Language,
  state: BroadcastState,
): { text: string; reply_markup: InlineKeyboard } {
  const remaining = Math.max(0, state.total - state.sent - state.failed - state.blocked - state.skipped);
  const text = i18n.t(lang, "publish-progress", {
    topic: i18n.t(lang, `sub-topic-${state.topic}`),
    status: i18n.t(lang, `publish-status-${state.status}`),
    total: state.fannedOut ? state.total : "…",
    sent: state.sent,
    failed: state.failed,
    blocked: state.blocked,
    skipped: state.skipped,
    remaining: state.fannedOut ? remaining : "…",
  });
  const keyboard = new InlineKeyboard();
  if (state.status === "running" || state.status === "preparing")
    keyboard
      .text(i18n.t(lang, "publish-button-refresh"), `${BROADCAST_REFRESH_DATA}${state.id}`)
      .text(i18n.t(lang, "publish-button-stop"), `${BROADCAST_CANCEL_DATA}${state.id}`);
  return { text, reply_markup: keyboard };
}
