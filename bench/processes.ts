import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TOKEN = "1234567:BENCH-TOKEN-0123456789abcdef";

/** The two contestants: the floor (bare grammY) and the bot as production runs it (compiled). */
export type Contestant = "floor" | "bot";

/** How each contestant is started: the production command for the bot (npm start, the Dockerfile CMD). */
export const COMMANDS: Record<Contestant | "bot (tsx, development)", string[]> = {
  floor: ["node", "bench/floor-bot.mjs"],
  bot: ["node", "dist/main.js"],
  "bot (tsx, development)": ["node_modules/.bin/tsx", "src/main.ts"],
};

/** Compiles src/ to dist/ once per bench run, so the bot benched is the code in the tree. */
export function buildDist(): void {
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("bench: npm run build failed");
}

/**
 * A free port from `from` upwards (private Redis servers use 7201+), probed on every interface (the
 * bot's health server listens on all of them, so a port taken on `::` alone must count as taken).
 * The search starts at a random offset: benches of other worktrees on the same machine probe the
 * same range at the same time, and two that pick the same port lose a run.
 */
export async function freePort(from = 7201): Promise<number> {
  const offset = Math.floor(Math.random() * 400);
  for (let i = 0; i < 500; i++) {
    const port = from + ((offset + i) % 500);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`bench: no free port from ${from}`);
}

/** A redis-server of the bench's own (no persistence), so INFO commandstats counts one bot only. */
export async function startPrivateRedis(): Promise<{ url: string; admin: Redis; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "bench-redis-"));
  const server = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Wait until the server accepts connections, then connect the bench's own client.
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (attempt > 100) throw new Error(`bench: redis-server on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  const admin = new Redis(url);
  await admin.ping();
  return {
    url,
    admin,
    stop: async () => {
      admin.disconnect();
      server.kill("SIGKILL");
      await once(server, "exit");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Redis commands counted since the last CONFIG RESETSTAT, by command (the bench's own left out). */
export async function commandStats(admin: Redis): Promise<Record<string, number>> {
  const info = await admin.info("commandstats");
  const counts: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const name = match[1] ?? "";
    if (name === "info" || name.startsWith("config")) continue;
    counts[name] = Number(match[2]);
  }
  return counts;
}

/** Read events Redis processed since the last CONFIG RESETSTAT: one per client write that reached it. */
export async function readsProcessed(admin: Redis): Promise<number> {
  const info = await admin.info("stats");
  return Number(/total_reads_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Spawns a contestant against the stand-in and Redis; its stderr is kept for the error message. */
export function spawnContestant(
  command: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): { child: ChildProcess; stderr: () => string } {
  const [bin = "node", ...args] = command;
  const child = spawn(bin, bin === "node" ? [...nodeArgs, ...args] : args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  return { child, stderr: () => stderr };
}

/** Stops a contestant (SIGTERM, then SIGKILL after 3 s). */
export async function stopContestant(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim() || 100);

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); utime is field 14, stime field 15
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

export const median = (xs: number[]): number => percentile(xs, 0.5);
