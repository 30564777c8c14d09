import type { Conversation } from "@grammyjs/conversations";
import type { Context, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import type { Language } from "../../bot/i18n.js";
import { mainMenu, menuCommand } from "../../bot/main-menu.js";
import { interpret, isCancel } from "./interpret.js";
import type { Translate } from "./render.js";
import type { Draft, Question, Step } from "./steps.js";

export type ReportConversation = Conversation<BotContext, Context>;

/** A question on screen: enough to take its buttons away once it is answered. */
interface Shown {
  messageId: number;
  /** The question without any hint above it: what the message shows once answered. */
  question: string;
  inline: boolean;
}

/**
 * The report's side of the chat: asks, reads the answers, and takes the buttons off what was
 * answered. Conversations v2 replays the conversation from the top on every update, so the
 * language is read through `conversation.external` (recorded in the conversation state), and a
 * dialog is built anew on every replay.
 */
export class ReportDialog {
  readonly t: Translate = (key, vars) => this.deps.i18n.t(this.lang, key, vars);
  /** True while the location step's reply keyboard is up: the main menu must take its place again. */
  private replyKeyboardShown = false;

  private constructor(
    private readonly conversation: ReportConversation,
    private readonly ctx: Context,
    private readonly deps: BotDeps,
    private readonly chatId: number,
    public lang: Language,
  ) {}

  static async open(conversation: ReportConversation, ctx: Context, deps: BotDeps, chatId: number) {
    const lang = await conversation.external((outer) => outer.lang);
    return new ReportDialog(conversation, ctx, deps, chatId, lang);
  }

  /** The next update; the language is read again, since /language may have changed it meanwhile. */
  async next(): Promise<Context> {
    const update = await this.conversation.wait();
    this.lang = await this.conversation.external((outer) => outer.lang);
    return update;
  }

  /** Says something; if the location keyboard is shown, the main menu takes its place again. */
  async say(text: string): Promise<void> {
    await this.send(text, this.replyKeyboardShown ? { reply_markup: mainMenu(this.t) } : {});
    this.replyKeyboardShown = false;
  }

  /** Says the last word of the report with the main menu under it, whatever was shown before. */
  async sayLast(text: string): Promise<void> {
    this.replyKeyboardShown = true;
    await this.say(text);
  }

  /** Asks one step until it is answered, and fills the draft. */
  async ask(
    step: Step,
    draft: Draft,
    withBack: boolean,
    heading: (question: Question) => string,
  ): Promise<"answered" | "back" | "cancel"> {
    const question = () => step.question(this.t, this.lang, draft, withBack);
    let q = question();
    let shown = await this.show(heading(q), q.markup, q.replyKeyboard, "", q.current);
    for (;;) {
      const update = await this.next();
      const outcome = interpret(step, update, {
        t: this.t,
        lang: this.lang,
        draft,
        withBack,
        isMenuButton: (text) => menuCommand(this.deps.i18n, text) !== undefined,
      });
      if (update.callbackQuery) await this.acknowledge(update, outcome.kind !== "stale");
      if (outcome.kind === "ignore") continue;
      await this.close(shown, outcome.kind === "answer" ? outcome.parsed.label : undefined);
      if (outcome.kind === "cancel") return "cancel";
      if (outcome.kind === "answer") {
        outcome.parsed.apply(draft);
        if (this.replyKeyboardShown) await this.say(outcome.parsed.label ?? this.t("report-value-skipped"));
        return "answered";
      }
      if (outcome.kind === "back") {
        if (this.replyKeyboardShown) await this.say(this.t("report-going-back"));
        return "back";
      }
      // Invalid or outdated: the question again, with the hint above it.
      q = question();
      const hint = outcome.kind === "invalid" ? outcome.hint : "";
      shown = await this.show(heading(q), q.markup, q.replyKeyboard, hint, q.current);
    }
  }

  /** A menu of buttons under `rep:<scope>:<value>`; anything else gets a hint and the menu again. */
  async menu(text: () => string, keyboard: () => InlineKeyboard, scope: string): Promise<string | "cancel"> {
    let shown = await this.show(text(), keyboard());
    for (;;) {
      const update = await this.next();
      const data = update.callbackQuery?.data;
      const value = data?.startsWith(`rep:${scope}:`) ? data.slice(scope.length + 5) : undefined;
      const cancel = isCancel(update, this.t);
      if (update.callbackQuery) await this.acknowledge(update, cancel || Boolean(value));
      if (cancel) {
        await this.close(shown);
        return "cancel";
      }
      if (value) {
        await this.close(shown);
        return value;
      }
      if (!update.message && !data) continue;
      await this.close(shown);
      const typed = update.message?.text?.trim();
      const hint = data ? "" : this.t(typed?.startsWith("/") ? "report-hint-command" : "report-hint-choose");
      shown = await this.show(text(), keyboard(), false, hint);
    }
  }

  /** Answers a button press; a button of an older question says it is outdated. */
  private async acknowledge(update: Context, current: boolean): Promise<void> {
    await update
      .answerCallbackQuery(current ? {} : { text: this.t("report-button-outdated") })
      .catch(() => {});
  }

  /**
   * Sends a message. A failed send (Telegram hiccup, rate limit) is logged once and returns
   * undefined: an error thrown here would end the conversation and lose the draft.
   */
  private async send(text: string, other: Parameters<Context["api"]["sendMessage"]>[2] = {}) {
    try {
      return (await this.ctx.api.sendMessage(this.chatId, text, other)).message_id;
    } catch (error) {
      await this.conversation.external(() =>
        this.deps.logger.warn({ err: error, chatId: this.chatId }, "report: a message was not sent"),
      );
      return undefined;
    }
  }

  private async show(
    question: string,
    markup: Question["markup"],
    replyKeyboard = false,
    hint = "",
    current = "",
  ): Promise<Shown> {
    // The current answer is shown while asking, not kept once the question is answered anew.
    const body = current ? `${question}\n${current}` : question;
    const messageId = await this.send(hint ? `${hint}\n\n${body}` : body, { reply_markup: markup });
    if (replyKeyboard && messageId !== undefined) this.replyKeyboardShown = true;
    return { messageId: messageId ?? 0, question, inline: !replyKeyboard && messageId !== undefined };
  }

  /** Takes the buttons off an answered question (and shows the chosen one), so old buttons cannot be pressed. */
  private async close(shown: Shown, label?: string): Promise<void> {
    if (!shown.inline) return;
    try {
      if (label)
        await this.ctx.api.editMessageText(this.chatId, shown.messageId, `${shown.question}\n\n✓ ${label}`);
      else
        await this.ctx.api.editMessageReplyMarkup(this.chatId, shown.messageId, {
          reply_markup: { inline_keyboard: [] },
        });
    } catch {
      // An old message may no longer be editable; the answer itself is already taken.
    }
  }
}
