import { Composer, InlineKeyboard, type SessionFlavor } from "grammy";
import type { BotContext, BotDeps, SessionData } from "../../bot/context.js";
import type { ReportStore } from "../../storage/reports.js";
import { DELETE_CB } from "./keyboards.js";
import { formatKzDate, statusName } from "./render.js";

/** /myreports (the user's reports and their statuses) and /deletemydata (unlink and forget). */
export function myDataFeature(deps: BotDeps, store: ReportStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("myreports", async (ctx) => {
    const reports = await store.listByUser(ctx.from.id);
    if (reports.length === 0) return ctx.reply(ctx.t("report-my-empty"));
    const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
    const lines = reports.map((r) =>
      ctx.t("report-my-line", {
        reference: r.reference,
        date: formatKzDate(r.createdAt).slice(0, 10),
        settlement: r.settlement,
        status: statusName(t, r.status),
      }),
    );
    await ctx.reply(`${ctx.t("report-my-title")}\n\n${lines.join("\n")}`);
  });

  // Destructive, so it asks first.
  privateChat.command("deletemydata", (ctx) =>
    ctx.reply(ctx.t("report-delete-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("report-delete-yes"), DELETE_CB.yes)
        .text(ctx.t("report-delete-no"), DELETE_CB.no),
    }),
  );

  privateChat.callbackQuery(DELETE_CB.no, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("report-delete-kept"));
  });

  privateChat.callbackQuery(DELETE_CB.yes, async (ctx) => {
    const count = await store.forgetUser(ctx.from.id);
    await ctx.conversation.exitAll();
    // grammY deletes the stored session when it is set to null (the setter takes null; the
    // intersection type of BotContext only shows the getter's type, hence the narrower view).
    (ctx as SessionFlavor<SessionData>).session = null;
    deps.logger.info({ reports: count }, "report: a user deleted their data");
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("report-deleted", { count }));
  });
  return composer;
}
