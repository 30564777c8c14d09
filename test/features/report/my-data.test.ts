import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { pressInChat, RU_ANSWERS, sendReport } from "./helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("report-my-data")));
afterAll(() => cleanup());

const env = { ADMIN_IDS: "900", MODERATOR_CHAT_ID: "-100123" };
let clock = new Date("2026-03-12T09:00:00Z");
const now = () => clock;

describe("/myreports", () => {
  it("lists the user's own reports, newest first, with their statuses", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 5001 });
    await user.send("/myreports");
    expect(user.last.text).toBe("У вас пока нет обращений. Сообщить о плохом интернете — /report.");

    const first = await sendReport(user);
    clock = new Date("2026-03-14T09:00:00Z");
    const second = await sendReport(user, { ...RU_ANSWERS, settlement: "Шарбакты" });
    await sendReport(harness.user({ id: 5002 }), { ...RU_ANSWERS, settlement: "Чужое" });
    await pressInChat(
      harness,
      { id: 900, is_bot: false, first_name: "M" },
      -100123,
      { message_id: 1, text: "" },
      `repmod:accepted:${first}`,
    );

    await user.send("/myreports");
    expect(user.last.text).toBe(
      [
        "Ваши обращения:",
        "",
        `${second} · 14.03.2026 · Шарбакты — Новое`,
        `${first} · 12.03.2026 · с. Иртышск — Принято`,
      ].join("\n"),
    );
  });

  it("works in Kazakh and in the middle of a report, which then goes on", async () => {
    const user = createTestBot({ redis, env, now }).user({ id: 5003, language_code: "kk" });
    await user.send("/report");
    await user.press("Павлодар");
    await user.send("/myreports");
    expect(user.last.text).toBe(
      "Сізде әзірге өтініш жоқ. Нашар интернет туралы хабарлау үшін /report жіберіңіз.",
    );
    // "Ертіс" is one of the region's districts: the report goes on to the settlement.
    await user.send("Ертіс");
    expect(user.last.text).toContain("Қадам 3/10");
  });
});

describe("/deletemydata", () => {
  it("asks first, then unlinks the reports (kept, anonymised), forgets consent, session and conversation", async () => {
    const harness = createTestBot({ redis, env, now });
    const user = harness.user({ id: 5010 });
    const reference = await sendReport(user);
    await user.send("/language");
    await user.press("Қазақша");
    expect(await redis.exists("session:5010")).toBe(1);
    await user.send("/subscribe");
    await user.press(/Ауыл/);
    expect(await redis.smembers("sub:topic:rural")).toContain("5010");
    await user.send("/report");
    await user.press("Павлодар");

    await user.send("/deletemydata");
    expect(user.last.text).toContain("Деректеріңізді жоямыз ба?");
    await user.press("Жоқ, қалдыру");
    expect(user.last.text).toBe("Жарайды, ештеңе жойылған жоқ.");
    expect(await redis.zcard("reports:user:5010")).toBe(1);

    await user.send("/deletemydata");
    await user.press("Иә, жою");
    expect(user.last.text).toBe(
      "Дайын: деректеріңіз жойылды. Ажыратылған өтініштер саны: 1, тоқтатылған жазылымдар: 1.",
    );
    expect(await redis.smembers("sub:topic:rural")).not.toContain("5010");
    expect(await redis.exists("reports:user:5010")).toBe(0);
    expect(await redis.exists("report:consent:5010")).toBe(0);
    expect(await redis.exists("session:5010")).toBe(0);
    expect(await redis.exists("conv:5010")).toBe(0);
    const stored = await redis.hgetall(`report:${reference}`);
    expect(stored.userId).toBe("");
    expect(stored.settlement).toBe("с. Иртышск");
    expect(await redis.zscore("reports:all", reference)).not.toBeNull();

    // Back to Telegram's language (Russian), no reports, and consent is asked again.
    await user.send("/myreports");
    expect(user.last.text).toContain("У вас пока нет обращений");
    await user.send("/report");
    await user.press("Павлодарская");
    await user.press("Иртышский район");
    await user.send("Иртышск");
    expect(user.last.text).toContain("Шаг 4 из 10");

    // A status change on the anonymised report reaches nobody.
    const before = user.all.length;
    await pressInChat(
      harness,
      { id: 900, is_bot: false, first_name: "M" },
      -100123,
      { message_id: 1, text: "" },
      `repmod:resolved:${reference}`,
    );
    expect(await redis.hget(`report:${reference}`, "status")).toBe("resolved");
    expect(user.all.length).toBe(before);
  });
});
