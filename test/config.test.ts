import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    expect(parseConfig({})).toEqual({
      NODE_ENV: "development",
      BOT_API_ROOT: "https://api.telegram.org",
      BOT_ROLE: "all",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_SENTINEL_NAME: "mymaster",
      REDIS_KEY_PREFIX: "",
      BOT_MODE: "polling",
      PORT: 8080,
      ADMIN_IDS: [],
      LOG_LEVEL: "info",
      BROADCAST_RATE: 25,
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it("reads every variable of the contract", () => {
    const config = parseConfig({
      BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwx-yz_0123",
      BOT_API_ROOT: "http://127.0.0.1:8081",
      REDIS_URL: "redis://redis:6379/2",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.kz/tg",
      WEBHOOK_SECRET: "a-very-long-secret-0123",
      PORT: "3000",
      ADMIN_IDS: " 11, 22 ,33",
      MODERATOR_CHAT_ID: "-100500",
      LOG_LEVEL: "debug",
    });
    expect(config.ADMIN_IDS).toEqual([11, 22, 33]);
    expect(config.MODERATOR_CHAT_ID).toBe(-100500);
    expect(config.PORT).toBe(3000);
    expect(config.BOT_MODE).toBe("webhook");
    // The union narrows on BOT_MODE: webhook settings exist, typed as present, only there.
    if (config.BOT_MODE !== "webhook") throw new Error("expected webhook mode");
    expect(config.WEBHOOK_URL).toBe("https://bot.example.kz/tg");
    expect(config.WEBHOOK_REPLY_MS).toBe(5000);
  });

  it("reads Sentinels and the primary's name", () => {
    expect(parseConfig({ REDIS_SENTINELS: "s1:26379,s2:26379" })).toMatchObject({
      REDIS_SENTINELS: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 26379 },
      ],
      REDIS_SENTINEL_NAME: "mymaster",
    });
  });

  it("reads the runtime settings: role, cluster nodes, key prefix, shutdown timeout", () => {
    const config = parseConfig({
      BOT_ROLE: "worker",
      REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-2:7001",
      REDIS_KEY_PREFIX: "qdb:",
      SHUTDOWN_TIMEOUT_MS: "20000",
      NODE_ENV: "production",
      PORT: "0",
    });
    expect(config).toMatchObject({
      BOT_ROLE: "worker",
      REDIS_CLUSTER_NODES: [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-2", port: 7001 },
      ],
      REDIS_KEY_PREFIX: "qdb:",
      SHUTDOWN_TIMEOUT_MS: 20_000,
      NODE_ENV: "production",
      PORT: 0,
    });
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ BOT_TOKEN: "", ADMIN_IDS: "" }).BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /^config: PORT must be a port number/],
    [{ PORT: "70000" }, /^config: PORT/],
    [{ ADMIN_IDS: "12,bob" }, /^config: ADMIN_IDS must be comma-separated Telegram user ids/],
    [{ BOT_TOKEN: "nonsense" }, /^config: BOT_TOKEN must look like/],
    [{ REDIS_URL: "localhost:6379" }, /^config: REDIS_URL must be a redis:\/\//],
    [{ BOT_MODE: "push" }, /^config: BOT_MODE must be polling or webhook/],
    [{ LOG_LEVEL: "loud" }, /^config: LOG_LEVEL must be one of/],
    [{ BOT_API_ROOT: "not a url" }, /^config: BOT_API_ROOT must be an http\(s\) URL/],
    [{ MODERATOR_CHAT_ID: "chat" }, /^config: MODERATOR_CHAT_ID must be a Telegram id/],
    [{ BOT_ROLE: "both" }, /^config: BOT_ROLE must be all, bot or worker/],
    [{ REDIS_CLUSTER_NODES: "redis-1" }, /^config: REDIS_CLUSTER_NODES must be comma-separated host:port/],
    [{ REDIS_KEY_PREFIX: "{qdb}" }, /^config: REDIS_KEY_PREFIX must be up to 64/],
    [{ SHUTDOWN_TIMEOUT_MS: "soon" }, /^config: SHUTDOWN_TIMEOUT_MS must be a time in milliseconds/],
    [{ NODE_ENV: "prod" }, /^config: NODE_ENV must be development, production or test/],
    [
      { REDIS_CLUSTER_NODES: "a:1", REDIS_SENTINELS: "b:2" },
      /^config: REDIS_SENTINELS cannot be used with REDIS_CLUSTER_NODES/,
    ],
  ])("rejects %o with one line naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("requires the webhook settings in webhook mode, one line each", () => {
    expect(() => parseConfig({ BOT_MODE: "webhook" })).toThrow(
      [
        "config: BOT_TOKEN is required when BOT_MODE=webhook",
        "config: WEBHOOK_URL is required when BOT_MODE=webhook",
        "config: WEBHOOK_SECRET is required when BOT_MODE=webhook",
      ].join("\n"),
    );
    expect(() =>
      parseConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.kz/tg", WEBHOOK_SECRET: "short" }),
    ).toThrow(/WEBHOOK_URL must be an https URL[\s\S]*WEBHOOK_SECRET must be 16-256/);
  });

  it("never echoes a secret back", () => {
    try {
      parseConfig({ BOT_TOKEN: "secret-token-value" });
    } catch (error) {
      expect(String(error)).not.toContain("secret-token-value");
    }
  });
});
