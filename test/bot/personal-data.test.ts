import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Delivery, getBroadcast, publishUpdate, startDelivery } from "../../src/delivery/index.js";
import { sendReport, sentTo } from "../features/report/helpers.js";
import { createTestBot } from "../support/chat.js";
import { captureLogs } from "../support/log-capture.js";
import { testRedis } from "../support/redis.js";
import { until } from "../support/until.js";

let redis: Redis;
let prefix: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, prefix, cleanup } = await testRedis("personal-data")));
afterAll(() => cleanup());

const MOD_CHAT = -100321;
const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: String(MOD_CHAT) };
const PHONE = "+7 701 987 65 43";
const IIN = "900101300123";

/** Every key under this file's prefix with everything it holds, as one text per key. */
async function dumpAll(): Promise<Map<string, string>> {
  const plain = redis.duplicate({ keyPrefix: "" });
  const dump = new Map<string, string>();
  let cursor = "0";
  do {
    const [next, keys] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    for (const key of keys) {
      const type = await plain.type(key);
      let value: unknown;
      if (type === "string") value = await plain.get(key);
      else if (type === "hash") value = await plain.hgetall(key);
      else if (type === "set") value = await plain.smembers(key);
      else if (type === "zset") value = await plain.zrange(key, 0, -1, "WITHSCORES");
      else if (type === "list") value = await plain.lrange(key, 0, -1);
      else if (type === "stream") value = await plain.xrange(key, "-", "+");
      dump.set(key.slice(prefix.length), JSON.stringify(value));
    }
  } while (cursor !== "0");
  plain.disconnect();
  return dump;
}

describe("personal data", () => {
  it("masks phones and IINs before they reach the moderators, the CSV, /gaps and the logs, and tells the user", async () => {
    const { logger, lines } = captureLogs("info");
    const harness = createTestBot({ redis, env });
    harness.deps.logger = logger;
    const user = harness.user({ id: 6101 });
    const reference = await sendReport(user, {
      ...(await import("../features/report/helpers.js")).RU_ANSWERS,
      comment: `звоните ${PHONE}, мой ИИН ${IIN}`,
    });
    expect(user.all.some((m) => m.text.includes("скрыл номер телефона или ИИН"))).toBe(true);
    const notice = sentTo(harness, MOD_CHAT).find((m) => m.text.includes(reference));
    expect(notice?.text).toContain("звоните +* *** *** ** **, мой ИИН ************");
    expect(JSON.stringify(await redis.hgetall(`report:${reference}`))).not.toMatch(/987|900101/);

    const admin = harness.user({ id: 900 });
    await admin.send("/export");
    const csv = harness.api.calls.find((c) => c.method === "sendDocument")?.payload.files;
    expect(JSON.stringify(csv)).toContain("************");
    expect(JSON.stringify(csv)).not.toMatch(/987 65|900101/);

    await user.send(`как вернуть деньги по номеру ${PHONE} за перерасчёт абонплаты`);
    await admin.send("/gaps");
    expect(admin.last.text).toContain("+* *** *** ** **");
    expect(admin.last.text).not.toContain("987");

    // Logs at info level: no message texts at all, masked or not.
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain("звоните");
    expect(logged).not.toContain("перерасчёт");
  });

  it("after a full journey and /deletemydata, no Redis key or value holds the user id, and reports keep no comment or exact place", async () => {
    const USER = 918273645;
    const harness = createTestBot({ redis, env });
    const delivery: Delivery = startDelivery(harness.deps, harness.bot.api, { progressIntervalMs: 100 });
    try {
      expect(await delivery.ready).toBe(true);
      const user = harness.user({ id: USER, first_name: "Сауле" });
      // A question and a vote on its answer.
      await user.send("Когда в Казахстане запустят 5G?");
      expect(user.last.buttons).toContain("👍");
      await user.press("👍");
      // A report with a comment and a location.
      const { RU_ANSWERS } = await import("../features/report/helpers.js");
      const reference = await sendReport(user, { ...RU_ANSWERS, location: [52.28731, 76.96789] });
      // A subscription, and an update received through a broadcast.
      await user.send("/subscribe");
      await user.press("DigitEL");
      const published = await publishUpdate(harness.deps, {
        topic: "digitel",
        ru: "Новость DigitEL.",
        kk: "DigitEL жаңалығы.",
        adminChat: 900,
        adminLang: "ru",
      });
      const { startBroadcast } = await import("../../src/delivery/index.js");
      await startBroadcast(harness.deps, published.id);
      await until(async () => (await getBroadcast(redis, published.id))?.status === "done");
      expect(user.all.some((m) => m.text.includes("Новость DigitEL."))).toBe(true);

      const before = [...(await dumpAll())].filter(([k, v]) => `${k} ${v}`.includes(String(USER)));
      if (process.env.SHOW_KEYS) console.log(before.map(([k]) => k));
      expect(before.length).toBeGreaterThan(8);

      await user.send("/deletemydata");
      await user.press("Да, удалить");
      expect(user.last.text).toContain("Готово");

      const traces = [...(await dumpAll())].filter(([k, v]) => `${k} ${v}`.includes(String(USER)));
      expect(traces).toEqual([]);
      const report = await redis.hgetall(`report:${reference}`);
      expect(report).toMatchObject({ userId: "", comment: "", latitude: "52.3", longitude: "77.0" });
      expect(report.settlement).toBe("с. Иртышск");
    } finally {
      await delivery.stop();
    }
  });
});
