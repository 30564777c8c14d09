import { parseConfig } from "../src/config.js";
import { runDeliveryScenario } from "../test/delivery/scenario.js";
import { testRedis } from "../test/support/redis.js";
import type { Bench, BenchFigure } from "./types.js";

/**
 * Broadcast throughput at a configured BROADCAST_RATE (DELIVERY_BENCH_RATE, 100/s; production's
 * default 25/s would take 200 s): 5,000 subscribers (every 50th has blocked the bot, two 429
 * answers), the worker in a child process SIGKILLed once after 35% of them and restarted, against
 * the HTTP Bot API stand-in on 127.0.0.1. Needs Redis (REDIS_URL). The rate is reported as a
 * ratio to the configured limit (the floor: >= 0.95); about 90 s (DELIVERY_BENCH_SUBSCRIBERS
 * shortens it).
 */
export const deliveryBench: Bench = {
  name: "delivery",
  async run(): Promise<BenchFigure[]> {
    const rate = parseConfig({ BROADCAST_RATE: process.env.DELIVERY_BENCH_RATE ?? "100" }).BROADCAST_RATE;
    const subscribers = Number(process.env.DELIVERY_BENCH_SUBSCRIBERS ?? 5000);
    const { redis, prefix, cleanup } = await testRedis("bench-delivery");
    try {
      const r = await runDeliveryScenario({
        redis,
        prefix,
        subscribers,
        rate,
        blockedEvery: 50,
        limitedCalls: [Math.round(subscribers * 0.15), Math.round(subscribers * 0.75)],
        killAfter: Math.round(subscribers * 0.35),
        // Production's lock: the requests in flight at the crash are resent 30-60 s later.
        lockMs: 30_000,
        timeoutMs: 15 * 60_000,
      });
      return [
        { name: "subscribers", value: r.subscribers, unit: "users", note: `${r.blocked} blocked the bot` },
        { name: "exactly one copy", value: r.exactlyOnce, unit: "users", note: `of ${r.active} active` },
        { name: "missing", value: r.missing, unit: "users" },
        { name: "duplicates", value: r.duplicates, unit: "users" },
        { name: "in flight at the kill (resent)", value: r.inFlightAtKill, unit: "requests" },
        {
          name: "their copies arrived after restart",
          value: r.recoverySeconds,
          unit: "s",
          note: "BullMQ lock 30 s",
        },
        { name: "429 answers", value: r.answers429, unit: "answers", note: "each paused the queue 1 s" },
        {
          name: "403 answers",
          value: r.answers403,
          unit: "answers",
          note: `${r.blockedStillSubscribed} still subscribed`,
        },
        {
          name: "achieved rate",
          value: r.achievedRate,
          unit: "msg/s",
          ratio: r.ratio,
          note: `limit ${r.limit}/s is the baseline; restart gap, 429 pauses, resent in-flight excluded`,
        },
        { name: "wall-clock rate", value: r.wallClockRate, unit: "msg/s", ratio: r.wallClockRate / r.limit },
        { name: "peak in any second", value: r.peakPerSecond, unit: "msg" },
        { name: "run time", value: r.seconds, unit: "s" },
      ];
    } finally {
      await cleanup();
    }
  },
};
