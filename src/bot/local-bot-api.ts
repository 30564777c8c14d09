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

/**
 * An in-process Bot API stand-in, plugged into grammY at the transport (`client.fetch`), so every
 * API call — also those made inside conversations — is seen and answered. The terminal chat prints
 * the calls; tests assert on them. `answer` may override the reply to any call (errors, 429s).
 */
export class LocalBotApi {
  readonly calls: ApiCall[] = [];
  private nextMessageId = 1;
  private listeners: ((call: ApiCall, result: unknown) => void)[] = [];

  constructor(private readonly answer?: (call: ApiCall) => ApiReply | undefined) {}

  /** Calls `listener` with every call and the result it was given. */
  onCall(listener: (call: ApiCall, result: unknown) => void): void {
    this.listeners.push(listener);
  }

  /** The `fetch` to give grammY as `client.fetch`. */
  readonly fetch: FetchFn = (async (url: unknown, init?: { body?: unknown }) => {
    const method = String(url).split("/").pop() ?? "";
    const payload = await readPayload(init?.body);
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    const reply = this.answer?.(call) ?? { ok: true, result: this.defaultResult(call) };
    call.result = reply.ok ? reply.result : undefined;
    for (const listener of this.listeners) listener(call, call.result);
    return new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } });
  }) as unknown as FetchFn;

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
