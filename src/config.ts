import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramId = z.coerce
  .number({ error: "must be a Telegram id (a whole number)" })
  .int("must be a Telegram id (a whole number)")
  .refine((n) => n !== 0, "must be a Telegram id, not 0");

const schema = z
  .object({
    BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC-DEF... (the token @BotFather gave)")
      .optional(),
    BOT_API_ROOT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .default("https://api.telegram.org"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
      .default("redis://127.0.0.1:6379"),
    BOT_MODE: z.enum(["polling", "webhook"], "must be polling or webhook").default("polling"),
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: "must be an https URL" }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[\w-]{16,256}$/, "must be 16-256 characters of letters, digits, _ or -")
      .optional(),
    PORT: z.coerce
      .number({ error: "must be a port number from 1 to 65535" })
      .int("must be a port number from 1 to 65535")
      .min(1, "must be a port number from 1 to 65535")
      .max(65535, "must be a port number from 1 to 65535")
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
      .pipe(
        z.array(z.string().regex(/^\d+$/, "must be comma-separated Telegram user ids").transform(Number)),
      ),
    MODERATOR_CHAT_ID: telegramId.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
    BROADCAST_RATE: z.coerce
      .number({ error: "must be messages per second, a number above 0" })
      .positive("must be messages per second, a number above 0")
      .max(1000, "must be at most 1000 messages per second")
      .default(25),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    for (const name of ["BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET"] as const) {
      if (!env[name])
        ctx.addIssue({ code: "custom", path: [name], message: "is required when BOT_MODE=webhook" });
    }
  });

export type Config = z.infer<typeof schema>;

/** A configuration error: its message names each variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates the environment. Pure: takes the env as an argument so tests need not touch
 * process.env. Empty strings count as unset, as compose files and shells often leave them.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "config");
    const value = present[name];
    const shown =
      value === undefined || name === "BOT_TOKEN" || name === "WEBHOOK_SECRET" ? "" : ` (got "${value}")`;
    return `config: ${name} ${issue.message}${shown}`;
  });
  throw new ConfigError(lines.join("\n"));
}
