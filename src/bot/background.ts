// first: modules below build grammY composers when they load
import "./composer-speedups.js";
import type { Api } from "grammy";
import { drainReportOutbox } from "../features/report/moderation.js";
import { ReportStore } from "../storage/reports.js";
import type { BotDeps } from "./context.js";
import { drainReplyQueue } from "./reply-queue.js";

/**
 * The retry loops that make "thanked" and "replied" mean "delivered": the moderators' outbox of
 * reports and the queue of replies Telegram could not take. Every instance may run them (leases
 * and ZREM claims keep each message to one send). Returns a stop function.
 */
export function startRetryLoops(deps: BotDeps, api: Api, intervalMs = 5_000): () => Promise<void> {
  const store = new ReportStore(deps.redis);
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = Promise.all([
      drainReportOutbox(deps, store, api),
      drainReplyQueue(deps.redis, api, deps.logger),
    ]).catch((error: unknown) => deps.logger.warn({ err: error }, "retry loops: a pass failed"));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
