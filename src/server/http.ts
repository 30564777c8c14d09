import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import type { Metrics } from "./metrics.js";

/** What /readyz checks; every value must be true for 200. */
export type Readiness = Record<string, boolean>;

export interface HttpServerOptions {
  /** 0: the OS picks a free port (tests); the chosen one is returned and logged. */
  port: number;
  logger: Logger;
  metrics: Metrics;
  ready: () => Promise<Readiness>;
  /** POST on this path goes to the webhook handler (webhook mode only). */
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> };
}

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP port of every role and mode: /healthz (the process runs), /readyz (Redis answers, the
 * knowledge is loaded, updates are being taken), /metrics (Prometheus), and the webhook.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { logger, metrics } = options;
  const json = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
  };
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (options.webhook && path === options.webhook.path) {
      if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
      return options.webhook.handle(req, res);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path === "/readyz") {
      const checks = await options.ready();
      return json(res, Object.values(checks).every(Boolean) ? 200 : 503, checks);
    }
    if (path === "/metrics") {
      const body = await metrics.registry.metrics();
      return void res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
    }
    res.writeHead(404).end();
  };
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url }, "http: request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // A client that never finishes its request must not hold a socket (and shutdown) forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error: Error) => logger.error({ err: error }, "http: server error"));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, "http: listening (/healthz, /readyz, /metrics)");
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
