import { Composer, InputFile } from "grammy";
import { allowAdminCommand } from "../../bot/auth.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import type { ReportStore, StoredReport } from "../../storage/reports.js";
import { type Cell, toCsv } from "./csv.js";
import { REGION_IDS, type RegionId } from "./regions.js";
import { KZ_OFFSET_MS, regionName } from "./render.js";

/** The filters of /export. `to` is exclusive (the start of the day after the given one). */
export interface ExportFilter {
  region?: RegionId;
  from: Date;
  to: Date;
}

export type ExportArgs =
  | { ok: true; filter: ExportFilter }
  | { ok: false; error: string; vars?: Record<string, string> };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight of a yyyy-mm-dd day in Kazakhstan, or undefined for a malformed or impossible date. */
function kzDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return undefined;
  return new Date(utc.getTime() - KZ_OFFSET_MS);
}

/**
 * Parses `/export region=pavlodar from=2026-01-01 to=2026-12-31` (every part optional, dates in
 * Kazakhstan time, both ends inclusive). Errors are .ftl keys with their variables.
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
      const day = kzDay(value);
      if (!day) return { ok: false, error: "report-export-bad-date", vars: { date: value } };
      if (key === "from") filter.from = day;
      else filter.to = new Date(day.getTime() + DAY_MS);
    } else return { ok: false, error: "report-export-bad-argument", vars: { argument: part } };
  }
  if (filter.from.getTime() >= filter.to.getTime()) return { ok: false, error: "report-export-bad-range" };
  return { ok: true, filter };
}

export const CSV_HEADER = [
  "reference",
  "created_at",
  "region",
  "region_name",
  "settlement",
  "operator",
  "connection",
  "problem",
  "speed_mbps",
  "latitude",
  "longitude",
  "comment",
  "status",
  "status_at",
  "status_by",
];

/** The CSV of some reports. The reporter's Telegram id is left out: analysis does not need it. */
export function reportsCsv(reports: StoredReport[]): string {
  const rows: Cell[][] = reports.map((r) => [
    r.reference,
    r.createdAt.toISOString(),
    r.region,
    regionName("ru", r.region),
    r.settlement,
    r.operator,
    r.connection,
    r.problem,
    r.speedMbps,
    r.latitude,
    r.longitude,
    r.comment,
    r.status,
    r.statusAt ? r.statusAt.toISOString() : null,
    r.statusBy,
  ]);
  return toCsv([CSV_HEADER, ...rows]);
}

/** /export: admins get the reports as a CSV file, filtered by region and dates. */
export function exportFeature(_deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("export", async (ctx) => {
    // Never in a group: the CSV would land in front of everybody there.
    if (!(await allowAdminCommand(ctx, "export"))) return;
    const args = parseExportArgs(ctx.match);
    if (!args.ok) return ctx.reply(`${ctx.t(args.error, args.vars)}\n${ctx.t("report-export-usage")}`);
    const { region, from, to } = args.filter;
    const reports = (await store.listBetween(from, to)).filter((r) => !region || r.region === region);
    if (reports.length === 0) return ctx.reply(ctx.t("report-export-empty"));
    await ctx.replyWithDocument(new InputFile(Buffer.from(reportsCsv(reports), "utf8"), "reports.csv"), {
      caption: ctx.t("report-export-caption", { count: reports.length }),
    });
  });
  return composer;
}
