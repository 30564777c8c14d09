import type { Api } from "grammy";
import type { BotDeps } from "../bot/context.js";

/** Background delivery of broadcasts; stop() lets in-flight work finish before shutdown. */
export interface Delivery {
  stop(): Promise<void>;
}

/** Starts the broadcast workers for this process. */
export function startDelivery(_deps: BotDeps, _api: Api): Delivery {
  return { stop: async () => {} };
}
