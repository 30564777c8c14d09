import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatGate } from "../../src/bot/chat-lock.js";
import { LOCAL_BOT_INFO, LocalBotApi } from "../../src/bot/local-bot-api.js";
import { getBroadcast, startDelivery } from "../../src/delivery/index.js";
import { listAnnouncements } from "../../src/storage/announcements.js";
import { connectRedis } from "../../src/storage/redis.js";
import { topicsOf } from "../../src/storage/subscriptions.js";
import { sendReport } from "../features/report/helpers.js";
import { createTestBot } from "../support/chat.js";
import { freePort, startRedis, stopRedisServers } from "../support/global-setup.js";

/**
 * The core scenarios on a 3-master Redis Cluster formed on loopback (redis-server with
 * cluster-enabled, joined by `redis-cli --cluster create`), stopped afterwards. Skipped, with the
 * reason printed, only when the redis-server or redis-cli binary is missing.
 * QDB_CLUSTER_PORT_BASE=N uses ports N..N+2 (and their bus ports N+10000..) instead of free ones.
 */
const missing = ["redis-server", "redis-cli"].filter(
  (binary) => spawnSync(binary, ["--version"], { stdio: "ignore" }).error !== undefined,
);
if (missing.length) console.log(`cluster test skipped: ${missing.join(" and ")} not installed`);

let dir: string;
const servers: ChildProcess[] = [];
let ports: number[] = [];
let redis: Redis;

async function clusterPorts(): Promise<number[]> {
  const base = Number(process.env.QDB_CLUSTER_PORT_BASE ?? 0);
  if (base) return [base, base + 1, base + 2];
  const chosen: number[] = [];
  // A node also listens on its port + 10000 (the cluster bus): keep both under 65536.
  while (chosen.length < 3) {
    const port = await freePort();
    if (port < 55_000 && !chosen.includes(port)) chosen.push(port);
  }
  return chosen;
}

describe.skipIf(missing.length > 0)("on a Redis Cluster (3 masters on loopback)", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qdb-cluster-"));
    ports = await clusterPorts();
    for (const port of ports) {
      const { server } = await startRedis(
        dir,
        [
          "--cluster-enabled",
          "yes",
          "--cluster-config-file",
          `nodes-${port}.conf`,
          "--cluster-node-timeout",
          "2000",
        ],
        port,
      );
      servers.push(server);
    }
    const create = spawnSync(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...ports.map((p) => `127.0.0.1:${p}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { encoding: "utf8", timeout: 30_000 },
    );
    if (create.status !== 0) throw new Error(`test: cluster create failed: ${create.stdout}${create.stderr}`);
    for (const port of ports)
      for (let i = 0; ; i++) {
        const info = spawnSync("redis-cli", ["-p", String(port), "cluster", "info"], { encoding: "utf8" });
        if (info.stdout.includes("cluster_state:ok")) break;
        if (i > 100) throw new Error(`test: cluster on ${port} never became ok`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    redis = await connectRedis({
      url: "redis://unused",
      clusterNodes: ports.map((port) => ({ host: "127.0.0.1", port })),
      keyPrefix: "test:cluster:",
    });
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await stopRedisServers(servers, dir);
  });

  it("answers a question, takes a report, subscribes and publishes to subscribers", async () => {
    // The keys really are spread over a cluster of three masters.
    const nodes = (redis as unknown as { nodes(role: string): unknown[] }).nodes("master");
    expect(nodes).toHaveLength(3);

    const harness = createTestBot({ redis, env: { ADMIN_IDS: "9", MODERATOR_CHAT_ID: "-100900" } });
    const delivery = startDelivery(harness.deps, harness.bot.api, { progressIntervalMs: 100 });
    try {
      expect(await delivery.ready).toBe(true);
      const citizen = harness.user({ id: 901 });
      await citizen.send("Сколько сёл подключат к интернету по DigitEL?");
      expect(citizen.last.text).not.toBe("");

      // A report: Lua over several keys (draft, report, indexes) in one slot.
      const reference = await sendReport(harness.user({ id: 902 }));
      expect(reference).toMatch(/^R-\d{4}-\d{6}$/);
      expect(harness.api.calls.some((c) => Number(c.payload.chat_id) === -100900)).toBe(true);

      await citizen.send("/subscribe");
      await citizen.press(/DigitEL/);
      expect(await topicsOf(redis, 901)).toEqual(["digitel"]);

      const admin = harness.user({ id: 9 });
      await admin.send("/publish");
      await admin.press("DigitEL");
      await admin.send("Кластер: ещё 100 сёл подключены.");
      await admin.send("Кластер: тағы 100 ауыл қосылды.");
      await admin.press("Отправить");
      const [announcement] = await listAnnouncements(redis);
      const id = announcement?.id ?? "";
      for (let i = 0; (await getBroadcast(redis, id))?.status !== "done"; i++) {
        if (i > 300) throw new Error("test: the broadcast never finished on the cluster");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await getBroadcast(redis, id)).toMatchObject({ total: 1, sent: 1 });
      expect(citizen.all.some((m) => m.text.includes("Кластер: ещё 100 сёл подключены."))).toBe(true);
    } finally {
      await delivery.stop();
    }
  }, 60_000);

  it("runs the dedupe and chat lock script on the cluster", async () => {
    const api = new LocalBotApi();
    const bot = new Bot("1234567:TEST-TOKEN-0123456789abcdef", {
      botInfo: LOCAL_BOT_INFO,
      client: { fetch: api.fetch },
    });
    bot.use(chatGate(redis));
    let handled = 0;
    bot.on("message", () => {
      handled++;
    });
    const update = {
      update_id: 42,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private" as const, first_name: "К" },
        from: { id: 5, is_bot: false, first_name: "К" },
        text: "x",
      },
    };
    await Promise.all([bot.handleUpdate(update), bot.handleUpdate(structuredClone(update))]);
    expect(handled).toBe(1);
  });
});
