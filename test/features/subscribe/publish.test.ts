import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Delivery, getBroadcast, startDelivery } from "../../../src/delivery/index.js";
import type { Announcement, Knowledge } from "../../../src/knowledge/index.js";
import { listAnnouncements, loadAnnouncements } from "../../../src/storage/announcements.js";
import { subscribe, topicsOf } from "../../../src/storage/subscriptions.js";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("subscribe-publish")));
afterAll(() => cleanup());

// Each test has its own admin, so that a conversation left open by one cannot leak into another.
const ADMIN = { env: { ADMIN_IDS: "1,2,3,4,5", BROADCAST_RATE: "200" } };
const BLOCKED = 303;

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("test: timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("/publish", () => {
  it("refuses non-admins in their language", async () => {
    const user = createTestBot({ redis, ...ADMIN }).user({ id: 300, language_code: "kk" });
    await user.send("/publish");
    expect(user.last.text).toBe("Жаңалықтарды тек бот әкімшілері жариялай алады.");
  });

  it("can be cancelled with the Cancel button at every step", async () => {
    const admin = createTestBot({ redis, ...ADMIN }).user({ id: 2 });
    await admin.send("/publish");
    expect(admin.last.buttons.at(-1)).toBe("✖️ Отмена");
    await admin.press("Отмена");
    expect(admin.last.text).toBe("Публикация отменена.");
    await admin.send("/publish");
    await admin.press("DigitEL");
    await admin.send("Текст");
    expect(admin.last.buttons).toEqual(["✖️ Отмена"]);
    await admin.press("Отмена");
    expect(admin.last.text).toBe("Публикация отменена.");
    await admin.send("/help");
    expect(admin.last.text).toContain("Что я понимаю");
  });

  // helpFeature, installed before this feature, lets /cancel through while a conversation is active.
  it("can be cancelled with /cancel", async () => {
    const admin = createTestBot({ redis, ...ADMIN }).user({ id: 3 });
    await admin.send("/publish");
    await admin.press("DigitEL");
    await admin.send("/cancel");
    expect(admin.last.text).toBe("Публикация отменена.");
    await admin.send("/cancel");
    expect(admin.last.text).toBe("Сейчас нечего отменять.");
  });

  it("walks topic, texts, preview and confirm, and delivers each subscriber their language", async () => {
    const harness = createTestBot({
      redis,
      ...ADMIN,
      answer: (call) =>
        call.method === "sendMessage" && call.payload.chat_id === BLOCKED
          ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }
          : undefined,
    });
    const delivery: Delivery = startDelivery(harness.deps, harness.bot.api, { progressIntervalMs: 100 });
    try {
      expect(await delivery.ready).toBe(true);
      await subscribe(redis, 301, "mobile", "ru");
      await subscribe(redis, 302, "mobile", "kk");
      await subscribe(redis, BLOCKED, "mobile", "ru");
      await subscribe(redis, BLOCKED, "egov", "ru");
      await subscribe(redis, 304, "egov", "ru");
      const admin = harness.user({ id: 1 });
      const ru = harness.user({ id: 301 });
      const kk = harness.user({ id: 302 });
      const other = harness.user({ id: 304 });

      await admin.send("/publish");
      expect(admin.last.text).toBe("Новая публикация. Выберите тему:");
      await admin.send("какой-то текст");
      expect(admin.last.text).toContain("Выберите вариант кнопкой");
      await admin.press("5G и мобильная связь");
      expect(admin.last.text).toContain("на русском языке");
      await admin.send("x".repeat(3501));
      expect(admin.last.text).toMatch(/^Текст слишком длинный: 3\s501 символов/);
      await admin.send("   ");
      expect(admin.last.text).toContain("Нужен текст новости");
      await admin.send("Оператор запустил 5G в Шымкенте.");
      expect(admin.last.text).toContain("на казахском языке");
      await admin.send("Оператор Шымкентте 5G желісін іске қосты.");
      const preview = admin.replies;
      expect(preview.map((m) => m.text)).toEqual([
        "Так подписчики увидят новость — ниже обе версии:",
        "🔔 Новости: 5G и мобильная связь\n\nОператор запустил 5G в Шымкенте.",
        "🔔 Жаңалықтар: 5G және ұялы байланыс\n\nОператор Шымкентте 5G желісін іске қосты.",
        "Отправить новость по теме «5G и мобильная связь»? Подписчиков: 3.",
      ]);
      expect(preview[1]?.buttons).toEqual(["🔕 Отписаться от этой темы"]);
      expect(preview[2]?.buttons).toEqual(["🔕 Бұл тақырыпқа жазылымды тоқтату"]);
      await admin.press("Отправить");
      expect(admin.last.text).toContain("Рассылка по теме «5G и мобильная связь»: готовится");
      expect(admin.last.buttons).toEqual(["🔄 Обновить", "⛔ Остановить рассылку"]);

      const stored = (await listAnnouncements(redis)).find((a) => a.topic === "mobile");
      expect(stored).toMatchObject({ topic: "mobile", ru: "Оператор запустил 5G в Шымкенте." });
      const id = stored?.id ?? "";
      await until(async () => (await getBroadcast(redis, id))?.status === "done");

      expect(ru.all.filter((m) => m.method === "sendMessage").map((m) => m.text)).toEqual([
        "🔔 Новости: 5G и мобильная связь\n\nОператор запустил 5G в Шымкенте.",
      ]);
      expect(ru.last.buttons).toEqual(["🔕 Отписаться от этой темы"]);
      expect(kk.last.text).toBe(
        "🔔 Жаңалықтар: 5G және ұялы байланыс\n\nОператор Шымкентте 5G желісін іске қосты.",
      );
      expect(other.all).toEqual([]);
      // The user who blocked the bot is counted and loses every subscription.
      expect(await topicsOf(redis, BLOCKED)).toEqual([]);
      expect(await getBroadcast(redis, id)).toMatchObject({ total: 3, sent: 2, blocked: 1, failed: 0 });
      await until(async () => admin.last.text.includes("завершена"));
      expect(admin.last.text).toContain("Отправлено: 2");
      expect(admin.last.text).toContain("Заблокировали бота: 1");
      expect(admin.last.text).toContain("Осталось: 0");
      expect(admin.last.buttons).toEqual([]);

      await admin.send("/broadcasts");
      expect(admin.last.text).toContain("завершена");
      // When and by whom, in the one date format, above the topic and progress.
      expect(admin.last.text).toMatch(
        /^📅 \d\d\.\d\d\.\d{4} \d\d:\d\d · автор: ID 1\nРассылка по теме «5G и мобильная связь»/,
      );

      // Stored with its date and topic, it comes back into the knowledge after a restart.
      const added: Announcement[] = [];
      const knowledge = { addAnnouncement: (a: Announcement) => added.push(a) } as unknown as Knowledge;
      // Other tests of this file may have published before this one (shuffled order).
      expect(
        await loadAnnouncements({ redis, knowledge, logger: harness.deps.logger }),
      ).toBeGreaterThanOrEqual(1);
      const reloaded = added.find((a) => a.id === id);
      expect(reloaded).toMatchObject({
        id,
        topic: "mobile",
        kk: "Оператор Шымкентте 5G желісін іске қосты.",
      });
      expect(Number.isNaN(Date.parse(reloaded?.date ?? ""))).toBe(false);
    } finally {
      await delivery.stop();
    }
  });

  it("lets the admin stop a running broadcast; the rest is skipped", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "4", BROADCAST_RATE: "5" } });
    const delivery = startDelivery(harness.deps, harness.bot.api, { progressIntervalMs: 100 });
    try {
      await delivery.ready;
      for (let u = 400; u < 440; u++) await subscribe(redis, u, "satellite", "ru");
      const admin = harness.user({ id: 4 });
      await admin.send("/publish");
      await admin.press("Спутниковый");
      await admin.send("Спутники");
      await admin.send("Спутниктер");
      await admin.press("Отправить");
      const announcements = await listAnnouncements(redis);
      const id = announcements.find((a) => a.topic === "satellite")?.id ?? "";
      await until(async () => ((await getBroadcast(redis, id))?.sent ?? 0) >= 2);
      await admin.press("Остановить рассылку");
      expect(admin.notices.at(-1)).toBe("Рассылка остановлена.");
      await until(async () => {
        const s = await getBroadcast(redis, id);
        return s !== undefined && s.sent + s.skipped === 40;
      });
      const state = await getBroadcast(redis, id);
      expect(state?.status).toBe("cancelled");
      expect(state?.sent).toBeLessThan(10);
      const received = harness.api.calls.filter(
        (c) =>
          c.method === "sendMessage" && Number(c.payload.chat_id) >= 400 && Number(c.payload.chat_id) < 440,
      );
      expect(received).toHaveLength(state?.sent ?? -1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await getBroadcast(redis, id))?.sent).toBe(state?.sent);
    } finally {
      await delivery.stop();
    }
  });

  it("warns when a text is not in the language it claims, and asks again (Russian admin)", async () => {
    const admin = createTestBot({ redis, env: { ADMIN_IDS: "6" } }).user({ id: 6 });
    await admin.send("/publish");
    await admin.press("DigitEL");
    await admin.send("Ауылдарға интернет жүргізу жобасы басталды.");
    expect(admin.last.text).toBe(
      "Похоже, это казахский текст, а здесь нужна русская версия. Пришлите текст на русском языке или отмените публикацию: /cancel",
    );
    await admin.send("Начался проект по подключению сёл к интернету.");
    expect(admin.last.text).toContain("на казахском языке");
    // The Russian text again, as the Kazakh version: the mistake from the field.
    await admin.send("Начался проект по подключению сёл к интернету.");
    expect(admin.last.text).toContain("здесь нужна казахская версия");
    await admin.send("Ауылдарға интернет жүргізу жобасы басталды.");
    expect(admin.replies[0]?.text).toBe("Так подписчики увидят новость — ниже обе версии:");
    await admin.send("/cancel");
  });

  it("warns about a wrong-language text in Kazakh for a Kazakh-speaking admin", async () => {
    const admin = createTestBot({ redis, env: { ADMIN_IDS: "7" } }).user({ id: 7, language_code: "kk" });
    await admin.send("/publish");
    await admin.press("DigitEL");
    await admin.send("Начался проект по подключению сёл к интернету.");
    await admin.send("Начался проект по подключению сёл к интернету.");
    expect(admin.last.text).toBe(
      "Бұл орысша мәтін сияқты, ал мұнда қазақша нұсқасы керек. Мәтінді қазақша жіберіңіз немесе жарияланымды тоқтатыңыз: /cancel",
    );
    await admin.send("/cancel");
  });

  it("without delivery (no queue on this Redis) it stores the update and says it cannot send", async () => {
    const admin = createTestBot({ redis, ...ADMIN }).user({ id: 5 });
    await admin.send("/publish");
    await admin.press("eGov");
    await admin.send("ЦОН");
    await admin.send("ХҚКО");
    await admin.press("Отправить");
    expect(admin.last.text).toContain("рассылка сейчас недоступна");
  });
});
