import { Writable } from "node:stream";
import type { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";
import { FUZZ_ADMIN, FUZZ_MOD_CHAT, prng } from "./generate.js";
import { fuzz } from "./run.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("fuzz")));
afterAll(() => cleanup());

/** FUZZ_SEED=<n> replays a run; FUZZ_SEED=random explores; the default seed keeps CI reproducible. */
const SEED =
  process.env.FUZZ_SEED === "random"
    ? Math.floor(Math.random() * 2 ** 32)
    : Number(process.env.FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
/** The only refusal allowed: an edit to what a message already shows, which the bot takes as done. */
const TOLERATED = /message is not modified/;

describe(`fuzz: ${COUNT} generated updates (seed ${SEED})`, () => {
  it("never crashes, never leaves a rejection unhandled, and makes only calls Telegram accepts", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const failures: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) {
          const entry = JSON.parse(line) as { msg?: string; err?: { message?: string }; update_id?: number };
          if (entry.msg === "handler failed")
            failures.push(`update ${entry.update_id}: ${entry.err?.message}`);
        }
        done();
      },
    });
    const harness = createTestBot({
      redis,
      env: { ADMIN_IDS: String(FUZZ_ADMIN), MODERATOR_CHAT_ID: String(FUZZ_MOD_CHAT) },
    });
    harness.deps.logger = pino({ level: "error" }, sink);
    const started = performance.now();
    const report = await fuzz(harness, prng(SEED), COUNT);
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off("unhandledRejection", onUnhandled);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rejected = [...report.rejected].filter(([description]) => !TOLERATED.test(description));
    const summary = `seed ${SEED}: ${report.updates} updates, ${report.calls} API calls in ${seconds} s`;
    console.log(`fuzz ${summary}; refused: ${JSON.stringify([...report.rejected])}`);

    expect(report.updates, summary).toBe(COUNT);
    expect(report.thrown, summary).toEqual([]);
    expect(unhandled.map(String), summary).toEqual([]);
    expect(rejected, summary).toEqual([]);
    const failed = failures.map(
      (f) => `${f}\n  ${JSON.stringify(report.sent.get(Number(/update (\d+)/.exec(f)?.[1])))}`,
    );
    expect(failed, summary).toEqual([]);
    expect(report.calls, summary).toBeGreaterThan(COUNT / 4);
  }, 180_000);
});
