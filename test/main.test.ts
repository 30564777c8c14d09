import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startBotApiServer } from "./support/bot-api-server.js";

const root = join(import.meta.dirname, "..");
const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwx-yz_0123";
const redisUrl = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
redisUrl.pathname = "/13";
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

afterAll(async () => {
  const redis = new Redis(redisUrl.toString());
  await redis.flushdb(); // database 13 belongs to this file
  redis.disconnect();
});

function startBot(env: Record<string, string>) {
  const { BOT_TOKEN: _ignored, ...rest } = process.env;
  const proc = spawn(join(root, "node_modules", ".bin", "tsx"), ["src/main.ts"], {
    cwd: root,
    env: { ...rest, BOT_TOKEN: TOKEN, REDIS_URL: redisUrl.toString(), LOG_LEVEL: "warn", ...env },
  });
  let stdout = "";
  proc.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child = proc;
  return { proc, logs: () => stdout };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("test: timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const startUpdate = (updateId: number, chatId: number) => ({
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

describe("the bot process with a token", () => {
  it("polls BOT_API_ROOT, answers, and starts although setMyCommands is refused", async () => {
    const api = await startBotApiServer({ refuse: ["setMyCommands"] });
    try {
      const bot = startBot({ BOT_API_ROOT: api.url });
      api.push(startUpdate(1, 555_001));
      await until(() => api.calls.some((c) => c.method === "sendMessage"));
      const reply = api.calls.find((c) => c.method === "sendMessage");
      expect(reply?.payload.text).toContain("Сәлеметсіз бе, Әлия!");
      expect(api.calls.filter((c) => c.method === "setMyCommands").length).toBeGreaterThan(0);
      expect(bot.logs()).toContain("setMyCommands failed");
    } finally {
      await api.close();
    }
  }, 40_000);

  it("in webhook mode, takes updates only with the secret header", async () => {
    const api = await startBotApiServer();
    const port = 18_000 + Math.floor(Math.random() * 2000);
    try {
      startBot({
        BOT_API_ROOT: api.url,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.kz/telegram",
        WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
        PORT: String(port),
      });
      await until(() => api.calls.some((c) => c.method === "setWebhook"));
      expect(api.calls.find((c) => c.method === "setWebhook")?.payload.secret_token).toBe(
        "s3cret-s3cret-s3cret",
      );
      const post = (secret: string) =>
        fetch(`http://127.0.0.1:${port}/telegram`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          body: JSON.stringify(startUpdate(7, 555_002)),
        });
      expect((await post("wrong")).status).toBe(401);
      expect(api.calls.some((c) => c.method === "sendMessage")).toBe(false);
      expect((await post("s3cret-s3cret-s3cret")).status).toBe(200);
      await until(() => api.calls.some((c) => c.method === "sendMessage"));
    } finally {
      await api.close();
    }
  }, 40_000);
});
