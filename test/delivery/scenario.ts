import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import pino from "pino";
import type { BotDeps } from "../../src/bot/context.js";
import { createBotI18n } from "../../src/bot/i18n.js";
import { parseConfig } from "../../src/config.js";
import {
  type BroadcastState,
  getBroadcast,
  publishUpdate,
  startBroadcast,
  startDelivery,
} from "../../src/delivery/index.js";
import type { Knowledge } from "../../src/knowledge/index.js";
import { subscribe, topicsOf } from "../../src/storage/subscriptions.js";
import { testRedisUrl } from "../support/redis.js";
import { BotApiStandIn } from "./stand-in.js";

const CHILD = fileURLToPath(new URL("./worker-child.ts", import.meta.url));
const TOKEN = "1234567:TEST-TOKEN-0123456789abcdef";

export interface ScenarioOptions {
  redis: Redis;
  /** The keyPrefix of `redis` (the child builds its own client under it). */
  prefix: string;
  subscribers: number;
  /** BROADCAST_RATE, messages per second. */
  rate: number;
  /** Every n-th subscriber has blocked the bot. */
  blockedEvery: number;
  /** Which sendMessage calls get a 429 (1-based). */
  limitedCalls: number[];
  /** SIGKILL the worker once this many messages were accepted (undefined: no crash). */
  killAfter?: number;
  /** BullMQ lock: how soon the jobs a dead worker held run again. */
  lockMs: number;
  timeoutMs: number;
}

export interface ScenarioResult {
  subscribers: number;
  active: number;
  blocked: number;
  /** Active subscribers with exactly one copy, none, more than one. */
  exactlyOnce: number;
  missing: number;
  duplicates: number;
  /** Blocked subscribers still subscribed afterwards (should be 0). */
  blockedStillSubscribed: number;
  answers429: number;
  answers403: number;
  /** sendMessage requests the stand-in was holding when the worker was killed. */
  inFlightAtKill: number;
  /** From the restart to the last copy of a request that was in flight at the crash. */
  recoverySeconds: number;
  state: BroadcastState | undefined;
  limit: number;
  /** Messages per second while sending: without the restart gap and the 429 pauses. */
  achievedRate: number;
  ratio: number;
  /** Messages per second over the whole run, restart gap and pauses included. */
  wallClockRate: number;
  /** The most messages accepted in any one-second window (reported; load can bunch arrivals). */
  peakPerSecond: number;
  /** From the start of the worker to the last accepted message. */
  sendingSeconds: number;
  /**
   * The least time the pace allows for that many messages (one slot every 1/rate s, the first at
   * once). Load and crashes only make the real time longer, so the test checks this lower bound.
   */
  limiterFloorSeconds: number;
  seconds: number;
}

/**
 * A broadcast to `subscribers` users through the real queue, delivered by a worker in a child
 * process against the HTTP Bot API stand-in; optionally the worker is SIGKILLed mid-way (while
 * Telegram "hangs", so requests are in flight) and started again.
 */
export async function runDeliveryScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const blocked = new Set<number>();
  const users: number[] = [];
  for (let i = 0; i < o.subscribers; i++) {
    const id = 5_000_000 + i;
    users.push(id);
    if (i % o.blockedEvery === o.blockedEvery - 1) blocked.add(id);
  }
  const standIn = new BotApiStandIn({ blocked, limitedCalls: new Set(o.limitedCalls) });
  const apiRoot = await standIn.start();
  const env = {
    ...process.env,
    REDIS_URL: testRedisUrl(),
    TEST_KEY_PREFIX: o.prefix,
    BOT_API_ROOT: apiRoot,
    BROADCAST_RATE: String(o.rate),
    DELIVERY_LOCK_MS: String(o.lockMs),
  };
  const config = parseConfig({ ADMIN_IDS: "1", BROADCAST_RATE: String(o.rate), LOG_LEVEL: "silent" });
  const deps: BotDeps = {
    config,
    logger: pino({ level: "silent" }),
    redis: o.redis,
    knowledge: { addAnnouncement: () => {} } as unknown as Knowledge,
    i18n: createBotI18n(),
    now: () => new Date(),
  };
  // This process only enqueues (like a bot instance); the child does the sending.
  const producer = startDelivery(deps, new Api(TOKEN, { apiRoot }), { producerOnly: true });
  const children: ChildProcess[] = [];
  try {
    if (!(await producer.ready)) throw new Error("scenario: delivery unavailable");
    for (let i = 0; i < users.length; i += 250)
      await Promise.all(
        users.slice(i, i + 250).map((u, j) => subscribe(o.redis, u, "digitel", (i + j) % 3 ? "ru" : "kk")),
      );
    const published = await publishUpdate(deps, {
      topic: "digitel",
      ru: "DigitEL: ещё 500 сёл подключены к оптике.",
      kk: "DigitEL: тағы 500 ауыл оптикаға қосылды.",
      adminChat: 1,
      adminLang: "ru",
    });
    await startBroadcast(deps, published.id, 1);

    const started = Date.now();
    let killedAt = 0;
    let restartedAt = 0;
    let inFlightAtKill = 0;
    children.push(await spawnWorker(env));
    if (o.killAfter !== undefined) {
      const killAfter = o.killAfter;
      await until(() => standIn.accepted.length >= killAfter, o.timeoutMs);
      // Telegram stops answering; answered requests get their marks, then the process dies with
      // requests in flight.
      standIn.hold();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const child = children[0];
      child?.kill("SIGKILL");
      if (child && child.exitCode === null) await once(child, "exit");
      killedAt = Date.now();
      inFlightAtKill = standIn.dropHeld();
      children.push(await spawnWorker(env));
      restartedAt = Date.now();
    }
    let state: BroadcastState | undefined;
    await until(
      async () => {
        state = await getBroadcast(o.redis, published.id);
        return state?.status === "done";
      },
      o.timeoutMs - (Date.now() - started),
    );

    const copies = standIn.copies();
    const active = users.filter((u) => !blocked.has(u));
    let blockedStillSubscribed = 0;
    for (const u of blocked) if ((await topicsOf(o.redis, u)).length) blockedStillSubscribed++;
    // The copies of requests dropped at the crash come once BullMQ's lock on their jobs expires:
    // that is recovery latency, reported apart, not the queue's sending rate.
    const dropped = new Set(standIn.dropped);
    const recovered = standIn.accepted.filter((a) => dropped.has(a.chatId)).map((a) => a.at);
    const times = standIn.accepted
      .filter((a) => !dropped.has(a.chatId))
      .map((a) => a.at)
      .sort((a, b) => a - b);
    const windows =
      o.killAfter === undefined
        ? [times]
        : [times.filter((t) => t < killedAt), times.filter((t) => t >= restartedAt)];
    let intervals = 0;
    let spanMs = 0;
    for (const w of windows) {
      if (w.length < 2) continue;
      intervals += w.length - 1;
      spanMs += (w.at(-1) ?? 0) - (w[0] ?? 0);
    }
    const pausedMs = standIn.limited.length * 1000;
    const achievedRate = intervals / ((spanMs - pausedMs) / 1000);
    const all = standIn.accepted.map((a) => a.at);
    const wallMs = Math.max(...all) - Math.min(...all);
    return {
      subscribers: users.length,
      active: active.length,
      blocked: blocked.size,
      exactlyOnce: active.filter((u) => copies.get(u) === 1).length,
      missing: active.filter((u) => !copies.get(u)).length,
      duplicates: active.filter((u) => (copies.get(u) ?? 0) > 1).length,
      blockedStillSubscribed,
      answers429: standIn.limited.length,
      answers403: standIn.blockedAnswers,
      inFlightAtKill,
      recoverySeconds: recovered.length ? (Math.max(...recovered) - restartedAt) / 1000 : 0,
      state,
      limit: o.rate,
      achievedRate,
      ratio: achievedRate / o.rate,
      wallClockRate: standIn.accepted.length / (wallMs / 1000),
      peakPerSecond: peak(
        all.sort((a, b) => a - b),
        1000,
      ),
      sendingSeconds: (Math.max(...all) - started) / 1000,
      limiterFloorSeconds: (standIn.accepted.length - 1) / o.rate,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await producer.stop();
    await standIn.close();
  }
}

async function spawnWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`scenario: worker exited with ${code} before ready`)));
  });
  return child;
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("scenario: timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The most timestamps in any window of `ms` (two pointers over the sorted list). */
function peak(times: number[], ms: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
