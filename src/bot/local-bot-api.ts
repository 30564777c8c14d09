import type { ApiClientOptions } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";

type FetchFn = NonNullable<ApiClientOptions["fetch"]>;

/** One Bot API call the bot made: the method and its parameters (files as their text content). */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the call was answered with, once answered. */
  result?: unknown;
}

/** What a test or the terminal may answer instead of the default success. */
export type ApiReply =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export const LOCAL_BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Qazaq Digital Bot",
  username: "qazaq_digital_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** What a user's sticker or photo carries, for the terminal chat's `@sticker` and for tests. */
export const SAMPLE_MEDIA = {
  sticker: {
    file_id: "sticker",
    file_unique_id: "sticker",
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
  },
  photo: [{ file_id: "photo", file_unique_id: "photo", width: 90, height: 90 }],
} as const;

const SENDS_MESSAGE =
  /^(send|copy|forward)[A-Z]|^edit(MessageText|MessageCaption|MessageMedia|MessageReplyMarkup)$/;

/** Telegram's limits and its exact words for breaking them. */
export const TELEGRAM_LIMITS = {
  text: 4096,
  caption: 1024,
  callbackData: 64,
  callbackAnswerText: 200,
  /** A callback query must be answered within about this long. */
  callbackAnswerMs: 15_000,
} as const;
const ERR = {
  queryTooOld: "Bad Request: query is too old and response timeout expired or query ID is invalid",
  notModified:
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  tooLong: "Bad Request: message is too long",
  captionTooLong: "Bad Request: message caption is too long",
  empty: "Bad Request: message text is empty",
  buttonData: "Bad Request: BUTTON_DATA_INVALID",
  buttonUrl: "Bad Request: BUTTON_URL_INVALID",
  answerTooLong: "Bad Request: MESSAGE_TOO_LONG",
} as const;

export interface LocalBotApiOptions {
  /** The clock that decides whether a callback answer came too late (ms). */
  now?: () => number;
}

interface Shown {
  text: string;
  markup: string;
}

/**
 * An in-process Bot API stand-in, plugged into grammY at the transport (`client.fetch`), so every
 * API call — also those made inside conversations — is seen and answered. The terminal chat prints
 * the calls; tests assert on them. `answer` may override the reply to any call (errors, 429s).
 *
 * It rejects what Telegram rejects, with Telegram's words: a second answer to one callback query,
 * an answer later than 15 s after the query (for queries announced with `noteUpdate`), an edit that
 * changes nothing, texts over 4096 characters (captions over 1024) or empty, callback data over 64
 * bytes, malformed HTML or MarkdownV2 under a parse mode. Rejected calls are also kept in `rejected`.
 */
export class LocalBotApi {
  readonly calls: ApiCall[] = [];
  /** Calls refused because they broke one of Telegram's rules, with the reason. */
  readonly rejected: { call: ApiCall; description: string }[] = [];
  private nextMessageId = 1;
  private listeners: ((call: ApiCall, result: unknown) => void)[] = [];
  private readonly answered = new Set<string>();
  private readonly queries = new Map<string, number>();
  private readonly shown = new Map<string, Shown>();
  private readonly now: () => number;

  constructor(
    private readonly answer?: (call: ApiCall) => ApiReply | undefined,
    options: LocalBotApiOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Forgets every call and message seen so far (long runs: the stand-in's memory is not the bot's). */
  reset(): void {
    this.calls.length = 0;
    this.rejected.length = 0;
    this.answered.clear();
    this.queries.clear();
    this.shown.clear();
  }

  /** Calls `listener` with every call and the result it was given. */
  onCall(listener: (call: ApiCall, result: unknown) => void): void {
    this.listeners.push(listener);
  }

  /** Tells the stand-in about an update the bot is given: its callback query starts Telegram's 15 s. */
  noteUpdate(update: { callback_query?: { id: string } }): void {
    const id = update.callback_query?.id;
    if (id !== undefined && !this.queries.has(id)) this.queries.set(id, this.now());
  }

  /** The `fetch` to give grammY as `client.fetch`. */
  readonly fetch: FetchFn = (async (url: unknown, init?: { body?: unknown }) => {
    const method = String(url).split("/").pop() ?? "";
    const payload = await readPayload(init?.body);
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    const violation = this.violation(call);
    if (violation) this.rejected.push({ call, description: violation });
    const reply: ApiReply = violation
      ? { ok: false, error_code: 400, description: violation }
      : (this.answer?.(call) ?? { ok: true, result: this.defaultResult(call) });
    call.result = reply.ok ? reply.result : undefined;
    if (reply.ok) this.remember(call);
    for (const listener of this.listeners) listener(call, call.result);
    return new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } });
  }) as unknown as FetchFn;

  /** What Telegram would refuse in this call, in its words; undefined when it would accept it. */
  private violation({ method, payload }: ApiCall): string | undefined {
    if (method === "answerCallbackQuery") return this.answerViolation(payload);
    if (!SENDS_MESSAGE.test(method)) return undefined;
    return (
      checkMarkup(payload.reply_markup) ??
      contentViolation(method, payload) ??
      (method === "editMessageText" || method === "editMessageReplyMarkup"
        ? this.unchangedEdit(method, payload)
        : undefined)
    );
  }

  /** One answer per callback query, within 15 s of it, with a short notice. */
  private answerViolation(payload: Record<string, unknown>): string | undefined {
    const id = String(payload.callback_query_id ?? "");
    const asked = this.queries.get(id);
    if (this.answered.has(id)) return ERR.queryTooOld;
    if (asked !== undefined && this.now() - asked > TELEGRAM_LIMITS.callbackAnswerMs) return ERR.queryTooOld;
    if (typeof payload.text === "string" && payload.text.length > TELEGRAM_LIMITS.callbackAnswerText)
      return ERR.answerTooLong;
    this.answered.add(id);
    return undefined;
  }

  /** An edit to exactly what the message already shows. */
  private unchangedEdit(method: string, payload: Record<string, unknown>): string | undefined {
    const before = this.shown.get(messageKey(payload));
    if (!before) return undefined;
    const after = this.after(method, payload, before);
    return after.text === before.text && after.markup === before.markup ? ERR.notModified : undefined;
  }

  /** What a message shows after an accepted send or edit. */
  private after(method: string, payload: Record<string, unknown>, before?: Shown): Shown {
    const markup = normalizeMarkup(payload.reply_markup);
    if (method === "editMessageReplyMarkup") return { text: before?.text ?? "", markup };
    return { text: String(payload.text ?? payload.caption ?? ""), markup };
  }

  private remember(call: ApiCall): void {
    const { method, payload } = call;
    if (!SENDS_MESSAGE.test(method)) return;
    const id =
      typeof payload.message_id === "number"
        ? payload.message_id
        : (call.result as { message_id?: number } | undefined)?.message_id;
    if (id === undefined) return;
    const key = messageKey({ chat_id: payload.chat_id, message_id: id });
    this.shown.set(key, this.after(method, payload, this.shown.get(key)));
  }

  private defaultResult({ method, payload }: ApiCall): unknown {
    if (method === "getMe") return LOCAL_BOT_INFO;
    if (!SENDS_MESSAGE.test(method)) return true;
    const chatId = Number(payload.chat_id ?? 0);
    const message = {
      message_id: typeof payload.message_id === "number" ? payload.message_id : this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat:
        chatId > 0
          ? { id: chatId, type: "private", first_name: "User" }
          : { id: chatId, type: "group", title: "Chat" },
      from: LOCAL_BOT_INFO,
      ...(typeof payload.text === "string" ? { text: payload.text } : {}),
      ...(typeof payload.caption === "string" ? { caption: payload.caption } : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    };
    return message as Message;
  }
}

/** Texts and captions: present, within their length, well-formed under their parse mode. */
function contentViolation(method: string, payload: Record<string, unknown>): string | undefined {
  if (method === "sendMessage" || method === "editMessageText") {
    const parsed = visibleText(typeof payload.text === "string" ? payload.text : "", payload.parse_mode);
    if (parsed.error) return parsed.error;
    if (parsed.text.trim().length === 0) return ERR.empty;
    if (parsed.text.length > TELEGRAM_LIMITS.text) return ERR.tooLong;
  }
  if (typeof payload.caption === "string") {
    const parsed = visibleText(payload.caption, payload.parse_mode);
    if (parsed.error) return parsed.error;
    if (parsed.text.length > TELEGRAM_LIMITS.caption) return ERR.captionTooLong;
  }
  return undefined;
}

const messageKey = (payload: Record<string, unknown>) =>
  `${String(payload.chat_id)}:${String(payload.message_id)}`;

/** An inline keyboard as compared by Telegram: no keyboard and an empty one are the same. */
function normalizeMarkup(markup: unknown): string {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
  if (!rows || rows.every((row) => row.length === 0)) return "";
  return JSON.stringify(rows);
}

/** Buttons Telegram refuses: callback data over 64 bytes or empty, a URL that is not one. */
function checkMarkup(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard ?? [];
  for (const button of rows.flat() as { callback_data?: unknown; url?: unknown }[]) {
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(String(button.callback_data), "utf8");
      if (bytes < 1 || bytes > TELEGRAM_LIMITS.callbackData) return ERR.buttonData;
    }
    if (button.url !== undefined && !/^(https?|tg):\/\/\S+$/.test(String(button.url))) return ERR.buttonUrl;
  }
  return undefined;
}

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);
const MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";

/** The text a user sees under a parse mode, or Telegram's "can't parse entities" error. */
export function visibleText(text: string, parseMode: unknown): { text: string; error?: string } {
  if (parseMode === "HTML") return visibleHtml(text);
  if (parseMode === "MarkdownV2") return visibleMarkdownV2(text);
  return { text };
}

const cantParse = (text: string, why: string) => ({
  text,
  error: `Bad Request: can't parse entities: ${why}`,
});

/** HTML: only Telegram's tags, each closed in order; a bare <, > or & is an error. */
function visibleHtml(text: string): { text: string; error?: string } {
  const open: string[] = [];
  let visible = "";
  let last = 0;
  for (const match of text.matchAll(
    /<(\/?)([a-z-]+)(?:\s[^<>]*)?>|&(#\d+|#x[\da-f]+|lt|gt|amp|quot);|[<>&]/gi,
  )) {
    visible += text.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    const [whole, closing, tag] = match;
    if (whole.length === 1) return cantParse(text, `unexpected "${whole}" at byte offset ${match.index}`);
    if (whole.startsWith("&")) {
      visible += "x";
      continue;
    }
    const name = (tag ?? "").toLowerCase();
    if (!HTML_TAGS.has(name)) return cantParse(text, `unsupported start tag "${name}"`);
    if (!closing) open.push(name);
    else if (open.pop() !== name)
      return cantParse(text, `can't find end tag corresponding to start tag "${name}"`);
  }
  if (open.length) return cantParse(text, `can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return { text: visible + text.slice(last) };
}

/** MarkdownV2: every reserved character that is not formatting must be escaped. */
function visibleMarkdownV2(text: string): { text: string; error?: string } {
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (char === "\\") i++;
    else if (!"_*~`|[]()".includes(char) && MARKDOWN_V2_RESERVED.includes(char))
      return cantParse(text, `Character '${char}' is reserved and must be escaped with the preceding '\\'`);
  }
  return { text: text.replace(/\\(.)/g, "$1") };
}

async function readPayload(body: unknown): Promise<Record<string, unknown>> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return JSON.parse(body) as Record<string, unknown>;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return parseMultipart(Buffer.concat(chunks).toString("utf8"));
}

/** Multipart bodies carry files (CSV exports): fields become values, files their text content. */
function parseMultipart(text: string): Record<string, unknown> {
  const boundary = text.slice(0, text.indexOf("\r\n"));
  const payload: Record<string, unknown> = {};
  for (const part of text.split(boundary)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, "");
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/.exec(headers)?.[1];
    if (!name) continue;
    if (filename !== undefined)
      payload.files = { ...(payload.files as object), [name]: { filename, content: value } };
    else payload[name] = tryJson(value);
  }
  return payload;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
