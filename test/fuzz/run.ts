import type { Update } from "grammy/types";
import type { ApiCall } from "../../src/bot/local-bot-api.js";
import type { TestBot } from "../support/chat.js";
import { fuzzUpdate, type Rng } from "./generate.js";

/** What a fuzz run saw. */
export interface FuzzReport {
  updates: number;
  calls: number;
  /** Calls the strict stand-in refused, by Telegram's description (none expected but "not modified"). */
  rejected: Map<string, number>;
  /** Errors that escaped handleUpdate (the error boundary should leave none). */
  thrown: string[];
  /** Handler failures the error boundary caught and apologised for. */
  handlerFailures: string[];
  /** The updates sent, by update_id, to print the ones that failed. */
  sent: Map<number, Update>;
}

type Buttons = Map<number, { data: string; messageId: number }[]>;
const seen = new WeakMap<TestBot, Buttons>();

/** The inline buttons the bot showed last in each private chat, kept up to date from its calls. */
function buttonsOf(harness: TestBot): Buttons {
  const known = seen.get(harness);
  if (known) return known;
  const buttons: Buttons = new Map();
  seen.set(harness, buttons);
  harness.api.onCall((call: ApiCall) => {
    const chatId = Number(call.payload.chat_id);
    const rows = (
      call.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined
    )?.inline_keyboard;
    const messageId = (call.result as { message_id?: number } | undefined)?.message_id;
    if (!rows || messageId === undefined || chatId <= 0) return;
    const data = rows.flat().flatMap((b) => (b.callback_data ? [{ data: b.callback_data, messageId }] : []));
    if (data.length) buttons.set(chatId, data);
  });
  return buttons;
}

/**
 * Feeds `count` updates to the bot: most random (every update type, malformed too), a third presses
 * a real button the bot showed that user, so conversations are walked deep, not only poked.
 */
export async function fuzz(
  harness: TestBot,
  rng: Rng,
  count: number,
  firstId = 1,
  concurrency = 16,
  keepUpdates = true,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    updates: 0,
    calls: 0,
    rejected: new Map(),
    thrown: [],
    handlerFailures: [],
    sent: new Map(),
  };
  const before = harness.api.calls.length;
  const rejectedBefore = harness.api.rejected.length;
  const buttons = buttonsOf(harness);
  const one = async (updateId: number) => {
    let update: Update = fuzzUpdate(rng, updateId);
    const chats = [...buttons.keys()];
    if (chats.length && rng.chance(0.33)) {
      const chatId = rng.pick(chats);
      const button = rng.pick(buttons.get(chatId) ?? []);
      update = {
        update_id: updateId,
        callback_query: {
          id: `cqp${updateId}`,
          from: { id: chatId, is_bot: false, first_name: "Fuzz", language_code: rng.pick(["ru", "kk"]) },
          chat_instance: "ci",
          data: button.data,
          message: {
            message_id: button.messageId,
            date: 0,
            chat: { id: chatId, type: "private", first_name: "Fuzz" },
          },
        },
      } as Update;
    }
    if (keepUpdates) report.sent.set(updateId, update);
    try {
      await harness.bot.handleUpdate(update);
    } catch (error) {
      report.thrown.push(`${updateId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    report.updates++;
  };
  // Several updates at once, as the concurrent runner delivers them (one chat stays sequential).
  for (let i = 0; i < count; i += concurrency) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + concurrency); j++) batch.push(one(firstId + j));
    await Promise.all(batch);
  }
  report.calls = harness.api.calls.length - before;
  for (const { description } of harness.api.rejected.slice(rejectedBefore))
    report.rejected.set(description, (report.rejected.get(description) ?? 0) + 1);
  return report;
}
