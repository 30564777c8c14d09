import { GrammyError, type Transformer } from "grammy";

/** Telegram's answer to an edit that would change nothing: the message already shows what we want. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes("message is not modified");
}

/** Telegram's answer to a second or late answer of a callback query. */
export function isQueryTooOld(error: unknown): boolean {
  return error instanceof GrammyError && /query is too old|query ID is invalid/.test(error.description);
}

/** Runs an edit, treating "message is not modified" as the success it is (a double tap, say). */
export async function editIgnoringUnchanged(edit: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/**
 * An API transformer: Telegram's "message is not modified" answer to an edit becomes a success
 * (`true`), in every handler at once, so a double tap or a redraw of an unchanged menu is not an
 * error anywhere.
 */
export const unchangedEditIsSuccess: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  if (
    !result.ok &&
    method.startsWith("editMessage") &&
    result.description.includes("message is not modified")
  )
    return { ok: true, result: true } as unknown as typeof result;
  return result;
};
