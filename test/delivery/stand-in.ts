import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the stand-in decides for one sendMessage. */
export type Verdict = "ok" | "blocked" | "rate-limited";

export interface StandInOptions {
  /** Chats that blocked the bot: sendMessage answers 403. */
  blocked: Set<number>;
  /** The n-th sendMessage calls (1-based, counting every call) answered 429 retry_after 1. */
  limitedCalls: Set<number>;
}

/** One accepted message: the chat and when the stand-in answered it. */
export interface Accepted {
  chatId: number;
  at: number;
}

const MAX_BODY = 64 * 1024;

/**
 * A Bot API stand-in over real HTTP on 127.0.0.1 (loopback only, bodies capped): counts what it
 * accepts per chat, answers 403 for blocked chats and 429 on chosen calls. `hold()` makes it stop
 * answering sendMessage, like a Telegram that hangs; held requests are never accepted, and
 * `dropHeld()` resets their connections, as a dead peer's would be.
 */
export class BotApiStandIn {
  readonly accepted: Accepted[] = [];
  readonly limited: number[] = [];
  calls = 0;
  blockedAnswers = 0;
  private holding = false;
  private held: { res: ServerResponse; chatId: number }[] = [];
  /** Chats whose sendMessage was held and dropped (their copy must come after the restart). */
  readonly dropped: number[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));

  constructor(private readonly options: StandInOptions) {}

  /** Starts listening on a free loopback port; returns the BOT_API_ROOT to give the bot. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.server.maxConnections = 256;
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  hold(): void {
    this.holding = true;
  }

  /** Resets the held connections and answers normally again; returns how many were held. */
  dropHeld(): number {
    const count = this.held.length;
    for (const { res, chatId } of this.held) {
      this.dropped.push(chatId);
      res.socket?.destroy();
    }
    this.held = [];
    this.holding = false;
    return count;
  }

  /** How many copies each chat received. */
  copies(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const { chatId } of this.accepted) counts.set(chatId, (counts.get(chatId) ?? 0) + 1);
    return counts;
  }

  async close(): Promise<void> {
    this.dropHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    let body = "";
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > MAX_BODY) return void res.writeHead(413).end();
    }
    const payload = (body ? JSON.parse(body) : {}) as { chat_id?: number | string; message_id?: number };
    const reply = (status: number, json: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    if (method !== "sendMessage")
      return reply(200, {
        ok: true,
        result: method.startsWith("edit")
          ? {
              message_id: payload.message_id ?? 1,
              date: 0,
              chat: { id: Number(payload.chat_id), type: "private" },
            }
          : true,
      });
    if (this.holding) {
      this.held.push({ res, chatId: Number(payload.chat_id) });
      return;
    }
    const call = ++this.calls;
    const chatId = Number(payload.chat_id);
    if (this.options.limitedCalls.has(call)) {
      this.limited.push(Date.now());
      return reply(429, {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      });
    }
    if (this.options.blocked.has(chatId)) {
      this.blockedAnswers++;
      return reply(403, {
        ok: false,
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      });
    }
    this.accepted.push({ chatId, at: Date.now() });
    reply(200, {
      ok: true,
      result: { message_id: this.accepted.length, date: 0, chat: { id: chatId, type: "private" }, text: "" },
    });
  }
}
