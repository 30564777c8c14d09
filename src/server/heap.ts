import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again, in percent. V8's own factor for a heap this small is up to 4x: under a burst of
 * questions the bot's old generation (35-48 MB live) grew to ~140 MB before the second full
 * collection, nearly all of it objects of the updates in flight promoted out of the young
 * generation and dead by then, and peak RSS was 2.4x the floor bot's (`npm run bench`,
 * throughput; bench/README.md, peak RSS). Each full collection marks the live heap (the knowledge
 * index mostly), so a lower figure costs CPU. With 32 updates in flight (server/polling.ts) the
 * bench's peak was 1.45-1.47x the floor's at 35 and 1.52-1.58x at 50 (questions, mix); CPU per
 * update stayed within run-to-run noise (single-run probes: ~5% more at 35 than without a limit).
 */
export const HEAP_GROWING_PERCENT = 35;

/**
 * Applies HEAP_GROWING_PERCENT to this process: a V8 flag set at run time, because the production
 * command is plain `node dist/main.js`. V8 reads it whenever it sets the next full collection's
 * limit, so it holds from the first full collection on (start-up has one, building the knowledge).
 */
export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
