import { type Logger, pino } from "pino";

export type { Logger };

/**
 * JSON logs for production. The terminal chat owns stdout, so there logs go to stderr.
 */
export function createLogger(level: string, destination: "stdout" | "stderr" = "stdout"): Logger {
  return pino(
    { level, base: { service: "qazaq-digital-bot" } },
    pino.destination(destination === "stdout" ? 1 : 2),
  );
}
