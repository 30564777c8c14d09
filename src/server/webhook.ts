import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";

/** Telegram's updates are a few KB; anything far larger is not Telegram. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookOptions {
  secret: string;
  /** Telegram gets its answer after this long at the latest; the update goes on running. */
  replyMs: number;
  /** Handles one update; never expected to throw (a failure is logged here if it does). */
  handle: (update: Update) => Promise<unknown>;
  logger: Logger;
  /** True while shutting down: new updates get 503, so Telegram sends them again (to another instance). */
  closing: () => boolean;
  onStatus?: (status: number) => void;
}

/**
 * The webhook endpoint, written so that no request can take the process down:
 * - wrong or missing secret: 401 and nothing is read or processed;
 * - a body over the limit: 413; malformed JSON or no update_id: 400;
 * - otherwise 200 once the update is handled, or after `replyMs` while it goes on being handled
 *   (Telegram would time out and send it again; the dedupe would then drop the copy anyway).
 * Every promise is handled: a failing update is logged, never an unhandled rejection.
 */
export function webhookHandler(options: WebhookOptions) {
  const expected = Buffer.from(options.secret);
  const answer = (res: ServerResponse, status: number, body = "") => {
    options.onStatus?.(status);
    if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      req.resume();
      return answer(res, 401, "secret token required");
    }
    if (options.closing()) {
      req.resume();
      return answer(res, 503, "shutting down");
    }
    const body = await readBody(req, WEBHOOK_BODY_LIMIT);
    if (body === "too large") return answer(res, 413, "body too large");
    if (body === "broken") return answer(res, 400, "request broken off");
    let update: Update;
    try {
      update = JSON.parse(body.text) as Update;
    } catch {
      return answer(res, 400, "malformed JSON");
    }
    if (typeof update !== "object" || update === null || !Number.isSafeInteger(update.update_id))
      return answer(res, 400, "not an update");

    const handled = options.handle(update).then(
      () => true,
      (error: unknown) => {
        options.logger.error({ err: error, update_id: update.update_id }, "webhook: update failed");
        return true;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), options.replyMs);
    });
    const inTime = await Promise.race([handled, late]);
    clearTimeout(timer);
    if (!inTime)
      options.logger.info(
        { update_id: update.update_id, reply_ms: options.replyMs },
        "webhook: update still running, answered Telegram",
      );
    answer(res, 200);
  };
}

/** The request body as text; "too large" past `limit` bytes (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<{ text: string } | "too large" | "broken"> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve("too large");
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? "too large" : { text: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", () => resolve("broken"));
  });
}
