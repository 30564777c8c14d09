import { once } from "node:events";
import { BotApiStandIn } from "./bot-api-stand-in.js";
import {
  buildDist,
  COMMANDS,
  median,
  spawnContestant,
  startPrivateRedis,
  stopContestant,
  TOKEN,
} from "./processes.js";
import { printTable } from "./table.js";
import type { Bench, BenchFigure } from "./types.js";

const REPEATS = Number(process.env.BENCH_COLD_REPEATS ?? 3);

/** Milliseconds from spawn to the first getUpdates the process sends (it is ready to receive). */
async function coldStart(command: string[], redisUrl: string): Promise<number> {
  const api = new BotApiStandIn();
  const apiRoot = await api.start();
  const polled = api.nextPoll();
  const spawnedAt = performance.now();
  const { child, stderr } = spawnContestant(command, {
    BOT_TOKEN: TOKEN,
    BOT_API_ROOT: apiRoot,
    REDIS_URL: redisUrl,
    // the bot's health/metrics server: a port the OS picks, so benches running side by side never
    // race for one (a probed-free port can be taken before the bot listens)
    PORT: "0",
  });
  const died = once(child, "exit").then(([code]) => {
    throw new Error(`bench: ${command.join(" ")} exited (${code}) before polling:\n${stderr()}`);
  });
  died.catch(() => {});
  try {
    return (await Promise.race([polled, died])) - spawnedAt;
  } finally {
    await stopContestant(child);
    await api.close();
  }
}

/**
 * Cold start, spawn -> first getUpdates, of the floor, the production command (`node
 * dist/main.js`: npm start and the Dockerfile's CMD) and the source under tsx (development), interleaved,
 * median of BENCH_COLD_REPEATS (3). Ratios are to the floor.
 */
export const coldStartBench: Bench = {
  name: "cold-start",
  async run(): Promise<BenchFigure[]> {
    buildDist();
    const redis = await startPrivateRedis();
    const names = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
    const times = new Map<string, number[]>(names.map((n) => [n, []]));
    try {
      for (let repeat = 0; repeat < REPEATS; repeat++)
        for (const name of repeat % 2 ? [...names].reverse() : names)
          times.get(name)?.push(await coldStart(COMMANDS[name], redis.url));
    } finally {
      await redis.stop();
    }
    const floor = median(times.get("floor") ?? []);
    const rows: string[][] = [];
    const figures: BenchFigure[] = [];
    for (const name of names) {
      const ms = median(times.get(name) ?? []);
      rows.push([name, COMMANDS[name].join(" "), floor.toFixed(0), ms.toFixed(0), (ms / floor).toFixed(2)]);
      figures.push({ name: `cold start ${name}`, value: ms, unit: "ms", baseline: floor, ratio: ms / floor });
    }
    printTable(["contestant", "command", "floor ms", "ms", "x floor"], rows);
    return figures;
  },
};
