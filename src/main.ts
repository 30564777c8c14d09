// first: modules below build grammY composers when they load
import "./bot/composer-speedups.js";
import { fileURLToPath } from "node:url";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type Bot, GrammyError } from "grammy";
import { startRetryLoops } from "./bot/background.js";
import { registerCommands } from "./bot/commands.js";
import type { BotContext, BotDeps } from "./bot/context.js";
import { createBot } from "./bot/create-bot.js";
import { createBotI18n } from "./bot/i18n.js";
import { type Config, ConfigError, parseConfig } from "./config.js";
import { type Delivery, startDelivery } from "./delivery/index.js";
import { type LoadOptions, loadKnowledge } from "./knowledge/index.js";
import { cachedKnowledge } from "./knowledge/reply-cache.js";
import { createLogger, type Logger } from "./logger.js";
import { limitHeapGrowth } from "./server/heap.js";
import { startHttpServer } from "./server/http.js";
import { InFlight } from "./server/in-flight.js";
import { countedKnowledge, createMetrics } from "./server/metrics.js";
import { startPolling } from "./server/polling.js";
import { updateRuntime } from "./server/update-runtime.js";
import { webhookHandler } from "./server/webhook.js";
import { watchAnnouncements } from "./storage/announcements.js";
import { connectRedis, type RedisTarget, RedisUnavailableError } from "./storage/redis.js";

/** Set by the production build (scripts/build.mjs) to its own id; undefined when run from src/ by tsx. */
declare const __QDB_BUILD__: string | undefined;

/**
 * The knowledge as the build saved it (dist/knowledge.bin, written while the build warms up the
 * bundle): loaded instead of analysing the dictionary and the texts at every start, and only by
 * the build that wrote it and for the seeds it was written from (src/knowledge/snapshot.ts).
 */
const knowledgeOptions = (write = false): LoadOptions => ({
  ...(typeof __QDB_BUILD__ === "string"
    ? {
        snapshot: {
          file: fileURLToPath(new URL("./knowledge.bin", import.meta.url)),
          build: __QDB_BUILD__,
          write,
        },
      }
    : {}),
  ...(process.env.QDB_KNOWLEDGE_DEBUG === "1"
    ? { loaded: (from: string) => process.stderr.write(`knowledge: ${from}\n`) }
    : {}),
});

/** The updates the bot handles; polling and setWebhook ask Telegram for the same list. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/**
 * Wiring only: config -> logger -> redis -> knowledge -> createBot -> run; shutdown.
 * Without a token (and not in production), or with --chat, the same bot runs as a terminal chat.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const chat = process.argv.includes("--chat");
  if (!chat && config.NODE_ENV === "production" && !config.BOT_TOKEN)
    throw new ConfigError(
      "config: BOT_TOKEN is required when NODE_ENV=production (the terminal chat needs --chat)",
    );
  if (chat || !config.BOT_TOKEN) return terminal(config);
  return serve(config, config.BOT_TOKEN);
}

function redisTarget(config: Config): RedisTarget {
  return {
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    keyPrefix: config.REDIS_KEY_PREFIX,
  };
}

/** The terminal chat: the same bot on piped or typed input; Redis if it answers, else memory. */
async function terminal(config: Config): Promise<void> {
  // The chat owns stdout: logs go to stderr, and only warnings unless asked for more.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn", "stderr");
  // Loaded only here: production never needs the terminal chat or its in-memory Redis stand-in.
  const { memoryRedis, runTerminalChat } = await import("./cli/chat.js");
  const redis = await connectRedis(redisTarget(config)).catch(async (error: Error) => {
    process.stderr.write(`${error.message}: the terminal chat keeps its state in memory, lost on exit.\n`);
    return memoryRedis();
  });
  await runTerminalChat(
    {
      config,
      logger,
      redis,
      knowledge: loadKnowledge(undefined, knowledgeOptions()),
      i18n: createBotI18n(),
      now: () => new Date(),
    },
    process.stdin,
    process.stdout,
  );
  redis.disconnect();
}

/** A production process: the bot (polling or webhook), the broadcast workers, or both (BOT_ROLE). */
async function serve(config: Config, token: string): Promise<void> {
  // Before the knowledge is built: its full collection is the first to set the heap's next limit.
  limitHeapGrowth();
  const logger = createLogger(config.LOG_LEVEL);
  // A stray rejection is a bug to log, not a reason to drop every update in flight.
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason }, "unhandled rejection (still running)"),
  );

  const redis = await connectRedis(redisTarget(config));
  const metrics = createMetrics({ redis });
  redis.on("error", () => metrics.redisErrors.inc());
  const knowledge = countedKnowledge(cachedKnowledge(loadKnowledge(undefined, knowledgeOptions())), metrics);
  const deps: BotDeps = { config, logger, redis, knowledge, i18n: createBotI18n(), now: () => new Date() };
  const runsBot = config.BOT_ROLE !== "worker";
  const inFlight = new InFlight();
  let closing = false;
  let receiving = !runsBot;

  let bot: Bot<BotContext> | undefined;
  let stopWatching = async () => {};
  if (runsBot) {
    // Retry replies after 429 and 5xx; never getUpdates, which polling retries fast on its own.
    const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 });
    bot = createBot(token, deps, {
      client: { apiRoot: config.BOT_API_ROOT },
      runtime: updateRuntime({ redis, logger, metrics }),
      apiRetry: (prev, method, payload, signal) =>
        method === "getUpdates" ? prev(method, payload, signal) : retry(prev, method, payload, signal),
    });
    await bot.init();
    // Three setMyCommands round trips to Telegram: the menu need not be in place before polling.
    registerCommands(bot.api, deps.i18n, logger).catch((error: unknown) =>
      logger.warn({ err: error }, "the command menu was not registered"),
    );
    stopWatching = await watchAnnouncements(deps);
    // Every update this process handles is followed, so shutdown can wait for it.
    const handleUpdate = bot.handleUpdate.bind(bot);
    bot.handleUpdate = (update, webhookReply) => inFlight.track(handleUpdate(update, webhookReply));
  }

  const delivery: Delivery = startDelivery(
    deps,
    bot?.api ?? new Api(token, { apiRoot: config.BOT_API_ROOT }),
    {
      producerOnly: config.BOT_ROLE === "bot",
      loadAnnouncements: false,
      onOutcome: (outcome) => metrics.broadcastSends.inc({ outcome }),
    },
  );
  // The moderators' outbox and the queue of replies Telegram could not take, retried until delivered.
  const stopRetries = bot ? startRetryLoops(deps, bot.api) : async () => {};
  const receiver = bot;
  const http = await startHttpServer({
    port: config.PORT,
    logger,
    metrics,
    ready: async () => ({
      redis: await redis
        .ping()
        .then(() => true)
        .catch(() => false),
      knowledge: true,
      receiving: receiving && !closing,
    }),
    ...(receiver && config.BOT_MODE === "webhook"
      ? {
          webhook: {
            path: new URL(config.WEBHOOK_URL).pathname,
            handle: webhookHandler({
              secret: config.WEBHOOK_SECRET,
              replyMs: config.WEBHOOK_REPLY_MS,
              handle: (update) => receiver.handleUpdate(update),
              logger,
              closing: () => closing,
              onStatus: (status) => metrics.webhookRequests.inc({ status }),
            }),
          },
        }
      : {}),
  });

  let stopReceiving = async () => {};
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    await stopRetries();
    await stopGracefully({
      signal,
      logger,
      config,
      inFlight,
      stopReceiving,
      delivery,
      stopWatching,
      http,
      redis,
    });
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  if (receiver && config.BOT_MODE === "webhook") {
    await receiver.api.setWebhook(config.WEBHOOK_URL, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } else if (receiver) {
    // Telegram refuses getUpdates while a webhook is set (a switch from webhook mode).
    await receiver.api.deleteWebhook();
    stopReceiving = startPolling(receiver, {
      allowedUpdates: ALLOWED_UPDATES,
      logger,
      onUnauthorized: () => void shutdown("401 from Telegram", 1),
    });
  }
  receiving = true;
  logger.info(
    { mode: config.BOT_MODE, role: config.BOT_ROLE, port: http.port, username: bot?.botInfo.username },
    "bot started",
  );
}

/**
 * SIGTERM/SIGINT: stop taking updates (polling stops fetching; the webhook answers 503, so Telegram
 * sends those again, to another instance or after the restart), finish the updates in flight and
 * the broadcast sends (bounded by SHUTDOWN_TIMEOUT_MS), then close the queues and Redis. An update
 * Telegram got 200 for is never cut off unless the deadline passes (then it is logged).
 */
async function stopGracefully(s: {
  signal: string;
  logger: Logger;
  config: Config;
  inFlight: InFlight;
  stopReceiving: () => Promise<void>;
  delivery: Delivery;
  stopWatching: () => Promise<void>;
  http: { close(): Promise<void> };
  redis: BotDeps["redis"];
}): Promise<void> {
  const deadline = Date.now() + s.config.SHUTDOWN_TIMEOUT_MS;
  const left = () => Math.max(0, deadline - Date.now());
  s.logger.info({ signal: s.signal, in_flight: s.inFlight.size }, "shutting down");
  await s.stopReceiving().catch((error: unknown) => s.logger.warn({ err: error }, "shutdown: stop polling"));
  const unfinished = await s.inFlight.drain(left());
  if (unfinished) s.logger.warn({ unfinished }, "shutdown: updates still running at the deadline");
  await within(s.delivery.stop(), left());
  await within(s.stopWatching(), left());
  await within(s.http.close(), Math.min(left(), 1000));
  await s.redis.quit().catch(() => s.redis.disconnect());
  s.logger.info("stopped");
}

function within(task: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    task.catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The build's last step (scripts/build.mjs) runs the bundle with QDB_CODE_CACHE_WARMUP=1 to record
 * V8's code cache of what start-up compiles: every module is loaded (they are, by the time this
 * line runs), then the knowledge and the locales are built once from the seeds, the knowledge
 * saved as this build's snapshot; nothing starts.
 */
function warmUp(): void {
  loadKnowledge(undefined, knowledgeOptions(true));
  createBotI18n();
}

if (process.env.QDB_CODE_CACHE_WARMUP === "1") warmUp();
else main().catch(failed);

function failed(error: unknown): never {
  // Start-up errors are for an operator: one clear line, no stack trace for the expected ones.
  if (error instanceof ConfigError || error instanceof RedisUnavailableError)
    process.stderr.write(`${error.message}\n`);
  else if (error instanceof GrammyError)
    process.stderr.write(`start-up failed: Telegram answered ${error.method}: ${error.description}\n`);
  else
    process.stderr.write(
      `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
}
