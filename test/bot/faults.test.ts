import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainReplyQueue, queuedReplies } from "../../src/bot/reply-queue.js";
import { drainReportOutbox } from "../../src/features/report/moderation.js";
import { ReportStore } from "../../src/storage/reports.js";
import { RU_ANSWERS, sendReport } from "../features/report/helpers.js";
import { createTestBot, type TestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";
import { redisProxy } from "../support/redis-proxy.js";
import { until } from "../support/until.js";

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, prefix, cleanup } = await testRedis("faults")));
afterAll(() => cleanup());

const MOD_CHAT = -100777;
const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: String(MOD_CHAT) };
const QUESTION = "Когда в Казахстане запустят 5G?";
const UNAVAILABLE = "Сейчас это временно недоступно. Попробуйте ещё раз через минуту.";

describe("Redis stops and comes back", () => {
  it("answers questions from memory, says 'try again' for steps that need Redis, and recovers without a restart", async () => {
    const proxy = await redisProxy();
    // Like production: reconnect forever, give a command up after a retry.
    const client = new Redis(proxy.url, {
      keyPrefix: prefix,
      maxRetriesPerRequest: 1,
      retryStrategy: () => 50,
    });
    client.on("error", () => {});
    try {
      const harness = createTestBot({ redis: client, env });
      const user = harness.user({ id: 7101 });
      await user.send(QUESTION);
      const answer = user.last.text;
      expect(user.last.buttons).toContain("👍");
      // Mid-report when Redis stops.
      await user.send("/report");
      await user.press("Павлодарская");
      expect(user.last.text).toContain("Шаг 2 из 10");

      proxy.down();
      await until(() => client.status !== "ready");
      // A burst of questions: all answered, from memory, without the buttons that need Redis.
      for (let i = 0; i < 5; i++) {
        const asker = harness.user({ id: 7200 + i, language_code: i % 2 ? "kk" : "ru" });
        await asker.send(QUESTION);
        expect(asker.last.text).toBe(answer);
        expect(asker.replies).toHaveLength(1);
      }
      // The reporter's next answer needs Redis: told to try again, nothing lost.
      await user.send("Иртышский район");
      expect(user.last.text).toBe(UNAVAILABLE);
      // So does a new report, in the user's language.
      const kk = harness.user({ id: 7102, language_code: "kk" });
      await kk.send("/report");
      expect(kk.last.text).toBe("Бұл қазір уақытша қолжетімсіз. Бір минуттан соң қайталап көріңіз.");

      proxy.up();
      await until(() => client.status === "ready");
      await user.send("Иртышский район");
      expect(user.last.text).toContain("Шаг 3 из 10");
      await user.send(QUESTION.replace("?", "??"));
      const asker = harness.user({ id: 7300 });
      await asker.send(QUESTION);
      expect(asker.last.buttons).toContain("👍");
    } finally {
      client.disconnect();
      await proxy.close();
    }
  });
});

describe("the moderators' outbox", () => {
  it("delivers a report the user was thanked for once the Bot API recovers, exactly once", async () => {
    let telegramDown = true;
    const harness = createTestBot({
      redis,
      env,
      answer: (call) =>
        telegramDown && call.method === "sendMessage" && Number(call.payload.chat_id) === MOD_CHAT
          ? { ok: false, error_code: 502, description: "Bad Gateway" }
          : undefined,
    });
    const store = new ReportStore(redis);
    const user = harness.user({ id: 7401 });
    const reference = await sendReport(user, RU_ANSWERS);
    expect(user.replies.map((m) => m.text).join("\n")).toContain(reference); // thanked
    expect(sentTo(harness, MOD_CHAT)).toEqual([]);
    expect(await store.wasNotified(reference)).toBe(false);
    expect(await store.pendingNotices()).toBe(1);

    // Still failing: the retry keeps it.
    const later = (s: number) => ({ ...harness.deps, now: () => new Date(Date.now() + s * 1000) });
    expect(await drainReportOutbox(later(60), store, harness.bot.api)).toBe(0);
    expect(await store.pendingNotices()).toBe(1);

    telegramDown = false;
    // Not due yet: the back-off holds it.
    expect(await drainReportOutbox(harness.deps, store, harness.bot.api)).toBe(0);
    expect(await drainReportOutbox(later(600), store, harness.bot.api)).toBe(1);
    expect(await drainReportOutbox(later(1200), store, harness.bot.api)).toBe(0);
    const notices = sentTo(harness, MOD_CHAT).filter((m) => m.text.includes(reference));
    expect(notices).toHaveLength(1);
    expect(await store.wasNotified(reference)).toBe(true);
    expect(await store.pendingNotices()).toBe(0);
  });

  it("sends the notice once when two drainers race", async () => {
    const harness = createTestBot({ redis, env });
    const store = new ReportStore(redis);
    const reference = (await store.save("race", { ...reportInput, userId: 7402 }, new Date())).report
      .reference;
    const results = await Promise.all(
      [1, 2, 3].map(() => drainReportOutbox(harness.deps, store, harness.bot.api)),
    );
    expect(results.reduce((a, b) => a + b)).toBe(1);
    expect(sentTo(harness, MOD_CHAT).filter((m) => m.text.includes(reference))).toHaveLength(1);
  });
});

/** Messages Telegram accepted for a chat. */
const sentTo = (harness: TestBot, chatId: number) =>
  harness.api.calls
    .filter((c) => c.method === "sendMessage" && c.result && Number(c.payload.chat_id) === chatId)
    .map((c) => ({ text: String(c.payload.text) }));

const reportInput = {
  lang: "ru",
  region: "pavlodar",
  settlement: "Иртышск",
  settlementKey: "pavlodar:иртышск",
  operator: "kcell",
  connection: "mobile-4g",
  problem: "slow",
  speedMbps: 1.5,
  latitude: null,
  longitude: null,
  comment: null,
};

describe("replies Telegram cannot take now", () => {
  it("queues a reply met by a long retry_after and delivers it later, once", async () => {
    let limited = true;
    const harness = createTestBot({
      redis,
      answer: (call) =>
        limited && call.method === "sendMessage" && Number(call.payload.chat_id) === 7501
          ? {
              ok: false,
              error_code: 429,
              description: "Too Many Requests: retry after 45",
              parameters: { retry_after: 45 },
            }
          : undefined,
    });
    const user = harness.user({ id: 7501 });
    await user.send("/help");
    expect(user.all.filter((m) => m.text.includes("Что я понимаю"))).toHaveLength(1); // the refused attempt
    expect(await queuedReplies(redis)).toBe(1);
    expect(user.all.some((m) => m.text.includes("что-то пошло не так"))).toBe(false);

    limited = false;
    const { api, logger } = { api: harness.bot.api, logger: harness.deps.logger };
    expect(await drainReplyQueue(redis, api, logger)).toBe(0); // not due
    expect(await drainReplyQueue(redis, api, logger, Date.now() + 46_000)).toBe(1);
    expect(await drainReplyQueue(redis, api, logger, Date.now() + 600_000)).toBe(0);
    const delivered = harness.api.calls.filter(
      (c) => c.method === "sendMessage" && c.result && String(c.payload.text).includes("Что я понимаю"),
    );
    expect(delivered).toHaveLength(1);
  });

  it("queues a reply after repeated 5xx instead of apologising", async () => {
    let failing = true;
    const harness = createTestBot({
      redis,
      answer: (call) =>
        failing && call.method === "sendMessage" && Number(call.payload.chat_id) === 7502
          ? { ok: false, error_code: 500, description: "Internal Server Error" }
          : undefined,
    });
    const user = harness.user({ id: 7502 });
    const queuedBefore = await queuedReplies(redis);
    await user.send("/help");
    expect(await queuedReplies(redis)).toBe(queuedBefore + 1);
    failing = false;
    expect(await drainReplyQueue(redis, harness.bot.api, harness.deps.logger, Date.now() + 60_000)).toBe(1);
    expect(user.last.text).toContain("Что я понимаю");
  });
});

describe("flood limit", () => {
  it("says clearly once per window that updates are not handled, answers every button, and drops the rest", async () => {
    const harness = createTestBot({ redis, rateLimit: { limit: 2, timeFrameMs: 60_000 } });
    const user = harness.user({ id: 7601 });
    await user.send("/language");
    for (let i = 0; i < 5; i++) await user.send("/help");
    await user.press("Қазақша");
    const texts = user.all.map((m) => m.text);
    expect(texts.filter((t) => t.includes("Что я понимаю"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("Слишком много сообщений подряд"))).toEqual([
      "Слишком много сообщений подряд. Я не отвечаю на новые в течение 60 с — потом напишите ещё раз, пожалуйста.",
    ]);
    expect(user.notices.at(-1)).toContain("Слишком много сообщений");
  });
});

describe("a conversation that grows without end", () => {
  it("is dropped past its size cap, with a word to the user, instead of replaying ever longer", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 7701 });
    await user.send("/report");
    for (let i = 0; i < 200 && (await redis.exists("conv:7701")); i++)
      await user.send(`/x ${"а".repeat(3000)}`);
    expect(user.all.some((m) => m.text.startsWith("Диалог стал слишком длинным"))).toBe(true);
    expect(await redis.exists("conv:7701")).toBe(0);
    await user.send("/report");
    expect(user.last.text).toContain("Шаг 1 из 10");
  });
});
