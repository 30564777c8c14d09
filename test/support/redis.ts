import { Redis } from "ioredis";

/**
 * The Redis the tests use: REDIS_URL, which the global setup sets to a private server when it was
 * not given (the fallback serves `npm run bench`, which runs outside vitest).
 */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
}

/** A key prefix of its own for a test file or a process a test starts: `test:<name>:<random>:`. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${Math.random().toString(36).slice(2, 8)}:`;
}

/**
 * A Redis client whose every key lives under a prefix of its own, so test files run in parallel on
 * one server without meeting; `cleanup()` deletes the prefix and quits. No test flushes a database.
 */
export async function testRedis(
  name: string,
): Promise<{ redis: Redis; prefix: string; cleanup: () => Promise<void> }> {
  const prefix = uniquePrefix(name);
  const redis = new Redis(testRedisUrl(), { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  await redis.ping();
  const cleanup = async () => {
    await deletePrefix(prefix);
    redis.disconnect();
  };
  return { redis, prefix, cleanup };
}

/** Deletes every key under a prefix (SCAN ignores ioredis' keyPrefix, so a plain client does it). */
export async function deletePrefix(prefix: string): Promise<void> {
  const plain = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  let cursor = "0";
  do {
    const [next, keys] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) await plain.del(...keys);
  } while (cursor !== "0");
  plain.disconnect();
}
