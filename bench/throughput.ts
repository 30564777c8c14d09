import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { DEFAULT_SEEDS_DIR, readCuratedQuestions } from "../src/knowledge/index.js";
import { BotApiStandIn } from "./bot-api-stand-in.js";
import {
  buildDist,
  COMMANDS,
  type Contestant,
  commandStats,
  cpuMs,
  freePort,
  median,
  peakRssMb,
  percentile,
  readsProcessed,
  spawnContestant,
  startPrivateRedis,
  stopContestant,
  TOKEN,
} from "./processes.js";
import { printTable } from "./table.js";
import type { Bench, BenchFigure } from "./types.js";

const UPDATES = Number(process.env.BENCH_UPDATES ?? 1500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** Updates sent one at a time after the batch, to count Redis round trips per update. */
const SEQUENTIAL = 20;
/** BENCH_WORKLOAD=questions: only the workloads whose name contains it. */
const ONLY_WORKLOAD = process.env.BENCH_WORKLOAD;
/** BENCH_CPU_PROF=<dir>: the bot runs under `node --cpu-prof` and writes its profile there. */
const CPU_PROF = process.env.BENCH_CPU_PROF;
/** BENCH_BOT_NODE_ARGS="--require ./gc-observer.cjs": more node flags for the bot (a GC or allocation probe). */
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter(Boolean);

type Kind = "start" | "help" | "question";
interface Workload {
  name: string;
  /** What the n-th update of the workload is. */
  kind: (n: number) => Kind;
  /** Which questions it asks: the curated ones (asked again and again, as suggestion buttons do), or each a new one. */
  questions?: "curated" | "new";
}

const MIX: Kind[] = [
  "question",
  "question",
  "start",
  "question",
  "question",
  "help",
  "question",
  "question",
  "start",
  "question",
];
export const WORKLOADS: Workload[] = [
  { name: "/start", kind: () => "start" },
  { name: "questions ru/kk", kind: () => "question" },
  { name: "mix 70/20/10", kind: (n) => MIX[n % MIX.length] ?? "question" },
  // no question twice: every one is read and ranked (the reply cache never hits)
  { name: "new questions", kind: () => "question", questions: "new" },
];

/** The curated questions of the seeds, Russian and Kazakh alternating. */
function questionPool(): { text: string; lang: "ru" | "kk" }[] {
  const curated = readCuratedQuestions(DEFAULT_SEEDS_DIR);
  const ru = curated.filter((q) => q.lang === "ru");
  const kk = curated.filter((q) => q.lang === "kk");
  const pool: { text: string; lang: "ru" | "kk" }[] = [];
  for (let i = 0; i < Math.max(ru.length, kk.length); i++) {
    const r = ru[i % ru.length];
    const k = kk[i % kk.length];
    if (r) pool.push({ text: r.question, lang: "ru" });
    if (k) pool.push({ text: k.question, lang: "kk" });
  }
  if (pool.length === 0) throw new Error("bench: no curated questions in seeds/questions.tsv");
  return pool;
}

/**
 * Every distinct question of the question sets (test/eval/sets), then each again after a polite
 * lead-in ("Подскажите: …"), a text of its own: more than a run asks, none asked twice.
 */
function newQuestionPool(): { text: string; lang: "ru" | "kk" }[] {
  const dir = fileURLToPath(new URL("../test/eval/sets/", import.meta.url));
  const questions = new Map<string, "ru" | "kk">();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort())
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { q, lang } = JSON.parse(line) as { q: string; lang: "ru" | "kk" };
      questions.set(q, lang);
    }
  const asked = [...questions].map(([text, lang]) => ({ text, lang }));
  const leadIn = { ru: "Подскажите: ", kk: "Айтыңызшы: " };
  const pool = [...asked, ...asked.map((q) => ({ ...q, text: `${leadIn[q.lang]}${q.text}` }))];
  if (pool.length < UPDATES + WARMUP)
    throw new Error(`bench: ${pool.length} distinct questions, fewer than a run asks`);
  return pool;
}

/** Builds updates, each from a new user in a private chat of its own. */
class UpdateFactory {
  private updateId = 1;
  private chatId = 2_000_000_000;
  private asked = 0;
  constructor(private readonly questions: { text: string; lang: "ru" | "kk" }[]) {}

  make(kind: Kind): Update {
    const q = this.questions[this.asked % this.questions.length] ?? { text: "?", lang: "ru" };
    if (kind === "question") this.asked++;
    const text = kind === "start" ? "/start" : kind === "help" ? "/help" : q.text;
    const lang = kind === "question" ? q.lang : this.updateId % 2 ? "ru" : "kk";
    const id = this.chatId++;
    return {
      update_id: this.updateId++,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id, type: "private", first_name: "Бенч" },
        from: { id, is_bot: false, first_name: "Бенч", language_code: lang },
        text,
        ...(kind === "question"
          ? {}
          : { entities: [{ type: "bot_command", offset: 0, length: text.length }] }),
      },
    } as Update;
  }

  batch(workload: Workload, count: number): Update[] {
    return Array.from({ length: count }, (_, n) => this.make(workload.kind(n)));
  }
}

/** One contestant on one workload: a private Redis and stand-in, warm-up, the timed batch, then one by one. */
export interface RunResult {
  contestant: Contestant;
  workload: string;
  coldStartMs: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerUpdate: number;
  peakRssMb: number;
  redisCommandsPerUpdate: number;
  redisCommands: Record<string, number>;
  /** Redis read events per update with one update in flight: the round trips one update costs. */
  redisRoundTripsPerUpdate: number;
}

async function runOnce(
  contestant: Contestant,
  workload: Workload,
  questions: { text: string; lang: "ru" | "kk" }[],
): Promise<RunResult> {
  const redis = await startPrivateRedis();
  const api = new BotApiStandIn();
  const apiRoot = await api.start();
  const updates = new UpdateFactory(questions);
  const polled = api.nextPoll();
  // the bot's health/metrics server, on a free port of its own
  const port = String(await freePort(7400));
  const spawnedAt = performance.now();
  const profiling =
    contestant === "bot"
      ? [...(CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", CPU_PROF] : []), ...BOT_NODE_ARGS]
      : [];
  const { child, stderr } = spawnContestant(
    COMMANDS[contestant],
    { BOT_TOKEN: TOKEN, BOT_API_ROOT: apiRoot, REDIS_URL: redis.url, PORT: port },
    profiling,
  );
  const died = once(child, "exit").then(([code]) => {
    throw new Error(`bench: ${contestant} exited (${code}) during ${workload.name}:\n${stderr()}`);
  });
  // An early exit rejects `died` while nobody awaits it yet; the race below reports it.
  died.catch(() => {});
  const race = <T>(p: Promise<T>) => Promise.race([p, died]);
  try {
    const coldStartMs = (await race(polled)) - spawnedAt;
    const pid = child.pid ?? 0;
    await race(api.deliver(updates.batch(workload, WARMUP)));
    api.resetTimings();
    await redis.admin.config("RESETSTAT");
    const cpuBefore = cpuMs(pid);
    await race(api.deliver(updates.batch(workload, UPDATES)));
    const seconds = (api.lastReplyAt - api.firstHandedAt) / 1000;
    // the writes that follow the last replies (sessions, logs) belong to the batch too
    await settle(redis.admin);
    const cpu = cpuMs(pid) - cpuBefore;
    const latencies = [...api.latencies];
    const commands = await commandStats(redis.admin);
    const total = Object.values(commands).reduce((a, b) => a + b, 0);

    const readsBefore = await readsProcessed(redis.admin);
    for (const update of updates.batch(workload, SEQUENTIAL)) {
      await race(api.deliver([update]));
      // let the writes after the reply (session, logs) land before the next update
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    // minus the INFO call that reads the figure
    const reads = (await readsProcessed(redis.admin)) - readsBefore - 1;
    return {
      contestant,
      workload: workload.name,
      coldStartMs,
      updatesPerSecond: UPDATES / seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      cpuMsPerUpdate: cpu / UPDATES,
      peakRssMb: peakRssMb(pid),
      redisCommandsPerUpdate: total / UPDATES,
      redisCommands: Object.fromEntries(Object.entries(commands).map(([k, v]) => [k, v / UPDATES])),
      redisRoundTripsPerUpdate: reads / SEQUENTIAL,
    };
  } finally {
    await stopContestant(child);
    await api.close();
    await redis.stop();
  }
}

/** Waits (up to 3 s) until Redis reads nothing but the bench's own INFO for 100 ms. */
async function settle(admin: Redis): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const before = await readsProcessed(admin);
    await new Promise((resolve) => setTimeout(resolve, 100));
    if ((await readsProcessed(admin)) - before <= 1) return;
  }
}

const METRICS: { key: keyof RunResult; label: string; digits: number; higherIsBetter: boolean }[] = [
  { key: "updatesPerSecond", label: "updates/s", digits: 0, higherIsBetter: true },
  { key: "p50Ms", label: "p50 ms", digits: 1, higherIsBetter: false },
  { key: "p99Ms", label: "p99 ms", digits: 1, higherIsBetter: false },
  { key: "cpuMsPerUpdate", label: "CPU ms/upd", digits: 3, higherIsBetter: false },
  { key: "peakRssMb", label: "peak RSS MB", digits: 0, higherIsBetter: false },
  { key: "redisCommandsPerUpdate", label: "Redis cmd/upd", digits: 2, higherIsBetter: false },
  { key: "redisRoundTripsPerUpdate", label: "Redis RT/upd", digits: 2, higherIsBetter: false },
];

/**
 * Floor (bench/floor-bot.mjs) against the bot (`node dist/main.js`, built first) on three
 * workloads, each run in its own processes with a private redis-server and Bot API stand-in;
 * floor and bot interleaved (their order flips every repeat); medians of BENCH_REPEATS (3) runs
 * of BENCH_UPDATES (1,500) updates after BENCH_WARMUP (300). Ratios are bot/floor.
 */
export const throughputBench: Bench = {
  name: "throughput",
  async run(): Promise<BenchFigure[]> {
    buildDist();
    const pools = { curated: questionPool(), new: newQuestionPool() };
    const selected = WORKLOADS.filter((w) => !ONLY_WORKLOAD || w.name.includes(ONLY_WORKLOAD));
    const runs: RunResult[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const workload of selected) {
        const order: Contestant[] = repeat % 2 === 0 ? ["floor", "bot"] : ["bot", "floor"];
        for (const contestant of order) {
          const result = await runOnce(contestant, workload, pools[workload.questions ?? "curated"]);
          runs.push(result);
          process.stderr.write(
            `  [${repeat + 1}/${REPEATS}] ${workload.name} ${contestant}: ${result.updatesPerSecond.toFixed(0)} upd/s\n`,
          );
        }
      }
    }
    const figures: BenchFigure[] = [];
    const rows: string[][] = [];
    for (const workload of selected) {
      const of = (c: Contestant, key: keyof RunResult) =>
        median(
          runs.filter((r) => r.contestant === c && r.workload === workload.name).map((r) => Number(r[key])),
        );
      for (const m of METRICS) {
        const floor = of("floor", m.key);
        const bot = of("bot", m.key);
        const ratio = floor === 0 ? Number.NaN : bot / floor;
        rows.push([workload.name, m.label, floor.toFixed(m.digits), bot.toFixed(m.digits), ratio.toFixed(2)]);
        figures.push({
          name: `${workload.name} ${m.label}`,
          value: bot,
          unit: "",
          baseline: floor,
          ratio,
          inTable: true,
        });
      }
      const commands =
        runs.find((r) => r.contestant === "bot" && r.workload === workload.name)?.redisCommands ?? {};
      const breakdown = Object.entries(commands)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(", ");
      figures.push({
        name: `${workload.name} bot Redis commands`,
        value: of("bot", "redisCommandsPerUpdate"),
        unit: "per update",
        note: breakdown,
      });
    }
    printTable(["workload", "metric", "floor", "bot", "bot/floor"], rows);
    figures.push({ name: "runs", value: runs.length, unit: "runs", detail: runs });
    return figures;
  },
};
