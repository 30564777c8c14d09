import { stdSerializers } from "pino";
import { maskPersonalData } from "./mask.js";

/**
 * Errors as logged. grammY's API errors carry the call's parameters (`payload`: the whole message
 * text, the user's words in it); logs keep the method, code and description only, and any number
 * left in the description is masked.
 */
export function errorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  delete serialized.payload;
  if (typeof serialized.message === "string") serialized.message = maskPersonalData(serialized.message).text;
  if (typeof serialized.stack === "string") serialized.stack = maskPersonalData(serialized.stack).text;
  return serialized;
}

/** Pino options every logger of the bot uses. */
export const LOG_SERIALIZERS = { err: errorSerializer };
