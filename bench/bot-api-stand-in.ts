import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { LOCAL_BOT_INFO } from "../src/bot/local-bot-api.js";

const now = (): number => performance.now();
const LONG_POLL_CAP_MS = 1000;

/**
 * The Bot API on 127.0.0.1 as the throughput bench needs it: getUpdates hands out queued updates
 * in batches (up to the `limit` asked, long polling while the queue is empty), every sendMessage
 * is answered at once and timed against the moment its chat's update was handed out. Each update
 * comes from a chat of its own, so "the first message to a chat" is "the reply to its update".
 */
export class BotApiStandIn {
  private server: Server | undefined;
  private queue: Update[] = [];
  /** Index in `queue` of the first update the bot has not confirmed (offset). */
  private confirmed = 0;
  private handedAt = new Map<number, number>();
  private waiting: (() => void)[] = [];
  private messageId = 1;
  private firstPoll: ((at: number) => void) | undefined;
  readonly latencies: number[] = [];
  replies = 0;
  lastReplyAt = 0;
  firstHandedAt = 0;
  /** Calls by method, for the record. */
  readonly calls = new Map<string, number>();
  private onReply: (() => void) | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Resolves with the time (performance.now) of the next getUpdates call. */
  nextPoll(): Promise<number> {
    return new Promise((resolve) => {
      this.firstPoll = resolve;
    });
  }

  /** Queues updates and resolves once every one of them got its reply (rejects after `stallMs` of no progress). */
  deliver(updates: Update[], stallMs = 20_000): Promise<void> {
    const target = this.replies + updates.length;
    this.queue.push(...updates);
    for (const wake of this.waiting.splice(0)) wake();
    return new Promise((resolve, reject) => {
      let last = this.replies;
      const timer = setInterval(() => {
        if (this.replies === last) {
          clearInterval(timer);
          this.onReply = undefined;
          reject(
            new Error(`bench: no reply for ${stallMs} ms (${target - this.replies} updates unanswered)`),
          );
        }
        last = this.replies;
      }, stallMs);
      this.onReply = () => {
        if (this.replies < target) return;
        clearInterval(timer);
        this.onReply = undefined;
        resolve();
      };
    });
  }

  /** Forgets the timings taken so far (the warm-up's). */
  resetTimings(): void {
    this.latencies.length = 0;
    this.firstHandedAt = 0;
    this.lastReplyAt = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.url?.slice(req.url.lastIndexOf("/") + 1) ?? "";
      this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
      const body = Buffer.concat(chunks).toString("utf8");
      const payload = body.startsWith("{") ? (JSON.parse(body) as Record<string, unknown>) : {};
      const send = (result: unknown) => {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      };
      if (method === "getMe") return send(LOCAL_BOT_INFO);
      if (method === "getUpdates") return this.getUpdates(payload, send);
      if (method === "sendMessage") {
        const chatId = Number(payload.chat_id);
        this.recordReply(chatId);
        const chat = { id: chatId, type: "private", first_name: "U" };
        return send({ message_id: this.messageId++, date: 0, chat, text: payload.text });
      }
      return send(true);
    });
  }

  private getUpdates(payload: Record<string, unknown>, send: (result: unknown) => void): void {
    const at = now();
    if (this.firstPoll) {
      this.firstPoll(at);
      this.firstPoll = undefined;
    }
    const offset = Number(payload.offset ?? 0);
    while (this.confirmed < this.queue.length && (this.queue[this.confirmed]?.update_id ?? 0) < offset)
      this.confirmed++;
    if (this.confirmed > 10_000) {
      this.queue = this.queue.slice(this.confirmed);
      this.confirmed = 0;
    }
    const limit = Number(payload.limit ?? 100);
    const batch = this.queue.slice(this.confirmed, this.confirmed + limit);
    if (batch.length === 0) {
      // Long polling: answer when updates are queued, or with nothing after a while.
      let answered = false;
      const answer = () => {
        if (answered) return;
        answered = true;
        this.getUpdates(payload, send);
      };
      this.waiting.push(answer);
      setTimeout(() => {
        if (answered) return;
        answered = true;
        send([]);
      }, LONG_POLL_CAP_MS);
      return;
    }
    for (const update of batch) {
      const chatId = update.message?.chat.id;
      if (chatId !== undefined && !this.handedAt.has(chatId)) this.handedAt.set(chatId, at);
    }
    if (this.firstHandedAt === 0) this.firstHandedAt = at;
    send(batch);
  }

  private recordReply(chatId: number): void {
    const handed = this.handedAt.get(chatId);
    if (handed === undefined) return; // not the first reply to this chat's update
    this.handedAt.delete(chatId);
    const at = now();
    this.latencies.push(at - handed);
    this.lastReplyAt = at;
    this.replies++;
    this.onReply?.();
  }
}
