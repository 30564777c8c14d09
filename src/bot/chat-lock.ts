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

/**
 * What the code behind the gate would read first, read by the gate's own script once the update is
 * let in (the same round trip): bot/prefetch.ts offers its reads (offerGateReads) for the gate to run. `lua`
 * runs after ENTER succeeded, with its KEYS after the gate's two and its ARGV after the gate's
 * three, and returns a table; `take` gets that table for the update.
 */
export interface GateReads {
  lua: string;
  /** The keys and arguments of `lua` for this update; undefined: the update reads nothing here. */
  plan(ctx: Context): { keys: string[]; args: (string | number)[] } | undefined;
  take(ctx: Context, values: unknown[]): void;
}

type EnterReadScript = (redis: Redis, keys: string[], args?: (string | number)[]) => Promise<unknown[]>;

/** The reads offered for an update (by the bot it belongs to), and each GateReads' script. */
const offered = new WeakMap<Context, GateReads>();
const scripts = new WeakMap<GateReads, EnterReadScript>();

/**
 * Offers `reads` to the chat gate for this update: createBot's middleware before the runtime's, so
 * the gate serves the bot the update belongs to (tests run several bots on one Redis client).
 */
export function offerGateReads(ctx: Context, reads: GateReads): void {
  offered.set(ctx, reads);
}

function enterReadScript(reads: GateReads): EnterReadScript {
  let script = scripts.get(reads);
  if (script) return script;
  // ENTER (with a lock key: the gate reads only for updates of a chat), returning {result} and,
  // once in, {1, ...what `reads.lua` returns}.
  const lua = `
local state = redis.call('GET', KEYS[1])
if state then return {0} end
if ARGV[3] ~= '1' then
  if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {-1} end
end
redis.call('SET', KEYS[1], 'p', 'PX', ARGV[2])
local values = (function()
${reads.lua}
end)()
table.insert(values, 1, 1)
return values
`;
  script = luaScript("qdbChatGateEnterRead", lua, (reply) =>
    Array.isArray(reply) && [0, -1, 1].includes(reply[0]) ? (reply as unknown[]) : undefined,
  );
  scripts.set(reads, script);
  return script;
}

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
    const { update_id } = ctx.update;
    const seen = `update:seen:${update_id}`;
    const keys = ctx.chatId === undefined ? [seen] : [seen, `lock:chat:${ctx.chatId}`];
    const token = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    const reads = keys.length === 2 ? offered.get(ctx) : undefined;
    const plan = reads?.plan(ctx);
    const tryEnter: EnterOnce =
      reads && plan
        ? async (args) => {
            const script = enterReadScript(reads);
            const reply = await script(redis, [...keys, ...plan.keys], [...args, ...plan.args]);
            const result = reply[0] as number;
            if (result === 1) reads.take(ctx, reply.slice(1));
            return result;
          }
        : (args) => enterScript(redis, keys, args);
    let result: number;
    try {
      result = await enter(tryEnter, token, lockMs, waitMs, update_id, options);
    } catch (error) {
      // Redis is down: handle the update anyway (questions need only memory); no lock to release.
      options.logger?.warn(
        { err: error, update_id },
        "chat gate: Redis unavailable, update handled without lock",
      );
      return next();
    }
    if (result === 0) {
      options.onDuplicate?.();
      options.logger?.info({ update_id }, "chat gate: duplicate update dropped");
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
        options.logger?.warn({ err: error, update_id }, "chat gate: could not release"),
      );
    }
  };
}

/** One attempt of the enter script with the gate's ARGV: 0 duplicate, 1 in, -1 busy. */
type EnterOnce = (args: (string | number)[]) => Promise<number>;

async function enter(
  tryEnter: EnterOnce,
  token: string,
  lockMs: number,
  waitMs: number,
  updateId: number,
  options: ChatGateOptions,
): Promise<number> {
  const started = performance.now();
  let pause = 10;
  for (;;) {
    const waited = performance.now() - started;
    const force = waited >= waitMs;
    const result = await tryEnter([token, lockMs, force ? "1" : "0"]);
    if (result !== -1) {
      if (waited > 0 && pause > 10) options.onWait?.(waited, !force);
      if (force && result === 1)
        options.logger?.warn(
          { waited_ms: Math.round(waited), update_id: updateId },
          "chat gate: chat still locked, went on without it",
        );
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 200);
  }
}
