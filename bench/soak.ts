/**
 * Soak (`npm run soak`, not part of npm test): 200,000 mixed updates — every update type, malformed
 * ones, and real button presses that walk reports, subscriptions and admin flows — through
 * createBot with the strict Bot API stand-in and a real Redis (REDIS_URL, own key prefix, deleted
 * at the end). Reports RSS after warm-up and at the end (growth must stay under 10%), throughput,
 * refused calls, and Redis bytes per user.
 *
 *   npm run soak                       200,000 updates, 2,000 users
 *   SOAK_UPDATES=20000 npm run soak    a shorter run
 */
import { Redis } from "ioredis";
import { FUZZ_ADMIN, FUZZ_MOD_CHAT, prng, setFuzzUsers } from "../test/fuzz/generate.js";
import { fuzz } from "../test/fuzz/run.js";
import { createTestBot } from "../test/support/chat.js";
import { deletePrefix } from "../test/support/redis.js";

const TOTAL = Number(process.env.SOAK_UPDATES ?? 200_000);
const USERS = Number(process.env.SOAK_USERS ?? 2_000);
const SEED = Number(process.env.SOAK_SEED ?? 7);
const WARM_UP = Math.min(20_000, Math.floor(TOTAL / 10));
const CHUNK = 10_000;

const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `soak:${Math.random().toString(36).slice(2, 8)}:`;
const redis = new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
setFuzzUsers(USERS);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;
// Stopped early (Ctrl-C, a timeout): the soak's keys still go.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void deletePrefix(prefix).finally(() => process.exit(130));
  });

try {
  const harness = createTestBot({
    redis,
    env: { ADMIN_IDS: String(FUZZ_ADMIN), MODERATOR_CHAT_ID: String(FUZZ_MOD_CHAT) },
  });
  const rng = prng(SEED);
  // The stand-in keeps every call and message for tests; a soak must not measure that, so it forgets.
  const trim = () => harness.api.reset();
  const started = performance.now();
  let done = 0;
  let refused = 0;
  let notModified = 0;
  let thrown = 0;
  let rssWarm = 0;
  const samples: string[] = [];
  while (done < TOTAL) {
    const size = Math.min(done < WARM_UP ? WARM_UP - done : CHUNK, TOTAL - done);
    const report = await fuzz(harness, rng, size, done + 1, 16, false);
    trim();
    done += size;
    thrown += report.thrown.length;
    for (const [description, n] of report.rejected) {
      if (/not modified/.test(description)) notModified += n;
      else refused += n;
    }
    gc?.();
    const rss = process.memoryUsage().rss;
    if (done === WARM_UP) rssWarm = rss;
    samples.push(`${done}:${mb(rss)}MB`);
    process.stderr.write(
      `  ${done} updates, RSS ${mb(rss)} MB, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = process.memoryUsage().rss;
  const growth = rssWarm ? ((rssEnd - rssWarm) / rssWarm) * 100 : 0;

  // Redis footprint: every key under the prefix, and the users that wrote.
  const plain = new Redis(url);
  let bytes = 0;
  let keys = 0;
  let cursor = "0";
  do {
    const [next, batch] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    for (const key of batch) {
      bytes += Number((await plain.call("MEMORY", "USAGE", key)) ?? 0);
      keys++;
    }
  } while (cursor !== "0");
  plain.disconnect();

  console.log("# soak");
  console.log(
    `  updates: ${TOTAL} (seed ${SEED}, ${USERS} users) in ${seconds.toFixed(0)} s, ${(TOTAL / seconds).toFixed(0)} updates/s`,
  );
  console.log(
    `  RSS after warm-up (${WARM_UP}): ${mb(rssWarm)} MB; at the end: ${mb(rssEnd)} MB; growth ${growth.toFixed(1)}% (limit 10%)`,
  );
  console.log(`  RSS samples: ${samples.join(" ")}`);
  console.log(
    `  refused calls: ${refused}; "not modified" edits taken as done: ${notModified}; errors thrown: ${thrown}`,
  );
  console.log(`  Redis: ${keys} keys, ${mb(bytes)} MB, ${(bytes / USERS).toFixed(0)} bytes per user`);
  if (growth >= 10 || refused > 0 || thrown > 0) process.exitCode = 1;
} finally {
  await deletePrefix(prefix);
  redis.disconnect();
}
