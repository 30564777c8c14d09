/**
 * A delivery worker in a process of its own, for the crash test and the benchmark: the same
 * startDelivery the bot runs, pointed at the Bot API stand-in with BOT_API_ROOT. Prints "ready"
 * once its workers run; a SIGKILL from the test is the crash.
 */
import { Api } from "grammy";
import { Redis } from "ioredis";
import pino from "pino";
import type { BotDeps } from "../../src/bot/context.js";
import { createBotI18n } from "../../src/bot/i18n.js";
import { parseConfig } from "../../src/config.js";
import { startDelivery } from "../../src/delivery/index.js";
import type { Knowledge } from "../../src/knowledge/index.js";

const config = parseConfig({ ...process.env, LOG_LEVEL: "warn" });
const redis = new Redis(config.REDIS_URL, { keyPrefix: process.env.TEST_KEY_PREFIX ?? "" });
// The knowledge is not what this process is about: announcements are only re-added to it.
const knowledge: Knowledge = {
  ask: () => ({ kind: "none", lang: "ru", reason: "no-answer", suggestions: [] }),
  addAnnouncement: () => {},
  addDocument: () => {},
  detectLanguage: () => "ru",
  inspect: () => undefined,
};
const deps: BotDeps = {
  config,
  logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "warn" }, pino.destination(2)),
  redis,
  knowledge,
  i18n: createBotI18n(),
  now: () => new Date(),
};
const delivery = startDelivery(
  deps,
  new Api("1234567:TEST-TOKEN-0123456789abcdef", { apiRoot: config.BOT_API_ROOT }),
  {
    lockDurationMs: Number(process.env.DELIVERY_LOCK_MS ?? 30_000),
    progressIntervalMs: 1000,
  },
);
if (!(await delivery.ready)) process.exit(2);
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void delivery.stop().then(() => {
    redis.disconnect();
    process.exit(0);
  });
});
