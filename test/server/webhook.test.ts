import type { Update } from "grammy/types";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/server/http.js";
import { InFlight } from "../../src/server/in-flight.js";
import { createMetrics } from "../../src/server/metrics.js";
import { webhookHandler } from "../../src/server/webhook.js";

const SECRET = "a-secret-of-twenty-chars";
let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handle: (update: Update) => Promise<unknown>, options: { closing?: boolean } = {}) {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
  const metrics = createMetrics();
  server = await startHttpServer({
    port: 0,
    logger,
    metrics,
    ready: async () => ({ redis: true }),
    webhook: {
      path: "/hook",
      handle: webhookHandler({
        secret: SECRET,
        replyMs: 100,
        handle,
        logger,
        closing: () => options.closing === true,
        onStatus: (status) => metrics.webhookRequests.inc({ status }),
      }),
    },
  });
  const post = (body: string) =>
    fetch(`http://127.0.0.1:${server?.port}/hook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body,
    });
  return { post, lines, metrics };
}

describe("the webhook endpoint", () => {
  it("answers 200 for an update whose handling fails, logs it, and leaves no unhandled rejection", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const { post, lines } = await serve(async () => {
        throw new Error("handler exploded");
      });
      expect((await post(JSON.stringify({ update_id: 1 }))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines.join("")).toContain("webhook: update failed");
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("answers before a slow update ends; the update runs to its end and can be waited for", async () => {
    const inFlight = new InFlight();
    let finished = false;
    let release: () => void = () => {};
    const { post } = await serve((update) =>
      inFlight.track(
        new Promise<void>((resolve) => {
          release = () => {
            finished = update.update_id === 2;
            resolve();
          };
        }),
      ),
    );
    expect((await post(JSON.stringify({ update_id: 2 }))).status).toBe(200);
    expect(finished).toBe(false);
    expect(inFlight.size).toBe(1);
    release();
    expect(await inFlight.drain(5000)).toBe(0);
    expect(finished).toBe(true);
  });

  it("refuses updates with 503 while shutting down, so Telegram sends them again", async () => {
    let handled = 0;
    const { post, metrics } = await serve(
      async () => {
        handled++;
      },
      { closing: true },
    );
    expect((await post(JSON.stringify({ update_id: 3 }))).status).toBe(503);
    expect(handled).toBe(0);
    expect(await metrics.registry.getSingleMetricAsString("qdb_webhook_requests_total")).toContain(
      'status="503"} 1',
    );
  });

  it("serves /healthz and /readyz next to the webhook, and 405 for a GET on the webhook", async () => {
    await serve(async () => {});
    const base = `http://127.0.0.1:${server?.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ redis: true });
    expect((await fetch(`${base}/hook`)).status).toBe(405);
  });
});
