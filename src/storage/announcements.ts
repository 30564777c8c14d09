import type { Redis } from "ioredis";
import type { Announcement, Knowledge } from "../knowledge/index.js";
import type { Logger } from "../logger.js";

/** Every published update, id -> JSON, so the knowledge can be rebuilt after a restart. */
const KEY = "announcements";

/**
 * The channel that tells every instance a new update was published. Pub/sub channels are not
 * prefixed by ioredis, so the key prefix is added by hand (several bots on one Redis stay apart).
 */
export function announcementChannel(redis: Redis): string {
  return `${redis.options.keyPrefix ?? ""}announcements:published`;
}

/**
 * Stores a published update (idempotent: the id is the key) and tells the other instances, in one
 * round trip; an instance that misses the message (reconnecting) reloads the hash on reconnect.
 */
export async function saveAnnouncement(redis: Redis, announcement: Announcement): Promise<void> {
  const results = await redis
    .multi()
    .hset(KEY, announcement.id, JSON.stringify(announcement))
    .publish(announcementChannel(redis), announcement.id)
    .exec();
  const failed = results?.find(([error]) => error);
  if (!results || failed) throw failed?.[0] ?? new Error("announcements: the save was discarded");
}

/** One stored update, or undefined. */
export async function getAnnouncement(redis: Redis, id: string): Promise<Announcement | undefined> {
  const raw = await redis.hget(KEY, id);
  return raw ? (JSON.parse(raw) as Announcement) : undefined;
}

/** All stored updates, oldest first. */
export async function listAnnouncements(redis: Redis): Promise<Announcement[]> {
  const all = Object.values(await redis.hgetall(KEY)).map((raw) => JSON.parse(raw) as Announcement);
  return all.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Re-adds the stored updates to the in-memory knowledge at start-up, so questions about them are
 * answered after a restart too. A broken entry is logged and skipped, never fatal.
 */
export async function loadAnnouncements(
  deps: {
    redis: Redis;
    knowledge: Knowledge;
    logger: Logger;
  },
  /** Ids already in the knowledge: skipped, and the loaded ones are added to it. */
  known: Set<string> = new Set(),
): Promise<number> {
  let loaded = 0;
  for (const announcement of await listAnnouncements(deps.redis)) {
    if (known.has(announcement.id)) continue;
    known.add(announcement.id);
    try {
      deps.knowledge.addAnnouncement(announcement);
      loaded++;
    } catch (error) {
      deps.logger.warn({ err: error, id: announcement.id }, "announcements: skipped a stored update");
    }
  }
  return loaded;
}

/**
 * Keeps this instance's knowledge in step with every other instance: loads the stored updates,
 * then adds each one published anywhere as its message arrives (well under a second), and reloads
 * what it missed whenever its subscriber connection comes back. Returns a stop function.
 */
export async function watchAnnouncements(deps: {
  redis: Redis;
  knowledge: Knowledge;
  logger: Logger;
}): Promise<() => Promise<void>> {
  const { redis, knowledge, logger } = deps;
  const known = new Set<string>();
  const subscriber = redis.duplicate();
  subscriber.on("error", (error: Error) => logger.debug({ err: error }, "announcements: subscriber error"));
  const channel = announcementChannel(redis);
  const add = async (id: string) => {
    if (known.has(id)) return;
    const announcement = await getAnnouncement(redis, id);
    if (!announcement) return;
    known.add(id);
    knowledge.addAnnouncement(announcement);
    logger.info({ id }, "announcements: published elsewhere, now answerable here");
  };
  subscriber.on("message", (from: string, id: string) => {
    if (from !== channel) return;
    add(id).catch((error: unknown) => logger.warn({ err: error, id }, "announcements: could not add"));
  });
  let first = true;
  subscriber.on("ready", () => {
    if (first) return;
    loadAnnouncements(deps, known).catch((error: unknown) =>
      logger.warn({ err: error }, "announcements: reload after reconnect failed"),
    );
  });
  await subscriber.subscribe(channel);
  first = false;
  const count = await loadAnnouncements(deps, known);
  logger.debug({ count }, "announcements loaded");
  return async () => {
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}
