import type { Redis } from "ioredis";

/**
 * Erasure of what Redis holds about one user beyond the stores that index it themselves (reports,
 * subscriptions, session): votes on answers, broadcast receipts and the broadcast jobs that carried
 * the user id. These records are keyed by question or broadcast, not by user, so they are found by
 * SCAN; /deletemydata is rare, and a scan of a few thousand keys is cheap next to keeping an index
 * of every vote and receipt per user.
 */

/** Every key matching a pattern under the client's own prefix, returned without that prefix. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const prefix = redis.options.keyPrefix ?? "";
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}${pattern}`, "COUNT", 1000);
    cursor = next;
    for (const key of batch) keys.push(key.slice(prefix.length));
  } while (cursor !== "0");
  return keys;
}

/** Removes the user's 👍/👎 from every answer (`ask:votes:<question>` hashes keyed by user id). */
export async function eraseVotes(redis: Redis, userId: number): Promise<number> {
  let removed = 0;
  for (const key of await scanKeys(redis, "ask:votes:*")) {
    if ((await redis.type(key)) === "hash") removed += await redis.hdel(key, String(userId));
  }
  return removed;
}

/** Removes the user from every broadcast's recipients and receipts (`bc:<id>:rcpt`, `bc:<id>:marks`). */
export async function eraseReceipts(redis: Redis, userId: number): Promise<number> {
  let removed = 0;
  for (const key of await scanKeys(redis, "bc:*")) {
    if (key.endsWith(":marks")) removed += await redis.hdel(key, String(userId));
    else if (key.endsWith(":rcpt")) removed += await redis.srem(key, String(userId));
  }
  return removed;
}

const JOB_LISTS = ["completed", "failed", "delayed", "wait", "paused", "prioritized", "active"];

/**
 * Removes the broadcast send jobs addressed to the user (`<broadcast>_<user>` in BullMQ's keys and
 * event stream): their data is the user id. `bullPrefix` is delivery's BullMQ prefix, queue the
 * send queue's name. Jobs still waiting are removed too: the user asked not to be written to.
 */
export async function eraseSendJobs(
  redis: Redis,
  bullPrefix: string,
  queue: string,
  userId: number,
): Promise<number> {
  // BullMQ's keys live outside ioredis' keyPrefix (bullPrefix already includes it).
  const plain = redis.duplicate({ keyPrefix: "" });
  try {
    const base = `${bullPrefix}:${queue}:`;
    const suffix = `_${userId}`;
    const jobIds = new Set<string>();
    let cursor = "0";
    do {
      const [next, batch] = await plain.scan(cursor, "MATCH", `${base}*${suffix}*`, "COUNT", 1000);
      cursor = next;
      for (const key of batch) {
        const id = key.slice(base.length).replace(/:logs$/, "");
        if (id.endsWith(suffix)) jobIds.add(id);
      }
    } while (cursor !== "0");
    if (jobIds.size === 0) return 0;
    const tx = plain.multi();
    for (const id of jobIds) {
      tx.del(`${base}${id}`, `${base}${id}:logs`, `${base}${id}:lock`);
      for (const list of JOB_LISTS) {
        tx.zrem(`${base}${list}`, id);
        tx.lrem(`${base}${list}`, 0, id);
      }
    }
    // zrem/lrem on a key of the other type fail one by one; the rest of the transaction goes on.
    await tx.exec();
    // The event stream names the jobs too.
    const events = await plain.xrange(`${base}events`, "-", "+");
    const ids = events.filter(([, fields]) => fields.some((f) => jobIds.has(f))).map(([id]) => id);
    if (ids.length) await plain.xdel(`${base}events`, ...ids);
    return jobIds.size;
  } finally {
    plain.disconnect();
  }
}
