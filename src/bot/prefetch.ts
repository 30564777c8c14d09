import type { Context, MiddlewareFn, StorageAdapter } from "grammy";
import type { Redis } from "ioredis";
import { SUBSCRIBER_LANGUAGES_KEY } from "../storage/subscriptions.js";
import type { GateReads } from "./chat-lock.js";
import { isRedisError, redisUp } from "./redis-health.js";

/** What one update's shared middleware needs from Redis, read in a single pipeline. */
interface Prefetched {
  /** Raw session JSON (null: none stored); undefined once the session middleware took it. */
  session?: string | null;
  /** What the session middleware was given, to skip writing it back unchanged. */
  sessionRead?: string | null;
  /** Conversation state and its expiry marker; undefined once the conversations plugin took them. */
  conversation?: [string | null, string | null];
  /** The rate limiter's hit count after this update's increment; undefined once counted. */
  hits?: number;
  /** The delivery language stored for this user (null: not a subscriber). */
  subscriberLanguage: string | null;
}

export interface PrefetchKeys {
  /** `session:<chat id>`, as the session middleware keys it. */
  session: (chatId: number) => string;
  /** The conversation state and its marker (storage/session.ts). */
  conversation: (ctx: Context) => [string, string];
  /** The rate limiter's full key for a user (its keyPrefix + the user id). */
  rateLimit: (userId: number) => string;
  rateLimitMs: number;
}

/**
 * One Redis round trip before the features run, instead of one per plugin: the session, the
 * conversation state, the rate limiter's counter and the subscriber's delivery language are read
 * (and the counter incremented) in one pipeline. The session, conversation and rate-limit storages
 * below serve those values; each falls back to its own command when nothing was prefetched (an
 * update without a chat, tests that build a storage alone). Safe because updates of one chat run
 * one at a time (sequentialize), and each value is served once.
 */
export class UpdatePrefetch {
  private readonly bySession = new Map<string, Prefetched>();
  private readonly byContext = new WeakMap<Context, Prefetched>();
  /** Set by the rate limiter's keyGenerator, taken by its incr() in the same tick. */
  private counting: Prefetched | undefined;
  /** Rate-limit keys whose expiry the pipeline set already. */
  private readonly expirySet = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: PrefetchKeys,
  ) {}

  /** What the chat gate read for an update in its own round trip (gateReads), until the middleware takes it. */
  private readonly readByGate = new WeakMap<Context, Prefetched>();

  /**
   * The same reads for the chat gate (bot/chat-lock.ts) to run in its enter script, so an update of
   * a private chat costs one round trip less: gate and prefetch in one. Only private chats from a
   * user: the ones groupGate lets through to the middleware (group chatter must not count against
   * anyone's flood limit).
   */
  readonly gateReads: GateReads = {
    lua: `
local conversation = redis.call('MGET', KEYS[4], KEYS[5])
redis.call('SET', KEYS[6], '0', 'PX', ARGV[4], 'NX')
local hits = redis.call('INCR', KEYS[6])
return {redis.call('GET', KEYS[3]), conversation[1], conversation[2], hits, redis.call('HGET', KEYS[7], ARGV[5])}`,
    plan: (ctx) => {
      const from = ctx.from;
      if (ctx.chat?.type !== "private" || !from || from.is_bot) return undefined;
      const [conversationKey, markerKey] = this.keys.conversation(ctx);
      return {
        keys: [
          this.keys.session(ctx.chat.id),
          conversationKey,
          markerKey,
          this.keys.rateLimit(from.id),
          SUBSCRIBER_LANGUAGES_KEY,
        ],
        args: [this.keys.rateLimitMs, String(from.id)],
      };
    },
    take: (ctx, values) => {
      const text = (v: unknown) => (typeof v === "string" ? v : null);
      this.readByGate.set(ctx, {
        session: text(values[0]),
        conversation: [text(values[1]), text(values[2])],
        hits: Number(values[3]),
        subscriberLanguage: text(values[4]),
      });
    },
  };

  readonly middleware: MiddlewareFn<Context> = async (ctx, next) => {
    const chatId = ctx.chatId;
    if (chatId === undefined) return next();
    const userId = ctx.from?.id;
    const sessionKey = this.keys.session(chatId);
    const entry = this.readByGate.get(ctx) ?? (await this.readAhead(ctx, sessionKey, userId));
    this.readByGate.delete(ctx);
    // Redis unreachable: nothing is prefetched and each storage fails soft on its own.
    if (entry === undefined) return next();
    if (userId !== undefined) this.expirySet.add(this.keys.rateLimit(userId));
    this.bySession.set(sessionKey, entry);
    this.byContext.set(ctx, entry);
    try {
      await next();
    } finally {
      this.bySession.delete(sessionKey);
      if (userId !== undefined) this.expirySet.delete(this.keys.rateLimit(userId));
    }
  };

  /** The reads in a pipeline of their own (no chat gate read them): undefined when Redis is unreachable. */
  private async readAhead(
    ctx: Context,
    sessionKey: string,
    userId: number | undefined,
  ): Promise<Prefetched | undefined> {
    const [conversationKey, markerKey] = this.keys.conversation(ctx);
    const pipeline = this.redis.pipeline().get(sessionKey).mget(conversationKey, markerKey);
    if (userId !== undefined) {
      const limitKey = this.keys.rateLimit(userId);
      // The window starts at the first hit: create the counter with its expiry only when absent.
      pipeline
        .set(limitKey, "0", "PX", this.keys.rateLimitMs, "NX")
        .incr(limitKey)
        .hget(SUBSCRIBER_LANGUAGES_KEY, String(userId));
    }
    const results = await this.read(pipeline);
    if (results === undefined) return undefined;
    const value = (i: number) => results[i]?.[1];
    return {
      session: value(0) as string | null,
      conversation: value(1) as [string | null, string | null],
      subscriberLanguage: userId === undefined ? null : (value(4) as string | null),
      ...(userId === undefined ? {} : { hits: value(3) as number }),
    };
  }

  /** The pipeline's replies, or undefined when Redis cannot be reached (other errors are thrown). */
  private async read(
    pipeline: ReturnType<Redis["pipeline"]>,
  ): Promise<[Error | null, unknown][] | undefined> {
    if (!redisUp(this.redis)) return undefined;
    try {
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error)?.[0];
      if (failed) throw failed;
      return results;
    } catch (error) {
      if (isRedisError(error)) return undefined;
      throw error;
    }
  }

  /**
   * Wraps the session storage (`inner`, JSON under the session key as @grammyjs/storage-redis
   * keeps it): a read takes the prefetched value, and a write is skipped when the session did not
   * change (an empty one for a chat without a stored session is not written at all).
   */
  sessionStorage<T>(inner: StorageAdapter<T>): StorageAdapter<T> {
    return {
      read: async (key) => {
        const entry = this.bySession.get(key);
        if (!entry || entry.session === undefined) {
          const value = await inner.read(key);
          if (entry) entry.sessionRead = value === undefined ? null : JSON.stringify(value);
          return value;
        }
        const raw = entry.session;
        entry.session = undefined;
        entry.sessionRead = raw;
        return raw === null ? undefined : (JSON.parse(raw) as T);
      },
      write: async (key, value) => {
        const entry = this.bySession.get(key);
        const before = entry?.sessionRead;
        if (entry) entry.sessionRead = undefined;
        const raw = before === undefined ? undefined : JSON.stringify(value);
        if (raw !== undefined && (before === raw || (before === null && raw === "{}"))) return;
        await inner.write(key, value);
      },
      delete: async (key) => {
        const entry = this.bySession.get(key);
        if (entry) entry.sessionRead = undefined;
        await inner.delete(key);
      },
    };
  }

  /** The conversation state and marker read for this update, once (then undefined: read again). */
  conversation(ctx: Context): [string | null, string | null] | undefined {
    const entry = this.byContext.get(ctx);
    const values = entry?.conversation;
    if (entry) entry.conversation = undefined;
    return values;
  }

  /** The delivery language stored for the update's user, when it was prefetched. */
  subscriberLanguage(ctx: Context): string | null | undefined {
    return this.byContext.get(ctx)?.subscriberLanguage;
  }

  /** The rate limiter's keyGenerator: the user id, noting which update is counted next. */
  readonly rateLimitKey = (ctx: Context): string | undefined => {
    this.counting = this.byContext.get(ctx);
    return ctx.from?.id.toString();
  };

  /** The rate limiter's storage client: the prefetched count, else Redis itself. */
  readonly rateLimitClient = {
    incr: (key: string): Promise<number> => {
      const entry = this.counting;
      this.counting = undefined;
      if (entry?.hits !== undefined) {
        const hits = entry.hits;
        entry.hits = undefined;
        return Promise.resolve(hits);
      }
      this.expirySet.delete(key);
      return this.redis.incr(key);
    },
    pexpire: (key: string, ms: number): Promise<number> =>
      this.expirySet.has(key) ? Promise.resolve(1) : this.redis.pexpire(key, ms),
  };
}
