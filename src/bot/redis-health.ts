import type { Redis } from "ioredis";

/** Thrown instead of waiting on a Redis that is known to be down. */
export class RedisDownError extends Error {
  override name = "RedisDownError";
  constructor() {
    super("redis: not connected");
  }
}

const CONNECTION_TROUBLE =
  /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|connect ETIMEDOUT|Reached the max retries|redis: not connected/;

/** Whether an error means "Redis cannot be reached right now" (rather than a bug or bad data). */
export function isRedisError(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e.name === "MaxRetriesPerRequestError" || e instanceof RedisDownError) return true;
    if (CONNECTION_TROUBLE.test(e.message)) return true;
  }
  return false;
}

/**
 * Whether the client is connected. ioredis reports `ready`; the in-memory stand-in of the terminal
 * chat has no status and is always up.
 */
export function redisUp(redis: Redis): boolean {
  const status = (redis as { status?: string }).status;
  return status === undefined || status === "ready";
}

/**
 * Whether the client is known to have lost Redis (reconnecting after a drop, or closed). A client
 * still connecting for the first time is not: its commands wait in the offline queue and go out.
 */
export function redisLost(redis: Redis): boolean {
  const status = (redis as { status?: string }).status;
  return status === "reconnecting" || status === "close" || status === "end";
}
