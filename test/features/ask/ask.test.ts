import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("ask")));
afterAll(() => cleanup());

// a reply may quote its source in the other language inside «…»: its own words are the rest
const kazakhShare = (reply: string) => {
  const text = reply.replace(/«[^»]*»/gu, " ");
  return (text.match(/[әғқңөұүһі]/giu) ?? []).length / Math.max(1, (text.match(/\p{L}/gu) ?? []).length);
};

describe("questions", () => {
  it("answers a Russian question with the fact, its source line and buttons", async () => {
    const user = createTestBot({ redis }).user({ id: 201 });
    await user.send("Когда в Казахстане запустят 5G?");
    expect(user.last.text).toContain("2022");
    expect(user.last.text).toMatch(/Источник: Tengrinews\.kz, 2022/);
    expect(user.last.buttons.slice(0, 2)).toEqual(["👍", "👎"]);
    expect(user.last.buttons.length).toBeLessThanOrEqual(5);
  });

  it("answers a Kazakh question in Kazakh even for a Russian-speaking user", async () => {
    const user = createTestBot({ redis }).user({ id: 202, language_code: "ru" });
    await user.send("Қанша құжат цифрлық форматқа көшірілді?");
    expect(user.last.text).toContain("18");
    expect(kazakhShare(user.last.text)).toBeGreaterThan(0.04);
  });

  it("says plainly when the texts hold no answer, points to egov.kz and 1414, and logs the gap", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "299" } });
    const user = harness.user({ id: 203 });
    await user.send("Как оформить пенсию?");
    expect(user.last.text).toContain("egov.kz");
    expect(user.last.text).toContain("1414");
    // No votes on a refusal; what it can answer instead comes as buttons (at most three).
    expect(user.last.buttons).not.toContain("👍");
    expect(user.last.buttons.length).toBeLessThanOrEqual(3);
    expect(user.last.buttons.every((b) => b.startsWith("❓"))).toBe(true);
    await user.send("как оформить  пенсию");

    const admin = harness.user({ id: 299 });
    await admin.send("/gaps");
    expect(admin.last.text).toContain("как оформить пенсию — 2");
    await user.send("/gaps");
    expect(user.last.text).toBe("Эта команда доступна только администраторам.");
  });

  it("stores 👍/👎 with the question and the answer, one vote per user", async () => {
    const user = createTestBot({ redis }).user({ id: 204 });
    await user.send("Сколько рабочих мест создаст DigitEL?");
    await user.press("👍");
    expect(user.notices.at(-1)).toBe("Спасибо за отзыв!");
    await user.press("👍");
    await user.press("👎");
    const entries = await redis.xrange("ask:feedback", "-", "+");
    const mine = entries.filter(([, fields]) => fields.includes("Сколько рабочих мест создаст DigitEL?"));
    expect(mine.map(([, fields]) => fields[fields.indexOf("vote") + 1])).toEqual(["up", "down"]);
    expect(mine[0]?.[1]).toContain("003_71643ede33d267c4");
  });

  it("answers a related question when its button is pressed", async () => {
    const user = createTestBot({ redis }).user({ id: 205 });
    await user.send("Что такое DigitEL?");
    const related = user.last.buttons.filter((b) => b.startsWith("❓"));
    expect(related.length).toBeGreaterThan(0);
    await user.press(related[0] as string);
    expect(user.replies).toHaveLength(1);
    expect(user.last.text).toMatch(/Источник:/);
  });

  it("replies to greetings and thanks without a search", async () => {
    const user = createTestBot({ redis }).user({ id: 206, language_code: "kk" });
    await user.send("Сәлем!");
    expect(user.last.buttons).toEqual([]);
    expect(kazakhShare(user.last.text)).toBeGreaterThan(0.04);
    await user.send("спасибо");
    expect(user.last.text).toContain("Пожалуйста");
  });

  it("uses the saved language for a question that could be either", async () => {
    const user = createTestBot({ redis }).user({ id: 207, language_code: "kk" });
    await user.send("5G?");
    expect(kazakhShare(user.last.text)).toBeGreaterThan(0.04);
  });

  it("refuses an over-long question with a translated hint", async () => {
    const user = createTestBot({ redis }).user({ id: 208 });
    await user.send("интернет ".repeat(80));
    expect(user.last.text).toContain("слишком длинный");
  });

  it("does not answer in group chats", async () => {
    const harness = createTestBot({ redis });
    await harness.bot.handleUpdate({
      update_id: 77,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100, type: "group", title: "Moderators" },
        from: { id: 209, is_bot: false, first_name: "M" },
        text: "Когда запустят 5G?",
      },
    });
    expect(harness.api.calls.filter((c) => c.method === "sendMessage")).toEqual([]);
  });
});
