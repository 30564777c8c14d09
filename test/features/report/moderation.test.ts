import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { median } from "../../../src/features/report/moderation.js";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { pressInChat, RU_ANSWERS, sendReport, sentTo } from "./helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("report-moderation")));
afterAll(() => cleanup());

const MOD_CHAT = -100123;
const env = { ADMIN_IDS: "900,901", MODERATOR_CHAT_ID: String(MOD_CHAT) };
let clock = new Date("2026-03-12T09:00:00Z");
const now = () => clock;

const admin = { id: 900, is_bot: false, first_name: "Модератор" };
const stranger = { id: 555, is_bot: false, first_name: "Чужой" };

describe("moderation", () => {
  it("lets an admin change the status, records who and when, updates the message and tells the reporter", async () => {
    const harness = createTestBot({ redis, env, now });
    const reporter = harness.user({ id: 3001, language_code: "kk" });
    const reference = await sendReport(reporter, {
      ...RU_ANSWERS,
      region: "Павлодар облысы",
      operator: "Kcell",
      connection: "4G",
      problem: "Жылдамдық төмен",
      speed: "2",
      location: "Өткізіп жіберу",
      comment: "Өткізіп жіберу",
    });
    const notice = sentTo(harness, MOD_CHAT).at(-1);
    if (!notice) throw new Error("no moderator message");
    expect(notice.text).toContain(reference);
    // Moderators read Russian whatever the reporter spoke.
    expect(notice.text).toContain("Регион: Павлодарская область");
    const buttons = (
      notice.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual([
      "✅ Принято",
      "🛠 Решено",
      "💬 Ответить заявителю",
      "⛔ Отклонить с причиной",
    ]);

    // Somebody who is not an admin: refused, nothing changes, the reporter hears nothing.
    const accepted = buttons[0]?.callback_data ?? "";
    await pressInChat(harness, stranger, MOD_CHAT, notice, accepted);
    const refusal = harness.api.calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
    expect(refusal?.payload).toMatchObject({
      text: "Менять статус обращений могут только администраторы.",
      show_alert: true,
    });
    expect(await redis.hget(`report:${reference}`, "status")).toBe("new");

    clock = new Date("2026-03-13T04:30:00Z");
    const before = reporter.all.length;
    await pressInChat(harness, admin, MOD_CHAT, notice, accepted);
    expect(await redis.hgetall(`report:${reference}`)).toMatchObject({
      status: "accepted",
      statusBy: "900",
      statusAt: "2026-03-13T04:30:00.000Z",
    });
    expect(await redis.lrange(`report:${reference}:history`, 0, -1)).toEqual([
      JSON.stringify({ status: "accepted", by: 900, at: "2026-03-13T04:30:00.000Z" }),
    ]);
    const edited = harness.api.calls
      .filter((c) => c.method === "editMessageText" && Number(c.payload.chat_id) === MOD_CHAT)
      .at(-1);
    expect(edited?.payload.text).toContain("Статус: Принято — изменил(а) Модератор (900), 13.03.2026 09:30");
    expect(edited?.payload.reply_markup).toBeDefined();
    const told = reporter.all.slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toBe(`с. Иртышск бойынша ${reference} өтінішіңіздің күйі өзгерді: Жұмысқа алынды.`);

    // The same status again changes nothing and tells nobody.
    await pressInChat(harness, admin, MOD_CHAT, notice, accepted);
    expect(reporter.all.length).toBe(before + 1);
    expect(await redis.llen(`report:${reference}:history`)).toBe(1);
  });

  it("logs, and keeps the report, when the reporter blocked the bot or the moderator chat is gone", async () => {
    const harness = createTestBot({
      redis,
      env,
      now,
      answer: (call) =>
        call.method === "sendMessage" && Number(call.payload.chat_id) === MOD_CHAT
          ? { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" }
          : undefined,
    });
    const reporter = harness.user({ id: 3002 });
    const reference = await sendReport(reporter);
    expect(reporter.last.text).toContain("Спасибо!");
    expect(await redis.hget(`report:${reference}`, "status")).toBe("new");

    const blocked = createTestBot({
      redis,
      env,
      now,
      answer: (call) =>
        call.method === "sendMessage" && Number(call.payload.chat_id) === 3002
          ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }
          : undefined,
    });
    await pressInChat(blocked, admin, MOD_CHAT, { message_id: 77, text: "" }, `repmod:resolved:${reference}`);
    expect(await redis.hget(`report:${reference}`, "status")).toBe("resolved");
    expect(blocked.api.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)?.payload.text).toBe(
      "Статус: Решено",
    );
  });

  it("stores reports without MODERATOR_CHAT_ID and sends nothing to moderators", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "900" }, now });
    const reference = await sendReport(harness.user({ id: 3003 }));
    expect(await redis.exists(`report:${reference}`)).toBe(1);
    expect(harness.api.calls.filter((c) => Number(c.payload.chat_id) < 0)).toHaveLength(0);
  });
});

describe("settlement threshold", () => {
  it("sends one summary when a place gathers 5 reports within 30 days, not one per report", async () => {
    clock = new Date("2026-04-01T09:00:00Z");
    const harness = createTestBot({ redis, env, now });
    const place = (i: number) =>
      ["с. Майкаин", "Майкаин", "село майкаин", "Майкаин", "МАЙКАИН", "Майкаин"][i] ?? "";
    const operators = ["Kcell", "Kcell", "Beeline", "Activ", "Kcell", "Kcell"];
    const speeds = ["1", "Не знаю", "3", "0,5", "8", "2"];
    // An old report (40 days before) does not count towards the window.
    clock = new Date("2026-02-20T09:00:00Z");
    await sendReport(harness.user({ id: 3100 }), { ...RU_ANSWERS, settlement: "Майкаин" });
    const summaries = () => sentTo(harness, MOD_CHAT).filter((m) => m.text.startsWith("⚠"));
    for (let i = 0; i < 6; i++) {
      clock = new Date(Date.UTC(2026, 3, 1 + i, 9));
      await sendReport(harness.user({ id: 3110 + i }), {
        ...RU_ANSWERS,
        settlement: place(i),
        operator: operators[i] ?? "Kcell",
        speed: speeds[i] ?? "1",
      });
      expect(summaries(), `after report ${i + 1}`).toHaveLength(i < 4 ? 0 : 1);
    }
    const summary = summaries()[0]?.text ?? "";
    expect(summary).toContain("⚠ Майкаин (Павлодарская область): 5 обращений за последние 30 дней.");
    expect(summary).toContain("Операторы: Kcell ×3, Beeline (Кар-Тел) ×1, Activ ×1.");
    expect(summary).toContain("Медианная скорость: 2 Мбит/с (замеров: 4)");
    // Another place in another region with the same name is another place.
    await sendReport(harness.user({ id: 3120 }), {
      ...RU_ANSWERS,
      region: "Акмолинская",
      settlement: "Майкаин",
    });
    expect(summaries()).toHaveLength(1);
  });

  it("computes medians", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([8, 1, 3, 0.5])).toBe(2);
  });
});
