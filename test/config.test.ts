import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("applies the documented defaults", () => {
    expect(parseConfig({})).toEqual({
      BOT_API_ROOT: "https://api.telegram.org",
      REDIS_URL: "redis://127.0.0.1:6379",
      BOT_MODE: "polling",
      PORT: 8080,
      ADMIN_IDS: [],
      LOG_LEVEL: "info",
      BROADCAST_RATE: 25,
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
  ])("rejects %o with one line naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("requires the webhook settings in webhook mode", () => {
    expect(() => parseConfig({ BOT_MODE: "webhook" })).toThrow(
      /WEBHOOK_URL is required when BOT_MODE=webhook/,
    );
  });

  it("never echoes a secret back", () => {
    try {
      parseConfig({ BOT_TOKEN: "secret-token-value" });
    } catch (error) {
      expect(String(error)).not.toContain("secret-token-value");
    }
  });
});
