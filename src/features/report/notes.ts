import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import type { Language } from "../../bot/i18n.js";
import type { ReportNote, ReportStore, StoredReport } from "../../storage/reports.js";
import { moderatorKeyboard, renderModeratorMessage } from "./moderation.js";
import type { Translate } from "./render.js";

/** "💬 Note" and "⛔ Reject" under a moderator message: `repnote:<kind>:<reference>`. */
export const NOTE_CB = /^repnote:(note|reject):(R-\d{4}-\d{6})$/;
/** A ready-made rejection reason: `repnote:why:<reason>:<reference>`. */
const REASON_CB = /^repnote:why:([\w-]+):(R-\d{4}-\d{6})$/;
export const REJECTION_REASONS = ["duplicate", "insufficient", "out-of-scope"] as const;
const NOTE_MAX = 1000;

/**
 * Moderators answer the reporter: a note, or a rejection with its reason, either picked from
 * buttons or written as a reply to the bot's prompt. The reporter gets it in their language with
 * the reference; /myreports shows the latest. Only administrators may write one.
 */
export function notesFeature(deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const isAdmin = (ctx: BotContext) => ctx.from !== undefined && deps.config.ADMIN_IDS.includes(ctx.from.id);
  // Moderators read Russian, as in moderation.ts.
  const mt: Translate = (key, vars) => deps.i18n.t("ru", key, vars);

  /** Keeps the note, rejects if it is a rejection, tells the reporter and the moderators. */
  const deliver = async (
    ctx: BotContext,
    report: StoredReport,
    kind: ReportNote["kind"],
    textFor: (lang: Language) => string,
    reportMessageId: number | undefined,
  ) => {
    const by = ctx.from?.id ?? 0;
    const lang: Language = report.lang === "kk" ? "kk" : "ru";
    const text = textFor(lang);
    await store.setNote(report.reference, { kind, text, by, at: deps.now() });
    if (kind === "rejection" && report.status !== "rejected") {
      await store.setStatus(report.reference, "rejected", by, deps.now());
      // The report's own message shows the new status and who set it, as a status button would.
      const after = await store.get(report.reference);
      if (after && reportMessageId !== undefined && ctx.chat)
        await ctx.api
          .editMessageText(
            ctx.chat.id,
            reportMessageId,
            renderModeratorMessage(mt, after, ctx.from?.first_name),
            {
              reply_markup: moderatorKeyboard(mt, report.reference),
            },
          )
          .catch((error: unknown) =>
            ctx.deps.logger.warn(
              { err: error, reference: report.reference },
              "report: could not update the moderator message",
            ),
          );
    }
    let delivered = false;
    if (report.userId !== null) {
      const key = kind === "note" ? "report-note-to-reporter" : "report-rejected-to-reporter";
      try {
        await ctx.api.sendMessage(
          report.userId,
          deps.i18n.t(lang, key, { reference: report.reference, settlement: report.settlement, note: text }),
        );
        delivered = true;
      } catch (error) {
        ctx.deps.logger.warn(
          { err: error, reference: report.reference },
          "report: the note did not reach the reporter",
        );
      }
    }
    await ctx.reply(
      mt(delivered ? "report-note-sent" : "report-note-undelivered", { reference: report.reference }),
    );
  };

  composer.callbackQuery(NOTE_CB, async (ctx) => {
    if (!isAdmin(ctx))
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-allowed"), show_alert: true });
    const reference = ctx.match[2] ?? "";
    const report = await store.get(reference);
    const chatId = ctx.chat?.id;
    if (!report || chatId === undefined)
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-found") });
    await ctx.answerCallbackQuery();
    const kind = ctx.match[1] === "note" ? "note" : "rejection";
    const reasons = new InlineKeyboard();
    for (const reason of REJECTION_REASONS)
      reasons.text(mt(`report-reject-reason-${reason}`), `repnote:why:${reason}:${reference}`).row();
    const prompt = await ctx.reply(
      mt(kind === "note" ? "report-note-prompt" : "report-reject-prompt", { reference }),
      { reply_markup: kind === "note" ? { force_reply: true } : reasons },
    );
    const reportMessageId = ctx.callbackQuery.message?.message_id;
    await store.setNotePrompt(chatId, prompt.message_id, {
      reference,
      kind,
      ...(reportMessageId === undefined ? {} : { reportMessageId }),
    });
  });

  composer.callbackQuery(REASON_CB, async (ctx) => {
    if (!isAdmin(ctx))
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-allowed"), show_alert: true });
    const reason = REJECTION_REASONS.find((r) => r === ctx.match[1]);
    const report = await store.get(ctx.match[2] ?? "");
    if (!reason || !report) return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-found") });
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(
        `${mt("report-reject-prompt", { reference: report.reference })}\n\n✓ ${mt(`report-reject-reason-${reason}`)}`,
      )
      .catch(() => {});
    const prompt =
      ctx.chat && ctx.callbackQuery.message
        ? await store.notePrompt(ctx.chat.id, ctx.callbackQuery.message.message_id)
        : undefined;
    await deliver(
      ctx,
      report,
      "rejection",
      (lang) => deps.i18n.t(lang, `report-reject-reason-${reason}`),
      prompt?.reportMessageId,
    );
  });

  // A moderator's reply to the bot's prompt is the note itself.
  composer.on("message:text", async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    if (!replied || replied.from?.id !== ctx.me.id) return next();
    const prompt = await store.notePrompt(ctx.chat.id, replied.message_id);
    if (!prompt) return next();
    if (!isAdmin(ctx)) return ctx.reply(mt("report-mod-not-allowed"));
    const text = ctx.msg.text.trim();
    if (text.length === 0 || text.length > NOTE_MAX || text.startsWith("/"))
      return ctx.reply(mt("report-note-invalid", { max: NOTE_MAX }));
    const report = await store.get(prompt.reference);
    if (!report) return ctx.reply(mt("report-mod-not-found"));
    await deliver(ctx, report, prompt.kind, () => text, prompt.reportMessageId);
  });

  return composer;
}
