import { randomUUID } from "node:crypto";
import type { Conversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import type { Language } from "../../bot/i18n.js";
import { mainMenu, menuCommand } from "../../bot/main-menu.js";
import type { ReportStore } from "../../storage/reports.js";
import { CB } from "./keyboards.js";
import { announceReport } from "./moderation.js";
import type { Districts } from "./places.js";
import type { Translate } from "./render.js";
import { type Draft, type Parsed, type Question, renderDraft, reportSteps, type Step } from "./steps.js";
import { reportSchema, settlementKey as settlementKeyOf } from "./validation.js";

type ReportConversation = Conversation<BotContext, Context>;

/** A question on screen: enough to take its buttons away once it is answered. */
interface Shown {
  messageId: number;
  /** The question without any hint above it: what the message shows once answered. */
  question: string;
  inline: boolean;
}

type Outcome =
  | { kind: "answer"; parsed: Extract<Parsed, { ok: true }> }
  | { kind: "back" }
  | { kind: "cancel" }
  | { kind: "invalid"; hint: string }
  | { kind: "stale" }
  | { kind: "ignore" };

const isCancelCommand = (text: string | undefined) =>
  text !== undefined && /^\/cancel(@\w+)?$/i.test(text.trim());

/**
 * The report conversation. Conversations v2 replays this function from the top on every update,
 * so everything that is not derived from the updates themselves (language, ids, Redis, the clock)
 * goes through `conversation.external`, whose results are recorded in the conversation state.
 */
export function reportConversation(deps: BotDeps, store: ReportStore, districts: Districts) {
  const STEPS = reportSteps(districts);
  /** The steps this draft asks (a region without districts in the dictionary has no district step). */
  const asked = (draft: Draft) => STEPS.filter((step) => !step.skip?.(draft));
  return async function report(conversation: ReportConversation, ctx: Context): Promise<void> {
    const userId = ctx.from?.id;
    const chatId = ctx.chat?.id;
    if (userId === undefined || chatId === undefined) return;
    let lang: Language = await conversation.external((outer) => outer.lang);
    const t: Translate = (key, vars) => deps.i18n.t(lang, key, vars);
    // The draft id makes saving idempotent: Send pressed twice, or replayed, saves one report.
    const draftId = await conversation.external(() => randomUUID());
    const draft: Draft = {};
    let replyKeyboardShown = false;

    /** The next update; the language is read again, since /language may have changed it meanwhile. */
    const next = async (): Promise<Context> => {
      const update = await conversation.wait();
      lang = await conversation.external((outer) => outer.lang);
      return update;
    };

    /**
     * Sends a message. A failed send (Telegram hiccup, rate limit) is logged once and returns
     * undefined: an error thrown here would end the conversation and lose the draft.
     */
    const send = async (text: string, other: Parameters<Context["api"]["sendMessage"]>[2] = {}) => {
      try {
        return (await ctx.api.sendMessage(chatId, text, other)).message_id;
      } catch (error) {
        await conversation.external(() =>
          deps.logger.warn({ err: error, chatId }, "report: a message was not sent"),
        );
        return undefined;
      }
    };

    const show = async (
      question: string,
      markup: Question["markup"],
      replyKeyboard = false,
      hint = "",
      current = "",
    ): Promise<Shown> => {
      // The current answer is shown while asking, not kept once the question is answered anew.
      const body = current ? `${question}\n${current}` : question;
      const messageId = await send(hint ? `${hint}\n\n${body}` : body, { reply_markup: markup });
      if (replyKeyboard && messageId !== undefined) replyKeyboardShown = true;
      return { messageId: messageId ?? 0, question, inline: !replyKeyboard && messageId !== undefined };
    };

    /** Takes the buttons off an answered question (and shows the chosen one), so old buttons cannot be pressed. */
    const close = async (shown: Shown, label?: string): Promise<void> => {
      if (!shown.inline) return;
      try {
        if (label) await ctx.api.editMessageText(chatId, shown.messageId, `${shown.question}\n\n✓ ${label}`);
        else
          await ctx.api.editMessageReplyMarkup(chatId, shown.messageId, {
            reply_markup: { inline_keyboard: [] },
          });
      } catch {
        // An old message may no longer be editable; the answer itself is already taken.
      }
    };

    /** Says something; if the location keyboard is shown, the main menu takes its place again. */
    const say = async (text: string): Promise<void> => {
      await send(text, replyKeyboardShown ? { reply_markup: mainMenu(t) } : {});
      replyKeyboardShown = false;
    };

    const interpret = (step: Step, update: Context, withBack: boolean): Outcome => {
      const data = update.callbackQuery?.data;
      const message = update.message;
      const text = message?.text?.trim();
      if (data === CB.cancel || isCancelCommand(text) || text === t("report-button-cancel"))
        return { kind: "cancel" };
      if (data !== undefined) {
        if (data === CB.back(step.id)) return withBack ? { kind: "back" } : { kind: "cancel" };
        const prefix = `rep:${step.id}:`;
        const parsed = data.startsWith(prefix)
          ? step.choose(data.slice(prefix.length), t, lang, draft)
          : undefined;
        if (!parsed) return { kind: "stale" };
        return parsed.ok ? { kind: "answer", parsed } : { kind: "invalid", hint: parsed.hint };
      }
      if (message === undefined) return { kind: "ignore" }; // edits, reactions: nothing to answer
      if (text !== undefined) {
        if (text === t("report-button-back")) return withBack ? { kind: "back" } : { kind: "cancel" };
        // A command, or a menu button (which stands for one), in the middle of the report.
        if (text.startsWith("/") || menuCommand(deps.i18n, text))
          return { kind: "invalid", hint: t("report-hint-command") };
        const parsed = step.text(text, t, lang, draft);
        return parsed.ok ? { kind: "answer", parsed } : { kind: "invalid", hint: parsed.hint };
      }
      if (message.location) {
        const parsed = step.location(message.location.latitude, message.location.longitude, t);
        return parsed.ok ? { kind: "answer", parsed } : { kind: "invalid", hint: parsed.hint };
      }
      const image = message.photo?.at(-1)
        ? { kind: "photo" as const, fileId: message.photo.at(-1)?.file_id ?? "" }
        : message.document?.mime_type?.startsWith("image/")
          ? { kind: "document" as const, fileId: message.document.file_id }
          : undefined;
      if (image && step.image) {
        const parsed = step.image(image, t);
        return parsed.ok ? { kind: "answer", parsed } : { kind: "invalid", hint: parsed.hint };
      }
      if (message.document && step.image) return { kind: "invalid", hint: t("report-photo-not-image") };
      if (message.voice || message.video_note || message.audio)
        return { kind: "invalid", hint: t("report-hint-voice") };
      return { kind: "invalid", hint: t(step.hintKey) };
    };

    const questionText = (step: Step, question: Question) => {
      const steps = asked(draft);
      const n = steps.indexOf(step) + 1;
      return `${t("report-step", { n, total: steps.length })}\n${question.text}`;
    };

    /** Asks one step until it is answered; fills the draft. */
    const ask = async (step: Step, withBack: boolean): Promise<"answered" | "back" | "cancel"> => {
      const question = () => step.question(t, lang, draft, withBack);
      let q = question();
      let shown = await show(questionText(step, q), q.markup, q.replyKeyboard, "", q.current);
      for (;;) {
        const update = await next();
        const outcome = interpret(step, update, withBack);
        if (update.callbackQuery)
          await update
            .answerCallbackQuery(outcome.kind === "stale" ? { text: t("report-button-outdated") } : {})
            .catch(() => {});
        switch (outcome.kind) {
          case "answer":
            outcome.parsed.apply(draft);
            await close(shown, outcome.parsed.label);
            if (replyKeyboardShown) await say(outcome.parsed.label ?? t("report-value-skipped"));
            return "answered";
          case "back":
            await close(shown);
            if (replyKeyboardShown) await say(t("report-going-back"));
            return "back";
          case "cancel":
            await close(shown);
            return "cancel";
          case "invalid":
          case "stale":
            await close(shown);
            q = question();
            shown = await show(
              questionText(step, q),
              q.markup,
              q.replyKeyboard,
              outcome.kind === "invalid" ? outcome.hint : "",
              q.current,
            );
            break;
          case "ignore":
            break;
        }
      }
    };

    /** A menu of buttons under `rep:<scope>:<value>`; anything else gets a hint and the menu again. */
    const menu = async (
      text: () => string,
      keyboard: () => InlineKeyboard,
      scope: string,
    ): Promise<string | "cancel"> => {
      let shown = await show(text(), keyboard());
      for (;;) {
        const update = await next();
        const data = update.callbackQuery?.data;
        const typed = update.message?.text?.trim();
        const value = data?.startsWith(`rep:${scope}:`) ? data.slice(scope.length + 5) : undefined;
        if (update.callbackQuery)
          await update
            .answerCallbackQuery(data === CB.cancel || value ? {} : { text: t("report-button-outdated") })
            .catch(() => {});
        if (data === CB.cancel || isCancelCommand(typed) || typed === t("report-button-cancel")) {
          await close(shown);
          return "cancel";
        }
        if (value) {
          await close(shown);
          return value;
        }
        if (!update.message && !data) continue;
        await close(shown);
        const hint = data ? "" : t(typed?.startsWith("/") ? "report-hint-command" : "report-hint-choose");
        shown = await show(text(), keyboard(), false, hint);
      }
    };

    const summaryKeyboard = () =>
      new InlineKeyboard()
        .text(t("report-button-send"), CB.send)
        .text(t("report-button-edit"), CB.edit)
        .row()
        .text(t("report-button-cancel"), CB.cancel);

    const editKeyboard = () => {
      const keyboard = new InlineKeyboard();
      asked(draft).forEach(({ id }, i) => {
        if (i > 0 && i % 2 === 0) keyboard.row();
        keyboard.text(t(`report-field-${id}`), CB.editStep(id));
      });
      return keyboard
        .row()
        .text(t("report-button-back"), `rep:edit:~back`)
        .text(t("report-button-cancel"), CB.cancel);
    };

    const consentKeyboard = () =>
      new InlineKeyboard()
        .text(t("report-button-consent"), CB.consent)
        .row()
        .text(t("report-button-back"), "rep:consent:~back")
        .text(t("report-button-cancel"), CB.cancel);

    const cancelled = async () => {
      replyKeyboardShown = true; // whatever was shown, the user leaves with the menu
      await say(t("report-cancelled"));
    };

    /** Asks a step; a new region takes the old district away and asks for the new one. */
    const askAndFollow = async (step: Step, withBack: boolean): Promise<"answered" | "back" | "cancel"> => {
      const region = draft.region;
      const result = await ask(step, withBack);
      if (result !== "answered" || step.id !== "region" || draft.region === region) return result;
      delete draft.district;
      return result;
    };

    /** The step before i that this draft asks (Back skips a step with nothing to ask). */
    const previousAsked = (i: number): number => {
      let j = i - 1;
      while (j > 0 && STEPS[j]?.skip?.(draft)) j -= 1;
      return Math.max(0, j);
    };

    await say(t("report-intro"));
    for (let i = 0; i < STEPS.length; ) {
      const step = STEPS[i];
      if (!step) break;
      if (step.skip?.(draft)) {
        i += 1;
        continue;
      }
      const result = await askAndFollow(step, i > 0);
      if (result === "cancel") return cancelled();
      i = result === "answered" ? i + 1 : previousAsked(i);
    }

    for (;;) {
      const choice = await menu(
        () => `${t("report-summary-title")}\n\n${renderDraft(t, lang, draft, districts)}`,
        summaryKeyboard,
        "summary",
      );
      if (choice === "cancel") return cancelled();
      if (choice === "edit") {
        const picked = await menu(() => t("report-edit-which"), editKeyboard, "edit");
        if (picked === "cancel") return cancelled();
        const step = STEPS.find((s) => s.id === picked);
        if (step && (await askAndFollow(step, true)) === "cancel") return cancelled();
        // A new region needs its district (if the dictionary has some for it).
        const district = STEPS.find((s) => s.id === "district");
        if (district && draft.district === undefined && !district.skip?.(draft))
          if ((await ask(district, true)) === "cancel") return cancelled();
        continue;
      }
      if (choice !== "send") continue;

      const consented = await conversation.external(() => store.hasConsent(userId));
      if (!consented) {
        const answer = await menu(() => t("report-consent-ask"), consentKeyboard, "consent");
        if (answer === "cancel") return cancelled();
        if (answer !== "yes") continue;
        await conversation.external(() => store.giveConsent(userId, deps.now()));
      }

      const saved = await conversation.external(async () => {
        // The draft has exactly the report's fields; the schema is the last word on each of them.
        const input = reportSchema.safeParse({ userId, lang, ...draft });
        const place = draft.district ? districts.find(draft.region, draft.district) : undefined;
        if (!input.success) {
          deps.logger.error(
            { issues: input.error.issues, draftId },
            "report: a finished draft failed validation",
          );
          return { ok: false as const, reason: "invalid" as const };
        }
        const { location, ...fields } = input.data;
        try {
          const { report, created } = await store.save(
            draftId,
            {
              ...fields,
              districtId: place?.id ?? null,
              district: place
                ? place.type === "town"
                  ? deps.i18n.t("ru", "report-town", { name: place.ru })
                  : place.ru
                : null,
              photo: fields.photo ?? null,
              settlementKey: settlementKeyOf(fields.region, fields.settlement),
              latitude: location?.latitude ?? null,
              longitude: location?.longitude ?? null,
            },
            deps.now(),
          );
          return { ok: true as const, reference: report.reference, created };
        } catch (error) {
          deps.logger.error(
            { err: error, draftId },
            "report: saving failed; the draft stays in the conversation",
          );
          return { ok: false as const, reason: "storage" as const };
        }
      });
      if (!saved.ok) {
        await say(t(saved.reason === "invalid" ? "report-invalid" : "report-save-failed"));
        continue;
      }
      // Stored first, thanked second: a thank-you never stands for a report that is not in Redis.
      replyKeyboardShown = true;
      await say(t("report-sent", { reference: saved.reference }));
      await conversation.external((outer) => announceReport(deps, store, outer.api, saved.reference));
      return;
    }
  };
}
