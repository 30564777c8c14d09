import { type Api, Composer, InlineKeyboard } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { formatDateTime } from "../../bot/dates.js";
import type { Language } from "../../bot/i18n.js";
import type { ReportStatus, ReportStore, StoredReport } from "../../storage/reports.js";
import { MOD_CB, noteButtons } from "./keyboards.js";
import { formatSpeed, operatorName, regionName, renderFields, statusName, type Translate } from "./render.js";

/** Reports of one place within this window are counted towards the moderators' summary. */
export const PLACE_WINDOW_DAYS = 30;
/** From this many reports of one place within the window, moderators get one summary. */
export const PLACE_THRESHOLD = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const MODERATED: ReportStatus[] = ["accepted", "resolved", "rejected"];

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
    keyboard.text(t(`report-mod-button-${status}`), `repmod:${status}:${reference}`);
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
 * Tells the moderators about a new report, then checks the place's threshold. Never throws: the
 * report is already stored, and a blocked bot or a missing chat must not undo that.
 */
export async function announceReport(
  deps: BotDeps,
  store: ReportStore,
  api: Api,
  reference: string,
): Promise<void> {
  const { logger } = deps;
  try {
    const report = await store.get(reference);
    // Claimed once per report, so a replayed Send does not post it twice.
    if (!report || !(await store.claimModeratorNotice(reference))) return;
    const chatId = deps.config.MODERATOR_CHAT_ID;
    if (chatId === undefined) {
      logger.warn(
        { reference },
        "report: MODERATOR_CHAT_ID is not set; the report is stored, no moderator is told",
      );
      return;
    }
    const t = moderatorT(deps);
    try {
      const sent = await api.sendMessage(chatId, renderModeratorMessage(t, report), {
        reply_markup: moderatorKeyboard(t, reference),
      });
      await store.setModeratorMessage(reference, chatId, sent.message_id);
      // The Speedtest screenshot, under the report it proves.
      const [kind, fileId] = report.photo?.split(":") ?? [];
      const evidence = { caption: report.reference, reply_parameters: { message_id: sent.message_id } };
      if (kind === "photo" && fileId) await api.sendPhoto(chatId, fileId, evidence);
      if (kind === "document" && fileId) await api.sendDocument(chatId, fileId, evidence);
    } catch (error) {
      logger.error({ err: error, reference, chatId }, "report: could not notify the moderators");
    }
    await checkPlaceThreshold(deps, store, api, chatId, report);
  } catch (error) {
    logger.error({ err: error, reference }, "report: announcing failed");
  }
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

/** Status buttons under moderator messages: admins only; the reporter is told in their language. */
export function moderationFeature(deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(MOD_CB, async (ctx) => {
    if (!deps.config.ADMIN_IDS.includes(ctx.from.id))
      return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-allowed"), show_alert: true });
    const status = MODERATED.find((s) => s === ctx.match[1]);
    const reference = ctx.match[2] ?? "";
    const before = await store.get(reference);
    if (!status || !before) return ctx.answerCallbackQuery({ text: ctx.t("report-mod-not-found") });
    const t = moderatorT(deps);
    if (before.status === status)
      return ctx.answerCallbackQuery({
        text: ctx.t("report-mod-same-status", { status: statusName(t, status) }),
      });
    await store.setStatus(reference, status, ctx.from.id, deps.now());
    const after = (await store.get(reference)) ?? before;
    await ctx.answerCallbackQuery({
      text: ctx.t("report-mod-status-set", { status: statusName(t, status) }),
    });
    try {
      await ctx.editMessageText(renderModeratorMessage(t, after, ctx.from.first_name), {
        reply_markup: moderatorKeyboard(t, reference),
      });
    } catch (error) {
      deps.logger.warn({ err: error, reference }, "report: could not update the moderator message");
    }
    if (after.userId === null) return; // the reporter deleted their data: nobody to tell
    const lang = after.lang === "kk" ? "kk" : "ru";
    const rt: Translate = (key, vars) => deps.i18n.t(lang, key, vars);
    try {
      await ctx.api.sendMessage(
        after.userId,
        rt("report-status-changed", {
          reference,
          settlement: after.settlement,
          status: statusName(rt, status),
        }),
      );
    } catch (error) {
      deps.logger.warn({ err: error, reference }, "report: could not tell the reporter about the status");
    }
  });
  return composer;
}
