import { Redis, type RedisOptions } from "ioredis";

/** Thrown when Redis cannot be reached at start-up. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * Connects to Redis and proves it answers before the bot starts, so a bot with a token never
 * runs without the store that keeps reports (fail fast, no silent fallback).
 */
export async function connectRedis(url: string, options: RedisOptions = {}): Promise<Redis> {
  let started = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    // Give up on the first connection quickly; once running, reconnect with a capped back-off.
    retryStrategy: (attempt: number): number | null =>
      !started && attempt > 2 ? null : Math.min(attempt * 200, 2000),
    maxRetriesPerRequest: 3,
    // Commands issued in the same tick (many updates in flight) share one socket write.
    enableAutoPipelining: true,
    ...options,
  });
  redis.on("error", () => {}); // reported by the connect() below or by the failing command
  try {
    await redis.connect();
    await redis.ping();
    started = true;
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnavailableError(`redis: cannot reach ${redactUrl(url)} (${reason})`);
  }
  return redis;
}

/**
 * An in-memory stand-in with the same API, for the terminal chat on a machine without Redis.
 * Loaded on demand: the bot itself never needs it, and it costs its start ~0.1-0.5 s.
 */
export async function memoryRedis(): Promise<Redis> {
  const { default: RedisMock } = await import("ioredis-mock");
  return new RedisMock() as unknown as Redis;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//***@");
}
