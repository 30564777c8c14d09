import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { BotContext, BotDeps, ConversationContext } from "../../bot/context.js";
import { formatDateTime } from "../../bot/dates.js";
import type { Language } from "../../bot/i18n.js";
import type { BroadcastState } from "../../delivery/broadcasts.js";
import { publishUpdate, renderProgress, renderUpdate, startBroadcast } from "../../delivery/index.js";
import { countSubscribers, isTopic, TOPICS, type Topic } from "../../storage/subscriptions.js";

const CANCEL = "pub:cancel";
const SEND = "pub:send";
const TOPIC = "pub:topic:";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** An update's text: what Telegram allows in one message, with room for the header. */
export const updateText = z.string().trim().min(1, "empty").max(3500, "too-long");

/** The line above a broadcast's progress in /broadcasts: when, and who published it. */
export function broadcastMeta(t: Translate, state: Pick<BroadcastState, "createdAt" | "adminChat">): string {
  const created = new Date(state.createdAt);
  return t("publish-broadcast-meta", {
    date: Number.isNaN(created.getTime()) ? "—" : formatDateTime(created),
    author: state.adminChat,
  });
}

/** The conversation's id, used by ctx.conversation.enter. */
export const PUBLISH_CONVERSATION = "publish";

/** The admin's side of the chat, as the steps below need it. */
interface Admin {
  ctx: ConversationContext;
  lang: Language;
  t: Translate;
  /** The next update, or undefined once the admin cancelled (with /cancel or the button). */
  next: () => Promise<ConversationContext | undefined>;
}

const cancelButton = (t: Translate) => new InlineKeyboard().text(t("publish-button-cancel"), CANCEL);

/** The topic, from its buttons; anything else is asked again. */
async function chooseTopic({ ctx, t, next }: Admin): Promise<Topic | undefined> {
  const keyboard = new InlineKeyboard();
  for (const topic of TOPICS) keyboard.text(t(`sub-topic-${topic}`), `${TOPIC}${topic}`).row();
  await ctx.reply(t("publish-choose-topic"), {
    reply_markup: keyboard.text(t("publish-button-cancel"), CANCEL),
  });
  for (;;) {
    const step = await next();
    if (!step) return undefined;
    const data = step.callbackQuery?.data ?? "";
    const chosen = data.startsWith(TOPIC) ? data.slice(TOPIC.length) : undefined;
    if (step.callbackQuery) await step.answerCallbackQuery();
    if (isTopic(chosen)) return chosen;
    await step.reply(t("publish-use-buttons"));
  }
}

/** A text in the language it is asked in: Russian sent as the Kazakh version is caught here. */
async function askText(
  { ctx, t, next }: Admin,
  deps: BotDeps,
  prompt: string,
  expected: Language,
): Promise<string | undefined> {
  await ctx.reply(prompt, { reply_markup: cancelButton(t) });
  for (;;) {
    const step = await next();
    if (!step) return undefined;
    if (step.callbackQuery) await step.answerCallbackQuery();
    const typed = step.message?.text ?? "";
    const parsed = updateText.safeParse(typed);
    if (!parsed.success) {
      const tooLong = parsed.error.issues.some((issue) => issue.message === "too-long");
      await step.reply(
        tooLong ? t("publish-text-too-long", { length: typed.trim().length }) : t("publish-text-empty"),
      );
      continue;
    }
    // Undecidable texts ("5G!") count as the expected language: only a clear mismatch is refused.
    if (deps.knowledge.detectLanguage(parsed.data, expected) === expected) return parsed.data;
    await step.reply(t(`publish-wrong-language-${expected}`), { reply_markup: cancelButton(t) });
  }
}

/** Send or Cancel under the count of subscribers; true once Send is pressed. */
async function confirmSend({ ctx, t, next }: Admin, topicName: string, count: number): Promise<boolean> {
  await ctx.reply(t("publish-confirm", { topic: topicName, count }), {
    reply_markup: new InlineKeyboard()
      .text(t("publish-button-send"), SEND)
      .text(t("publish-button-cancel"), CANCEL),
  });
  for (;;) {
    const step = await next();
    if (!step) return false;
    if (step.callbackQuery) await step.answerCallbackQuery();
    if (step.callbackQuery?.data === SEND) {
      await step.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => {});
      return true;
    }
    await step.reply(t("publish-use-buttons"));
  }
}

/**
 * /publish for admins: topic, Russian text, Kazakh text, a preview of both exactly as subscribers
 * will see them, then confirm. /cancel or the Cancel button ends it at every step. There is no
 * session or i18n in here: the language is read once through external(), texts come from deps.i18n.
 */
export function publishConversation(deps: BotDeps) {
  return async function publish(
    conversation: Conversation<BotContext, ConversationContext>,
    ctx: ConversationContext,
  ) {
    const lang: Language = await conversation.external((outer) => outer.lang);
    const t: Translate = (key, vars) => deps.i18n.t(lang, key, vars);
    const next = async (): Promise<ConversationContext | undefined> => {
      const step = await conversation.wait();
      if (step.callbackQuery?.data !== CANCEL && !/^\/cancel\b/.test(step.message?.text ?? "")) return step;
      if (step.callbackQuery) await step.answerCallbackQuery();
      await step.reply(t("publish-cancelled"));
      return undefined;
    };
    const admin: Admin = { ctx, lang, t, next };

    const topic = await chooseTopic(admin);
    if (!topic) return;
    const topicName = t(`sub-topic-${topic}`);
    const ru = await askText(admin, deps, t("publish-ask-ru", { topic: topicName }), "ru");
    if (ru === undefined) return;
    const kk = await askText(admin, deps, t("publish-ask-kk"), "kk");
    if (kk === undefined) return;

    await ctx.reply(t("publish-preview"));
    for (const [previewLang, text] of [
      ["ru", ru],
      ["kk", kk],
    ] as const) {
      const view = renderUpdate(deps.i18n, previewLang, topic, text);
      await ctx.reply(view.text, { reply_markup: view.reply_markup });
    }
    const count = await conversation.external(() => countSubscribers(deps.redis, topic));
    if (!(await confirmSend(admin, topicName, count))) return;

    const chatId = ctx.chatId ?? 0;
    const published = await conversation.external(() =>
      publishUpdate(deps, { topic, ru, kk, adminChat: chatId, adminLang: lang }),
    );
    if (!published.broadcast) {
      await ctx.reply(t("publish-delivery-unavailable"));
      return;
    }
    const progress = renderProgress(deps.i18n, lang, {
      id: published.id,
      announcementId: published.id,
      topic,
      status: "preparing",
      adminChat: chatId,
      adminLang: lang,
      createdAt: "",
      total: count,
      fannedOut: false,
      sent: 0,
      failed: 0,
      blocked: 0,
      skipped: 0,
      limited: 0,
    });
    const message = await ctx.reply(progress.text, { reply_markup: progress.reply_markup });
    const started = await conversation.external(() => startBroadcast(deps, published.id, message.message_id));
    if (!started) await ctx.reply(t("publish-delivery-unavailable"));
  };
}
