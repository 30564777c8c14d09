import { Composer, InlineKeyboard, type SessionFlavor } from "grammy";
import type { BotContext, BotDeps, SessionData } from "../bot/context.js";
import { ReportStore } from "../storage/reports.js";
import { unsubscribeAll } from "../storage/subscriptions.js";

const CONFIRM = { yes: "privacy:delete:yes", no: "privacy:delete:no" } as const;

/**
 * /deletemydata: everything the bot keeps about a user, forgotten in one place — the link to their
 * reports (the reports stay, anonymised, for the moderators' statistics), their consent, their
 * subscriptions, their session and any unfinished conversation. Installed before the features so
 * it also works in the middle of a report.
 */
export function privacyFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  const reports = new ReportStore(deps.redis);

  // Destructive, so it asks first.
  privateChat.command("deletemydata", (ctx) =>
    ctx.reply(ctx.t("privacy-delete-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("privacy-delete-yes"), CONFIRM.yes)
        .text(ctx.t("privacy-delete-no"), CONFIRM.no),
    }),
  );

  privateChat.callbackQuery(CONFIRM.no, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("privacy-delete-kept"));
  });

  privateChat.callbackQuery(CONFIRM.yes, async (ctx) => {
    const count = await reports.forgetUser(ctx.from.id);
    const topics = await unsubscribeAll(deps.redis, ctx.from.id);
    await ctx.conversation.exitAll();
    // grammY deletes the stored session when it is set to null (the setter takes null; the
    // intersection type of BotContext only shows the getter's type, hence the narrower view).
    (ctx as SessionFlavor<SessionData>).session = null;
    deps.logger.info({ reports: count, topics }, "privacy: a user deleted their data");
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("privacy-deleted", { count, topics }));
  });
  return composer;
}
