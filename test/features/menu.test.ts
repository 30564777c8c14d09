import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("menu")));
afterAll(() => cleanup());

const RU_MENU = [
  "❓ Задать вопрос",
  "📶 Плохой интернет",
  "📋 Мои обращения",
  "🔔 Подписки",
  "🌐 Язык · Тіл",
];
const KK_MENU = ["❓ Сұрақ қою", "📶 Интернет нашар", "📋 Өтініштерім", "🔔 Жазылымдар", "🌐 Тіл · Язык"];

describe("the persistent menu", () => {
  it("comes with /start in Russian and in Kazakh, and stays on screen", async () => {
    const harness = createTestBot({ redis });
    const ru = harness.user({ id: 5101, language_code: "ru" });
    await ru.send("/start");
    expect(ru.last.buttons).toEqual(RU_MENU);
    expect(ru.last.payload.reply_markup).toMatchObject({ is_persistent: true, resize_keyboard: true });
    const kk = harness.user({ id: 5102, language_code: "kk" });
    await kk.send("/start");
    expect(kk.last.buttons).toEqual(KK_MENU);
  });

  it("does with each button what its command does (Russian)", async () => {
    const user = createTestBot({ redis }).user({ id: 5103 });
    await user.send("❓ Задать вопрос");
    expect(user.last.text).toContain("Напишите вопрос своими словами");
    await user.send("📋 Мои обращения");
    expect(user.last.text).toContain("У вас пока нет обращений");
    await user.send("🔔 Подписки");
    expect(user.last.text).toContain("Выберите темы");
    await user.send("🌐 Язык · Тіл");
    expect(user.last.text).toBe("Выберите язык:");
    await user.send("📶 Плохой интернет");
    expect(user.last.text).toContain("Шаг 1 из");
    await user.send("/cancel");
    // The commands still work as before.
    await user.send("/myreports");
    expect(user.last.text).toContain("У вас пока нет обращений");
  });

  it("does with each button what its command does (Kazakh)", async () => {
    const user = createTestBot({ redis }).user({ id: 5104, language_code: "kk" });
    await user.send("❓ Сұрақ қою");
    expect(user.last.text).toContain("Сұрағыңызды өз сөзіңізбен");
    await user.send("📋 Өтініштерім");
    expect(user.last.text).toContain("Сізде әзірге өтініш жоқ");
    await user.send("🔔 Жазылымдар");
    expect(user.last.text).toContain("тақырыптарды таңдаңыз");
    await user.send("📶 Интернет нашар");
    expect(user.last.text).toContain("Қадам 1/");
  });

  it("is redrawn in the new language after /language, and survives a restart", async () => {
    const user = createTestBot({ redis }).user({ id: 5105, language_code: "ru" });
    await user.send("/start");
    await user.send("🌐 Язык · Тіл");
    await user.press("Қазақша");
    expect(user.last.buttons).toEqual(KK_MENU);

    // A new process: the keyboard is kept by Telegram, the bot still knows its buttons.
    const restarted = createTestBot({ redis }).user({ id: 5105, language_code: "ru" });
    await restarted.send("📋 Өтініштерім");
    expect(restarted.last.text).toContain("Сізде әзірге өтініш жоқ");
    // A keyboard drawn before the switch still works, and answers in the chosen language.
    await restarted.send("📋 Мои обращения");
    expect(restarted.last.text).toContain("Сізде әзірге өтініш жоқ");
  });

  it("in the middle of a report, menu buttons do what their commands do there", async () => {
    const user = createTestBot({ redis }).user({ id: 5109 });
    await user.send("📶 Плохой интернет");
    // /myreports works in the middle of a report, and the report goes on.
    await user.send("📋 Мои обращения");
    expect(user.last.text).toContain("У вас пока нет обращений");
    // Any other button is a command the report answers with a hint and its question again.
    await user.send("🔔 Подписки");
    expect(user.last.text).toContain("Сейчас заполняется обращение");
    expect(user.last.text).toContain("Шаг 1 из");
    await user.send("/cancel");
    // The report is over: the menu is back under the chat.
    expect(user.last.buttons).toEqual(RU_MENU);
  });

  it("answers a voice message kindly, with the menu, in both languages", async () => {
    const harness = createTestBot({ redis });
    const ru = harness.user({ id: 5106 });
    await ru.sendVoice();
    expect(ru.last.text).toContain("Голосовые сообщения я, к сожалению, не слушаю");
    expect(ru.last.buttons).toEqual(RU_MENU);
    const kk = harness.user({ id: 5107, language_code: "kk" });
    await kk.sendVoice();
    expect(kk.last.text).toContain("дауыстық хабарламаны тыңдай алмаймын");
    expect(kk.last.buttons).toEqual(KK_MENU);
  });
});

describe("/help", () => {
  it("lists the admin commands to admins only, in their language", async () => {
    const harness = createTestBot({ redis, env: { ADMIN_IDS: "5190,5191" } });
    const citizen = harness.user({ id: 5108 });
    await citizen.send("/help");
    expect(citizen.last.text).not.toContain("/publish");
    const admin = harness.user({ id: 5190 });
    await admin.send("/help");
    expect(admin.last.text).toContain("Команды администратора");
    expect(admin.last.text).toContain("/publish");
    const kkAdmin = harness.user({ id: 5191, language_code: "kk" });
    await kkAdmin.send("/help");
    expect(kkAdmin.last.text).toContain("Әкімшіге арналған командалар");
    expect(kkAdmin.last.text).toContain("/broadcasts");
  });
});
