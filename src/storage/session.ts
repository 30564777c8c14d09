import type { ConversationContextStorage, VersionedState } from "@grammyjs/conversations";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Context, StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import { isRedisError, RedisDownError, redisUp } from "../bot/redis-health.js";

/**
 * Session storage: one JSON value per chat under `session:<chat id>`. It fails soft: while Redis is
 * unreachable a read gives "no session" (the user's Telegram language applies, questions are still
 * answered from memory) and the write after such a read is skipped, so the stored session is not
 * overwritten with the empty one once Redis is back.
 */
export function sessionStorage<T>(redis: Redis, onFailure?: (error: unknown) => void): StorageAdapter<T> {
  const inner = new RedisAdapter<T>({ instance: redis });
  const unread = new Set<string>();
  return {
    async read(key) {
      try {
        if (!redisUp(redis)) throw new RedisDownError();
        unread.delete(key);
        return await inner.read(key);
      } catch (error) {
        if (!isRedisError(error)) throw error;
        onFailure?.(error);
        unread.add(key);
        return undefined;
      }
    },
    async write(key, value) {
      if (unread.delete(key)) return;
      await inner.write(key, value);
    },
    async delete(key) {
      unread.delete(key);
      await inner.delete(key);
    },
  };
}

/** How long an untouched conversation is kept: a report abandoned for a day is dropped. */
export const CONVERSATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * A conversation is replayed from its first step on every update, so its recorded state is capped:
 * a whole report with a few corrections takes about 25 KB; a state past this size (hundreds of
 * messages inside one report) is dropped instead of making every further message slower and the
 * Redis value larger.
 */
export const MAX_CONVERSATION_BYTES = 128 * 1024;

/** Why a user's conversation is gone: the code changed under it, it sat idle, or it grew too long. */
export type DroppedConversation = "stale" | "expired" | "too-long";

/**
 * Whose conversation an update belongs to. In a private chat the chat is the user (`conv:<chat>`);
 * anywhere else it is the user in that chat (`conv:<chat>:<user>`), so nobody continues a
 * conversation another member started.
 */
export function conversationKey(ctx: Context): string {
  const chat = ctx.chat;
  if (chat === undefined || chat.type === "private") return `conv:${ctx.chatId ?? ctx.from?.id ?? "none"}`;
  return `conv:${chat.id}:${ctx.from?.id ?? "none"}`;
}

/**
 * Conversation state under `conversationKey(ctx)`, tagged with the version of the conversation
 * code. When a deploy bumps the version, the old state is dropped and `onDropped(ctx, "stale")` is
 * called, so the user can be told to start again instead of meeting silence. A state idle for
 * 24 hours expires in Redis; a marker that outlives it lets `onDropped(ctx, "expired")` fire on the
 * user's next message. While Redis is down a read gives "no conversation" and `onUnavailable(ctx)`
 * is called, unless this process knows the user is in one: then, like every write, it fails and
 * the user is told to try again (the conversation goes on once Redis is back).
 */
export function conversationStorage<C extends Context, S>(
  redis: Redis,
  version: string,
  onDropped: (ctx: C, why: DroppedConversation) => void,
  onUnavailable: (ctx: C) => void = () => {},
  /** The state and marker when already read for this update (bot/prefetch.ts). */
  prefetched?: (ctx: C) => [string | null, string | null] | undefined,
): ConversationContextStorage<C, S> {
  const keyOf = (ctx: C) => conversationKey(ctx);
  const markerOf = (ctx: C) => `${keyOf(ctx)}:alive`;
  // Conversations this process wrote and did not end: while Redis is down, their users are told
  // to try again instead of having their answer taken for a question.
  const active = new Set<string>();
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx) {
        let [raw, marker] = prefetched?.(ctx) ?? [];
        try {
          if (raw === undefined) {
            if (!redisUp(redis)) throw new RedisDownError();
            [raw, marker] = await redis.mget(keyOf(ctx), markerOf(ctx));
          }
        } catch (error) {
          if (!isRedisError(error) || active.has(keyOf(ctx))) throw error;
          onUnavailable(ctx);
          return undefined;
        }
        if (raw === null || raw === undefined) {
          if (marker) {
            await redis.del(markerOf(ctx));
            onDropped(ctx, "expired");
          }
          return undefined;
        }
        if (raw.length > MAX_CONVERSATION_BYTES) {
          await redis.del(keyOf(ctx), markerOf(ctx));
          active.delete(keyOf(ctx));
          onDropped(ctx, "too-long");
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
        active.add(keyOf(ctx));
        await redis
          .multi()
          .set(keyOf(ctx), JSON.stringify(state), "EX", CONVERSATION_TTL_SECONDS)
          // The marker lives a week longer, so that "your unfinished report expired" can be said.
          .set(markerOf(ctx), "1", "EX", CONVERSATION_TTL_SECONDS + 7 * 24 * 60 * 60)
          .exec();
      },
      async delete(ctx) {
        await redis.del(keyOf(ctx), markerOf(ctx));
        active.delete(keyOf(ctx));
      },
    },
  };
}

/** A conversation's state key and the marker that outlives it. */
export function conversationKeys(ctx: Context): [string, string] {
  const key = conversationKey(ctx);
  return [key, `${key}:alive`];
}
