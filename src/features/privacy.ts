import { Composer, InlineKeyboard, type SessionFlavor } from "grammy";
import { callbackData } from "../bot/callback-data.js";
import type { BotContext, BotDeps, SessionData } from "../bot/context.js";
import { floodKeys } from "../bot/flood-limit.js";
import { forgetQueuedReplies } from "../bot/reply-queue.js";
import { editIgnoringUnchanged } from "../bot/telegram-errors.js";
import { bullPrefix } from "../delivery/index.js";
import { SEND_QUEUE } from "../delivery/worker.js";
import { eraseReceipts, eraseSendJobs, eraseVotes } from "../privacy/erase.js";
import { ReportStore } from "../storage/reports.js";
import { unsubscribeAll } from "../storage/subscriptions.js";

/** The two buttons under the question: `privacy:delete:yes|no`. */
const confirmButton = callbackData("privacy", { op: /delete/, answer: /yes|no/ });

/**
 * /deletemydata: everything the bot keeps about a user, forgotten in one place. Reports stay for
 * the ministry's statistics but lose the user id, the comment and the exact coordinates; consent,
 * subscriptions, votes, broadcast receipts and jobs, queued replies, flood-limit counters, the
 * session and any unfinished conversation go. Installed before the features so it also works in
 * the middle of a report.
 */
export function privacyFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  const reports = new ReportStore(deps.redis);

  // Destructive, so it asks first.
  privateChat.command("deletemydata", (ctx) =>
    ctx.reply(ctx.t("privacy-delete-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("privacy-delete-yes"), confirmButton.pack({ op: "delete", answer: "yes" }))
        .text(ctx.t("privacy-delete-no"), confirmButton.pack({ op: "delete", answer: "no" })),
    }),
  );

  privateChat.callbackQuery(confirmButton.prefix, async (ctx) => {
    const answer = confirmButton.unpack(ctx.callbackQuery.data)?.answer;
    // Answered first: the erasure below may take longer than Telegram waits for an answer.
    await ctx.answerCallbackQuery();
    if (answer === "no")
      return editIgnoringUnchanged(() => ctx.editMessageText(ctx.t("privacy-delete-kept")));
    if (answer !== "yes") return;
    const userId = ctx.from.id;
    const count = await reports.forgetUser(userId);
    const topics = await unsubscribeAll(deps.redis, userId);
    const votes = await eraseVotes(deps.redis, userId);
    const receipts = await eraseReceipts(deps.redis, userId);
    const jobs = await eraseSendJobs(deps.redis, bullPrefix(deps.redis), SEND_QUEUE, userId).catch(
      (error: unknown) => {
        ctx.deps.logger.warn({ err: error }, "privacy: broadcast jobs could not be erased");
        return 0;
      },
    );
    const replies = await forgetQueuedReplies(deps.redis, userId);
    await deps.redis.del(...floodKeys(userId));
    await ctx.conversation.exitAll();
    // grammY deletes the stored session when it is set to null (the setter takes null; the
    // intersection type of BotContext only shows the getter's type, hence the narrower view).
    (ctx as SessionFlavor<SessionData>).session = null;
    ctx.deps.logger.info(
      { reports: count, topics, votes, receipts, jobs, replies },
      "privacy: a user deleted their data",
    );
    await editIgnoringUnchanged(() => ctx.editMessageText(ctx.t("privacy-deleted", { count, topics })));
  });
  return composer;
}
