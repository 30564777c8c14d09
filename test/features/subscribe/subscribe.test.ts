import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRY } from "../../../src/bot/entry-points.js";
import { languageOf, subscribe, topicsOf } from "../../../src/storage/subscriptions.js";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("subscribe-menu")));
afterAll(() => cleanup());

describe("/subscribe menu", () => {
  it("shows the five topics, toggles one with a tap and marks it", async () => {
    const user = createTestBot({ redis }).user({ id: 201 });
    await user.send("/subscribe");
    expect(user.last.text).toContain("Выберите темы");
    expect(user.last.buttons).toEqual([
      "▫️ DigitEL",
      "▫️ 5G и мобильная связь",
      "▫️ Интернет в сёлах",
      "▫️ Цифровые документы и eGov",
      "▫️ Спутниковый интернет",
      "Готово",
    ]);
    await user.press("DigitEL");
    expect(user.notices.at(-1)).toBe("Подписка оформлена: DigitEL");
    expect(user.last.buttons[0]).toBe("✅ DigitEL");
    await user.press("Спутниковый");
    expect(await topicsOf(redis, 201)).toEqual(["digitel", "satellite"]);
    await user.press("DigitEL");
    expect(user.last.buttons[0]).toBe("▫️ DigitEL");
    expect(await topicsOf(redis, 201)).toEqual(["satellite"]);
    await user.press("Готово");
    expect(user.last.text).toBe("Вы подписаны на: Спутниковый интернет. Отписаться от всего — /unsubscribe.");
  });

  it("opens from the menu, in Kazakh, and keeps the subscriber's language", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 202, language_code: "kk" });
    await user.send("/start");
    await user.send("🔔 Жазылымдар");
    expect(user.last.text).toContain("тақырыптарды таңдаңыз");
    expect(user.last.buttons).toContain("▫️ 5G және ұялы байланыс");
    await user.press("5G");
    expect(await languageOf(redis, 202)).toBe("kk");
    // Switching the bot to Russian switches the updates too, at once.
    await user.send("/language");
    await user.press("Русский");
    expect(await languageOf(redis, 202)).toBe("ru");
    expect(ENTRY.subscribe).toBe("entry:subscribe");
  });

  it("/unsubscribe removes every topic and says so; a second time says there was nothing", async () => {
    const user = createTestBot({ redis }).user({ id: 203 });
    await subscribe(redis, 203, "digitel", "ru");
    await subscribe(redis, 203, "egov", "ru");
    await user.send("/unsubscribe");
    expect(user.last.text).toContain("вы отписались от всех новостей");
    expect(await topicsOf(redis, 203)).toEqual([]);
    expect(await languageOf(redis, 203)).toBeUndefined();
    expect(await redis.sismember("sub:topic:digitel", "203")).toBe(0);
    await user.send("/unsubscribe");
    expect(user.last.text).toContain("нет подписок");
  });
});

describe("the button under an update", () => {
  it("unsubscribes from its topic with one tap and can be undone", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 204 });
    await subscribe(redis, 204, "rural", "ru");
    await subscribe(redis, 204, "digitel", "ru");
    // An update as delivery sends it.
    const { renderUpdate } = await import("../../../src/delivery/index.js");
    const view = renderUpdate(harness.deps.i18n, "ru", "rural", "Новые сёла подключены.");
    await harness.bot.api.sendMessage(204, view.text, { reply_markup: view.reply_markup });
    expect(user.last.buttons).toEqual(["🔕 Отписаться от этой темы"]);

    await user.press("Отписаться от этой темы");
    expect(user.notices.at(-1)).toBe("Вы отписались от темы «Интернет в сёлах».");
    expect(user.last.method).toBe("editMessageReplyMarkup");
    expect(user.last.buttons).toEqual(["🔔 Подписаться снова"]);
    expect(await topicsOf(redis, 204)).toEqual(["digitel"]);

    await user.press("Подписаться снова");
    expect(await topicsOf(redis, 204)).toEqual(["digitel", "rural"]);
    expect(user.last.buttons).toEqual(["🔕 Отписаться от этой темы"]);
  });
});
