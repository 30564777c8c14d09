import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { BotDeps } from "../bot/context.js";
import { createBot } from "../bot/create-bot.js";
import { type ApiCall, LOCAL_BOT_INFO, LocalBotApi, SAMPLE_MEDIA } from "../bot/local-bot-api.js";
import { startDelivery } from "../delivery/index.js";

/**
 * An in-memory stand-in with Redis' API for a machine without Redis. Imported on demand so that
 * only the terminal chat loads it (it is a dev dependency; the production image has none).
 */
export async function memoryRedis(): Promise<Redis> {
  const { default: RedisMock } = await import("ioredis-mock");
  return new RedisMock() as unknown as Redis;
}

/** The terminal user: a private chat with this id. Put it in ADMIN_IDS to try admin commands. */
export const TERMINAL_USER = {
  id: 100_000_001,
  is_bot: false,
  first_name: "Гость",
  language_code: "ru",
} as const;

interface Button {
  label: string;
  /** Inline buttons carry callback data; keyboard buttons send their label (or a location). */
  data?: string;
  requestLocation?: boolean;
  messageId: number;
}

/**
 * Runs the same bot as a chat in the terminal: the bot's messages are printed, buttons are
 * numbered and pressed by typing their number, commands are typed as in Telegram. Works with
 * piped input (one user line per line) and returns at the end of input.
 *
 * Extra inputs: `@location LAT LON` shares a location, `@sticker` / `@photo` send one, and a line
 * starting with `"` is sent as text even when it is a button's number.
 */
export async function runTerminalChat(deps: BotDeps, input: Readable, output: Writable): Promise<void> {
  const api = new LocalBotApi();
  const bot = createBot("terminal", deps, {
    botInfo: LOCAL_BOT_INFO,
    client: { fetch: api.fetch },
    rateLimit: { limit: 1000, timeFrameMs: 1000 },
  });
  const print = (line: string) => output.write(`${line}\n`);
  let buttons: Button[] = [];
  api.onCall((call, result) => {
    const messageId = (result as { message_id?: number } | undefined)?.message_id ?? 0;
    const shown = describe(call, messageId, print);
    if (shown) buttons = shown;
    else if (call.method === "editMessageText" && buttons[0]?.messageId === messageId) buttons = [];
  });
  const delivery = startDelivery(deps, bot.api);
  const interactive = "isTTY" in input && input.isTTY === true;
  let updateId = 1;
  let messageId = 1_000_000;
  const chat = { id: TERMINAL_USER.id, type: "private" as const, first_name: TERMINAL_USER.first_name };
  const message = (extra: Record<string, unknown>) =>
    ({
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: TERMINAL_USER,
      ...extra,
    }) as never;

  const toUpdate = (line: string): Update => {
    const base = { update_id: updateId++ };
    const pressed = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    if (pressed?.data !== undefined) {
      const callback = {
        id: String(base.update_id),
        from: TERMINAL_USER,
        chat_instance: "terminal",
        data: pressed.data,
        message: { message_id: pressed.messageId, date: 0, chat, from: LOCAL_BOT_INFO, text: "" },
      };
      return { ...base, callback_query: callback as never };
    }
    if (pressed) line = pressed.label;
    const location = /^@location\s+(-?[\d.]+)[\s,]+(-?[\d.]+)$/.exec(line);
    if (location)
      return {
        ...base,
        message: message({ location: { latitude: Number(location[1]), longitude: Number(location[2]) } }),
      };
    if (line === "@sticker") return { ...base, message: message({ sticker: SAMPLE_MEDIA.sticker }) };
    if (line === "@photo") return { ...base, message: message({ photo: SAMPLE_MEDIA.photo }) };
    const text = line.startsWith('"') ? line.slice(1) : line;
    const command = /^\/\w+/.exec(text);
    const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
    return { ...base, message: message({ text, ...(entities ? { entities } : {}) }) };
  };

  if (interactive) print("Терминальный чат. Пишите как в Telegram; /start — начало, Ctrl+D — выход.");
  const lines = createInterface({ input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!interactive) print(`> ${line}`);
    await bot.handleUpdate(toUpdate(line));
  }
  await delivery.stop();
}

/** Prints one API call; returns the buttons it shows, if any. */
function describe(call: ApiCall, messageId: number, print: (line: string) => void): Button[] | undefined {
  const p = call.payload;
  switch (call.method) {
    case "sendMessage":
    case "editMessageText": {
      // Messages to other chats (the moderators') are shown as such.
      const where = Number(p.chat_id) === TERMINAL_USER.id ? "" : ` → чат ${String(p.chat_id)}`;
      print(`${call.method === "editMessageText" ? "bot (изменено)" : "bot"}${where}: ${String(p.text)}`);
      return printButtons(p, messageId, print);
    }
    case "editMessageReplyMarkup":
      return printButtons(p, messageId, print);
    case "answerCallbackQuery":
      if (typeof p.text === "string") print(`bot (уведомление): ${p.text}`);
      return undefined;
    case "sendDocument": {
      const files = (p.files ?? {}) as Record<string, { filename: string; content: string }>;
      for (const file of Object.values(files))
        print(`bot (файл ${file.filename}, ${file.content.length} симв.)`);
      if (typeof p.caption === "string") print(`bot: ${p.caption}`);
      return undefined;
    }
    default:
      return undefined;
  }
}

function printButtons(
  payload: Record<string, unknown>,
  messageId: number,
  print: (line: string) => void,
): Button[] | undefined {
  const markup = payload.reply_markup as
    | {
        inline_keyboard?: { text: string; callback_data?: string }[][];
        keyboard?: ({ text: string; request_location?: boolean } | string)[][];
      }
    | undefined;
  const rows = markup?.inline_keyboard ?? markup?.keyboard;
  if (!rows) return undefined;
  const buttons: Button[] = rows.flat().map((b) =>
    typeof b === "string"
      ? { label: b, messageId }
      : {
          label: b.text,
          messageId,
          ...("callback_data" in b && b.callback_data !== undefined ? { data: b.callback_data } : {}),
          ...("request_location" in b && b.request_location ? { requestLocation: true } : {}),
        },
  );
  buttons.forEach((b, i) => {
    print(`   [${i + 1}] ${b.label}${b.requestLocation ? " (введите: @location ШИРОТА ДОЛГОТА)" : ""}`);
  });
  return buttons;
}
