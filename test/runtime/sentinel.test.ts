import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../src/storage/redis.js";
import { createTestBot } from "../support/chat.js";
import { freePort, startRedis, stopRedisServers } from "../support/global-setup.js";

/**
 * REDIS_SENTINELS: a primary and one Sentinel on loopback; the bot finds the primary through the
 * Sentinel. Skipped, with the reason printed, only when redis-server or redis-cli is missing.
 */
const missing = ["redis-server", "redis-cli"].filter(
  (binary) => spawnSync(binary, ["--version"], { stdio: "ignore" }).error !== undefined,
);
if (missing.length) console.log(`sentinel test skipped: ${missing.join(" and ")} not installed`);

let dir: string;
const servers: ChildProcess[] = [];
let redis: Redis | undefined;

describe.skipIf(missing.length > 0)("through Redis Sentinel", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qdb-sentinel-"));
    const primary = await startRedis(dir);
    servers.push(primary.server);
    const port = await freePort();
    const conf = join(dir, "sentinel.conf");
    await writeFile(
      conf,
      [
        `port ${port}`,
        "bind 127.0.0.1",
        `dir ${dir}`,
        `sentinel monitor qdbprimary 127.0.0.1 ${primary.port} 1`,
        "sentinel down-after-milliseconds qdbprimary 2000",
      ].join("\n"),
    );
    const sentinel = spawn("redis-server", [conf, "--sentinel"], { stdio: "ignore" });
    servers.push(sentinel);
    for (let i = 0; ; i++) {
      const answer = spawnSync(
        "redis-cli",
        ["-p", String(port), "sentinel", "get-master-addr-by-name", "qdbprimary"],
        {
          encoding: "utf8",
        },
      );
      if (answer.stdout.includes(String(primary.port))) break;
      if (i > 100) throw new Error(`test: the sentinel on ${port} never knew the primary`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    redis = await connectRedis({
      url: "redis://unused",
      sentinels: { nodes: [{ host: "127.0.0.1", port }], name: "qdbprimary" },
      keyPrefix: "test:sentinel:",
    });
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await stopRedisServers(servers, dir);
  });

  it("finds the primary through the Sentinel and runs the bot on it", async () => {
    if (!redis) throw new Error("test: no connection");
    const user = createTestBot({ redis }).user({ id: 950, language_code: "kk" });
    await user.send("/start");
    expect(user.last.text).toContain("Сәлеметсіз бе");
    // The update's writes reached the primary (an empty session is not written: the rate counter is).
    expect(await redis.exists("ratelimit:950")).toBe(1);
  });
});
