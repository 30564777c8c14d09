import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, type SessionFlavor, session } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatGate } from "../../src/bot/chat-lock.js";
import type { BotDeps } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { createBotI18n } from "../../src/bot/i18n.js";
import { type ApiCall, LOCAL_BOT_INFO, LocalBotApi } from "../../src/bot/local-bot-api.js";
import { parseConfig } from "../../src/config.js";
import { publishUpdate } from "../../src/delivery/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { startHttpServer } from "../../src/server/http.js";
import { createMetrics } from "../../src/server/metrics.js";
import { updateRuntime } from "../../src/server/update-runtime.js";
import { webhookHandler } from "../../src/server/webhook.js";
import { watchAnnouncements } from "../../src/storage/announcements.js";
import { sessionStorage } from "../../src/storage/session.js";
import { subscribe, topicsOf } from "../../src/storage/subscriptions.js";
import { testRedis } from "../support/redis.js";

/**
 * Several instances on one Redis, in one process: each "instance" is a bot of its own (its own
 * sequentialize, its own Bot API transport), as two processes behind a load balancer would be.
 */
let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("instances")));
afterAll(() => cleanup());

const TOKEN = "1234567:TEST-TOKEN-0123456789abcdef";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let nextUpdateId = 1;

type CounterContext = Context & SessionFlavor<{ n: number }>;

/** A bot that counts its chat's messages in the session, slowly (read, wait, write). */
function counterInstance(withGate: boolean) {
  const api = new LocalBotApi();
  const bot = new Bot<CounterContext>(TOKEN, { botInfo: LOCAL_BOT_INFO, client: { fetch: api.fetch } });
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  if (withGate) bot.use(chatGate(redis, { lockMs: 5000, waitMs: 30_000 }));
  bot.use(
    session({
      initial: () => ({ n: 0 }),
      getSessionKey: (ctx) => `counter:${withGate}:${ctx.chatId}`,
      storage: sessionStorage<{ n: number }>(redis),
    }),
  );
  bot.on("message", async (ctx) => {
    await sleep(5);
    ctx.session.n += 1;
  });
  return bot;
}

const text = (chatId: number, body: string): Update => ({
  update_id: nextUpdateId++,
  message: {
    message_id: nextUpdateId,
    date: 0,
    chat: { id: chatId, type: "private", first_name: "Б" },
    from: { id: chatId, is_bot: false, first_name: "Бақыт", language_code: "ru" },
    text: body,
    ...(body.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: body.length }] } : {}),
  } as never,
});

async function counterAfter(withGate: boolean, updates: number): Promise<number> {
  const [a, b] = [counterInstance(withGate), counterInstance(withGate)];
  const chat = 700_000 + (withGate ? 1 : 2);
  await Promise.all(
    Array.from({ length: updates }, (_, i) => (i % 2 ? a : b).handleUpdate(text(chat, `m${i}`))),
  );
  const raw = await redis.get(`counter:${withGate}:${chat}`);
  return (JSON.parse(raw ?? "{}") as { n?: number }).n ?? 0;
}

describe("the chat lock across instances", () => {
  it("keeps a session counter exact under interleaved updates of one chat on two instances", async () => {
    expect(await counterAfter(true, 40)).toBe(40);
  });

  it("keeps it exact in webhook mode too: updates posted over HTTP to two instances in turn", async () => {
    const logger = pino({ level: "silent" });
    const servers = await Promise.all(
      [counterInstance(true), counterInstance(true)].map(async (bot) => {
        await bot.init();
        return startHttpServer({
          port: 0,
          logger,
          metrics: createMetrics(),
          ready: async () => ({}),
          webhook: {
            path: "/hook",
            handle: webhookHandler({
              secret: "secret-secret-secret",
              replyMs: 60_000, // the answer waits for the update: the count is read right after
              handle: (update) => bot.handleUpdate(update),
              logger,
              closing: () => false,
            }),
          },
        });
      }),
    );
    try {
      const chat = 700_005;
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fetch(`http://127.0.0.1:${servers[i % 2]?.port}/hook`, {
            method: "POST",
            headers: { "x-telegram-bot-api-secret-token": "secret-secret-secret" },
            body: JSON.stringify(text(chat, `m${i}`)),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(JSON.parse((await redis.get(`counter:true:${chat}`)) ?? "{}")).toEqual({ n: 30 });
    } finally {
      for (const server of servers) await server.close();
    }
  });

  it("(the control: without the lock the same run loses updates)", async () => {
    expect(await counterAfter(false, 40)).toBeLessThan(40);
  });

  it("processes one update id once, though both instances receive it at the same time", async () => {
    const [a, b] = [counterInstance(true), counterInstance(true)];
    const update = text(700_003, "twice");
    await Promise.all([a.handleUpdate(update), b.handleUpdate(structuredClone(update))]);
    await a.handleUpdate(structuredClone(update));
    expect(JSON.parse((await redis.get("counter:true:700003")) ?? "{}")).toEqual({ n: 1 });
  });

  it("lets a waiting update go on without the lock when its chat stays locked past the bounded wait", async () => {
    const api = new LocalBotApi();
    const bot = new Bot(TOKEN, { botInfo: LOCAL_BOT_INFO, client: { fetch: api.fetch } });
    const waits: boolean[] = [];
    bot.use(chatGate(redis, { lockMs: 60_000, waitMs: 200, onWait: (_ms, locked) => waits.push(locked) }));
    let handled = 0;
    bot.on("message", () => {
      handled++;
    });
    // A crashed instance's lock, still valid for a minute.
    await redis.set("lock:chat:700004", "someone-else", "PX", 60_000);
    await bot.handleUpdate(text(700_004, "hello"));
    expect(handled).toBe(1);
    expect(waits).toEqual([false]);
    await redis.del("lock:chat:700004");
  });
});

/** Two production-shaped instances (createBot + the runtime middleware) on the same Redis. */
function instances() {
  const knowledge = loadKnowledge();
  const calls: { call: ApiCall; result: unknown }[] = [];
  const make = (name: string) => {
    const deps: BotDeps = {
      config: parseConfig({ LOG_LEVEL: "silent", ADMIN_IDS: "1", MODERATOR_CHAT_ID: "-100777" }),
      logger: pino({ level: "silent" }),
      redis,
      knowledge,
      i18n: createBotI18n(),
      now: () => new Date(),
    };
    const api = new LocalBotApi();
    api.onCall((call, result) =>
      calls.push({ call: { ...call, payload: { ...call.payload, via: name } }, result }),
    );
    const metrics = createMetrics();
    const bot = createBot(TOKEN, deps, {
      botInfo: LOCAL_BOT_INFO,
      client: { fetch: api.fetch },
      rateLimit: { limit: 10_000, timeFrameMs: 1000 },
      runtime: updateRuntime({ redis, logger: deps.logger, metrics }),
    });
    return { bot, deps, metrics };
  };
  return { a: make("a"), b: make("b"), calls };
}

describe("a conversation across instances", () => {
  it("a report begun on instance A is finished on instance B (steps alternate between them)", async () => {
    const { a, b, calls } = instances();
    const user = 700_010;
    const chat = { id: user, type: "private" as const, first_name: "Бақыт" };
    const from = { id: user, is_bot: false, first_name: "Бақыт", language_code: "ru" };
    let turn = 0;
    const next = () => (turn++ % 2 ? b : a).bot;
    const toUser = () => calls.filter((c) => Number(c.call.payload.chat_id) === user);
    const press = async (label: RegExp) => {
      const shown = toUser()
        .reverse()
        .find((c) => (c.call.payload.reply_markup as { inline_keyboard?: unknown })?.inline_keyboard);
      const markup = shown?.call.payload.reply_markup as
        | { inline_keyboard: { text: string; callback_data: string }[][] }
        | undefined;
      const buttons = markup?.inline_keyboard.flat() ?? [];
      const button = buttons.find((x) => label.test(x.text));
      if (!button || !shown)
        throw new Error(`test: no button ${label} in ${buttons.map((x) => x.text).join(", ")}`);
      const messageId =
        Number(shown.call.payload.message_id ?? 0) || (shown.result as { message_id: number }).message_id;
      await next().handleUpdate({
        update_id: nextUpdateId++,
        callback_query: {
          id: String(nextUpdateId),
          from,
          chat_instance: "x",
          data: button.callback_data,
          message: { message_id: messageId, date: 0, chat, text: "" },
        },
      } as Update);
    };
    const send = (body: string) => next().handleUpdate(text(user, body));

    await send("/report");
    await press(/Павлодарская/);
    await press(/Иртышский район/);
    await send("с. Иртышск");
    await press(/Kcell/);
    await press(/Мобильный 4G/);
    await press(/Низкая скорость/);
    await send("1,5");
    await press(/Пропустить/); // no screenshot
    await next().handleUpdate({
      update_id: nextUpdateId++,
      message: { message_id: 5, date: 0, chat, from, location: { latitude: 52.1, longitude: 76.9 } },
    } as Update);
    await send("По вечерам почти не грузится");
    expect(String(toUser().at(-1)?.call.payload.text)).toContain("Проверьте обращение");
    await press(/Отправить/);
    if (toUser().some((c) => /согласие/.test(JSON.stringify(c.call.payload.reply_markup ?? ""))))
      await press(/согласие/);
    const texts = toUser().map((c) => String(c.call.payload.text ?? ""));
    expect(texts.join("\n")).toMatch(/R-\d{4}-\d{6}/);
    // Both instances took part.
    expect(new Set(toUser().map((c) => c.call.payload.via))).toEqual(new Set(["a", "b"]));
    const moderators = calls.filter((c) => Number(c.call.payload.chat_id) === -100777);
    expect(moderators.length).toBe(1);
  });
});

describe("announcements across instances", () => {
  it("an update published on instance A is answerable on instance B at once, and after a restart", async () => {
    const question = "Где оператор запустил 5G в марте 2027 года?";
    const a = loadKnowledge();
    const b = loadKnowledge();
    const logger = pino({ level: "silent" });
    const depsA: BotDeps = {
      config: parseConfig({ LOG_LEVEL: "silent" }),
      logger,
      redis,
      knowledge: a,
      i18n: createBotI18n(),
      now: () => new Date("2027-03-01T09:00:00Z"),
    };
    const stopB = await watchAnnouncements({ redis, knowledge: b, logger });
    try {
      expect(b.ask(question).kind).toBe("none");
      const { id } = await publishUpdate(depsA, {
        topic: "mobile",
        ru: "1 марта 2027 года оператор Tele2 запустил сеть 5G в Туркестане.",
        kk: "2027 жылғы 1 наурызда Tele2 операторы Түркістанда 5G желісін іске қосты.",
        adminChat: 1,
        adminLang: "ru",
      });
      const published = Date.now();
      const answeredBy = (k: ReturnType<typeof loadKnowledge>) => {
        const reply = k.ask(question);
        return reply.kind === "answer" && reply.sources.some((s) => s.doc === `announcement:${id}`);
      };
      while (!answeredBy(b)) {
        if (Date.now() - published > 10_000)
          throw new Error("test: instance B never learnt the announcement");
        await sleep(5);
      }
      console.log(`announcements: answerable on the other instance after ${Date.now() - published} ms`);
      // A restarted instance loads it from Redis.
      const restarted = loadKnowledge();
      const stop = await watchAnnouncements({ redis, knowledge: restarted, logger });
      expect(answeredBy(restarted)).toBe(true);
      await stop();
    } finally {
      await stopB();
    }
  });
});

describe("my_chat_member", () => {
  it("a user who blocks the bot is unsubscribed at once; unblocking is noticed", async () => {
    const { a } = instances();
    const user = 700_020;
    await subscribe(redis, user, "digitel", "ru");
    await subscribe(redis, user, "mobile", "ru");
    const member = (status: "kicked" | "member"): Update =>
      ({
        update_id: nextUpdateId++,
        my_chat_member: {
          chat: { id: user, type: "private", first_name: "Д" },
          from: { id: user, is_bot: false, first_name: "Д" },
          date: 0,
          old_chat_member: { user: LOCAL_BOT_INFO, status: status === "kicked" ? "member" : "kicked" },
          new_chat_member: {
            user: LOCAL_BOT_INFO,
            status,
            ...(status === "kicked" ? { until_date: 0 } : {}),
          },
        },
      }) as Update;
    await a.bot.handleUpdate(member("kicked"));
    expect(await topicsOf(redis, user)).toEqual([]);
    await a.bot.handleUpdate(member("member"));
    const metrics = await a.metrics.registry.getSingleMetricAsString("qdb_updates_total");
    expect(metrics).toContain('qdb_updates_total{type="my_chat_member"} 2');
  });
});
