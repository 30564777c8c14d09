import type { Context, MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { luaScript, replyIs } from "../storage/redis.js";

/**
 * The gate every update passes before anything else reads Redis, shared by all instances:
 * - dedupe: an update id seen before (Telegram re-sending a webhook, two pollers) is dropped;
 * - the chat lock: one update of a chat at a time across instances, so a session or a
 *   conversation is never read by one instance while another writes it. The lock expires (a
 *   crashed instance cannot block a chat for long) and is renewed while a slow update runs; a
 *   waiter gives up after a bounded wait and goes on without it rather than lose the update.
 *
 * Round trips: ONE script call when the chat is free (dedupe check + lock + in-flight mark) and
 * ONE at the end (done mark + unlock); a renewal every lockMs/3 only for slow updates; a busy chat
 * adds a retry every 10-200 ms while it waits. Within one process `sequentialize` queues a chat's
 * updates first, so the lock is contended only between instances.
 */

/** KEYS: seen key, [lock key]; ARGV: token, lock ms, force ("1": take no lock). 0 dup, 1 ok, -1 busy. */
const ENTER = `
local state = redis.call('GET', KEYS[1])
if state then return 0 end
if KEYS[2] and ARGV[3] ~= '1' then
  if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
end
redis.call('SET', KEYS[1], 'p', 'PX', ARGV[2])
return 1
`;

/** KEYS: seen key, [lock key]; ARGV: token, seen seconds. Marks the update done, unlocks if ours. */
const LEAVE = `
redis.call('SET', KEYS[1], 'd', 'EX', ARGV[2])
if KEYS[2] and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`;

/** KEYS: seen key, [lock key]; ARGV: token, lock ms. Extends the lock (if ours) and the in-flight mark. */
const RENEW = `
if redis.call('GET', KEYS[1]) == 'p' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if KEYS[2] and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`;

const enterScript = luaScript("qdbChatGateEnter", ENTER, replyIs.oneOf(0, -1, 1));
const leaveScript = luaScript("qdbChatGateLeave", LEAVE, replyIs.integer);
const renewScript = luaScript("qdbChatGateRenew", RENEW, replyIs.integer);

export interface ChatGateOptions {
  /** The lock's expiry; renewed every third of it while the update runs. */
  lockMs?: number;
  /** How long an update waits for its chat before it goes on without the lock. */
  waitMs?: number;
  /** How long a handled update id is remembered. Telegram re-sends within minutes. */
  seenSeconds?: number;
  logger?: Logger;
  /** Called when an update had to wait for its chat (ms waited, whether it got the lock). */
  onWait?: (ms: number, locked: boolean) => void;
  onDuplicate?: () => void;
}

/** What the gate decided for one update. */
export type GateResult = "duplicate" | "locked" | "unlocked";

const DEFAULTS = { lockMs: 15_000, waitMs: 10_000, seenSeconds: 3600 };

/** The gate as grammY middleware: duplicates stop here, everything else runs under the chat lock. */
export function chatGate(redis: Redis, options: ChatGateOptions = {}): MiddlewareFn<Context> {
  const { lockMs, waitMs, seenSeconds } = { ...DEFAULTS, ...options };
  return async (ctx, next) => {
    const seen = `update:seen:${ctx.update.update_id}`;
    const keys = ctx.chatId === undefined ? [seen] : [seen, `lock:chat:${ctx.chatId}`];
    const token = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    let result: number;
    try {
      result = await enter(redis, keys, token, lockMs, waitMs, options);
    } catch (error) {
      // Redis is down: handle the update anyway (questions need only memory); no lock to release.
      options.logger?.warn({ err: error }, "chat gate: Redis unavailable, update handled without lock");
      return next();
    }
    if (result === 0) {
      options.onDuplicate?.();
      options.logger?.info("chat gate: duplicate update dropped");
      return;
    }
    const renew = setInterval(() => {
      renewScript(redis, keys, [token, lockMs]).catch(() => {});
    }, lockMs / 3);
    try {
      await next();
    } finally {
      clearInterval(renew);
      await leaveScript(redis, keys, [token, seenSeconds]).catch((error: unknown) =>
        options.logger?.warn({ err: error }, "chat gate: could not release"),
      );
    }
  };
}

async function enter(
  redis: Redis,
  keys: string[],
  token: string,
  lockMs: number,
  waitMs: number,
  options: ChatGateOptions,
): Promise<number> {
  const started = performance.now();
  let pause = 10;
  for (;;) {
    const waited = performance.now() - started;
    const force = waited >= waitMs;
    const result = await enterScript(redis, keys, [token, lockMs, force ? "1" : "0"]);
    if (result !== -1) {
      if (waited > 0 && pause > 10) options.onWait?.(waited, !force);
      if (force && result === 1)
        options.logger?.warn(
          { waited_ms: Math.round(waited) },
          "chat gate: chat still locked, went on without it",
        );
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 200);
  }
}
