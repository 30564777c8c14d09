import { Queue, Worker } from "bullmq";
import { Api } from "grammy";
import type { Cluster, Redis } from "ioredis";
import type { BotDeps } from "../bot/context.js";
import type { Language } from "../bot/i18n.js";
import { loadAnnouncements, saveAnnouncement } from "../storage/announcements.js";
import { isCluster } from "../storage/redis.js";
import type { Topic } from "../storage/subscriptions.js";
import {
  createBroadcast,
  getBroadcast,
  markCancelled,
  type Outcome,
  recipientPages,
  recordIfOpen,
  setProgressMessage,
} from "./broadcasts.js";
import {
  concurrencyFor,
  FANOUT_QUEUE,
  type FanoutJob,
  fanoutProcessor,
  limiterFor,
  recordGivenUp,
  SEND_ATTEMPTS,
  SEND_QUEUE,
  type SendJob,
  sendJobId,
  sendProcessor,
  showProgress,
  type WorkerEnv,
} from "./worker.js";

export type { BroadcastState } from "./broadcasts.js";
export { getBroadcast, recentBroadcasts } from "./broadcasts.js";
export {
  BROADCAST_CANCEL_DATA,
  BROADCAST_REFRESH_DATA,
  RESUBSCRIBE_DATA,
  renderProgress,
  renderUpdate,
  UNSUBSCRIBE_DATA,
} from "./render.js";

/** Background delivery of broadcasts; stop() lets in-flight work finish before shutdown. */
export interface Delivery {
  /** Resolves true once the queues answer, false when delivery is unavailable (no usable Redis). */
  ready: Promise<boolean>;
  stop(): Promise<void>;
}

/** Tuning for tests and benchmarks; production uses the defaults. */
export interface DeliveryOptions {
  /** Parallel sends per process (default concurrencyFor(BROADCAST_RATE): 8 at 25/s). */
  concurrency?: number;
  /** BullMQ's job lock, and so how soon a crashed worker's jobs run again. */
  lockDurationMs?: number;
  /** At most one progress edit per this many ms. */
  progressIntervalMs?: number;
  /** First retry delay of a transient failure (doubles each time). */
  backoffMs?: number;
  /** Run no workers in this process (a bot instance that only enqueues). */
  producerOnly?: boolean;
  /** Re-add the stored announcements to the knowledge (default; main.ts watches them instead). */
  loadAnnouncements?: boolean;
  /** Called with each recipient's outcome (metrics). */
  onOutcome?: (outcome: Outcome) => void;
}

interface Runtime {
  env: WorkerEnv;
  fanoutQueue: Queue<FanoutJob>;
}

const runtimes = new WeakMap<Redis, Promise<Runtime | undefined>>();

/**
 * BullMQ's key prefix: under the app's own keyPrefix, since BullMQ refuses clients that have one.
 * On a cluster the app's prefix starts with the `{qdb}` hash tag, so BullMQ's keys (and its Lua
 * scripts' keys) share one slot as BullMQ requires.
 */
export function bullPrefix(redis: Redis): string {
  return `${redis.options.keyPrefix ?? ""}bull`;
}

/** A connection for BullMQ: no keyPrefix, and no retry cap per request (workers block). */
function bullConnection(redis: Redis): Redis {
  if (isCluster(redis)) {
    const cluster = redis as unknown as Cluster;
    return cluster.duplicate([], {
      keyPrefix: "",
      lazyConnect: false,
      redisOptions: { ...cluster.options.redisOptions, maxRetriesPerRequest: null },
    }) as unknown as Redis;
  }
  // Nor the bot client's auto-pipelining: BullMQ batches its own commands.
  return redis.duplicate({
    keyPrefix: "",
    maxRetriesPerRequest: null,
    lazyConnect: false,
    enableAutoPipelining: false,
  });
}

/**
 * Starts the broadcast queues and workers for this process, and re-adds the stored announcements
 * to the knowledge. Never throws: when BullMQ cannot work on this Redis (the terminal chat's
 * in-memory stand-in) it warns once and the bot goes on without delivery.
 */
export function startDelivery(deps: BotDeps, api: Api, options: DeliveryOptions = {}): Delivery {
  const { logger, redis } = deps;
  if (options.loadAnnouncements !== false)
    loadAnnouncements(deps).then(
      (count) => logger.debug({ count }, "announcements loaded"),
      (error: unknown) => logger.warn({ err: error }, "announcements could not be loaded"),
    );
  const connections: Redis[] = [];
  const closers: (() => Promise<unknown>)[] = [];

  const init = async (): Promise<Runtime | undefined> => {
    // BullMQ needs a client without keyPrefix and, for workers, without a retry cap per request.
    const connection = bullConnection(redis);
    connection.on("error", (error: Error) => logger.debug({ err: error }, "delivery connection error"));
    connections.push(connection);
    const prefix = bullPrefix(redis);
    const sendQueue = new Queue<SendJob>(SEND_QUEUE, {
      connection,
      prefix,
      defaultJobOptions: {
        attempts: SEND_ATTEMPTS,
        backoff: { type: "exponential", delay: options.backoffMs ?? 1000 },
        // Completed jobs stay a day: their ids keep a late re-run of the fan-out from adding them again.
        removeOnComplete: { age: 24 * 60 * 60 },
        removeOnFail: { age: 7 * 24 * 60 * 60 },
      },
    });
    const fanoutQueue = new Queue<FanoutJob>(FANOUT_QUEUE, {
      connection,
      prefix,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: "exponential", delay: 1000 },
        removeOnComplete: { age: 7 * 24 * 60 * 60 },
      },
    });
    closers.push(
      () => sendQueue.close(),
      () => fanoutQueue.close(),
    );
    for (const queue of [sendQueue, fanoutQueue])
      queue.on("error", (error: Error) => logger.debug({ err: error }, "delivery queue error"));
    try {
      // Round trips through what BullMQ's scripts need (Lua with cmsgpack): the in-memory Redis of
      // the terminal chat fails here, quickly, instead of hanging a worker later.
      await withTimeout(
        Promise.all([
          sendQueue.getJobCounts(),
          connection.eval("return cmsgpack.unpack(cmsgpack.pack(1))", 0),
        ]),
        5000,
      );
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "delivery: broadcasts are unavailable on this Redis; subscriptions and publishing still work",
      );
      return undefined;
    }
    const lockDuration = options.lockDurationMs ?? 30_000;
    const env: WorkerEnv = {
      deps,
      rate: deps.config.BROADCAST_RATE,
      // A plain Api over the same transport: no auto-retry transformer, so 429s reach the queue.
      api: new Api(api.token, { ...api.options, timeoutSeconds: Math.floor(lockDuration / 2000) || 1 }),
      sendQueue,
      leaseMs: lockDuration,
      progressIntervalMs: options.progressIntervalMs ?? 3000,
      backoffMs: options.backoffMs ?? 1000,
    };
    if (!options.producerOnly) {
      const common = {
        connection,
        prefix,
        lockDuration,
        stalledInterval: lockDuration,
        // A job survives a few crashes of its worker before BullMQ gives it up.
        maxStalledCount: 5,
      };
      const sendWorker = new Worker<SendJob>(SEND_QUEUE, sendProcessor(env), {
        ...common,
        concurrency: options.concurrency ?? concurrencyFor(deps.config.BROADCAST_RATE),
        // Global: the limiter lives in Redis and is shared by every worker of every instance.
        limiter: limiterFor(deps.config.BROADCAST_RATE),
      });
      const fanoutWorker = new Worker<FanoutJob>(FANOUT_QUEUE, fanoutProcessor(env), common);
      sendWorker.on("completed", (_job, outcome) => {
        if (outcome !== "duplicate") options.onOutcome?.(outcome);
      });
      sendWorker.on("failed", (job) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) options.onOutcome?.("failed");
        recordGivenUp(redis, job).catch((error: unknown) =>
          logger.warn({ err: error }, "delivery: mark failed"),
        );
      });
      for (const worker of [sendWorker, fanoutWorker]) {
        worker.on("error", (error: Error) => logger.warn({ err: error }, "delivery worker error"));
        closers.unshift(() => worker.close());
      }
    }
    return { env, fanoutQueue };
  };

  const runtime = init().catch((error: unknown) => {
    logger.warn({ err: error }, "delivery: could not start; broadcasts are unavailable");
    return undefined;
  });
  runtimes.set(redis, runtime);
  return {
    ready: runtime.then(Boolean),
    async stop() {
      await runtime;
      if (runtimes.get(redis) === runtime) runtimes.delete(redis);
      for (const close of closers) await close().catch(() => {});
      for (const connection of connections) await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/** The result of publishing: the announcement always; a broadcast only when delivery runs. */
export interface Published {
  id: string;
  broadcast: boolean;
}

/**
 * Publishes an update: stores it, makes it answerable at once, and (when delivery runs) creates a
 * broadcast in "preparing" state. Call startBroadcast once the admin's progress message exists.
 */
export async function publishUpdate(
  deps: BotDeps,
  input: { topic: Topic; ru: string; kk: string; adminChat: number; adminLang: Language },
): Promise<Published> {
  const now = deps.now();
  const id = `u${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const announcement = { id, topic: input.topic, date: now.toISOString(), ru: input.ru, kk: input.kk };
  await saveAnnouncement(deps.redis, announcement);
  try {
    deps.knowledge.addAnnouncement(announcement);
  } catch (error) {
    deps.logger.warn({ err: error, id }, "knowledge refused the announcement");
  }
  const runtime = await runtimes.get(deps.redis);
  if (!runtime) return { id, broadcast: false };
  await createBroadcast(deps.redis, { id, announcementId: id, ...input, now });
  return { id, broadcast: true };
}

/** Starts sending a broadcast created by publishUpdate; the progress message is edited as it goes. */
export async function startBroadcast(deps: BotDeps, id: string, progressMessage?: number): Promise<boolean> {
  const runtime = await runtimes.get(deps.redis);
  if (!runtime) return false;
  if (progressMessage !== undefined) await setProgressMessage(deps.redis, id, progressMessage);
  // The job id makes a second start (a replayed conversation step) a no-op.
  await runtime.fanoutQueue.add("fanout", { b: id }, { jobId: `fanout_${id}` });
  return true;
}

/**
 * Cancels a running broadcast: workers skip it from now on, and its waiting jobs are removed so
 * they do not use up the shared rate limit. Returns false if it had already ended.
 */
export async function cancelBroadcast(deps: BotDeps, id: string): Promise<boolean> {
  if (!(await markCancelled(deps.redis, id))) return false;
  const runtime = await runtimes.get(deps.redis);
  if (runtime) {
    const purge = async () => {
      for await (const page of recipientPages(deps.redis, id))
        for (const userId of page) {
          await runtime.env.sendQueue.remove(sendJobId(id, userId));
          // Whoever has no outcome yet is skipped; a send in flight keeps its claim and records itself.
          await recordIfOpen(deps.redis, id, userId, "skipped", Date.now());
        }
      await showProgress(runtime.env, id);
    };
    purge().catch((error: unknown) =>
      deps.logger.warn({ err: error, broadcast: id }, "cancel: purge failed"),
    );
  }
  return true;
}

/** Whether this process can send broadcasts (false in the terminal chat on in-memory Redis). */
export async function deliveryAvailable(deps: BotDeps): Promise<boolean> {
  return Boolean(await runtimes.get(deps.redis));
}

/** The state of a broadcast for the admin's status view, or undefined. */
export function broadcastState(deps: BotDeps, id: string) {
  return getBroadcast(deps.redis, id);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
