import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, type Context, GrammyError } from "grammy";
import type { Logger } from "../logger.js";

/** getUpdates is retried this often while Telegram is unreachable: back within half a second. */
export const POLL_RETRY_MS = 500;
/** After a 409 Conflict (another poller, or a webhook set again) polling starts again after this. */
export const CONFLICT_RETRY_MS = 3000;

export interface PollingOptions {
  allowedUpdates: readonly string[];
  logger: Logger;
  /** Telegram refused the token (401): polling cannot go on; the caller shuts down. */
  onUnauthorized: () => void;
  conflictRetryMs?: number;
}

/**
 * Long polling with the grammY runner (concurrent across chats, sequential within one). Unlike the
 * runner's defaults it never dies on a getUpdates error and never prints a stack trace:
 * - network errors and 5xx: retried every POLL_RETRY_MS (the default back-off doubles up to minutes,
 *   so a 30 s outage used to leave the bot deaf for 16 s more); one line when it starts failing and
 *   one when Telegram answers again;
 * - 409 Conflict: one clear line, then polling again after a pause;
 * - 401 Unauthorized: one clear line and `onUnauthorized` (a clean stop).
 * Call deleteWebhook before: Telegram refuses getUpdates while a webhook is set.
 */
export function startPolling<C extends Context>(bot: Bot<C>, options: PollingOptions): () => Promise<void> {
  const { logger } = options;
  let failingSince: number | undefined;
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const fail = (why: string) => {
      if (failingSince !== undefined || signal?.aborted) return;
      failingSince = Date.now();
      logger.warn({ reason: why }, `polling: getUpdates failed, retrying every ${POLL_RETRY_MS} ms`);
    };
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) fail(`${result.error_code}: ${result.description}`);
      else if (failingSince !== undefined) {
        logger.info({ down_ms: Date.now() - failingSince }, "polling: Telegram answers again");
        failingSince = undefined;
      }
      return result;
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  });

  let runner: RunnerHandle | undefined;
  let stopped = false;
  let conflictTimer: NodeJS.Timeout | undefined;
  const start = () => {
    const current = run(bot, {
      runner: {
        fetch: { allowed_updates: options.allowedUpdates as never, timeout: 30 },
        retryInterval: POLL_RETRY_MS,
        maxRetryTime: Number.POSITIVE_INFINITY,
        silent: true,
      },
      // Updates in flight at once: enough to keep Redis and the Bot API busy (the runner asks
      // getUpdates for as many as are free, so a small number means small batches). What an
      // update in flight holds outlives young-generation collections: before the reply cache and
      // the cheaper filters, 64 in flight reached 2.4x the floor's peak RSS; now 64 keeps it
      // under 1.5x (1.22x /start, 1.38x questions, 1.48x new questions) and takes /start from
      // 0.75 to 0.80-0.86 of the floor; the default 500 reached 2.7x.
      sink: { concurrency: 64 },
    });
    runner = current;
    current.task()?.catch((error: unknown) => {
      if (stopped) return;
      const code = error instanceof GrammyError ? error.error_code : undefined;
      if (code === 401) {
        logger.fatal("polling: Telegram refused BOT_TOKEN (401 Unauthorized); stopping");
        options.onUnauthorized();
      } else if (code === 409) {
        const pause = options.conflictRetryMs ?? CONFLICT_RETRY_MS;
        logger.error(
          { retry_ms: pause },
          "polling: 409 Conflict: another process polls with this token, or a webhook is set; polling again later",
        );
        conflictTimer = setTimeout(() => {
          if (!stopped) start();
        }, pause);
      } else {
        logger.error({ err: error }, "polling: stopped unexpectedly; starting again");
        conflictTimer = setTimeout(() => {
          if (!stopped) start();
        }, POLL_RETRY_MS);
      }
    });
  };
  start();
  return async () => {
    stopped = true;
    clearTimeout(conflictTimer);
    if (runner?.isRunning()) await runner.stop();
  };
}
