import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCall, LocalBotApi } from "../../src/bot/local-bot-api.js";
import { createTestBot, type TestBot } from "../support/chat.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("telegram-rules")));
afterAll(() => cleanup());

/** Calls one method of the stand-in as grammY would, and returns Telegram's JSON answer. */
async function call(api: LocalBotApi, method: string, payload: object) {
  const response = await (api.fetch as unknown as (url: string, init: object) => Promise<Response>)(
    `https://api.telegram.org/botX/${method}`,
    { body: JSON.stringify(payload) },
  );
  return (await response.json()) as { ok: boolean; description?: string };
}

describe("the Bot API stand-in rejects what Telegram rejects", () => {
  it("a second answer to one callback query, and an answer after 15 s", async () => {
    let now = 0;
    const api = new LocalBotApi(undefined, { now: () => now });
    api.noteUpdate({ callback_query: { id: "q1" } });
    expect((await call(api, "answerCallbackQuery", { callback_query_id: "q1" })).ok).toBe(true);
    expect(await call(api, "answerCallbackQuery", { callback_query_id: "q1" })).toMatchObject({
      ok: false,
      description: expect.stringContaining("query is too old"),
    });
    api.noteUpdate({ callback_query: { id: "q2" } });
    now = 15_001;
    expect((await call(api, "answerCallbackQuery", { callback_query_id: "q2" })).ok).toBe(false);
  });

  it("an edit that changes nothing", async () => {
    const api = new LocalBotApi();
    const markup = { inline_keyboard: [[{ text: "a", callback_data: "a" }]] };
    await call(api, "sendMessage", { chat_id: 1, text: "hello", reply_markup: markup });
    const edit = { chat_id: 1, message_id: 1, text: "hello", reply_markup: markup };
    expect(await call(api, "editMessageText", edit)).toMatchObject({
      ok: false,
      description: expect.stringContaining("message is not modified"),
    });
    expect(
      (await call(api, "editMessageReplyMarkup", { chat_id: 1, message_id: 1, reply_markup: markup })).ok,
    ).toBe(false);
    expect((await call(api, "editMessageText", { ...edit, text: "hello!" })).ok).toBe(true);
  });

  it("texts over 4096 characters, empty texts, callback data over 64 bytes, broken HTML", async () => {
    const api = new LocalBotApi();
    expect((await call(api, "sendMessage", { chat_id: 1, text: "я".repeat(4096) })).ok).toBe(true);
    expect(await call(api, "sendMessage", { chat_id: 1, text: "я".repeat(4097) })).toMatchObject({
      description: "Bad Request: message is too long",
    });
    expect((await call(api, "sendMessage", { chat_id: 1, text: " " })).ok).toBe(false);
    const button = (data: string) => ({ inline_keyboard: [[{ text: "b", callback_data: data }]] });
    expect(
      (await call(api, "sendMessage", { chat_id: 1, text: "x", reply_markup: button("я".repeat(32)) })).ok,
    ).toBe(true);
    expect(
      await call(api, "sendMessage", { chat_id: 1, text: "x", reply_markup: button(`${"я".repeat(32)}a`) }),
    ).toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
    expect(
      (await call(api, "sendMessage", { chat_id: 1, text: "<b>x</b> &lt;", parse_mode: "HTML" })).ok,
    ).toBe(true);
    expect((await call(api, "sendMessage", { chat_id: 1, text: "a < b", parse_mode: "HTML" })).ok).toBe(
      false,
    );
    expect((await call(api, "sendMessage", { chat_id: 1, text: "<b>x", parse_mode: "HTML" })).ok).toBe(false);
    expect((await call(api, "sendMessage", { chat_id: 1, text: "1.5", parse_mode: "MarkdownV2" })).ok).toBe(
      false,
    );
  });
});

/** Every callback query the bot was given got exactly one accepted answer. */
function expectOneAnswerEach(harness: TestBot) {
  const answers = new Map<string, number>();
  for (const c of harness.api.calls.filter((x: ApiCall) => x.method === "answerCallbackQuery")) {
    const id = String(c.payload.callback_query_id);
    answers.set(id, (answers.get(id) ?? 0) + 1);
  }
  expect([...answers.values()].every((n) => n === 1)).toBe(true);
  expect(harness.api.rejected.filter((r) => r.call.method === "answerCallbackQuery")).toEqual([]);
}

describe("the bot keeps Telegram's rules", () => {
  it("answers each /subscribe topic tap once, with its notice, and redraws the menu", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 4101 });
    await user.send("/subscribe");
    await user.press("DigitEL");
    await user.press("DigitEL");
    expect(user.notices).toEqual(["Подписка оформлена: DigitEL", "Подписка отменена: DigitEL"]);
    expect(user.all.filter((m) => m.method === "editMessageReplyMarkup")).toHaveLength(2);
    expect(user.all.some((m) => m.text.includes("что-то пошло не так"))).toBe(false);
    expectOneAnswerEach(harness);
  });

  it("takes a double tap on the language and privacy buttons without an apology", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 4102 });
    await user.send("/language");
    await user.press("Қазақша");
    await user.press("Қазақша");
    await user.send("/deletemydata");
    await user.press("Жоқ");
    await user.press("Жоқ");
    expect(user.all.some((m) => /что-то пошло не так|дұрыс болмады/.test(m.text))).toBe(false);
    expect(harness.api.rejected.map((r) => r.description)).toEqual([
      expect.stringContaining("message is not modified"),
      expect.stringContaining("message is not modified"),
    ]);
    expectOneAnswerEach(harness);
  });

  it("answers a button first, before the slow work behind it", async () => {
    const harness = createTestBot({ redis });
    const user = harness.user({ id: 4103 });
    await user.send("/deletemydata");
    const before = harness.api.calls.length;
    await user.press("Да");
    expect(harness.api.calls.slice(before).map((c) => c.method)).toEqual([
      "answerCallbackQuery",
      "editMessageText",
    ]);
    expectOneAnswerEach(harness);
  });
});
