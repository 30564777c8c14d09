import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer } from "./support/bot-api-server.js";
import { freePort } from "./support/global-setup.js";
import { deletePrefix, testRedisUrl, uniquePrefix } from "./support/redis.js";

/**
 * The production process as the image runs it: `node dist/main.js` (compiled once here), against
 * the HTTP Bot API stand-in, on the test Redis under a key prefix of this file's own.
 */
const root = join(import.meta.dirname, "..");
const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwx-yz_0123";
const SECRET = "s3cret-s3cret-s3cret";
const prefix = uniquePrefix("main");
const children: ChildProcess[] = [];

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}, 120_000);

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

afterAll(() => deletePrefix(prefix));

function startBot(env: Record<string, string>) {
  const { BOT_TOKEN: _ignored, NODE_ENV: _env, ...rest } = process.env;
  const proc = spawn(process.execPath, ["dist/main.js"], {
    cwd: root,
    env: {
      ...rest,
      BOT_TOKEN: TOKEN,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      LOG_LEVEL: "info",
      PORT: "0",
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  proc.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  children.push(proc);
  return { proc, logs: () => stdout, errors: () => stderr };
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("test: timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const startUpdate = (updateId: number, chatId: number): Update => ({
  update_id: updateId,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: chatId, type: "private" as const, first_name: "A" },
    from: { id: chatId, is_bot: false, first_name: "Әлия", language_code: "kk" },
    text: "/start",
    entities: [{ type: "bot_command" as const, offset: 0, length: 6 }],
  },
});

const sentTo = (api: { calls: { method: string; payload: Record<string, unknown> }[] }, chat: number) =>
  api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chat).length;

function webhookEnv(port: number, extra: Record<string, string> = {}) {
  return {
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://bot.example.kz/telegram",
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    ...extra,
  };
}

function post(port: number, body: string, secret: string | null = SECRET) {
  return fetch(`http://127.0.0.1:${port}/telegram`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body,
  });
}

describe("the bot process with a token (node dist/main.js)", () => {
  it("polling: deletes any webhook first, asks for the handled update types, answers, survives a refused setMyCommands", async () => {
    const api = await startBotApiServer({ refuse: ["setMyCommands"] });
    try {
      const bot = startBot({ BOT_API_ROOT: api.url });
      api.push(startUpdate(1, 555_001));
      await until(() => sentTo(api, 555_001) > 0);
      const reply = api.calls.find((c) => c.method === "sendMessage");
      expect(reply?.payload.text).toContain("Сәлеметсіз бе, Әлия!");
      const methods = api.calls.map((c) => c.method);
      expect(methods.indexOf("deleteWebhook")).toBeGreaterThan(-1);
      expect(methods.indexOf("deleteWebhook")).toBeLessThan(methods.indexOf("getUpdates"));
      expect(api.calls.find((c) => c.method === "getUpdates")?.payload.allowed_updates).toEqual([
        "message",
        "callback_query",
        "my_chat_member",
      ]);
      // Log lines reach the test through a pipe, maybe after Telegram's calls: wait for them.
      await until(() => bot.logs().includes("setMyCommands failed"));
    } finally {
      await api.close();
    }
  }, 60_000);

  it("webhook: 401 without the secret, 400 on malformed JSON, 413 on a huge body, 200 and an answer otherwise; setWebhook names the update types", async () => {
    const api = await startBotApiServer();
    const port = await freePort();
    try {
      const bot = startBot({ BOT_API_ROOT: api.url, ...webhookEnv(port) });
      await until(() => api.calls.some((c) => c.method === "setWebhook"));
      const setWebhook = api.calls.find((c) => c.method === "setWebhook");
      expect(setWebhook?.payload).toMatchObject({
        url: "https://bot.example.kz/telegram",
        secret_token: SECRET,
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      });
      const update = JSON.stringify(startUpdate(7, 555_002));
      expect((await post(port, update, "wrong-wrong-wrong-wrong")).status).toBe(401);
      expect((await post(port, update, null)).status).toBe(401);
      expect((await post(port, "{not json")).status).toBe(400);
      expect((await post(port, JSON.stringify({ hello: 1 }))).status).toBe(400);
      expect((await post(port, `{"update_id":1,"x":"${"a".repeat(2_000_000)}"}`)).status).toBe(413);
      expect(sentTo(api, 555_002)).toBe(0);
      expect((await post(port, update)).status).toBe(200);
      expect(sentTo(api, 555_002)).toBe(1);
      // Telegram sending the same update again: answered 200, handled once.
      expect((await post(port, update)).status).toBe(200);
      expect(sentTo(api, 555_002)).toBe(1);
      // Lines logged about an update carry its update_id.
      await until(() => bot.logs().includes("duplicate update dropped"));
      const dropped = bot
        .logs()
        .split("\n")
        .find((line) => line.includes("duplicate update dropped"));
      expect(JSON.parse(dropped ?? "{}")).toMatchObject({ update_id: 7 });
    } finally {
      await api.close();
    }
  }, 60_000);

  it("webhook: an update slower than the reply timeout is answered 200 in time, finishes later, and the process lives on", async () => {
    // Telegram takes 3 s to accept each message; the webhook must answer after 300 ms.
    const api = await startBotApiServer({ delayMs: (method) => (method === "sendMessage" ? 3000 : 0) });
    const port = await freePort();
    try {
      const bot = startBot({ BOT_API_ROOT: api.url, ...webhookEnv(port, { WEBHOOK_REPLY_MS: "300" }) });
      await until(() => api.calls.some((c) => c.method === "setWebhook"));
      const response = await post(port, JSON.stringify(startUpdate(21, 555_003)));
      expect(response.status).toBe(200);
      // The HTTP answer came while the update was still waiting for Telegram.
      expect(api.answered).not.toContain("sendMessage");
      await until(() => api.answered.includes("sendMessage"));
      await until(() => bot.logs().includes("webhook: update still running, answered Telegram"));
      // Still alive and answering.
      expect((await post(port, JSON.stringify(startUpdate(22, 555_004)))).status).toBe(200);
      await until(() => sentTo(api, 555_004) === 1);
      expect(bot.proc.exitCode).toBeNull();
      expect(bot.errors()).toBe("");
    } finally {
      await api.close();
    }
  }, 60_000);

  it("SIGTERM during a burst: every update that got HTTP 200 was fully handled, later ones get 503", async () => {
    const api = await startBotApiServer({ delayMs: (method) => (method === "sendMessage" ? 400 : 0) });
    const port = await freePort();
    try {
      const bot = startBot({ BOT_API_ROOT: api.url, ...webhookEnv(port, { WEBHOOK_REPLY_MS: "100" }) });
      await until(() => api.calls.some((c) => c.method === "setWebhook"));
      const chats = Array.from({ length: 30 }, (_, i) => 556_000 + i);
      const answers: Promise<{ chat: number; status: number }>[] = [];
      for (const [i, chat] of chats.entries()) {
        answers.push(
          post(port, JSON.stringify(startUpdate(100 + i, chat))).then(
            (r) => ({ chat, status: r.status }),
            () => ({ chat, status: 0 }),
          ),
        );
        if (i === 15) bot.proc.kill("SIGTERM");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const results = await Promise.all(answers);
      const [code] = await once(bot.proc, "close");
      expect(code).toBe(0);
      const ok = results.filter((r) => r.status === 200);
      expect(ok.length).toBeGreaterThan(0);
      for (const { chat } of ok) expect(sentTo(api, chat)).toBe(1);
      // Refused ones were not handled: Telegram sends them again.
      for (const r of results.filter((x) => x.status !== 200)) expect(sentTo(api, r.chat)).toBe(0);
      expect(bot.logs()).toContain("shutting down");
    } finally {
      await api.close();
    }
  }, 60_000);

  it("health, readiness and Prometheus metrics on the HTTP port, in polling mode too; SIGTERM stops it cleanly", async () => {
    const api = await startBotApiServer();
    const port = await freePort();
    try {
      const bot = startBot({ BOT_API_ROOT: api.url, PORT: String(port) });
      api.push(startUpdate(31, 555_031));
      await until(() => sentTo(api, 555_031) === 1);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ redis: true, knowledge: true, receiving: true });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/qdb_updates_total\{type="message"\} 1/);
      expect(metrics).toContain("qdb_update_handler_seconds_bucket");
      expect(metrics).toContain("qdb_reports_created_this_year");
      expect(metrics).toContain("qdb_broadcast_sends_total");
      expect(metrics).toContain("qdb_chat_lock_waits_total");
      expect(metrics).toContain("qdb_redis_errors_total");
      expect((await fetch(`${base}/nothing`)).status).toBe(404);
      // SIGTERM in polling mode: the long poll is aborted, the process closes everything and exits 0.
      bot.proc.kill("SIGTERM");
      const [code] = await once(bot.proc, "close");
      expect(code).toBe(0);
      expect(bot.logs()).toContain('"msg":"stopped"');
    } finally {
      await api.close();
    }
  }, 60_000);

  it("polling: a 401 from getUpdates is one clear line and a clean stop, no stack trace", async () => {
    const api = await startBotApiServer({
      fail: (method) =>
        method === "getUpdates" ? { error_code: 401, description: "Unauthorized" } : undefined,
    });
    try {
      const bot = startBot({ BOT_API_ROOT: api.url });
      const [code] = await once(bot.proc, "close");
      expect(code).toBe(1);
      expect(bot.logs()).toContain("Telegram refused BOT_TOKEN (401 Unauthorized)");
      expect(bot.logs()).not.toMatch(/\n\s+at /);
      expect(bot.errors()).toBe("");
    } finally {
      await api.close();
    }
  }, 60_000);

  it("polling: a 409 Conflict and a Telegram outage are logged once each and polling goes on", async () => {
    let conflicts = 1;
    let down = false;
    const api = await startBotApiServer({
      fail: (method) => {
        if (method !== "getUpdates") return undefined;
        if (conflicts-- > 0)
          return { error_code: 409, description: "Conflict: terminated by other getUpdates" };
        return down ? { error_code: 502, description: "Bad Gateway" } : undefined;
      },
    });
    try {
      const bot = startBot({ BOT_API_ROOT: api.url });
      await until(() => bot.logs().includes("409 Conflict"));
      api.push(startUpdate(41, 555_041));
      await until(() => sentTo(api, 555_041) === 1);
      down = true;
      const failedBefore = api.calls.filter((c) => c.method === "getUpdates").length;
      await until(() => api.calls.filter((c) => c.method === "getUpdates").length >= failedBefore + 4);
      down = false;
      const back = Date.now();
      api.push(startUpdate(42, 555_042));
      await until(() => sentTo(api, 555_042) === 1);
      // A figure, not an assertion (a loaded machine delays timers): the retry interval is 500 ms.
      console.log(`polling: answered ${Date.now() - back} ms after Telegram came back`);
      await until(() => (bot.logs().match(/Telegram answers again/g)?.length ?? 0) === 2);
      const logs = bot.logs();
      expect(logs.match(/getUpdates failed/g)?.length).toBe(2); // the conflict, the outage
      expect(logs).not.toMatch(/\n\s+at /);
      expect(bot.errors()).toBe("");
      expect(bot.proc.exitCode).toBeNull();
    } finally {
      await api.close();
    }
  }, 60_000);

  it("BOT_ROLE=worker takes no updates and is ready", async () => {
    const api = await startBotApiServer();
    const port = await freePort();
    try {
      const bot = startBot({ BOT_API_ROOT: api.url, BOT_ROLE: "worker", PORT: String(port) });
      await until(() => bot.logs().includes("bot started"));
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(api.calls.some((c) => c.method === "getUpdates" || c.method === "setWebhook")).toBe(false);
    } finally {
      await api.close();
    }
  }, 60_000);

  it("production without a token: one line and exit 1, no terminal chat", async () => {
    const bot = startBot({ BOT_TOKEN: "", NODE_ENV: "production" });
    const [code] = await once(bot.proc, "close");
    expect(code).toBe(1);
    expect(bot.errors().trim()).toBe(
      "config: BOT_TOKEN is required when NODE_ENV=production (the terminal chat needs --chat)",
    );
    expect(bot.logs()).toBe("");
  }, 30_000);
});
