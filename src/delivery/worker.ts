import { type Job, type Queue, Worker } from "bullmq";
import { type Api, GrammyError } from "grammy";
import type { Redis } from "ioredis";
import type { BotDeps } from "../bot/context.js";
import type { Announcement } from "../knowledge/index.js";
import { getAnnouncement } from "../storage/announcements.js";
import { unsubscribeAll } from "../storage/subscriptions.js";
import {
  type BroadcastState,
  countRateLimited,
  finishIfComplete,
  getBroadcast,
  markFannedOut,
  type Outcome,
  pauseSends,
  prepareSend,
  progressTick,
  recipientPages,
  recordIfOpen,
  recordOutcomeAndNext,
  releaseRecipient,
  snapshotRecipients,
  statusOf,
  takeSendSlot,
} from "./broadcasts.js";
import { renderProgress, renderUpdate } from "./render.js";

/** One job per broadcast: enqueues one send job per recipient. */
export const FANOUT_QUEUE = "broadcast-fanout";
/** One job per (broadcast, recipient), drained at the global rate. */
export const SEND_QUEUE = "broadcast-send";

export interface FanoutJob {
  b: string;
}
export interface SendJob {
  b: string;
  u: number;
}

/** Transient failures (5xx, network) are retried this many times with exponential back-off. */
export const SEND_ATTEMPTS = 5;

/** The send job's id: BullMQ ignores an add whose id exists, so a re-run fan-out adds nothing twice. */
export function sendJobId(broadcastId: string, userId: number): string {
  // BullMQ rejects custom ids with a single ":" (it reserves them for repeatable jobs).
  return `${broadcastId}_${userId}`;
}

/**
 * BullMQ's limiter: a ceiling of twice the rate, in windows of about 1/10 s, not the pace itself.
 * The pace is takeSendSlot's (evenly spaced slots, taken ahead). BullMQ's limiter counts in fixed
 * windows and a worker only starts the next window when it wakes after the last one ended, so at
 * exactly the rate each window lost a wake-up and a round trip (0.71-0.92 of the rate in
 * `npm run bench`, worse under load), and a sliding second could hold one window too many. It stays
 * as the ceiling because `sendQueue.rateLimit` (a 429's pause) works through it.
 */
export function limiterFor(ratePerSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.round(ratePerSecond / 10));
  return { max: 2 * max, duration: Math.round((1000 * max) / ratePerSecond) };
}

/**
 * Parallel sends per process: enough that the sends waiting for their slot cover a send's round
 * trips (Redis and Telegram, ~100 ms) at the configured rate.
 */
export function concurrencyFor(ratePerSecond: number): number {
  return Math.max(8, Math.ceil(ratePerSecond / 4));
}

/** What the workers need; `api` is a plain Api without auto-retry (the queue does the retrying). */
export interface WorkerEnv {
  deps: BotDeps;
  /** Sends per second for the whole bot (BROADCAST_RATE). */
  rate: number;
  api: Api;
  sendQueue: Queue<SendJob>;
  /** How long a send claim stays valid: as long as BullMQ's job lock. */
  leaseMs: number;
  progressIntervalMs: number;
  backoffMs: number;
}

/** Edits the admin's progress message; failures (message gone, not modified, 429) are not fatal. */
export async function showProgress(env: WorkerEnv, id: string): Promise<void> {
  const state = await getBroadcast(env.deps.redis, id);
  if (!state?.progressMessage) return;
  const view = renderProgress(env.deps.i18n, state.adminLang, state);
  await env.api
    .editMessageText(state.adminChat, state.progressMessage, view.text, { reply_markup: view.reply_markup })
    .catch((error: unknown) => env.deps.logger.debug({ err: error, broadcast: id }, "progress edit failed"));
}

/** The fan-out processor: snapshot the recipients, enqueue one job each, idempotently. */
export function fanoutProcessor(env: WorkerEnv) {
  const { redis } = env.deps;
  return async (job: Job<FanoutJob>): Promise<number> => {
    const id = job.data.b;
    const state = await getBroadcast(redis, id);
    if (!state) return 0;
    if (state.status !== "cancelled") {
      const total = await snapshotRecipients(redis, id, state.topic);
      env.deps.logger.info({ broadcast: id, total }, "broadcast fan-out");
      for await (const page of recipientPages(redis, id)) {
        if ((await statusOf(redis, id)) === "cancelled") break;
        await env.sendQueue.addBulk(
          page.map((u) => ({ name: "send", data: { b: id, u }, opts: { jobId: sendJobId(id, u) } })),
        );
      }
    }
    await markFannedOut(redis, id);
    await afterOutcome(env, id, true);
    return state.total;
  };
}

/**
 * The send processor. Exactly once per (broadcast, recipient) rests on two marks in Redis around
 * the Telegram call (see PREPARE in broadcasts.ts):
 * - before: a claim "sending:<lease end>"; a recipient with an outcome is never sent to again, and
 *   a live claim of another worker (BullMQ handed a stalled job on while the first worker still
 *   runs) makes this attempt wait and retry instead of sending in parallel;
 * - after: the outcome, in the same transaction as its counter.
 * The window that remains: Telegram accepted the message and the process died before the outcome
 * was written (one Redis round trip, well under a millisecond on a local network). The job then
 * runs again once its lock (and so the claim's lease) has expired, and the recipient gets a second
 * copy. The opposite choice (never resend after a crash mid-send) would instead lose the message
 * for everyone whose request never reached Telegram, which is the more common case of the two
 * (a crash while waiting for Telegram's answer). Answers that prove Telegram did not send (429,
 * 5xx) release the claim at once.
 */
export function sendProcessor(env: WorkerEnv) {
  const { redis, logger, i18n } = env.deps;
  const texts = new Map<string, Announcement | undefined>();
  const textOf = async (announcementId: string) => {
    if (!texts.has(announcementId)) {
      if (texts.size > 100) texts.clear();
      texts.set(announcementId, await getAnnouncement(redis, announcementId));
    }
    return texts.get(announcementId);
  };
  /** What never changes in a broadcast (its topic and text), read once per broadcast. */
  const broadcasts = new Map<string, Pick<BroadcastState, "topic" | "announcementId"> | undefined>();
  const broadcastOf = async (id: string) => {
    if (!broadcasts.has(id)) {
      if (broadcasts.size > 100) broadcasts.clear();
      const state = await getBroadcast(redis, id);
      // An unknown id is read again next time: it may be a broadcast still being created.
      if (!state) return undefined;
      broadcasts.set(id, { topic: state.topic, announcementId: state.announcementId });
    }
    return broadcasts.get(id);
  };
  /** Until when this process sends nothing (a 429's retry_after; sends waiting for a slot see it). */
  let pausedUntil = 0;
  /** Waits for the send's slot (the global pace), and takes a new one if a 429 paused sends meanwhile. */
  const waitForSlot = async (firstWaitMs: number) => {
    for (let wait = firstWaitMs; ; wait = await takeSendSlot(redis, env.rate)) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (Date.now() >= pausedUntil) return;
    }
  };
  const finish = async (id: string, userId: number, outcome: Outcome) => {
    const next = await recordOutcomeAndNext(redis, id, userId, outcome, env.progressIntervalMs);
    if (next === "finished") logger.info({ broadcast: id }, "broadcast finished");
    if (next !== "none") await showProgress(env, id);
    return outcome;
  };

  /** A send Telegram refused: blocked, rate limited (the queue pauses), or failed (retried when transient). */
  const failed = async (job: Job<SendJob>, error: unknown): Promise<Outcome> => {
    const { b: id, u: userId } = job.data;
    if (error instanceof GrammyError && error.error_code === 403) {
      // Blocked the bot or deleted the account: never retried, and no longer a subscriber.
      await unsubscribeAll(redis, userId);
      return finish(id, userId, "blocked");
    }
    if (error instanceof GrammyError && error.error_code === 429) {
      // Pause the whole queue (every worker, every instance) for retry_after; the job goes back
      // to waiting without using up an attempt.
      const seconds = error.parameters.retry_after ?? 1;
      pausedUntil = Math.max(pausedUntil, Date.now() + seconds * 1000);
      await pauseSends(redis, seconds * 1000);
      await releaseRecipient(redis, id, userId);
      await countRateLimited(redis, id);
      await env.sendQueue.rateLimit(seconds * 1000);
      logger.warn({ broadcast: id, retry_after: seconds }, "Telegram rate limit: queue paused");
      throw Worker.RateLimitError();
    }
    const transient = !(error instanceof GrammyError) || error.error_code >= 500;
    if (!transient) {
      logger.warn({ err: error, broadcast: id, user: userId }, "update not delivered");
      return finish(id, userId, "failed");
    }
    // 5xx or network: Telegram most likely did not send; back off and try again.
    await releaseRecipient(redis, id, userId);
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      logger.warn({ err: error, broadcast: id, user: userId }, "update not delivered after retries");
      return finish(id, userId, "failed");
    }
    throw error;
  };

  /*
   * Round trips of one send: BullMQ's move to active, the preparation (claim, cancelled?, still
   * following?, language, the slot: one script), Telegram, the outcome (with the finish check and
   * the progress tick: one script), BullMQ's move to finished (which fetches the next job).
   */
  return async (job: Job<SendJob>): Promise<Outcome | "duplicate"> => {
    const { b: id, u: userId } = job.data;
    const state = await broadcastOf(id);
    const announcement = state && (await textOf(state.announcementId));
    if (!state || !announcement) return "duplicate";
    const ready = await prepareSend(redis, {
      id,
      userId,
      topic: state.topic,
      nowMs: Date.now(),
      leaseMs: env.leaseMs,
      ratePerSecond: env.rate,
    });
    if (ready.claim === "done") return "duplicate";
    if (ready.claim === "busy")
      throw new Error(`delivery: ${id} to ${userId} is being sent by another worker`);
    // Cancelled, or unsubscribed since the snapshot (an "unsubscribe" tap wins over a queued job).
    if (!ready.send) return finish(id, userId, "skipped");

    const lang = ready.lang === "kk" ? "kk" : "ru";
    const view = renderUpdate(i18n, lang, state.topic, lang === "kk" ? announcement.kk : announcement.ru);
    await waitForSlot(ready.waitMs);
    try {
      await env.api.sendMessage(userId, view.text, {
        reply_markup: view.reply_markup,
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      return failed(job, error);
    }
    return finish(id, userId, "sent");
  };
}

/** After each outcome: the final figures once everything is done, else a throttled progress edit. */
async function afterOutcome(env: WorkerEnv, id: string, force: boolean): Promise<void> {
  const { redis } = env.deps;
  if (await finishIfComplete(redis, id)) {
    env.deps.logger.info({ broadcast: id }, "broadcast finished");
    await showProgress(env, id);
  } else if (force || (await progressTick(redis, id, env.progressIntervalMs))) await showProgress(env, id);
}

/** Marks a recipient failed when BullMQ gives the job up without our processor saying so. */
export async function recordGivenUp(redis: Redis, job: Job<SendJob> | undefined): Promise<void> {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
  await recordIfOpen(redis, job.data.b, job.data.u, "failed", Date.now());
}
