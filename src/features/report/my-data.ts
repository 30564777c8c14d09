import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatDate } from "../../bot/dates.js";
import type { ReportStore } from "../../storage/reports.js";
import { statusName } from "./render.js";

/** /myreports: the user's reports and their statuses. (/deletemydata lives in features/privacy.ts.) */
export function myDataFeature(store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("myreports", async (ctx) => {
    const reports = await store.listByUser(ctx.from.id);
    if (reports.length === 0) return ctx.reply(ctx.t("report-my-empty"));
    const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
    const lines = reports.map((r) => {
      const line = ctx.t("report-my-line", {
        reference: r.reference,
        date: formatDate(r.createdAt),
        settlement: r.settlement,
        status: statusName(t, r.status),
      });
      // The moderators' latest word under its report.
      return r.note ? `${line}\n   ${ctx.t("report-my-note", { note: r.note.text })}` : line;
    });
    await ctx.reply(`${ctx.t("report-my-title")}\n\n${lines.join("\n")}`);
  });

  return composer;
}
