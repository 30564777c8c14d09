import type { Redis } from "ioredis";
import type { Language } from "../bot/i18n.js";
import { isRedisError, redisUp } from "../bot/redis-health.js";

/** The programme topics one can subscribe to; labels are `sub-topic-<id>` in the locales. */
export const TOPICS = ["digitel", "mobile", "rural", "egov", "satellite"] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && (TOPICS as readonly string[]).includes(value);
}

/** Who follows a topic: a set of user ids (delivery snapshots it when a broadcast starts). */
export const topicKey = (topic: Topic): string => `sub:topic:${topic}`;
/** What a user follows: a set of topics, so /unsubscribe need not scan every topic set. */
const userKey = (userId: number): string => `sub:user:${userId}`;
/** The language each subscriber reads updates in. */
/** Hash: user id -> the language a subscriber reads updates in (read ahead by bot/prefetch.ts). */
export const SUBSCRIBER_LANGUAGES_KEY = "sub:lang";
const LANG_KEY = SUBSCRIBER_LANGUAGES_KEY;

/** The topics a user follows, in the order of TOPICS. */
export async function topicsOf(redis: Redis, userId: number): Promise<Topic[]> {
  const mine = new Set(await redis.smembers(userKey(userId)));
  return TOPICS.filter((topic) => mine.has(topic));
}

/** Subscribes a user to a topic and remembers the language they will get it in. */
export async function subscribe(redis: Redis, userId: number, topic: Topic, lang: Language): Promise<void> {
  await redis
    .multi()
    .sadd(topicKey(topic), String(userId))
    .sadd(userKey(userId), topic)
    .hset(LANG_KEY, String(userId), lang)
    .exec();
}

/** Unsubscribes a user from one topic; the language stays while they follow anything else. */
export async function unsubscribe(redis: Redis, userId: number, topic: Topic): Promise<void> {
  await redis.multi().srem(topicKey(topic), String(userId)).srem(userKey(userId), topic).exec();
  if ((await redis.scard(userKey(userId))) === 0) await redis.hdel(LANG_KEY, String(userId));
}

/** Flips one topic; returns whether the user now follows it. */
export async function toggleTopic(
  redis: Redis,
  userId: number,
  topic: Topic,
  lang: Language,
): Promise<boolean> {
  const following = (await redis.sismember(userKey(userId), topic)) === 1;
  if (following) await unsubscribe(redis, userId, topic);
  else await subscribe(redis, userId, topic, lang);
  return !following;
}

/** Removes every subscription of a user (/unsubscribe, or the user blocked the bot); returns how many. */
export async function unsubscribeAll(redis: Redis, userId: number): Promise<number> {
  const topics = (await redis.smembers(userKey(userId))).filter(isTopic);
  const tx = redis.multi();
  for (const topic of topics) tx.srem(topicKey(topic), String(userId));
  await tx.del(userKey(userId)).hdel(LANG_KEY, String(userId)).exec();
  return topics.length;
}

/** The language a subscriber reads updates in (undefined for someone who follows nothing). */
export async function languageOf(redis: Redis, userId: number): Promise<Language | undefined> {
  const lang = await redis.hget(LANG_KEY, String(userId));
  return lang === "ru" || lang === "kk" ? lang : undefined;
}

/**
 * Keeps a subscriber's delivery language in step with the language they use the bot in. One HGET
 * for everyone (none when the caller read the stored value already: `known`), a write only when a
 * subscriber's language actually changed.
 */
export async function rememberLanguage(
  redis: Redis,
  userId: number,
  lang: Language,
  known?: string | null,
): Promise<void> {
  // Runs on every update: while Redis is down it is skipped rather than failing the update.
  if (!redisUp(redis)) return;
  try {
    const stored = known !== undefined ? known : await redis.hget(LANG_KEY, String(userId));
    if (stored !== null && stored !== lang) await redis.hset(LANG_KEY, String(userId), lang);
  } catch (error) {
    if (!isRedisError(error)) throw error;
  }
}

/** How many users follow a topic. */
export function countSubscribers(redis: Redis, topic: Topic): Promise<number> {
  return redis.scard(topicKey(topic));
}

/** Whether a user still follows a topic (checked just before delivery). */
export async function follows(redis: Redis, userId: number, topic: Topic): Promise<boolean> {
  return (await redis.sismember(topicKey(topic), String(userId))) === 1;
}
