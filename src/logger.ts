import { type Logger, pino } from "pino";
import { LOG_SERIALIZERS } from "./privacy/log.js";

export type { Logger };

/**
 * JSON logs for production. The terminal chat owns stdout, so there logs go to stderr. Errors are
 * logged without the call parameters grammY attaches (message texts: see privacy/log.ts).
 */
export function createLogger(level: string, destination: "stdout" | "stderr" = "stdout"): Logger {
  return pino(
    {
      level,
      base: { service: "qazaq-digital-bot" },
      serializers: LOG_SERIALIZERS,
    },
    pino.destination(destination === "stdout" ? 1 : 2),
  );
}
