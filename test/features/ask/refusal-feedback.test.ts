import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Knowledge, Reply } from "../../../src/knowledge/index.js";
import { createTestBot, type TestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { pressInChat, sentTo } from "../report/helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("ask-refusal")));
afterAll(() => cleanup());

/** The real knowledge, except for the questions given, which get the refusal given. */
function refusing(harness: TestBot, refusals: Record<string, Reply>): TestBot {
  const real: Knowledge = harness.deps.knowledge;
  harness.deps.knowledge = {
    ...real,
    ask: (question, options) => refusals[question] ?? real.ask(question, options),
  };
  return harness;
}

const WEATHER: Reply = {
  kind: "none",
  lang: "ru",
  reason: "off-topic",
  suggestions: ["Когда в Казахстане запустят 5G?", "Сколько рабочих мест создаст DigitEL?"],
};
const WEATHER_KK: Reply = {
  kind: "none",
  lang: "kk",
  reason: "off-topic",
  suggestions: ["5G қашан іске қосылады?", "Қанша құжат цифрлық форматқа көшірілді?", "DigitEL деген не?"],
};

describe("refusals that help", () => {
  it("offers answerable questions as buttons, and tapping one asks it (Russian)", async () => {
    const harness = refusing(createTestBot({ redis }), { "Какая завтра погода?": WEATHER });
    const user = harness.user({ id: 6001 });
    await user.send("Какая завтра погода?");
    expect(user.last.buttons).toEqual([
      "❓ Когда в Казахстане запустят 5G?",
      "❓ Сколько рабочих мест создаст DigitEL?",
    ]);
    await user.press("запустят 5G");
    expect(user.last.text).toContain("2022");
    expect(user.last.text).toMatch(/Источник:/);
  });

  it("offers answerable questions as buttons in Kazakh", async () => {
    const harness = refusing(createTestBot({ redis }), { "Ертең ауа райы қандай?": WEATHER_KK });
    const user = harness.user({ id: 6002, language_code: "kk" });
    await user.send("Ертең ауа райы қандай?");
    expect(user.last.buttons).toHaveLength(3);
    await user.press("құжат цифрлық");
    expect(user.last.text).toContain("18");
  });

  it("offers the report for a complaint about the connection, in both languages", async () => {
    const harness = refusing(createTestBot({ redis }), {
      "У нас в селе интернет не работает": { kind: "none", lang: "ru", reason: "complaint", suggestions: [] },
      "Ауылда интернет жоқ": { kind: "none", lang: "kk", reason: "complaint", suggestions: [] },
    });
    const ru = harness.user({ id: 6003 });
    await ru.send("У нас в селе интернет не работает");
    expect(ru.last.buttons).toEqual(["📶 Сообщить о плохом интернете"]);
    await ru.press("Сообщить о плохом интернете");
    expect(ru.last.text).toContain("Шаг 1 из");
    const kk = harness.user({ id: 6004, language_code: "kk" });
    await kk.send("Ауылда интернет жоқ");
    await kk.press("Интернет нашар");
    expect(kk.last.text).toContain("Қадам 1/");
  });
});

describe("👎 asks why", () => {
  it("asks why with buttons, stores the reason, and admins see it next to /gaps", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "6099" } });
    const user = harness.user({ id: 6005 });
    await user.send("Сколько рабочих мест создаст DigitEL?");
    await user.press("👎");
    expect(user.last.text).toBe("Жаль, что ответ не помог. Что с ним не так?");
    expect(user.last.buttons).toEqual(["Неверно", "Устарело", "Я спрашивал(а) не об этом", "Другое"]);
    await user.press("Устарело");
    expect(user.last.method).toBe("editMessageText");
    expect(user.last.text).toContain("«Устарело»");
    // A second reason for the same vote is not counted.
    await user.press("Неверно");
    expect(user.notices.at(-1)).toBe("Эта кнопка устарела.");

    const entries = await redis.xrange("ask:feedback", "-", "+");
    expect(entries.some(([, f]) => f.includes("why") && f.includes("outdated"))).toBe(true);

    const admin = harness.user({ id: 6099 });
    await admin.send("/gaps");
    expect(admin.last.text).toContain("Ответы, которые чаще всего не понравились");
    expect(admin.last.text).toMatch(/«Сколько рабочих мест создаст DigitEL\?» → .+ — 👎 1 \(Устарело 1\)/);
  });

  it("asks why in Kazakh", async () => {
    const user = createTestBot({ redis }).user({ id: 6006, language_code: "kk" });
    await user.send("Қанша құжат цифрлық форматқа көшірілді?");
    await user.press("👎");
    expect(user.last.text).toContain("несі дұрыс емес");
    await user.press("Сұрағаным бұл емес");
    expect(user.last.text).toContain("Рақмет, ескереміз");
  });

  it("takes a 👎 back from the disliked list when the voter changes it to 👍", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "6098" } });
    const user = harness.user({ id: 6007 });
    await user.send("Что такое DigitEL?");
    await user.press("👎");
    await user.press("👍");
    const admin = harness.user({ id: 6098 });
    await admin.send("/gaps");
    expect(admin.last.text).not.toContain("«Что такое DigitEL?»");
  });
});

describe("votes are bound to the message the voter received", () => {
  it("refuses a guessed id pressed from another chat or under another message", async () => {
    const harness = createTestBot({ redis });
    const victim = harness.user({ id: 6010 });
    await victim.send("Когда в Казахстане запустят 5G?");
    const reply = sentTo(harness, victim.chatId).at(-1);
    if (!reply) throw new Error("test: no reply");
    const data = (reply.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0]?.[1]?.callback_data as string;
    expect(data).toMatch(/^fb:\w+:down$/);
    const feedbackBefore = await redis.xlen("ask:feedback");

    const attacker = harness.user({ id: 6011 });
    // The same data, pressed in the attacker's own chat, even with the same message id.
    await pressInChat(
      harness,
      attacker.from,
      attacker.chatId,
      { message_id: reply.message_id, text: "" },
      data,
      "private",
    );
    expect(attacker.notices.at(-1)).toBe("Эта кнопка устарела.");
    // The victim's chat id but another message (a forged update).
    await pressInChat(harness, victim.from, victim.chatId, { message_id: 424242, text: "" }, data, "private");
    // A related-question button with a guessed id.
    await pressInChat(
      harness,
      attacker.from,
      attacker.chatId,
      { message_id: 1, text: "" },
      data.replace(/fb:(\w+):down/, "rq:$1:0"),
      "private",
    );
    expect(await redis.xlen("ask:feedback")).toBe(feedbackBefore);
    expect(await redis.exists(`ask:votes:${data.split(":")[1]}`)).toBe(0);

    // The real button still works.
    await victim.press("👍");
    expect(victim.notices.at(-1)).toBe("Спасибо за отзыв!");
  });
});
