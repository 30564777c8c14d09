import { randomUUID } from "node:crypto";
import type { Api, Transformer } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * Replies Telegram cannot take now (a long `retry_after`, 5xx again and again) are kept in Redis and
 * sent later by `drainReplyQueue`, instead of being dropped with an apology nobody can send either.
 *
 *   replyq   zset JSON {id, method, payload, attempts, firstAt} -> when to try next (ms)
 */
const QUEUE_KEY = "replyq";
/** Methods worth delivering late: new messages. Answers to buttons and edits are stale by then. */
const QUEUEABLE = new Set(["sendMessage"]);
/** A 429 whose retry_after is longer than this is not waited for in the handler. */
const MAX_INLINE_WAIT_SECONDS = 30;
/** 5xx answers are retried this many times in place (after these delays) before queueing. */
const SERVER_ERROR_DELAYS_MS = [200, 1000];
/** A reply still undelivered after this long is dropped (and logged). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface QueuedCall {
  id: string;
  method: string;
  payload: Record<string, unknown>;
  attempts: number;
  firstAt: number;
}

/** Marks a call's payload: the call goes straight to Telegram. JSON leaves symbol keys out. */
const DIRECT = Symbol("reply-queue.direct");

/**
 * The payload (or a method's options, which grammY spreads into it) of a call that must go
 * straight to Telegram, never into the queue: the queue's own sends, the report outbox (whose
 * entry would count a queued notice as delivered). A mark on the payload rather than an
 * AsyncLocalStorage scope, whose promise hooks, once enabled, cost every later update CPU.
 */
export function withoutReplyQueue<T extends object>(payload: T): T {
  return { ...payload, [DIRECT]: true };
}

type Failure = { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** When a failed call should be tried again, or undefined when it is not worth queueing. */
function retryDelayMs(result: Failure): number | undefined {
  if (result.error_code === 429) {
    const seconds = result.parameters?.retry_after ?? 0;
    return seconds > MAX_INLINE_WAIT_SECONDS ? seconds * 1000 : undefined;
  }
  return result.error_code >= 500 ? 5_000 : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API transformer. A queued sendMessage resolves with a placeholder message (message_id 0) so
 * the handler goes on; the user gets the real one when Telegram is ready.
 */
export function replyQueueTransformer(
  redis: Redis,
  logger: Logger,
  delays = SERVER_ERROR_DELAYS_MS,
): Transformer {
  return async (prev, method, payload, signal) => {
    let result = await prev(method, payload, signal);
    if (result.ok || !QUEUEABLE.has(method) || DIRECT in payload) return result;
    for (const delay of delays) {
      if (result.ok || result.error_code < 500) break;
      await sleep(delay);
      result = await prev(method, payload, signal);
    }
    if (result.ok) return result;
    const later = retryDelayMs(result);
    if (later === undefined) return result;
    const call: QueuedCall = {
      id: randomUUID(),
      method,
      payload: payload as Record<string, unknown>,
      attempts: 1,
      firstAt: Date.now(),
    };
    try {
      await redis.zadd(QUEUE_KEY, Date.now() + later, JSON.stringify(call));
    } catch (error) {
      logger.warn({ err: error, method }, "reply queue: could not queue a reply");
      return result;
    }
    logger.warn({ method, code: result.error_code, retryInMs: later }, "reply queued for later delivery");
    const placeholder = {
      message_id: 0,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(call.payload.chat_id), type: "private", first_name: "" },
    };
    return { ok: true, result: placeholder } as unknown as typeof result;
  };
}

/** Sends the due queued replies once; returns how many were delivered. Run on a timer. */
export async function drainReplyQueue(
  redis: Redis,
  api: Api,
  logger: Logger,
  now = Date.now(),
): Promise<number> {
  let delivered = 0;
  for (const raw of await redis.zrangebyscore(QUEUE_KEY, "-inf", now, "LIMIT", 0, 50)) {
    // Whoever removes the entry sends it: two drainers never send one reply twice.
    if ((await redis.zrem(QUEUE_KEY, raw)) !== 1) continue;
    const call = JSON.parse(raw) as QueuedCall;
    try {
      await api.raw.sendMessage(
        withoutReplyQueue(call.payload) as unknown as Parameters<Api["raw"]["sendMessage"]>[0],
      );
      delivered++;
    } catch (error) {
      const failure = (error as { error_code?: number; parameters?: { retry_after?: number } }) ?? {};
      const code = failure.error_code ?? 0;
      const retriable = code === 429 || code >= 500 || code === 0;
      if (!retriable || now - call.firstAt > MAX_AGE_MS) {
        logger.warn({ err: error, attempts: call.attempts }, "reply queue: a reply was given up");
        continue;
      }
      const delay = Math.max((failure.parameters?.retry_after ?? 0) * 1000, 5_000 * 2 ** call.attempts);
      await redis.zadd(QUEUE_KEY, now + delay, JSON.stringify({ ...call, attempts: call.attempts + 1 }));
    }
  }
  return delivered;
}

/** Forgets the replies queued for one chat (/deletemydata); returns how many. */
export async function forgetQueuedReplies(redis: Redis, chatId: number): Promise<number> {
  let removed = 0;
  for (const raw of await redis.zrange(QUEUE_KEY, 0, -1)) {
    const call = JSON.parse(raw) as QueuedCall;
    if (Number(call.payload.chat_id) === chatId) removed += await redis.zrem(QUEUE_KEY, raw);
  }
  return removed;
}

/** How many replies wait. */
export function queuedReplies(redis: Redis): Promise<number> {
  return redis.zcard(QUEUE_KEY);
}
