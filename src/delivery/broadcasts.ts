import type { Redis } from "ioredis";
import type { Language } from "../bot/i18n.js";
import { luaScript, replyIs } from "../storage/redis.js";
import { isTopic, SUBSCRIBER_LANGUAGES_KEY, type Topic, topicKey } from "../storage/subscriptions.js";

/** preparing: created, not yet fanned out; running: sending; done; cancelled by the admin. */
export type BroadcastStatus = "preparing" | "running" | "done" | "cancelled";

/** What the admin sees of a broadcast; counters are kept by the send workers in Redis. */
export interface BroadcastState {
  id: string;
  announcementId: string;
  topic: Topic;
  status: BroadcastStatus;
  adminChat: number;
  adminLang: Language;
  progressMessage?: number;
  createdAt: string;
  /** Recipients (the topic's subscribers when the fan-out snapshotted them). */
  total: number;
  /** Whether the fan-out has enqueued every recipient (before that, total is not final). */
  fannedOut: boolean;
  sent: number;
  failed: number;
  blocked: number;
  /** Recipients not sent to because the admin cancelled. */
  skipped: number;
  /** 429 answers met (each paused the whole queue for retry_after). */
  limited: number;
}

/** The outcome counted for one recipient. */
export type Outcome = "sent" | "failed" | "blocked" | "skipped";

const metaKey = (id: string) => `bc:${id}`;
/** Per recipient: "sending:<lease end ms>" while a send is in flight, then sent/failed/blocked/skipped. */
const marksKey = (id: string) => `bc:${id}:marks`;
/** The recipients, copied once from the topic's set so a re-run fan-out sees the same people. */
const recipientsKey = (id: string) => `bc:${id}:rcpt`;
const tickKey = (id: string) => `bc:${id}:tick`;
const RECENT_KEY = "bc:recent";

/** Creates the record of a new broadcast (status preparing). */
export async function createBroadcast(
  redis: Redis,
  input: {
    id: string;
    announcementId: string;
    topic: Topic;
    adminChat: number;
    adminLang: Language;
    now: Date;
  },
): Promise<void> {
  await redis
    .multi()
    .hset(metaKey(input.id), {
      id: input.id,
      announcementId: input.announcementId,
      topic: input.topic,
      status: "preparing",
      adminChat: input.adminChat,
      adminLang: input.adminLang,
      createdAt: input.now.toISOString(),
    })
    .lpush(RECENT_KEY, input.id)
    .ltrim(RECENT_KEY, 0, 49)
    .exec();
}

/** Remembers the admin's progress message, which the workers edit. */
export async function setProgressMessage(redis: Redis, id: string, messageId: number): Promise<void> {
  await redis.hset(metaKey(id), "progressMessage", messageId);
}

/** Reads a broadcast's state, or undefined for an unknown id. */
export async function getBroadcast(redis: Redis, id: string): Promise<BroadcastState | undefined> {
  const h = await redis.hgetall(metaKey(id));
  if (!h.id || !isTopic(h.topic)) return undefined;
  const n = (v: string | undefined) => Number(v ?? 0);
  return {
    id: h.id,
    announcementId: h.announcementId ?? "",
    topic: h.topic,
    status: (h.status ?? "preparing") as BroadcastStatus,
    adminChat: n(h.adminChat),
    adminLang: h.adminLang === "kk" ? "kk" : "ru",
    ...(h.progressMessage ? { progressMessage: n(h.progressMessage) } : {}),
    createdAt: h.createdAt ?? "",
    total: n(h.total),
    fannedOut: h.fannedOut === "1",
    sent: n(h.sent),
    failed: n(h.failed),
    blocked: n(h.blocked),
    skipped: n(h.skipped),
    limited: n(h.limited),
  };
}

/** The newest broadcasts' ids, newest first. */
export function recentBroadcasts(redis: Redis, count: number): Promise<string[]> {
  return redis.lrange(RECENT_KEY, 0, count - 1);
}

// Copies the topic's subscribers once; a re-run after a crash finds the copy and keeps it.
const SNAPSHOT = `
if redis.call('exists', KEYS[1]) == 0 and redis.call('hget', KEYS[3], 'snapshot') == false then
  redis.call('sunionstore', KEYS[1], KEYS[2])
  redis.call('hset', KEYS[3], 'snapshot', '1')
end
local total = redis.call('scard', KEYS[1])
redis.call('hset', KEYS[3], 'total', total)
if redis.call('hget', KEYS[3], 'status') == 'preparing' then redis.call('hset', KEYS[3], 'status', 'running') end
return total`;
const snapshotScript = luaScript("qdbBroadcastSnapshot", SNAPSHOT, replyIs.integer);

/** Snapshots the recipients and marks the broadcast running; returns how many there are. */
export async function snapshotRecipients(redis: Redis, id: string, topic: Topic): Promise<number> {
  return snapshotScript(redis, [recipientsKey(id), topicKey(topic), metaKey(id)]);
}

/** Walks the recipients in pages (SSCAN: no single huge reply for a big topic). */
export async function* recipientPages(redis: Redis, id: string, pageSize = 500): AsyncGenerator<number[]> {
  let cursor = "0";
  do {
    const [next, members] = await redis.sscan(recipientsKey(id), cursor, "COUNT", pageSize);
    cursor = next;
    if (members.length) yield members.map(Number);
  } while (cursor !== "0");
}

/** Records that every recipient is enqueued (total is final from now on). */
export async function markFannedOut(redis: Redis, id: string): Promise<void> {
  await redis.hset(metaKey(id), "fannedOut", "1");
}

/** Gives the claim back: Telegram said no (429, 5xx, network), so a retry may send. */
export async function releaseRecipient(redis: Redis, id: string, userId: number): Promise<void> {
  await redis.hdel(marksKey(id), String(userId));
}

const RECORD_IF_OPEN = `
local mark = redis.call('hget', KEYS[1], ARGV[1])
if mark then
  local lease = string.match(mark, '^sending:(%d+)$')
  if not lease or tonumber(lease) > tonumber(ARGV[2]) then return 0 end
end
redis.call('hset', KEYS[1], ARGV[1], ARGV[3])
redis.call('hincrby', KEYS[2], ARGV[3], 1)
return 1`;
const recordIfOpenScript = luaScript("qdbBroadcastRecordIfOpen", RECORD_IF_OPEN, replyIs.oneOf(0, 1));

/**
 * Records an outcome for a recipient nobody is sending to (no mark, or a dead worker's expired
 * claim): used for recipients of a cancelled broadcast and jobs BullMQ gave up on.
 */
export async function recordIfOpen(
  redis: Redis,
  id: string,
  userId: number,
  outcome: Outcome,
  nowMs: number,
): Promise<boolean> {
  return (
    (await recordIfOpenScript(redis, [marksKey(id), metaKey(id)], [String(userId), nowMs, outcome])) === 1
  );
}

/** The next free send slot of the whole bot (every broadcast, every instance): ms on Redis' clock. */
const PACE_KEY = "bc:pace";

// Paces sends (GCRA): each send takes the next free slot, `interval` ms after the one before, and
// waits for it; a pause (429) moves the next free slot past its end. Redis' clock, so the instances'
// clocks need not agree. Returns the wait in microseconds (0: send now).
// ARGV: interval ms, pause ms (0: none), "1" to take a slot ("0": only the pause).
const PACE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now + tonumber(ARGV[2]))
local free = slot
if ARGV[3] == '1' then free = slot + tonumber(ARGV[1]) end
if free > now then
  redis.call('SET', KEYS[1], string.format('%.3f', free), 'PX', math.ceil(free - now) + 1000)
end
if ARGV[3] ~= '1' then return 0 end
return math.floor((slot - now) * 1000)`;
const paceScript = luaScript("qdbBroadcastPace", PACE, replyIs.integer);

/**
 * Takes the next send slot at `ratePerSecond` for the whole bot and returns how many ms to wait for
 * it. Slots are spaced evenly (no bursts: any one second holds at most rate + 1 sends), and taken
 * ahead by the sends in flight, so a worker that wakes late does not lose the slots in between.
 */
export async function takeSendSlot(redis: Redis, ratePerSecond: number): Promise<number> {
  return (await paceScript(redis, [PACE_KEY], [1000 / ratePerSecond, 0, "1"])) / 1000;
}

/** No send slot before `ms` from now (Telegram's retry_after): slots taken later come after it. */
export async function pauseSends(redis: Redis, ms: number): Promise<void> {
  await paceScript(redis, [PACE_KEY], [0, ms, "0"]);
}

// A send's whole preparation in one round trip. First the claim taken before calling Telegram:
// {'done'} if this recipient already has an outcome (a re-run must not send again), {'busy'} if
// another worker's send is in flight and its lease has not run out; else claimed ("sending:<lease
// end>"), and then whether to send at all (not cancelled, still following the topic), the
// recipient's language and the send's slot (as PACE). KEYS: marks, meta, the topic's set, the languages hash, the pace key. ARGV: user id, now
// ms, lease end ms, interval ms. Returns {'done'}, {'busy'}, {'claimed', 'skip'} or
// {'claimed', 'send', lang or '', wait in microseconds}.
const PREPARE = `
local mark = redis.call('hget', KEYS[1], ARGV[1])
if mark then
  local lease = string.match(mark, '^sending:(%d+)$')
  if not lease then return {'done'} end
  if tonumber(lease) > tonumber(ARGV[2]) then return {'busy'} end
end
redis.call('hset', KEYS[1], ARGV[1], 'sending:' .. ARGV[3])
if redis.call('hget', KEYS[2], 'status') == 'cancelled' or redis.call('sismember', KEYS[3], ARGV[1]) == 0 then
  return {'claimed', 'skip'}
end
local lang = redis.call('hget', KEYS[4], ARGV[1]) or ''
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local slot = math.max(tonumber(redis.call('GET', KEYS[5]) or '0'), now)
local free = slot + tonumber(ARGV[4])
redis.call('SET', KEYS[5], string.format('%.3f', free), 'PX', math.ceil(free - now) + 1000)
return {'claimed', 'send', lang, math.floor((slot - now) * 1000)}`;
const prepareScript = luaScript("qdbBroadcastPrepare", PREPARE, (reply) =>
  Array.isArray(reply) && ["done", "busy", "claimed"].includes(reply[0]) ? (reply as unknown[]) : undefined,
);

/** What a send job may do for one recipient (see PREPARE). */
export type Preparation =
  | { claim: "done" }
  | { claim: "busy" }
  | { claim: "claimed"; send: false }
  | { claim: "claimed"; send: true; lang: string | undefined; waitMs: number };

/**
 * Claims a recipient (see PREPARE) and, when the broadcast still goes to them, reads their language
 * and takes their send's slot (see takeSendSlot), all in one round trip.
 */
export async function prepareSend(
  redis: Redis,
  input: { id: string; userId: number; topic: Topic; nowMs: number; leaseMs: number; ratePerSecond: number },
): Promise<Preparation> {
  const reply = await prepareScript(
    redis,
    [marksKey(input.id), metaKey(input.id), topicKey(input.topic), SUBSCRIBER_LANGUAGES_KEY, PACE_KEY],
    [String(input.userId), input.nowMs, input.nowMs + input.leaseMs, 1000 / input.ratePerSecond],
  );
  const [claim, send, lang, wait] = reply;
  if (claim === "done") return { claim };
  if (claim !== "claimed") return { claim: "busy" };
  if (send !== "send") return { claim, send: false };
  return { claim, send: true, lang: lang ? String(lang) : undefined, waitMs: Number(wait) / 1000 };
}

// A recipient's outcome and its counter, then what the workers do next: the
// final figures once every recipient has an outcome (to one caller: HSETNX finishedAt), else a
// progress edit at most once per interval. KEYS: marks, meta, tick; ARGV: user id, outcome,
// interval ms, finish time. Returns 'finished', 'progress' or 'none'.
const OUTCOME = `
redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
redis.call('hincrby', KEYS[2], ARGV[2], 1)
local h = redis.call('hmget', KEYS[2], 'fannedOut', 'total', 'sent', 'failed', 'blocked', 'skipped')
local done = (tonumber(h[3]) or 0) + (tonumber(h[4]) or 0) + (tonumber(h[5]) or 0) + (tonumber(h[6]) or 0)
if h[1] == '1' and done >= (tonumber(h[2]) or 0) then
  if redis.call('hsetnx', KEYS[2], 'finishedAt', ARGV[4]) == 0 then return 'none' end
  if redis.call('hget', KEYS[2], 'status') == 'running' then redis.call('hset', KEYS[2], 'status', 'done') end
  return 'finished'
end
if redis.call('set', KEYS[3], '1', 'PX', ARGV[3], 'NX') then return 'progress' end
return 'none'`;
const outcomeScript = luaScript(
  "qdbBroadcastOutcome",
  OUTCOME,
  replyIs.oneOf("finished", "progress", "none"),
);

/**
 * Records a recipient's outcome and counts it, and says what
 * follows: "finished" to exactly one caller once every recipient has an outcome (the broadcast is
 * then marked done), else "progress" at most once per `progressIntervalMs` across all workers.
 */
export async function recordOutcomeAndNext(
  redis: Redis,
  id: string,
  userId: number,
  outcome: Outcome,
  progressIntervalMs: number,
): Promise<"finished" | "progress" | "none"> {
  return outcomeScript(
    redis,
    [marksKey(id), metaKey(id), tickKey(id)],
    [String(userId), outcome, progressIntervalMs, new Date().toISOString()],
  );
}

/** Counts a 429 answer (for the admin's and the benchmark's figures). */
export async function countRateLimited(redis: Redis, id: string): Promise<void> {
  await redis.hincrby(metaKey(id), "limited", 1);
}

/** The status alone (checked before every send, so a cancel takes effect at once). */
export async function statusOf(redis: Redis, id: string): Promise<BroadcastStatus | undefined> {
  return ((await redis.hget(metaKey(id), "status")) ?? undefined) as BroadcastStatus | undefined;
}

const cancelScript = luaScript(
  "qdbBroadcastCancel",
  `local s = redis.call('hget', KEYS[1], 'status')
   if s == 'preparing' or s == 'running' then redis.call('hset', KEYS[1], 'status', 'cancelled') return 1 end
   return 0`,
  replyIs.oneOf(0, 1),
);

/** Cancels a broadcast that has not finished; returns false if it had already ended. */
export async function markCancelled(redis: Redis, id: string): Promise<boolean> {
  return (await cancelScript(redis, [metaKey(id)])) === 1;
}

/**
 * Marks the broadcast done once every recipient has an outcome. Returns true to exactly one caller
 * (HSETNX), which then shows the final figures.
 */
export async function finishIfComplete(redis: Redis, id: string): Promise<boolean> {
  const state = await getBroadcast(redis, id);
  if (!state?.fannedOut) return false;
  if (state.sent + state.failed + state.blocked + state.skipped < state.total) return false;
  if ((await redis.hsetnx(metaKey(id), "finishedAt", new Date().toISOString())) === 0) return false;
  if (state.status === "running") await redis.hset(metaKey(id), "status", "done");
  return true;
}

/** At most one progress edit per `intervalMs` across all workers (SET NX PX). */
export async function progressTick(redis: Redis, id: string, intervalMs: number): Promise<boolean> {
  return (await redis.set(tickKey(id), "1", "PX", intervalMs, "NX")) === "OK";
}

/** Every key of a broadcast (tests and cleanup). */
export function broadcastKeys(id: string): string[] {
  return [metaKey(id), marksKey(id), recipientsKey(id), tickKey(id)];
}
