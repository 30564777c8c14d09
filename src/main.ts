import { createServer } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { type Bot, webhookCallback } from "grammy";
import { startRetryLoops } from "./bot/background.js";
import { registerCommands } from "./bot/commands.js";
import type { BotContext, BotDeps } from "./bot/context.js";
import { createBot } from "./bot/create-bot.js";
import { createBotI18n } from "./bot/i18n.js";
import { runTerminalChat } from "./cli/chat.js";
import { type Config, ConfigError, parseConfig } from "./config.js";
import { startDelivery } from "./delivery/index.js";
import { loadKnowledge } from "./knowledge/index.js";
import { createLogger } from "./logger.js";
import { connectRedis, memoryRedis, RedisUnavailableError } from "./storage/redis.js";

/** Wiring only: config -> logger -> redis -> knowledge -> createBot -> run; shutdown. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const terminal = process.argv.includes("--chat") || !config.BOT_TOKEN;
  // The terminal chat owns stdout: logs go to stderr, and only warnings unless asked for more.
  const logger = terminal
    ? createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn", "stderr")
    : createLogger(config.LOG_LEVEL);
  const knowledge = loadKnowledge();
  const i18n = createBotI18n();

  if (terminal || !config.BOT_TOKEN) {
    const redis = await connectRedis(config.REDIS_URL).catch((error: Error) => {
      process.stderr.write(`${error.message}: the terminal chat keeps its state in memory, lost on exit.\n`);
      return memoryRedis();
    });
    await runTerminalChat(
      { config, logger, redis, knowledge, i18n, now: () => new Date() },
      process.stdin,
      process.stdout,
    );
    redis.disconnect();
    return;
  }

  const redis = await connectRedis(config.REDIS_URL);
  const deps: BotDeps = { config, logger, redis, knowledge, i18n, now: () => new Date() };
  const bot = createBot(config.BOT_TOKEN, deps, { client: { apiRoot: config.BOT_API_ROOT } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  await bot.init();
  await registerCommands(bot.api, i18n, logger);
  const delivery = startDelivery(deps, bot.api);
  const stopRetries = startRetryLoops(deps, bot.api);
  const stopReceiving = config.BOT_MODE === "webhook" ? await serveWebhook(bot, config) : poll(bot);
  logger.info({ mode: config.BOT_MODE, username: bot.botInfo.username }, "bot started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await stopReceiving();
    await stopRetries();
    await delivery.stop();
    await redis.quit();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/** Long polling with the runner: concurrent across chats, sequential within one (see createBot). */
function poll(bot: Bot<BotContext>): () => Promise<void> {
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } },
  });
  return () => runner.stop();
}

/** Webhook mode: Telegram's secret header is checked on every request by webhookCallback. */
async function serveWebhook(bot: Bot<BotContext>, config: Config): Promise<() => Promise<void>> {
  const handle = webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET });
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === new URL(config.WEBHOOK_URL ?? "https://x/").pathname)
      void handle(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  await bot.api.setWebhook(config.WEBHOOK_URL ?? "", { secret_token: config.WEBHOOK_SECRET });
  return () => new Promise((resolve) => server.close(() => resolve()));
}

main().catch((error: unknown) => {
  // Start-up errors are for an operator: one clear line, no stack trace for the expected ones.
  if (error instanceof ConfigError || error instanceof RedisUnavailableError)
    process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
