import { Writable } from "node:stream";
import pino from "pino";
import { LOG_SERIALIZERS } from "../../src/privacy/log.js";

/** A pino logger whose JSON lines are kept in `lines`, to assert on what was (not) logged. */
export function captureLogs(level = "debug") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level, serializers: LOG_SERIALIZERS }, stream), lines };
}
