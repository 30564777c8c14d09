import { AsyncLocalStorage } from "node:async_hooks";
import { type Logger, pino } from "pino";
import { LOG_SERIALIZERS } from "./privacy/log.js";

export type { Logger };

/**
 * What every log line written while one update is handled carries (its `update_id`), wherever the
 * line is written from: the per-update child logger without handing a logger to every function.
 */
export const logScope = new AsyncLocalStorage<{ update_id: number }>();

/**
 * JSON logs for production. The terminal chat owns stdout, so there logs go to stderr. Errors are
 * logged without the call parameters grammY attaches (message texts: see privacy/log.ts).
 */
export function createLogger(level: string, destination: "stdout" | "stderr" = "stdout"): Logger {
  return pino(
    {
      level,
      base: { service: "qazaq-digital-bot" },
      mixin: () => logScope.getStore() ?? {},
      serializers: LOG_SERIALIZERS,
    },
    pino.destination(destination === "stdout" ? 1 : 2),
  );
}
