import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { LOCAL_BOT_INFO } from "../../src/bot/local-bot-api.js";

/** A call the bot made over HTTP. */
export interface HttpCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * A Bot API stand-in on 127.0.0.1 for tests that run the real process (`BOT_API_ROOT`): answers
 * getMe, hands out queued updates to getUpdates, records every call, and can refuse methods.
 */
export async function startBotApiServer(
  options: {
    refuse?: string[];
    /** Answers a call with this Bot API error instead (a 409 or 401 for getUpdates, a 502 outage). */
    fail?: (method: string) => { error_code: number; description: string } | undefined;
    /** Holds the answer to a call this many ms (a slow Telegram). */
    delayMs?: (method: string) => number;
  } = {},
) {
  const calls: HttpCall[] = [];
  /** Methods in the order their answers were sent. */
  const answered: string[] = [];
  const updates: Update[] = [];
  let messageId = 1;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const method = req.url?.split("/").pop() ?? "";
      const payload = body.startsWith("{") ? (JSON.parse(body) as Record<string, unknown>) : {};
      calls.push({ method, payload });
      const delay = options.delayMs?.(method) ?? 0;
      const send = (status: number, value: unknown) => {
        setTimeout(() => {
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
          answered.push(method);
        }, delay);
      };
      const failure = options.fail?.(method);
      if (failure) return send(failure.error_code, { ok: false, ...failure });
      if (options.refuse?.includes(method))
        return send(404, { ok: false, error_code: 404, description: "Not Found" });
      if (method === "getMe") return send(200, { ok: true, result: LOCAL_BOT_INFO });
      if (method === "getUpdates") {
        const offset = Number(payload.offset ?? 0);
        const pending = updates.filter((u) => u.update_id >= offset);
        // Long polling, shortened: answer at once when there is something, else after 100 ms.
        return setTimeout(() => send(200, { ok: true, result: pending }), pending.length ? 0 : 100);
      }
      if (method.startsWith("send")) {
        const chat = { id: Number(payload.chat_id), type: "private", first_name: "U" };
        return send(200, {
          ok: true,
          result: { message_id: messageId++, date: 0, chat, text: payload.text },
        });
      }
      return send(200, { ok: true, result: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answered,
    /** Queues an update for the next getUpdates. */
    push: (update: Update) => updates.push(update),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Long polls hold connections open; close does not wait for them.
        server.closeAllConnections();
      }),
  };
}
