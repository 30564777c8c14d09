import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chatGate } from "../../src/bot/chat-lock.js";
import { createTestBot as createHarness, type TestBotOptions } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("prefetch")));
afterAll(() => cleanup());

/** A harness option set with the chat gate, and update ids of its own (the gate drops ids it saw). */
let harnesses = 0;
const gated = (): Partial<TestBotOptions> => ({
  runtime: chatGate(redis),
  firstUpdateId: 1_000_000 * ++harnesses,
});

// The same reads, alone (no runtime) and read by the chat gate in its enter script (production).
describe.each([
  ["in a pipeline of their own", 0, (): Partial<TestBotOptions> => ({})],
  ["by the chat gate", 100, (): Partial<TestBotOptions> => gated()],
])("what an update reads from Redis ahead (bot/prefetch.ts), %s", (_how, base, extra) => {
  const createTestBot = (options: TestBotOptions) => createHarness({ ...options, ...extra() });
  it("writes no session for a user whose session stayed empty", async () => {
    const user = createTestBot({ redis }).user({ id: base + 31, language_code: "ru" });
    await user.send("/start");
    await user.send("/help");
    expect(user.last.text).toContain("Что я понимаю");
    expect(await redis.exists(`session:${base + 31}`)).toBe(0);
  });

  it("does not write back a session that did not change, and does write one that did", async () => {
    // A TTL set here survives only if the bot never rewrites the key (its SET carries none).
    await redis.set(`session:${base + 32}`, JSON.stringify({ language: "kk" }), "EX", 3600);
    const user = createTestBot({ redis }).user({ id: base + 32, language_code: "ru" });
    await user.send("/help");
    expect(user.last.text).toContain("Мен түсінетін командалар");
    expect(await redis.ttl(`session:${base + 32}`)).toBeGreaterThan(0);

    await user.send("/language");
    await user.press("Русский");
    expect(await redis.get(`session:${base + 32}`)).toBe(JSON.stringify({ language: "ru" }));
    expect(await redis.ttl(`session:${base + 32}`)).toBe(-1);
  });

  it("counts every update for the rate limit in a window that starts at the first one", async () => {
    const user = createTestBot({ redis, rateLimit: { limit: 100, timeFrameMs: 600_000 } }).user({
      id: base + 33,
      language_code: "ru",
    });
    await user.send("/help");
    const firstTtl = await redis.pttl(`ratelimit:${base + 33}`);
    await user.send("/help");
    await user.send("/help");
    expect(await redis.get(`ratelimit:${base + 33}`)).toBe("3");
    const ttl = await redis.pttl(`ratelimit:${base + 33}`);
    expect(firstTtl).toBeGreaterThan(0);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(firstTtl);
  });

  it("limits a flood as the plugin did: the update over the limit is told once, later ones are dropped", async () => {
    const user = createTestBot({ redis, rateLimit: { limit: 2, timeFrameMs: 60_000 } }).user({
      id: base + 34,
      language_code: "ru",
    });
    for (let i = 0; i < 4; i++) await user.send("/help");
    expect(user.all.map((r) => r.text.includes("Что я понимаю"))).toEqual([true, true, false]);
  });
});

describe("the chat gate reading ahead", () => {
  it("leaves the prefetch nothing to read: gate, session, flood counter in one round trip", async () => {
    const user = createHarness({ redis, ...gated() }).user({ id: 235, language_code: "kk" });
    await user.send("/help");
    const pipelines = vi.spyOn(redis, "pipeline");
    try {
      await user.send("/help");
      expect(user.last.text).toContain("Мен түсінетін командалар");
      expect(pipelines).not.toHaveBeenCalled();
    } finally {
      pipelines.mockRestore();
    }
    expect(await redis.get("ratelimit:235")).toBe("2");
  });

  it("reads nothing for group chatter, which must not count against anyone's flood limit", async () => {
    const harness = createHarness({ redis, ...gated() });
    await harness.bot.handleUpdate({
      update_id: harness.nextUpdateId(),
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100236, type: "group", title: "Ауыл" },
        from: { id: 236, is_bot: false, first_name: "Айгүл" },
        text: "всем привет",
      },
    } as Update);
    expect(await redis.exists("ratelimit:236")).toBe(0);
  });
});
