import { type Api, Composer, InlineKeyboard } from "grammy";
import { isAdmin, isModeratorChat, logRejectedCallback } from "../../bot/auth.js";
import { callbackData } from "../../bot/callback-data.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { formatDateTime } from "../../bot/dates.js";
import type { Language } from "../../bot/i18n.js";
import { withoutReplyQueue } from "../../bot/reply-queue.js";
import { isNotModified } from "../../bot/telegram-errors.js";
import type { ReportStatus, ReportStore, StoredReport } from "../../storage/reports.js";
import { noteButtons } from "./keyboards.js";
import { formatSpeed, operatorName, regionName, renderFields, statusName, type Translate } from "./render.js";

/** Reports of one place within this window are counted towards the moderators' summary. */
export const PLACE_WINDOW_DAYS = 30;
/** From this many reports of one place within the window, moderators get one summary. */
export const PLACE_THRESHOLD = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const MODERATED: ReportStatus[] = ["accepted", "resolved", "rejected"];

/** The status buttons under a moderator message: `repmod:<status>:<reference>`. */
export const moderationButton = callbackData("repmod", {
  status: /accepted|resolved|rejected/,
  reference: /R-\d{4}-\d{6}/,
});

/** How long one sender holds a notice before another may try it (a crash mid-send frees it). */
const NOTICE_LEASE_MS = 30_000;
/** Retry delays of an undelivered notice double from this, up to NOTICE_MAX_DELAY_MS. */
const NOTICE_FIRST_DELAY_MS = 2_000;
const NOTICE_MAX_DELAY_MS = 5 * 60_000;

const MODERATOR_LANG: Language = "ru";

/** Moderators read Russian: their messages are rendered in it whatever the reporter spoke. */
const moderatorT =
  (deps: BotDeps): Translate =>
  (key, vars) =>
    deps.i18n.t(MODERATOR_LANG, key, vars);

/** The buttons under a moderator message: statuses, then the answer to the reporter. */
export function moderatorKeyboard(t: Translate, reference: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  // Rejecting goes through notes.ts, which asks for the reason the reporter will read.
  for (const status of MODERATED.filter((s) => s !== "rejected"))
    keyboard.text(t(`report-mod-button-${status}`), moderationButton.pack({ status, reference }));
  return noteButtons(keyboard, t, reference);
}

/** The moderators' message for a report: every field, when it came, its status and who set it. */
export function renderModeratorMessage(t: Translate, report: StoredReport, byName?: string): string {
  const lines = [
    t("report-mod-title", { reference: report.reference }),
    renderFields(t, "ru", report),
    t("report-mod-created", { date: formatDateTime(report.createdAt) }),
  ];
  if (report.statusBy !== null && report.statusAt)
    lines.push(
      t("report-mod-status-by", {
        status: statusName(t, report.status),
        by: byName ? `${byName} (${report.statusBy})` : String(report.statusBy),
        date: formatDateTime(report.statusAt),
      }),
    );
  else lines.push(t("report-mod-status", { status: statusName(t, report.status) }));
  return lines.join("\n");
}

/**
 * Tells the moderators about a new report now, if it can. Never throws: the report is stored and in
 * the outbox, and whatever fails here is retried by `drainReportOutbox`.
 */
export async function announceReport(
  deps: BotDeps,
  store: ReportStore,
  api: Api,
  reference: string,
): Promise<void> {
  try {
    await deliverNotice(deps, store, api, reference);
  } catch (error) {
    deps.logger.error({ err: error, reference }, "report: announcing failed; the outbox keeps it");
  }
}

/**
 * Sends every due notice of the moderators' outbox (reports whose announcement failed or was cut
 * short by a crash). Run on a timer; returns how many were delivered.
 */
export async function drainReportOutbox(deps: BotDeps, store: ReportStore, api: Api): Promise<number> {
  let delivered = 0;
  for (const reference of await store.dueNotices(deps.now())) {
    try {
      if ((await deliverNotice(deps, store, api, reference)) === "sent") delivered++;
    } catch (error) {
      deps.logger.error({ err: error, reference }, "report: outbox delivery failed");
    }
  }
  return delivered;
}

/**
 * One notice: leased so two senders never post it twice, marked delivered only after Telegram
 * accepted the message, rescheduled with back-off when it did not.
 */
async function deliverNotice(
  deps: BotDeps,
  store: ReportStore,
  api: Api,
  reference: string,
): Promise<"sent" | "later" | "busy" | "dropped"> {
  const { logger } = deps;
  if (!(await store.leaseNotice(reference, NOTICE_LEASE_MS))) return "busy";
  const report = await store.get(reference);
  if (!report || (await store.wasNotified(reference))) {
    await store.dropNotice(reference);
    return "dropped";
  }
  const chatId = deps.config.MODERATOR_CHAT_ID;
  let sent: { message_id: number } | undefined;
  if (chatId === undefined) {
    logger.warn({ reference }, "report: MODERATOR_CHAT_ID is not set; the notice waits in the outbox");
  } else {
    const t = moderatorT(deps);
    try {
      // Straight to Telegram: a reply queued for later would count as delivered here.
      sent = await api.sendMessage(
        chatId,
        renderModeratorMessage(t, report),
        withoutReplyQueue({ reply_markup: moderatorKeyboard(t, reference) }),
      );
      await sendEvidence(api, chatId, report, sent.message_id).catch((error: unknown) =>
        logger.warn({ err: error, reference }, "report: could not send the screenshot to the moderators"),
      );
    } catch (error) {
      logger.error({ err: error, reference, chatId }, "report: could not notify the moderators; will retry");
    }
  }
  if (!sent || chatId === undefined) {
    await store.noticeFailed(reference, deps.now(), (attempts) =>
      Math.min(NOTICE_FIRST_DELAY_MS * 2 ** (attempts - 1), NOTICE_MAX_DELAY_MS),
    );
    return "later";
  }
  await store.noticeDelivered(reference, chatId, sent.message_id, deps.now());
  await checkPlaceThreshold(deps, store, api, chatId, report);
  return "sent";
}

/** The Speedtest screenshot ("photo:<id>" or "document:<id>"), sent under the report it proves. */
async function sendEvidence(
  api: Api,
  chatId: number,
  report: StoredReport,
  messageId: number,
): Promise<void> {
  const [kind, fileId] = report.photo?.split(":") ?? [];
  const evidence = { caption: report.reference, reply_parameters: { message_id: messageId } };
  if (kind === "photo" && fileId) await api.sendPhoto(chatId, fileId, evidence);
  if (kind === "document" && fileId) await api.sendDocument(chatId, fileId, evidence);
}

/** The median of some numbers, or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** The most frequent value (the first one on a tie): people spell one village several ways. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** One summary per place once it gathers PLACE_THRESHOLD reports within the window, not one per report. */
async function checkPlaceThreshold(
  deps: BotDeps,
  store: ReportStore,
  api: Api,
  chatId: number,
  report: StoredReport,
): Promise<void> {
  const until = report.createdAt;
  const since = new Date(until.getTime() - PLACE_WINDOW_DAYS * DAY_MS);
  const reports = await store.listForPlace(report.settlementKey, since, until);
  if (reports.length < PLACE_THRESHOLD) return;
  if (!(await store.claimPlaceAlert(report.settlementKey, PLACE_WINDOW_DAYS * 24 * 60 * 60))) return;
  const t = moderatorT(deps);
  const operators = new Map<string, number>();
  for (const r of reports) operators.set(r.operator, (operators.get(r.operator) ?? 0) + 1);
  const speeds = reports.flatMap((r) => (r.speedMbps === null ? [] : [r.speedMbps]));
  const middle = median(speeds);
  const text = t("report-place-summary", {
    count: reports.length,
    days: PLACE_WINDOW_DAYS,
    settlement: mostCommon(reports.map((r) => r.settlement)) ?? report.settlement,
    region: regionName("ru", report.region),
    operators: [...operators.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${operatorName("ru", id)} ×${n}`)
      .join(", "),
    median:
      middle === null ? t("report-value-unknown") : t("report-value-speed", { speed: formatSpeed(middle) }),
    measured: speeds.length,
    references: reports.map((r) => r.reference).join(", "),
  });
  try {
    await api.sendMessage(chatId, text);
  } catch (error) {
    deps.logger.error(
      { err: error, place: report.settlementKey },
      "report: could not send the place summary",
    );
  }
}

/** Tells the reporter, in their language, that their report's status changed. Never throws. */
async function tellReporter(
  deps: BotDeps,
  api: Api,
  report: StoredReport,
  status: ReportStatus,
): Promise<void> {
  if (report.userId === null) return; // the reporter deleted their data: nobody to tell
  const lang = report.lang === "kk" ? "kk" : "ru";
  const rt: Translate = (key, vars) => deps.i18n.t(lang, key, vars);
  try {
    await api.sendMessage(
      report.userId,
      rt("report-status-changed", {
        reference: report.reference,
        settlement: report.settlement,
        status: statusName(rt, status),
      }),
    );
  } catch (error) {
    deps.logger.warn(
      { err: error, reference: report.reference },
      "report: could not tell the reporter about the status",
    );
  }
}

/**
 * Status buttons under moderator messages: an admin, pressing in the moderators' chat. Anything
 * else (a forged or replayed button, a non-admin, another chat) changes nothing and is logged with
 * the user id. The callback query is answered first, before any slow work.
 */
export function moderationFeature(deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(moderationButton.prefix, async (ctx) => {
    const pressed = moderationButton.unpack(ctx.callbackQuery.data);
    if (!isAdmin(ctx) || !isModeratorChat(ctx)) {
      logRejectedCallback(ctx, isAdmin(ctx) ? "moderation outside the moderators' chat" : "not an admin");
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-allowed"), show_alert: true });
    }
    const status = MODERATED.find((s) => s === pressed?.status);
    const reference = pressed?.reference ?? "";
    const before = status ? await store.get(reference) : undefined;
    if (!status || !before) {
      logRejectedCallback(ctx, "unknown report or status");
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-found") });
    }
    const t = moderatorT(deps);
    if (before.status === status)
      return ctx.answerCallbackQuery({
        text: ctx.t("report-mod-same-status", { status: statusName(t, status) }),
      });
    await ctx.answerCallbackQuery({
      text: ctx.t("report-mod-status-set", { status: statusName(t, status) }),
    });
    await store.setStatus(reference, status, ctx.from.id, deps.now());
    const after = (await store.get(reference)) ?? before;
    try {
      await ctx.editMessageText(renderModeratorMessage(t, after, ctx.from.first_name), {
        reply_markup: moderatorKeyboard(t, reference),
      });
    } catch (error) {
      if (!isNotModified(error))
        ctx.deps.logger.warn({ err: error, reference }, "report: could not update the moderator message");
    }
    await tellReporter(ctx.deps, ctx.api, after, status);
  });
  return composer;
}
