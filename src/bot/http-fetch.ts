import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";

type FetchFn = NonNullable<ApiClientOptions["fetch"]>;

/** What grammY's ApiClient passes to `fetch` (core/client.js: createJsonPayload / createFormDataPayload). */
interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** JSON text, or a multipart stream for uploads. */
  body?: string | Readable;
  signal?: {
    aborted: boolean;
    addEventListener(type: "abort", listener: () => void): void;
    removeEventListener(type: "abort", listener: () => void): void;
  };
}

/** Parsed method URLs (one per Bot API method the bot calls). */
const urls = new Map<string, URL>();

function parsed(url: string): URL {
  let target = urls.get(url);
  if (!target) {
    if (urls.size >= 256) urls.clear();
    target = new URL(url);
    urls.set(url, target);
  }
  return target;
}

/** One keep-alive agent per protocol, shared by every client of the process. */
const agents = {
  "http:": new HttpAgent({ keepAlive: true }),
  "https:": new HttpsAgent({ keepAlive: true }),
};

/**
 * The Bot API transport: grammY's ApiClient over node:http(s) with keep-alive agents, instead of
 * its default node-fetch. Every reply and every getUpdates is one call; node-fetch builds a Request,
 * Headers, a body stream piped through a PassThrough and an AbortSignal shim around each, ~10% of
 * the bot's CPU per /start in `npm run bench`. This does what grammY needs (POST a JSON or multipart
 * body, honour the abort signal, parse the JSON answer) and nothing else: no redirects (the Bot API
 * answers every method itself) and no compression (its answers are small).
 */
export const httpFetch: FetchFn = ((url: string, init: FetchInit = {}) =>
  new Promise((resolve, reject) => {
    const target = parsed(url);
    const secure = target.protocol === "https:";
    const request = secure ? httpsRequest : httpRequest;
    const { signal, body } = init;
    if (signal?.aborted) return reject(abortError());
    const req = request(
      target,
      {
        method: init.method ?? "GET",
        headers: init.headers,
        agent: secure ? agents["https:"] : agents["http:"],
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", fail);
        res.once("aborted", () => fail(new Error("http: the answer was cut off")));
        res.once("end", () => {
          signal?.removeEventListener("abort", onAbort);
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            ok: (res.statusCode ?? 0) < 400,
            status: res.statusCode ?? 0,
            json: async () => JSON.parse(text) as unknown,
            text: async () => text,
          });
        });
      },
    );
    function fail(error: Error) {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    }
    function onAbort() {
      req.destroy(abortError());
    }
    signal?.addEventListener("abort", onAbort);
    req.once("error", fail);
    if (typeof body === "string") req.end(body);
    else if (body) {
      body.once("error", (error: Error) => req.destroy(error));
      body.pipe(req);
    } else req.end();
  })) as unknown as FetchFn;

function abortError(): Error {
  const error = new Error("The operation was aborted.");
  error.name = "AbortError";
  return error;
}
