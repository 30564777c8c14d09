import { Composer, InputFile } from "grammy";
import { allowAdminCommand } from "../../bot/auth.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { formatDate, formatDateTime, KZ_ZONE_LABEL, nextKzDay, parseKzDay } from "../../bot/dates.js";
import type { ReportStore, StoredReport } from "../../storage/reports.js";
import { type Cell, toCsv } from "./csv.js";
import { REGION_IDS, type RegionId } from "./regions.js";
import { regionName } from "./render.js";

/** The filters of /export. `to` is exclusive (the start of the day after the given one). */
export interface ExportFilter {
  region?: RegionId;
  from: Date;
  to: Date;
}

export type ExportArgs =
  | { ok: true; filter: ExportFilter }
  | { ok: false; error: string; vars?: Record<string, string> };

/**
 * Parses `/export region=pavlodar from=01.01.2026 to=31.12.2026` (every part optional; days as
 * ДД.ММ.ГГГГ or ГГГГ-ММ-ДД, in Kazakhstan time, both ends inclusive, the same clock as the times in
 * the file). Errors are .ftl keys with their variables.
 */
export function parseExportArgs(text: string): ExportArgs {
  const filter: ExportFilter = { from: new Date(0), to: new Date(8.64e15) };
  const seen = new Set<string>();
  for (const part of text.trim().split(/\s+/).filter(Boolean)) {
    const match = /^(\w+)=(.+)$/.exec(part);
    const key = match?.[1]?.toLowerCase();
    const value = match?.[2] ?? "";
    if (!key || seen.has(key))
      return { ok: false, error: "report-export-bad-argument", vars: { argument: part } };
    seen.add(key);
    if (key === "region") {
      const region = REGION_IDS.find((id) => id === value.toLowerCase());
      if (!region)
        return {
          ok: false,
          error: "report-export-bad-region",
          vars: { region: value, regions: REGION_IDS.join(", ") },
        };
      filter.region = region;
    } else if (key === "from" || key === "to") {
      const day = parseKzDay(value);
      if (!day) return { ok: false, error: "report-export-bad-date", vars: { date: value } };
      if (key === "from") filter.from = day;
      else filter.to = nextKzDay(day);
    } else return { ok: false, error: "report-export-bad-argument", vars: { argument: part } };
  }
  if (filter.from.getTime() >= filter.to.getTime()) return { ok: false, error: "report-export-bad-range" };
  return { ok: true, filter };
}

/** Column names; times are Kazakhstan's wall clock, and the header says so. */
export const CSV_HEADER = [
  "reference",
  `created (${KZ_ZONE_LABEL})`,
  "region",
  "region_name",
  "district",
  "settlement",
  "settlement_key",
  "operator",
  "connection",
  "problem",
  "speed_mbps",
  "screenshot",
  "latitude",
  "longitude",
  "comment",
  "status",
  "status_name",
  `status_at (${KZ_ZONE_LABEL})`,
  "status_by",
  "moderator_note",
];

/**
 * The CSV of some reports, statuses also named (in Russian, for the ministry's staff). The
 * reporter's Telegram id is left out: analysis does not need it.
 */
export function reportsCsv(reports: StoredReport[], statusLabel: (status: string) => string): string {
  const rows: Cell[][] = reports.map((r) => [
    r.reference,
    formatDateTime(r.createdAt),
    r.region,
    regionName("ru", r.region),
    r.district ?? null,
    r.settlement,
    r.settlementKey.replace(/^[^:]*:/, ""),
    r.operator,
    r.connection,
    r.problem,
    r.speedMbps,
    r.photo ? "yes" : null,
    r.latitude,
    r.longitude,
    r.comment,
    r.status,
    statusLabel(r.status),
    r.statusAt ? formatDateTime(r.statusAt) : null,
    r.statusBy,
    r.note?.text ?? null,
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

/** /export: admins get the reports as a CSV file, filtered by region and dates. */
export function exportFeature(deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("export", async (ctx) => {
    // Never in a group: the CSV would land in front of everybody there.
    if (!(await allowAdminCommand(ctx, "export"))) return;
    const args = parseExportArgs(ctx.match);
    if (!args.ok) return ctx.reply(`${ctx.t(args.error, args.vars)}\n${ctx.t("report-export-usage")}`);
    const { region, from, to } = args.filter;
    const reports = (await store.listBetween(from, to)).filter((r) => !region || r.region === region);
    if (reports.length === 0) return ctx.reply(ctx.t("report-export-empty"));
    const csv = reportsCsv(reports, (status) => deps.i18n.t("ru", `report-status-${status}`));
    // The caption repeats the filter in the file's own terms: the same days, the same clock.
    const last = new Date(to.getTime() - 1);
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), "reports.csv"), {
      caption: ctx.t("report-export-caption", {
        count: reports.length,
        from: from.getTime() > 0 ? formatDate(from) : formatDate(reports[0]?.createdAt ?? from),
        to: to.getTime() < 8.64e15 ? formatDate(last) : formatDate(reports.at(-1)?.createdAt ?? last),
        zone: KZ_ZONE_LABEL,
        region: region ? regionName(ctx.lang, region) : ctx.t("report-export-all-regions"),
      }),
    });
  });
  return composer;
}
