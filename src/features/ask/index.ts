import { Composer, InlineKeyboard } from "grammy";
import { allowAdminCommand } from "../../bot/auth.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { answerMessage } from "../../knowledge/render.js";
import { QuestionStore } from "../../storage/questions.js";

const MAX_QUESTION_LENGTH = 500;

/**
 * Any text in a private chat that is not a command or part of a conversation is a question. The
 * reply carries 👍/👎 and up to three related questions the knowledge can answer, as buttons.
 * /gaps shows administrators what citizens asked that the texts could not answer.
 */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");
  const questions = new QuestionStore(deps.redis);
  const t = (lang: string, key: string, vars?: Record<string, string | number>) =>
    deps.i18n.t(lang, key, vars);

  const answer = async (ctx: BotContext, question: string) => {
    const { reply, text } = answerMessage(deps.knowledge, question, t, ctx.lang);
    if (reply.kind === "smalltalk") return ctx.reply(text);
    // The answer comes from memory: with Redis down it is sent without the buttons that need it.
    const saved = questions
      .save({
        question,
        lang: reply.lang,
        answered: reply.kind === "answer",
        reply: text,
        sources: reply.kind === "answer" ? reply.sources.map((s) => s.doc) : [],
        related: reply.kind === "answer" ? reply.related.slice(0, 3) : [],
      })
      .catch(() => undefined);
    if (reply.kind === "none") {
      // The log and the gap count go out together: one round trip, not two.
      await Promise.all([saved, questions.recordGap(question, deps.now()).catch(() => undefined)]);
      return ctx.reply(text);
    }
    const id = await saved;
    if (id === undefined) return ctx.reply(text);
    const keyboard = new InlineKeyboard()
      .text(t(reply.lang, "ask-feedback-up"), `fb:${id}:up`)
      .text(t(reply.lang, "ask-feedback-down"), `fb:${id}:down`);
    reply.related.slice(0, 3).forEach((related, index) => {
      keyboard.row().text(`❓ ${related}`, `rq:${id}:${index}`);
    });
    return ctx.reply(text, { reply_markup: keyboard });
  };

  feature.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const question = ctx.msg.text.trim();
    if (question.length > MAX_QUESTION_LENGTH)
      return ctx.reply(ctx.t("ask-too-long", { max: MAX_QUESTION_LENGTH }));
    await answer(ctx, question);
  });

  feature.callbackQuery(/^rq:(\w+):(\d)$/, async (ctx) => {
    const asked = await questions.get(ctx.match[1] ?? "");
    const related = asked?.related[Number(ctx.match[2])];
    if (!related) return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
    await ctx.answerCallbackQuery();
    await answer(ctx, related);
  });

  feature.callbackQuery(/^fb:(\w+):(up|down)$/, async (ctx) => {
    const vote = ctx.match[2] === "up" ? "up" : "down";
    const known = await questions.vote(ctx.match[1] ?? "", ctx.from.id, vote, deps.now());
    await ctx.answerCallbackQuery({ text: ctx.t(known ? "ask-feedback-thanks" : "button-outdated") });
  });

  feature.command("gaps", async (ctx) => {
    if (!(await allowAdminCommand(ctx, "gaps"))) return;
    const gaps = await questions.topGaps(deps.now());
    if (gaps.length === 0) return ctx.reply(ctx.t("ask-gaps-empty"));
    const lines = gaps.map((gap, i) => `${i + 1}. ${gap.question} — ${gap.count}`);
    await ctx.reply([ctx.t("ask-gaps-title"), ...lines].join("\n"));
  });

  return composer;
}
