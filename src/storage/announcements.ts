import type { Redis } from "ioredis";
import type { Announcement, Knowledge } from "../knowledge/index.js";
import type { Logger } from "../logger.js";

/** Every published update, id -> JSON, so the knowledge can be rebuilt after a restart. */
const KEY = "announcements";

/** Stores a published update (idempotent: the id is the key). */
export async function saveAnnouncement(redis: Redis, announcement: Announcement): Promise<void> {
  await redis.hset(KEY, announcement.id, JSON.stringify(announcement));
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
export async function loadAnnouncements(deps: {
  redis: Redis;
  knowledge: Knowledge;
  logger: Logger;
}): Promise<number> {
  let loaded = 0;
  for (const announcement of await listAnnouncements(deps.redis)) {
    try {
      deps.knowledge.addAnnouncement(announcement);
      loaded++;
    } catch (error) {
      deps.logger.warn({ err: error, id: announcement.id }, "announcements: skipped a stored update");
    }
  }
  return loaded;
}
