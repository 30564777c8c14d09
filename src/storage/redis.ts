import { createHash } from "node:crypto";
import { Cluster, Redis, type RedisOptions } from "ioredis";

/** Thrown when Redis cannot be reached at start-up. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/** Where the bot's state lives: one server, a primary found through Sentinels, or a cluster. */
export interface RedisTarget {
  url: string;
  /** Seed nodes of a Redis Cluster; when given, `url` is not used. */
  clusterNodes?: { host: string; port: number }[] | undefined;
  /** Sentinels and the name of the primary they monitor; when given, `url` is not used. */
  sentinels?: { nodes: { host: string; port: number }[]; name: string } | undefined;
  /** Put before every key; see `clusterKeyPrefix` for what a cluster adds. */
  keyPrefix?: string;
}

/**
 * On a cluster every key of the bot carries one hash tag, `{qdb}`, so the multi-key commands and
 * Lua scripts of every feature (reports, broadcasts, the chat lock) stay in one slot without each
 * store naming its own tags; BullMQ's prefix is derived from it and so is braced too. The price:
 * the bot's data sits on one master (with its replicas); the cluster gives failover, not sharding
 * (see the README, "What scales how").
 */
export function clusterKeyPrefix(prefix = ""): string {
  return `{qdb}:${prefix}`;
}

/**
 * Connects to Redis (one server, through Sentinels, or a Redis Cluster) and proves it answers before the bot starts, so a bot with
 * a token never runs without the store that keeps reports (fail fast, no silent fallback).
 *
 * A cluster client is returned under the `Redis` type: ioredis' Cluster has the same command API,
 * and what differs (duplicate(), options) is handled where it is used (`isCluster`).
 */
export async function connectRedis(target: RedisTarget | string, options: RedisOptions = {}): Promise<Redis> {
  const {
    url,
    clusterNodes,
    sentinels,
    keyPrefix = "",
  } = typeof target === "string" ? { url: target } : target;
  let started = false;
  // Give up on the first connection quickly; once running, reconnect with a capped back-off.
  const retry = (attempt: number): number | null =>
    !started && attempt > 2 ? null : Math.min(attempt * 200, 2000);
  const common: RedisOptions = {
    lazyConnect: true,
    connectTimeout: 3000,
    retryStrategy: retry,
    maxRetriesPerRequest: 3,
    // Commands issued in the same tick (many updates in flight) share one socket write.
    enableAutoPipelining: true,
    ...options,
  };
  const redis = clusterNodes
    ? (new Cluster(clusterNodes, {
        lazyConnect: true,
        keyPrefix: clusterKeyPrefix(keyPrefix),
        redisOptions: {
          connectTimeout: common.connectTimeout,
          maxRetriesPerRequest: common.maxRetriesPerRequest,
        },
        clusterRetryStrategy: retry,
      }) as unknown as Redis)
    : sentinels
      ? new Redis({
          ...common,
          sentinels: sentinels.nodes,
          name: sentinels.name,
          sentinelRetryStrategy: retry,
          keyPrefix: options.keyPrefix ?? keyPrefix,
        })
      : new Redis(url, { ...common, keyPrefix: options.keyPrefix ?? keyPrefix });
  redis.on("error", () => {}); // reported by the connect() below, by a failing command, or by metrics
  try {
    await redis.connect();
    await redis.ping();
    started = true;
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    const list = (nodes: { host: string; port: number }[]) =>
      nodes.map((n) => `${n.host}:${n.port}`).join(",");
    const where = clusterNodes
      ? `the cluster at ${list(clusterNodes)}`
      : sentinels
        ? `primary ${sentinels.name} through the Sentinels at ${list(sentinels.nodes)}`
        : redactUrl(url);
    throw new RedisUnavailableError(`redis: cannot reach ${where} (${reason})`);
  }
  return redis;
}

/** Whether a client is a Redis Cluster client. */
export function isCluster(redis: Redis): boolean {
  return (redis as unknown as { isCluster?: boolean }).isCluster === true;
}

/** The key prefix a client puts before every key (a cluster keeps it under its own options). */
export function keyPrefixOf(redis: Redis): string {
  return redis.options.keyPrefix ?? "";
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//***@");
}

/**
 * A Lua script run by EVALSHA (EVAL once when the server does not have it cached yet: NOSCRIPT),
 * with its reply checked: `validate` returns undefined for a reply the script cannot give, which
 * then throws instead of flowing on as a wrong type.
 *
 * Not ioredis' defineCommand: with auto-pipelining, a command defined on a client after the
 * pending auto-pipeline was created is missing from that pipeline, its reply slot goes missing and
 * ioredis throws "results[i] is not iterable" outside any promise, which killed the bot process
 * (`npm run bench`, questions, about one run in three: the first updates of a burst each defining
 * a script of the chat gate or the question log). EVALSHA and EVAL are ordinary commands.
 */
export function luaScript<T>(
  name: string,
  lua: string,
  validate: (reply: unknown) => T | undefined,
): (redis: Redis, keys: string[], args?: (string | number)[]) => Promise<T> {
  const sha = createHash("sha1").update(lua).digest("hex");
  return async (redis, keys, args = []) => {
    let reply: unknown;
    try {
      reply = await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && /NOSCRIPT|No matching script/i.test(error.message))) throw error;
      reply = await redis.eval(lua, keys.length, ...keys, ...args);
    }
    const value = validate(reply);
    if (value === undefined)
      throw new Error(`redis: script ${name} gave an unexpected reply ${JSON.stringify(reply)}`);
    return value;
  };
}

/** Validators for luaScript: an integer reply, or one of some strings. */
export const replyIs = {
  integer: (reply: unknown): number | undefined => (Number.isInteger(reply) ? (reply as number) : undefined),
  oneOf:
    <S extends string | number>(...allowed: S[]) =>
    (reply: unknown): S | undefined =>
      allowed.includes(reply as S) ? (reply as S) : undefined,
};
