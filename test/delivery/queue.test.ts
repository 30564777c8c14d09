import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pauseSends, takeSendSlot } from "../../src/delivery/broadcasts.js";
import {
  bullPrefix,
  getBroadcast,
  publishUpdate,
  startBroadcast,
  startDelivery,
} from "../../src/delivery/index.js";
import { limiterFor, SEND_QUEUE } from "../../src/delivery/worker.js";
import { subscribe } from "../../src/storage/subscriptions.js";
import { createTestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("subscribe-queue")));
afterAll(() => cleanup());

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("test: timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("limiterFor", () => {
  it("sets BullMQ's ceiling at twice the rate, in windows of about 1/10 s (the pace is the slots')", () => {
    expect(limiterFor(25)).toEqual({ max: 6, duration: 120 });
    expect(limiterFor(100)).toEqual({ max: 20, duration: 100 });
    expect(limiterFor(1)).toEqual({ max: 2, duration: 1000 });
  });
});

describe("takeSendSlot", () => {
  it("spaces the slots of the whole bot evenly, after a pause (429) has ended", async () => {
    try {
      await pauseSends(redis, 5_000);
      // At 0.01/s a slot every 100 s: the first after the pause, the next 100 s later.
      const first = await takeSendSlot(redis, 0.01);
      expect(first).toBeGreaterThan(4_000);
      expect(first).toBeLessThanOrEqual(5_000);
      const second = await takeSendSlot(redis, 0.01);
      expect(second - first).toBeGreaterThan(90_000);
      expect(second - first).toBeLessThanOrEqual(100_000);
    } finally {
      // The other tests here send at 200/s through the same slots.
      await redis.del("bc:pace");
    }
  });
});

describe("send retries", () => {
  it("retries a 5xx with back-off and sends once; a 400 is counted failed and not retried", async () => {
    let failures = 2;
    const harness = createTestBot({
      redis,
      env: { BROADCAST_RATE: "200" },
      answer: (call) => {
        if (call.method !== "sendMessage") return undefined;
        if (call.payload.chat_id === 601 && failures-- > 0)
          return { ok: false, error_code: 502, description: "Bad Gateway" };
        if (call.payload.chat_id === 602)
          return { ok: false, error_code: 400, description: "Bad Request: chat not found" };
        return undefined;
      },
    });
    const delivery = startDelivery(harness.deps, harness.bot.api, { backoffMs: 20 });
    try {
      expect(await delivery.ready).toBe(true);
      await subscribe(redis, 601, "egov", "ru");
      await subscribe(redis, 602, "egov", "kk");
      const { id } = await publishUpdate(harness.deps, {
        topic: "egov",
        ru: "ЦОН",
        kk: "ХҚКО",
        adminChat: 9,
        adminLang: "ru",
      });
      await startBroadcast(harness.deps, id);
      await until(async () => (await getBroadcast(redis, id))?.status === "done");
      const sends = (chat: number) =>
        harness.api.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chat);
      expect(sends(601)).toHaveLength(3);
      expect(sends(602)).toHaveLength(1);
      expect(await getBroadcast(redis, id)).toMatchObject({ total: 2, sent: 1, failed: 1, blocked: 0 });
    } finally {
      await delivery.stop();
    }
  });
});

describe("fan-out", () => {
  it("enqueues each recipient once even when it runs again (job ids dedupe)", async () => {
    const harness = createTestBot({ redis });
    // Producer only: nothing is sent, so the jobs stay in the queue to be counted.
    const delivery = startDelivery(harness.deps, harness.bot.api, { producerOnly: true });
    const connection = redis.duplicate({ keyPrefix: "" });
    const queue = new Queue(SEND_QUEUE, {
      connection,
      prefix: bullPrefix(redis),
    });
    try {
      await delivery.ready;
      for (let u = 700; u < 750; u++) await subscribe(redis, u, "rural", "ru");
      const { id } = await publishUpdate(harness.deps, {
        topic: "rural",
        ru: "а",
        kk: "ә",
        adminChat: 9,
        adminLang: "ru",
      });
      const { fanoutProcessor } = await import("../../src/delivery/worker.js");
      const env = {
        deps: harness.deps,
        rate: 25,
        api: harness.bot.api,
        sendQueue: queue,
        leaseMs: 1000,
        progressIntervalMs: 1000,
        backoffMs: 10,
      };
      const run = fanoutProcessor(env);
      const job = { data: { b: id } } as Parameters<typeof run>[0];
      await run(job);
      // A subscriber joins, then the fan-out runs again as after a crash: the snapshot holds.
      await subscribe(redis, 999, "rural", "ru");
      await run(job);
      expect(await queue.getJobCountByTypes("wait")).toBe(50);
      expect(await getBroadcast(redis, id)).toMatchObject({ total: 50, fannedOut: true, status: "running" });
    } finally {
      await queue.close();
      await connection.quit();
      await delivery.stop();
    }
  });
});
