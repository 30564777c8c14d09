import type { MiddlewareFn } from "grammy";
import type { Message } from "grammy/types";
import { maskPersonalData } from "../privacy/mask.js";
import type { BotContext } from "./context.js";

const masked = new WeakSet<BotContext>();

/**
 * Masks phones and IINs in what the user typed (text and captions, new and edited messages) before
 * any feature, store, conversation or log sees it: the update itself is rewritten, so also the
 * conversation state that records updates holds the masked text only.
 */
export const maskIncoming: MiddlewareFn<BotContext> = (ctx, next) => {
  let count = 0;
  for (const message of [ctx.update.message, ctx.update.edited_message]) {
    if (!message) continue;
    const writable = message as { -readonly [K in keyof Message]?: Message[K] };
    if (typeof message.text === "string") {
      const result = maskPersonalData(message.text);
      writable.text = result.text;
      count += result.count;
    }
    if (typeof message.caption === "string") {
      const result = maskPersonalData(message.caption);
      writable.caption = result.text;
      count += result.count;
    }
  }
  if (count > 0) masked.add(ctx);
  return next();
};

/** Tells the user (in their language, once per message) that numbers were hidden, and why. Needs i18n. */
export const tellAboutMasking: MiddlewareFn<BotContext> = (ctx, next) => {
  if (!(masked.has(ctx) && ctx.chat?.type === "private" && ctx.message)) return next();
  return ctx.reply(ctx.t("privacy-masked-notice")).then(() => next());
};
