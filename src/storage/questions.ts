import type { Redis } from "ioredis";

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
}

const QUESTION_TTL_SECONDS = 30 * 24 * 60 * 60;
const GAP_DAYS = 30;
/** Per day, only the most frequent unanswered questions are kept: the log cannot grow without bound. */
const GAPS_KEPT_PER_DAY = 500;
const FEEDBACK_KEPT = 10_000;

/** KEYS: the sequence, the question key prefix; ARGV: the question JSON, its TTL. Returns the id. */
const SAVE_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local digits = '0123456789abcdefghijklmnopqrstuvwxyz'
local id = ''
repeat
  local d = n % 36
  id = string.sub(digits, d + 1, d + 1) .. id
  n = math.floor(n / 36)
until n == 0
redis.call('SET', KEYS[2] .. id, ARGV[1], 'EX', ARGV[2])
return id`;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Questions asked, the feedback on their answers, and the unanswered ones (content gaps). */
export class QuestionStore {
  constructor(private readonly redis: Redis) {}

  /**
   * Stores a question and its reply; returns the short id that buttons carry (the sequence number
   * in base 36). One round trip: the id is taken and the question stored by one script.
   */
  async save(asked: AskedQuestion): Promise<string> {
    const id = await this.redis.eval(
      SAVE_SCRIPT,
      2,
      "ask:seq",
      "ask:q:",
      JSON.stringify(asked),
      QUESTION_TTL_SECONDS,
    );
    return String(id);
  }

  async get(id: string): Promise<AskedQuestion | undefined> {
    const raw = await this.redis.get(`ask:q:${id}`);
    return raw ? (JSON.parse(raw) as AskedQuestion) : undefined;
  }

  /**
   * Records a 👍/👎 with the question and what was answered. One vote per user and question: a
   * second tap changes the vote instead of counting twice. Returns false for an unknown question.
   */
  async vote(id: string, userId: number, vote: "up" | "down", at: Date): Promise<boolean> {
    const asked = await this.get(id);
    if (!asked) return false;
    const previous = await this.redis.hget(`ask:votes:${id}`, String(userId));
    if (previous === vote) return true;
    await this.redis
      .multi()
      .hset(`ask:votes:${id}`, String(userId), vote)
      .expire(`ask:votes:${id}`, QUESTION_TTL_SECONDS)
      .xadd(
        "ask:feedback",
        "MAXLEN",
        "~",
        FEEDBACK_KEPT,
        "*",
        "question_id",
        id,
        "vote",
        vote,
        "question",
        asked.question,
        "reply",
        asked.reply,
        "sources",
        asked.sources.join(","),
        "at",
        at.toISOString(),
      )
      .exec();
    return true;
  }

  /** Counts an unanswered question for the day, so administrators can see what the texts lack. */
  async recordGap(question: string, at: Date): Promise<void> {
    const key = `ask:gaps:${day(at)}`;
    await this.redis
      .multi()
      .zincrby(key, 1, normalizeQuestion(question))
      .zremrangebyrank(key, 0, -(GAPS_KEPT_PER_DAY + 1))
      .expire(key, (GAP_DAYS + 1) * 24 * 60 * 60)
      .exec();
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
