import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deletePrefix, testRedisUrl, uniquePrefix } from "../support/redis.js";

const root = join(import.meta.dirname, "..", "..");
// The terminal chat keeps real state (session, queues) under a key prefix of this file's own,
// deleted afterwards; no database is flushed.
const REDIS_KEY_PREFIX = uniquePrefix("terminal-chat");

function chat(input: string, env: Record<string, string> = {}) {
  const { BOT_TOKEN: _token, NODE_ENV: _env, ...rest } = process.env;
  return spawnSync(join(root, "node_modules", ".bin", "tsx"), ["src/main.ts"], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...rest, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX, LOG_LEVEL: "warn", ...env },
  });
}

afterAll(() => deletePrefix(REDIS_KEY_PREFIX));

describe("npm start without a token: the terminal chat", () => {
  it("runs the same bot from piped input and exits 0 at the end of it", async () => {
    const run = chat("/start\n/language\n2\n/help\n");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Здравствуйте, Гость!");
    expect(out).toMatch(/\[1\] 🇷🇺 Русский\n\s+\[2\] 🇰🇿 Қазақша/);
    expect(out).toContain("Жарайды, енді қазақша сөйлесеміз.");
    expect(out).toContain("Мен түсінетін командалар");
    // Pressing "2" pressed the button: it was not sent as a question.
    expect(out.indexOf("Жарайды, енді")).toBeLessThan(out.indexOf("Мен түсінетін"));
  }, 60_000);

  it("falls back to memory, and says so, when Redis is unreachable", () => {
    const run = chat("/help\n", { REDIS_URL: "redis://127.0.0.1:1" });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("state in memory");
    expect(run.stdout).toContain("/report");
  }, 60_000);

  it("stops with one line naming a bad variable", () => {
    const run = chat("", { PORT: "eighty" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('config: PORT must be a port number from 0 to 65535 (got "eighty")');
  }, 60_000);

  it("with a token, fails fast and clearly when Redis is unreachable", () => {
    const run = chat("", {
      BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwx-yz_0123",
      REDIS_URL: "redis://127.0.0.1:1",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^redis: cannot reach redis:\/\/127\.0\.0\.1:1/);
  }, 60_000);
});
