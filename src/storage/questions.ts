import { randomBytes } from "node:crypto";
import type { ChainableCommander, Redis } from "ioredis";

/** What the bot answered to one question, kept so buttons under the reply can refer to it. */
export interface AskedQuestion {
  question: string;
  lang: string;
  answered: boolean;
  /** The reply text as sent. */
  reply: string;
  /** `doc` ids of the sources, best first. */
  sources: string[];
  related: string[];
  /** The chat the reply went to and its message: only a button under that message may vote on it. */
  chatId?: number;
  messageId?: number;
}

/** Who pressed a button, and under which message: what a vote is checked against. */
export interface Voter {
  userId: number;
  chatId: number;
  messageId: number | undefined;
}

/** Why an answer got 👎. */
export const DISLIKE_REASONS = ["wrong", "outdated", "not-asked", "other"] as const;
export type DislikeReason = (typeof DISLIKE_REASONS)[number];

/** A disliked answer, with how many 👎 it got and why. */
export interface Disliked {
  answer: string;
  question: string;
  count: number;
  reasons: Partial<Record<DislikeReason, number>>;
}

const QUESTION_TTL_SECONDS = 30 * 24 * 60 * 60;
const GAP_DAYS = 30;
/** Per day, only the most frequent unanswered questions are kept: the log cannot grow without bound. */
const GAPS_KEPT_PER_DAY = 500;
const FEEDBACK_KEPT = 10_000;

const day = (date: Date) => date.toISOString().slice(0, 10);
/** Answers are grouped by their first line: the same fact disliked under several questions counts together. */
const answerKey = (reply: string) => (reply.split("\n")[0] ?? "").slice(0, 160);

/** Appends one feedback entry (a vote, or the reason for a 👎) to the capped `ask:feedback` stream. */
function feedback(multi: ChainableCommander, id: string, at: Date, fields: Record<string, string>) {
  const pairs = Object.entries({ question_id: id, ...fields, at: at.toISOString() }).flat();
  return multi.xadd("ask:feedback", "MAXLEN", "~", FEEDBACK_KEPT, "*", ...pairs);
}

/** Random bytes for question ids, drawn in bulk (newId). */
let idPool = Buffer.alloc(0);
let idOffset = 0;

/**
 * Counts an unanswered question in its day's gaps (capped per day, kept GAP_DAYS). Plain commands,
 * not a transaction: they join the client's automatic pipeline, and a count needs no isolation.
 */
function countGap(redis: Redis, question: string, at: Date): Promise<unknown>[] {
  const key = `ask:gaps:${day(at)}`;
  return [
    redis.zincrby(key, 1, normalizeQuestion(question)),
    redis.zremrangebyrank(key, 0, -(GAPS_KEPT_PER_DAY + 1)),
    redis.expire(key, (GAP_DAYS + 1) * 24 * 60 * 60),
  ];
}

/** Questions asked, the feedback on their answers, and the unanswered ones (content gaps). */
export class QuestionStore {
  constructor(private readonly redis: Redis) {}

  /**
   * A new question's id, the one its buttons carry: 64 random bits in hex, taken without Redis so
   * the reply can be sent first and the question stored after it with the message id it went out
   * as (one round trip for both). Random, not sequential: the id alone still proves nothing, the
   * chat and message stored with it do (see forVoter).
   */
  newId(): string {
    if (idOffset + 8 > idPool.length) {
      // One call to the system's random source per 512 ids: each costs a syscall-sized call.
      idPool = randomBytes(4096);
      idOffset = 0;
    }
    idOffset += 8;
    return idPool.toString("hex", idOffset - 8, idOffset);
  }

  /**
   * Stores a question and its reply under `id` (from newId) for 30 days; an unanswered one (`gapAt`:
   * when it was asked) is counted among the day's gaps, in the same round trip (the client's
   * automatic pipeline sends the commands together).
   */
  async save(id: string, asked: AskedQuestion, gapAt?: Date): Promise<void> {
    const stored = this.redis.set(`ask:q:${id}`, JSON.stringify(asked), "EX", QUESTION_TTL_SECONDS);
    await Promise.all([stored, ...(gapAt ? countGap(this.redis, asked.question, gapAt) : [])]);
  }

  async get(id: string): Promise<AskedQuestion | undefined> {
    const raw = await this.redis.get(`ask:q:${id}`);
    return raw ? (JSON.parse(raw) as AskedQuestion) : undefined;
  }

  /**
   * The question behind a button, if the button is under the reply the presser received. The id
   * alone proves nothing: a forged button from another chat, or on another message, gets undefined.
   */
  async forVoter(id: string, voter: Voter): Promise<AskedQuestion | undefined> {
    const asked = await this.get(id);
    if (!asked || asked.chatId !== voter.chatId) return undefined;
    if (asked.messageId !== undefined && asked.messageId !== voter.messageId) return undefined;
    return asked;
  }

  /**
   * Records a 👍/👎 with the question and what was answered. One vote per user and question: a
   * second tap changes the vote instead of counting twice. Returns false for an unknown question
   * or a button that is not under the voter's own reply.
   */
  async vote(id: string, voter: Voter, vote: "up" | "down", at: Date): Promise<boolean> {
    const asked = await this.forVoter(id, voter);
    if (!asked) return false;
    const userId = voter.userId;
    const previous = await this.redis.hget(`ask:votes:${id}`, String(userId));
    if (previous === vote) return true;
    const key = answerKey(asked.reply);
    const tally = this.redis.multi();
    if (vote === "down")
      tally.zincrby("ask:disliked", 1, key).hset("ask:disliked:question", key, asked.question);
    else if (previous === "down") tally.zincrby("ask:disliked", -1, key);
    tally.hset(`ask:votes:${id}`, String(userId), vote).expire(`ask:votes:${id}`, QUESTION_TTL_SECONDS);
    await feedback(tally, id, at, {
      vote,
      question: asked.question,
      reply: asked.reply,
      sources: asked.sources.join(","),
    }).exec();
    return true;
  }

  /**
   * Why the voter disliked an answer (asked after 👎). Only the voter's own 👎 can be explained, once;
   * returns false otherwise.
   */
  async explainDislike(id: string, voter: Voter, reason: DislikeReason, at: Date): Promise<boolean> {
    const asked = await this.get(id);
    if (!asked || asked.chatId !== voter.chatId) return false;
    if ((await this.redis.hget(`ask:votes:${id}`, String(voter.userId))) !== "down") return false;
    if ((await this.redis.hsetnx(`ask:why:${id}`, String(voter.userId), reason)) === 0) return false;
    const key = answerKey(asked.reply);
    const write = this.redis
      .multi()
      .expire(`ask:why:${id}`, QUESTION_TTL_SECONDS)
      .hincrby("ask:disliked:why", `${reason}|${key}`, 1);
    await feedback(write, id, at, { why: reason, question: asked.question }).exec();
    return true;
  }

  /** The answers with the most 👎, with the reasons given. */
  async topDisliked(limit = 10): Promise<Disliked[]> {
    const entries = await this.redis.zrevrangebyscore(
      "ask:disliked",
      "+inf",
      1,
      "WITHSCORES",
      "LIMIT",
      0,
      limit,
    );
    const result: Disliked[] = [];
    for (let i = 0; i + 1 < entries.length; i += 2) {
      const answer = entries[i] as string;
      const counts = await this.redis.hmget(
        "ask:disliked:why",
        ...DISLIKE_REASONS.map((reason) => `${reason}|${answer}`),
      );
      const reasons: Disliked["reasons"] = {};
      DISLIKE_REASONS.forEach((reason, j) => {
        const n = Number(counts[j] ?? 0);
        if (n > 0) reasons[reason] = n;
      });
      const question = (await this.redis.hget("ask:disliked:question", answer)) ?? "";
      result.push({ answer, question, count: Number(entries[i + 1]), reasons });
    }
    return result;
  }

  /**
   * The most frequent unanswered questions of the last 30 days. Summed here rather than with
   * ZUNIONSTORE so the day keys need not share a Redis Cluster slot.
   */
  async topGaps(now: Date, limit = 15): Promise<{ question: string; count: number }[]> {
    const days = Array.from({ length: GAP_DAYS }, (_, i) => day(new Date(now.getTime() - i * 86_400_000)));
    const totals = new Map<string, number>();
    for (const d of days) {
      const entries = await this.redis.zrange(`ask:gaps:${d}`, 0, -1, "WITHSCORES");
      for (let i = 0; i + 1 < entries.length; i += 2) {
        const question = entries[i] as string;
        totals.set(question, (totals.get(question) ?? 0) + Number(entries[i + 1]));
      }
    }
    return [...totals]
      .map(([question, count]) => ({ question, count }))
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))
      .slice(0, limit);
  }
}

/** One spelling per question, so "Как оформить пенсию?" and "как оформить  пенсию" count together. */
export function normalizeQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\p{P}]+$/u, "")
    .replace(/^[\s\p{P}]+/u, "")
    .replace(/\s+/g, " ")
    .slice(0, 200);
}
