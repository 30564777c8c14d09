import type { Context, MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Knowledge } from "../knowledge/index.js";

/** The process' Prometheus metrics, one registry per process (tests build several). */
export interface Metrics {
  registry: Registry;
  updates: Counter<"type">;
  handlerSeconds: Histogram<"type">;
  duplicates: Counter;
  lockWaits: Counter<"outcome">;
  lockWaitSeconds: Histogram;
  questions: Counter<"outcome">;
  broadcastSends: Counter<"outcome">;
  redisErrors: Counter;
  webhookRequests: Counter<"status">;
}

/**
 * Builds the registry. `redis` feeds the reports gauge at scrape time (the year's counter in Redis,
 * so every instance shows the same figure).
 */
export function createMetrics(options: { redis?: Redis; now?: () => Date } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "qdb_" });
  const registers = [registry];
  const now = options.now ?? (() => new Date());
  const redis = options.redis;
  new Gauge({
    name: "qdb_reports_created_this_year",
    help: "Reports of slow internet stored this year (all instances; the R-<year>-N counter)",
    registers,
    async collect() {
      if (!redis) return;
      // The same year as reference numbers: Kazakhstan's UTC+5.
      const year = new Date(now().getTime() + 5 * 60 * 60 * 1000).getUTCFullYear();
      const value = await redis.get(`report:seq:${year}`).catch(() => null);
      this.set(Number(value ?? 0));
    },
  });
  return {
    registry,
    updates: new Counter({
      name: "qdb_updates_total",
      help: "Updates received, by type",
      labelNames: ["type"],
      registers,
    }),
    handlerSeconds: new Histogram({
      name: "qdb_update_handler_seconds",
      help: "Time to handle one update, chat lock wait included, by type",
      labelNames: ["type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    duplicates: new Counter({
      name: "qdb_updates_duplicate_total",
      help: "Updates dropped because their id was handled already",
      registers,
    }),
    lockWaits: new Counter({
      name: "qdb_chat_lock_waits_total",
      help: "Updates that waited for their chat's lock (outcome: locked, or timeout = went on without it)",
      labelNames: ["outcome"],
      registers,
    }),
    lockWaitSeconds: new Histogram({
      name: "qdb_chat_lock_wait_seconds",
      help: "How long an update waited for its chat's lock",
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    questions: new Counter({
      name: "qdb_questions_total",
      help: "Questions asked, by outcome (answered, declined, smalltalk)",
      labelNames: ["outcome"],
      registers,
    }),
    broadcastSends: new Counter({
      name: "qdb_broadcast_sends_total",
      help: "Broadcast messages by outcome (sent, failed, blocked, skipped), sent by this process",
      labelNames: ["outcome"],
      registers,
    }),
    redisErrors: new Counter({
      name: "qdb_redis_errors_total",
      help: "Errors reported by the Redis client (connection lost, timeouts)",
      registers,
    }),
    webhookRequests: new Counter({
      name: "qdb_webhook_requests_total",
      help: "Webhook requests by HTTP status answered",
      labelNames: ["status"],
      registers,
    }),
  };
}

/** The update's type: the first field after update_id (message, callback_query, my_chat_member...). */
export function updateType(update: object): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/** Counts updates by type and times their handling. */
export function metricsMiddleware(metrics: Metrics): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const type = updateType(ctx.update);
    metrics.updates.inc({ type });
    const stop = metrics.handlerSeconds.startTimer({ type });
    try {
      await next();
    } finally {
      stop();
    }
  };
}

/** The knowledge, counting what its answers were: the ask feature needs no metrics of its own. */
export function countedKnowledge(knowledge: Knowledge, metrics: Metrics): Knowledge {
  return {
    ...knowledge,
    ask(question, options) {
      const reply = knowledge.ask(question, options);
      metrics.questions.inc({
        outcome: reply.kind === "answer" ? "answered" : reply.kind === "none" ? "declined" : reply.kind,
      });
      return reply;
    },
    addAnnouncement: (a) => knowledge.addAnnouncement(a),
    detectLanguage: (text, fallback) => knowledge.detectLanguage(text, fallback),
  };
}
