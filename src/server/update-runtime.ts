import { Composer, type Context, type Middleware } from "grammy";
import type { Redis } from "ioredis";
import { chatGate } from "../bot/chat-lock.js";
import type { Logger } from "../logger.js";
import { type Metrics, metricsMiddleware } from "./metrics.js";

/**
 * What runs first for every update of a production bot: metrics, then the dedupe and the
 * cross-instance chat lock. (Lines an update's handlers log carry its update_id through
 * `ctx.deps.logger`: see forUpdate in bot/context.ts.)
 */
export function updateRuntime<C extends Context>(deps: {
  redis: Redis;
  logger: Logger;
  metrics: Metrics;
  lock?: { lockMs?: number; waitMs?: number };
}): Middleware<C> {
  const { metrics } = deps;
  return new Composer<C>(
    metricsMiddleware(metrics),
    chatGate(deps.redis, {
      ...deps.lock,
      logger: deps.logger,
      onWait: (ms, locked) => {
        metrics.lockWaits.inc({ outcome: locked ? "locked" : "timeout" });
        metrics.lockWaitSeconds.observe(ms / 1000);
      },
      onDuplicate: () => metrics.duplicates.inc(),
    }),
  );
}
