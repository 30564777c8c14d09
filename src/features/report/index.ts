import { createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { ENTRY } from "../../bot/entry-points.js";
import { ReportStore } from "../../storage/reports.js";
import { reportConversation } from "./conversation.js";
import { exportFeature } from "./export.js";
import { moderationFeature } from "./moderation.js";
import { myDataFeature } from "./my-data.js";
import { notesFeature } from "./notes.js";
import { loadDistricts } from "./places.js";

/** Reports of slow rural internet: the guided conversation, moderation, export, the user's data. */
export function reportFeature(deps: BotDeps): Composer<BotContext> {
  const store = new ReportStore(deps.redis);
  const composer = new Composer<BotContext>();
  // Before the conversation: these also work in the middle of a report, and moderators press
  // their buttons in another chat.
  composer.use(
    moderationFeature(deps, store),
    notesFeature(deps, store),
    myDataFeature(store),
    exportFeature(deps, store),
  );
  const districts = loadDistricts();
  composer.use(createConversation<BotContext, Context>(reportConversation(deps, store, districts), "report"));

  const privateChat = composer.chatType("private");
  privateChat.command("report", (ctx) => ctx.conversation.enter("report"));
  privateChat.callbackQuery(ENTRY.report, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("report");
  });
  // A conversation button after the report was sent or cancelled (Send pressed twice, say).
  composer.callbackQuery(/^rep:/, (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("report-button-finished") }),
  );
  return composer;
}
