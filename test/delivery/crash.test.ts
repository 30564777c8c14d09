import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedis } from "../support/redis.js";
import { runDeliveryScenario } from "./scenario.js";

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, prefix, cleanup } = await testRedis("subscribe-delivery")));
afterAll(() => cleanup());

describe("delivery through the queue, with a crash", () => {
  it("gives every active subscriber exactly one copy within the limit, after a SIGKILL mid-way", async () => {
    const result = await runDeliveryScenario({
      redis,
      prefix,
      subscribers: 2000,
      rate: 100,
      blockedEvery: 50,
      limitedCalls: [300, 1500],
      killAfter: 700,
      lockMs: 4000,
      timeoutMs: 90_000,
    });
    console.log(JSON.stringify({ ...result, state: undefined }, null, 1));
    expect(result.inFlightAtKill).toBeGreaterThan(0);
    expect(result.exactlyOnce).toBe(result.active);
    expect(result.missing).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.answers403).toBe(40);
    expect(result.blockedStillSubscribed).toBe(0);
    expect(result.answers429).toBe(2);
    expect(result.state).toMatchObject({
      total: 2000,
      sent: 1960,
      blocked: 40,
      failed: 0,
      skipped: 0,
      limited: 2,
    });
    // The global limit holds: that many messages cannot have been accepted faster than the limiter
    // allows. A loaded machine only makes the run slower, so this bound cannot fail by load (a peak
    // per second or a throughput ratio can: they are `npm run bench` figures).
    expect(result.sendingSeconds).toBeGreaterThanOrEqual(result.limiterFloorSeconds);
    expect(result.limiterFloorSeconds).toBeGreaterThan(15);
  }, 120_000);
});
