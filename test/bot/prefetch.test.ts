import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("prefetch")));
afterAll(() => cleanup());

describe("what an update reads from Redis ahead (bot/prefetch.ts)", () => {
  it("writes no session for a user whose session stayed empty", async () => {
    const user = createTestBot({ redis }).user({ id: 31, language_code: "ru" });
    await user.send("/start");
    await user.send("/help");
    expect(user.last.text).toContain("Что я понимаю");
    expect(await redis.exists("session:31")).toBe(0);
  });

  it("does not write back a session that did not change, and does write one that did", async () => {
    // A TTL set here survives only if the bot never rewrites the key (its SET carries none).
    await redis.set("session:32", JSON.stringify({ language: "kk" }), "EX", 3600);
    const user = createTestBot({ redis }).user({ id: 32, language_code: "ru" });
    await user.send("/help");
    expect(user.last.text).toContain("Мен түсінетін командалар");
    expect(await redis.ttl("session:32")).toBeGreaterThan(0);

    await user.send("/language");
    await user.press("Русский");
    expect(await redis.get("session:32")).toBe(JSON.stringify({ language: "ru" }));
    expect(await redis.ttl("session:32")).toBe(-1);
  });

  it("counts every update for the rate limit in a window that starts at the first one", async () => {
    const user = createTestBot({ redis, rateLimit: { limit: 100, timeFrameMs: 600_000 } }).user({
      id: 33,
      language_code: "ru",
    });
    await user.send("/help");
    const firstTtl = await redis.pttl("ratelimit:33");
    await user.send("/help");
    await user.send("/help");
    expect(await redis.get("ratelimit:33")).toBe("3");
    const ttl = await redis.pttl("ratelimit:33");
    expect(firstTtl).toBeGreaterThan(0);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(firstTtl);
  });

  it("limits a flood as the plugin did: the update over the limit is told once, later ones are dropped", async () => {
    const user = createTestBot({ redis, rateLimit: { limit: 2, timeFrameMs: 60_000 } }).user({
      id: 34,
      language_code: "ru",
    });
    for (let i = 0; i < 4; i++) await user.send("/help");
    expect(user.all.map((r) => r.text.includes("Что я понимаю"))).toEqual([true, true, false]);
  });
});
