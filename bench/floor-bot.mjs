// The floor of `npm run bench -- throughput`: a bare grammY bot with @grammyjs/runner and
// @grammyjs/storage-redis sessions that replies with a fixed text. Plain JavaScript so that its
// cold start pays for no transpiler, as the bot's compiled dist/main.js does not.
// Reads BOT_TOKEN, BOT_API_ROOT, REDIS_URL.
import { run } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, session } from "grammy";
import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.BOT_API_ROOT } });
bot.use(session({ initial: () => ({ messages: 0 }), storage: new RedisAdapter({ instance: redis }) }));
bot.on("message", async (ctx) => {
  ctx.session.messages++;
  await ctx.reply("Спасибо, сообщение получено.");
});
const runner = run(bot, {
  runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } },
});
const stop = () => void runner.stop().then(() => redis.quit().then(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
