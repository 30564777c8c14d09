import { Composer, InlineKeyboard } from "grammy";
import { allowAdminCommand } from "../../bot/auth.js";
import type { BotContext, BotDeps } from "../../bot/context.js";
import { ENTRY } from "../../bot/entry-points.js";
import { redisLost } from "../../bot/redis-health.js";
import type { Reply } from "../../knowledge/index.js";
import { answerMessage } from "../../knowledge/render.js";
import { DISLIKE_REASONS, type DislikeReason, QuestionStore, type Voter } from "../../storage/questions.js";
import { renderDisliked } from "./disliked.js";

const MAX_QUESTION_LENGTH = 500;
/** Refusals offer at most this many answerable questions as buttons. */
const MAX_SUGGESTIONS = 3;

/** Who pressed a button, and under which message (what a vote is checked against). */
const voterOf = (ctx: BotContext): Voter | undefined =>
  ctx.from && ctx.chat
    ? { userId: ctx.from.id, chatId: ctx.chat.id, messageId: ctx.callbackQuery?.message?.message_id }
    : undefined;

/**
 * Any text in a private chat that is not a command or part of a conversation is a question. The
 * reply carries 👍/👎 and up to three related questions the knowledge can answer, as buttons. A
 * refusal offers close questions it can answer instead, and a complaint about the connection gets
 * the report button. 👎 asks why. /gaps shows administrators what citizens asked that the texts
 * could not answer, and the answers they disliked most.
 */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const feature = composer.chatType("private");
  const questions = new QuestionStore(deps.redis);
  const t = (lang: string, key: string, vars?: Record<string, string | number>) =>
    deps.i18n.t(lang, key, vars);

  /** The buttons under a reply: votes and related questions, or, for a refusal, what can be asked instead. */
  const keyboardFor = (reply: Reply, id: string, offered: string[]): InlineKeyboard | undefined => {
    const keyboard = new InlineKeyboard();
    if (reply.kind === "answer")
      keyboard
        .text(t(reply.lang, "ask-feedback-up"), `fb:${id}:up`)
        .text(t(reply.lang, "ask-feedback-down"), `fb:${id}:down`);
    offered.forEach((question, index) => {
      keyboard.row().text(`❓ ${question}`, `rq:${id}:${index}`);
    });
    if (reply.kind === "none" && reply.reason === "complaint")
      keyboard.row().text(t(reply.lang, "ask-button-report"), ENTRY.report);
    return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
  };

  const answer = async (ctx: BotContext, question: string) => {
    const { reply, text } = answerMessage(deps.knowledge, question, t, ctx.lang);
    if (reply.kind === "smalltalk") return ctx.reply(text);
    const offered = (reply.kind === "answer" ? reply.related : reply.suggestions).slice(0, MAX_SUGGESTIONS);
    // The answer comes from memory: with Redis down it is sent without the buttons that need it.
    const id = redisLost(deps.redis) ? undefined : questions.newId();
    const keyboard = id === undefined ? undefined : keyboardFor(reply, id, offered);
    // A refusal's suggestions are buttons; a line above them says what they are.
    const shown =
      reply.kind === "none" && offered.length > 0
        ? `${text}\n\n${t(reply.lang, "ask-suggestions-title")}`
        : text;
    const sent = await ctx.reply(shown, keyboard ? { reply_markup: keyboard } : {});
    // Logged after the reply, with the message its buttons are under (a reply queued for later has
    // no message id yet: message_id 0), together with the gap count of an unanswered question.
    // Not waited for: its commands are queued now, on the connection that releases the chat's lock
    // after this handler, so they go out in the same write as the release and one Redis runs them
    // first (a cluster gets them in the same moment): a press on those buttons finds the question.
    void questions
      .save(
        id ?? questions.newId(),
        {
          question,
          lang: reply.lang,
          answered: reply.kind === "answer",
          reply: text,
          sources: reply.kind === "answer" ? reply.sources.map((s) => s.doc) : [],
          related: offered,
          ...(ctx.chat ? { chatId: ctx.chat.id } : {}),
          ...(keyboard && sent.message_id ? { messageId: sent.message_id } : {}),
        },
        reply.kind === "none" ? deps.now() : undefined,
      )
      .catch(() => undefined);
    return sent;
  };

  /** A button that is not under the presser's own reply: refused, and logged with who tried. */
  const refuse = (ctx: BotContext, data: string | undefined) => {
    ctx.deps.logger.warn({ user_id: ctx.from?.id, data }, "ask: a button not under the presser's reply");
    return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
  };

  feature.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const question = ctx.msg.text.trim();
    if (question.length > MAX_QUESTION_LENGTH)
      return ctx.reply(ctx.t("ask-too-long", { max: MAX_QUESTION_LENGTH }));
    await answer(ctx, question);
  });

  feature.callbackQuery(/^rq:(\w+):(\d)$/, async (ctx) => {
    const voter = voterOf(ctx);
    const asked = voter && (await questions.forVoter(ctx.match[1] ?? "", voter));
    const related = asked?.related[Number(ctx.match[2])];
    if (!related) return refuse(ctx, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await answer(ctx, related);
  });

  feature.callbackQuery(/^fb:(\w+):(up|down)$/, async (ctx) => {
    const id = ctx.match[1] ?? "";
    const vote = ctx.match[2] === "up" ? "up" : "down";
    const voter = voterOf(ctx);
    if (!voter || !(await questions.vote(id, voter, vote, deps.now())))
      return refuse(ctx, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery({ text: ctx.t("ask-feedback-thanks") });
    if (vote === "up") return;
    const why = new InlineKeyboard();
    DISLIKE_REASONS.forEach((reason, i) => {
      if (i === 2) why.row();
      why.text(ctx.t(`ask-why-${reason}`), `fbw:${id}:${reason}`);
    });
    await ctx.reply(ctx.t("ask-why-question"), { reply_markup: why });
  });

  feature.callbackQuery(/^fbw:(\w+):([\w-]+)$/, async (ctx) => {
    const reason = DISLIKE_REASONS.find((r): r is DislikeReason => r === ctx.match[2]);
    const voter = voterOf(ctx);
    const stored =
      reason !== undefined &&
      voter !== undefined &&
      (await questions.explainDislike(ctx.match[1] ?? "", voter, reason, deps.now()));
    if (!stored) return refuse(ctx, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(ctx.t("ask-why-thanks", { reason: ctx.t(`ask-why-${reason}`) }))
      .catch(() => {});
  });

  feature.command("gaps", async (ctx) => {
    if (!(await allowAdminCommand(ctx, "gaps"))) return;
    const gaps = await questions.topGaps(deps.now());
    const gapLines = gaps.map((gap, i) => `${i + 1}. ${gap.question} — ${gap.count}`);
    const gapText =
      gaps.length === 0 ? ctx.t("ask-gaps-empty") : [ctx.t("ask-gaps-title"), ...gapLines].join("\n");
    const disliked = await questions.topDisliked();
    await ctx.reply(`${gapText}\n\n${renderDisliked((key, vars) => ctx.t(key, vars), disliked)}`);
  });

  return composer;
}
