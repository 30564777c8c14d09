import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramId = z.coerce
  .number({ error: "must be a Telegram id (a whole number)" })
  .int("must be a Telegram id (a whole number)")
  .refine((n) => n !== 0, "must be a Telegram id, not 0");

const TOKEN_SHAPE = "must look like 123456:ABC-DEF... (the token @BotFather gave)";
const token = z.string().regex(/^\d+:[\w-]{20,}$/, TOKEN_SHAPE);
const WEBHOOK_ONLY = "is required when BOT_MODE=webhook";

const milliseconds = (what: string, min: number, fallback: number) =>
  z.coerce
    .number({ error: `must be ${what} in milliseconds, a whole number` })
    .int(`must be ${what} in milliseconds, a whole number`)
    .min(min, `must be at least ${min} ms`)
    .max(600_000, "must be at most 600000 ms")
    .default(fallback);

/** host:port pairs, comma-separated: the seed nodes of a Redis Cluster, or Sentinels. */
const hostPorts = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[\w.-]+:\d{1,5}$/, "must be comma-separated host:port pairs")
          .transform((pair) => {
            const at = pair.lastIndexOf(":");
            return { host: pair.slice(0, at), port: Number(pair.slice(at + 1)) };
          }),
      )
      .min(1, "must name at least one host:port"),
  );

/** Settings of every mode. */
const common = z.object({
  /** `production` refuses to fall back to the terminal chat when BOT_TOKEN is missing. */
  NODE_ENV: z
    .enum(["development", "production", "test"], "must be development, production or test")
    .default("development"),
  BOT_API_ROOT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default("https://api.telegram.org"),
  /** What this process runs: updates (`bot`), broadcast workers (`worker`) or both. */
  BOT_ROLE: z.enum(["all", "bot", "worker"], "must be all, bot or worker").default("all"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
    .default("redis://127.0.0.1:6379"),
  /** Seed nodes of a Redis Cluster; when set, REDIS_URL is not used. */
  REDIS_CLUSTER_NODES: hostPorts.optional(),
  /** Sentinels that know the primary (high availability without a cluster); REDIS_URL is not used. */
  REDIS_SENTINELS: hostPorts.optional(),
  /** The primary's name the Sentinels monitor. */
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[\w.-]{1,64}$/, "must be the monitored primary's name (letters, digits, _ . -)")
    .default("mymaster"),
  /** Put before every key (several bots, or tests, on one Redis). No braces: they would pin a slot. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{0,64}$/, "must be up to 64 letters, digits or _ : . -")
    .default(""),
  /** The HTTP port: webhook, /healthz, /readyz, /metrics. 0 lets the OS pick (it is logged). */
  PORT: z.coerce
    .number({ error: "must be a port number from 0 to 65535" })
    .int("must be a port number from 0 to 65535")
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535")
    .default(8080),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d+$/, "must be comma-separated Telegram user ids").transform(Number))),
  MODERATOR_CHAT_ID: telegramId.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
  BROADCAST_RATE: z.coerce
    .number({ error: "must be messages per second, a number above 0" })
    .positive("must be messages per second, a number above 0")
    .max(1000, "must be at most 1000 messages per second")
    .default(25),
  /** How long SIGTERM waits for updates in flight and broadcast sends before the process exits. */
  SHUTDOWN_TIMEOUT_MS: milliseconds("a time", 100, 10_000),
});

const polling = common.extend({
  BOT_MODE: z.literal("polling"),
  BOT_TOKEN: token.optional(),
});

const webhook = common.extend({
  BOT_MODE: z.literal("webhook"),
  BOT_TOKEN: z.string({ error: WEBHOOK_ONLY }).regex(/^\d+:[\w-]{20,}$/, TOKEN_SHAPE),
  WEBHOOK_URL: z.url({
    protocol: /^https$/,
    error: (issue) => (issue.input === undefined ? WEBHOOK_ONLY : "must be an https URL"),
  }),
  WEBHOOK_SECRET: z
    .string({ error: WEBHOOK_ONLY })
    .regex(/^[\w-]{16,256}$/, "must be 16-256 characters of letters, digits, _ or -"),
  /**
   * Telegram gets its HTTP answer after this long at the latest; a slower update goes on being
   * processed (Telegram would otherwise time out and send it again).
   */
  WEBHOOK_REPLY_MS: milliseconds("a time", 50, 5000),
});

const schema = z
  .discriminatedUnion("BOT_MODE", [polling, webhook], { error: "must be polling or webhook" })
  .superRefine((env, ctx) => {
    if (env.REDIS_CLUSTER_NODES && env.REDIS_SENTINELS)
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_SENTINELS"],
        message: "cannot be used with REDIS_CLUSTER_NODES",
      });
  });

export type Config = z.infer<typeof schema>;
export type WebhookConfig = z.infer<typeof webhook>;

/** A configuration error: its message names each variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const SECRETS = new Set(["BOT_TOKEN", "WEBHOOK_SECRET"]);

/**
 * Validates the environment. Pure: takes the env as an argument so tests need not touch
 * process.env. Empty strings count as unset, as compose files and shells often leave them.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present: Record<string, string> = { BOT_MODE: "polling" };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== "") present[name] = value;
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "BOT_MODE");
    const value = present[name];
    const shown = value === undefined || SECRETS.has(name) ? "" : ` (got "${value}")`;
    return `config: ${name} ${issue.message}${shown}`;
  });
  throw new ConfigError(lines.join("\n"));
}
