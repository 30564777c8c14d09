import { Redis } from "ioredis";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * A Redis client whose every key lives under a prefix of its own (`test:<name>:<random>:`), so test
 * files run in parallel on one server without meeting; `cleanup()` deletes the prefix and quits.
 */
export async function testRedis(
  name: string,
): Promise<{ redis: Redis; prefix: string; cleanup: () => Promise<void> }> {
  const prefix = `test:${name}:${Math.random().toString(36).slice(2, 8)}:`;
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  await redis.ping();
  const cleanup = async () => {
    await deletePrefix(prefix);
    redis.disconnect();
  };
  return { redis, prefix, cleanup };
}

/** Deletes every key under a prefix (SCAN ignores ioredis' keyPrefix, so a plain client does it). */
export async function deletePrefix(prefix: string): Promise<void> {
  const plain = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let cursor = "0";
  do {
    const [next, keys] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) await plain.del(...keys);
  } while (cursor !== "0");
  plain.disconnect();
}
