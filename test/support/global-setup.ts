import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup: when REDIS_URL is not set, the suite gets a private redis-server of its own
 * (loopback, a free port, a temporary directory, no persistence), stopped at the end. So
 * `npm ci && npm test` needs only the redis-server binary and never touches a developer's Redis.
 * Test files and the processes they start read the URL from process.env.REDIS_URL.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.REDIS_URL) return undefined;
  const dir = await mkdtemp(join(tmpdir(), "qdb-test-redis-"));
  const { server, port } = await startRedis(dir);
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  process.stderr.write(`tests: private redis-server on 127.0.0.1:${port} (REDIS_URL unset)\n`);
  return async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
    await rm(dir, { recursive: true, force: true });
  };
}

/** A free loopback port; the OS picks it. Another process may take it before redis does: retried. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === "string") throw new Error("tests: no free port");
  return address.port;
}

/** Starts redis-server with the given extra arguments and waits until it accepts connections. */
export async function startRedis(
  dir: string,
  extra: string[] = [],
  port?: number,
): Promise<{ server: ChildProcess; port: number }> {
  for (let attempt = 0; ; attempt++) {
    const chosen = port ?? (await freePort());
    const server = spawn(
      "redis-server",
      [
        "--port",
        String(chosen),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        ...extra,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const ready = await new Promise<true | Error>((resolve) => {
      let out = "";
      server.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Ready to accept connections")) resolve(true);
      });
      server.once("error", (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === "ENOENT"
            ? new Error(
                "tests: REDIS_URL is not set and redis-server is not installed: install it " +
                  "(Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL",
              )
            : error,
        ),
      );
      server.once("exit", () =>
        resolve(new Error(`tests: redis-server exited at start: ${out.slice(-500)}`)),
      );
    });
    if (ready === true) {
      server.stdout?.resume();
      server.stderr?.resume();
      return { server, port: chosen };
    }
    // Another process took the port between the probe and redis' bind: pick another.
    if (port !== undefined || attempt >= 4 || !ready.message.includes("Address already in use")) throw ready;
  }
}

/** Stops the redis-server processes a test started (those still running) and removes their folder. */
export async function stopRedisServers(servers: ChildProcess[], dir: string | undefined): Promise<void> {
  for (const server of servers)
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
  if (dir) await rm(dir, { recursive: true, force: true });
}
