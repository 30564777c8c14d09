import type { ConversationContextStorage, VersionedState } from "@grammyjs/conversations";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Context, StorageAdapter } from "grammy";
import type { Redis } from "ioredis";

/** Session storage: one JSON value per chat under `session:<chat id>`. */
export function sessionStorage<T>(redis: Redis): StorageAdapter<T> {
  return new RedisAdapter<T>({ instance: redis });
}

/** A chat's conversation state and the marker that outlives it. */
export function conversationKeys(chatId: number | undefined): [string, string] {
  const key = `conv:${chatId ?? "none"}`;
  return [key, `${key}:alive`];
}

/** How long an untouched conversation is kept: a report abandoned for a day is dropped. */
export const CONVERSATION_TTL_SECONDS = 24 * 60 * 60;

/** Why a user's conversation is gone: the code changed under it, or it sat idle too long. */
export type DroppedConversation = "stale" | "expired";

/**
 * Conversation state under `conv:<chat id>`, tagged with the version of the conversation code.
 * When a deploy bumps the version, the old state is dropped and `onDropped(ctx, "stale")` is
 * called, so the user can be told to start again instead of meeting silence. A state idle for
 * 24 hours expires in Redis; a marker that outlives it lets `onDropped(ctx, "expired")` fire on the
 * user's next message.
 */
export function conversationStorage<C extends Context, S>(
  redis: Redis,
  version: string,
  onDropped: (ctx: C, why: DroppedConversation) => void,
  /** The state and marker when already read for this update (bot/prefetch.ts). */
  prefetched?: (ctx: C) => [string | null, string | null] | undefined,
): ConversationContextStorage<C, S> {
  const keyOf = (ctx: C) => conversationKeys(ctx.chatId)[0];
  const markerOf = (ctx: C) => conversationKeys(ctx.chatId)[1];
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx) {
        const [raw, marker] = prefetched?.(ctx) ?? (await redis.mget(keyOf(ctx), markerOf(ctx)));
        if (raw === null || raw === undefined) {
          if (marker) {
            await redis.del(markerOf(ctx));
            onDropped(ctx, "expired");
          }
          return undefined;
        }
        const data = JSON.parse(raw) as VersionedState<S>;
        if (data.version[1] !== version) {
          await redis.del(keyOf(ctx), markerOf(ctx));
          onDropped(ctx, "stale");
          return undefined;
        }
        return data;
      },
      async write(ctx, state) {
        await redis
          .multi()
          .set(keyOf(ctx), JSON.stringify(state), "EX", CONVERSATION_TTL_SECONDS)
          // The marker lives a week longer, so that "your unfinished report expired" can be said.
          .set(markerOf(ctx), "1", "EX", CONVERSATION_TTL_SECONDS + 7 * 24 * 60 * 60)
          .exec();
      },
      async delete(ctx) {
        await redis.del(keyOf(ctx), markerOf(ctx));
      },
    },
  };
}
