import type { Redis } from "ioredis";
import { maskOptional, maskPersonalData } from "../privacy/mask.js";

/**
 * Reports of slow internet in Redis.
 *
 *   report:seq:<year>              INCR counter behind R-<year>-<000042>
 *   report:<ref>                   hash: the report's fields, status, who changed it and when
 *   report:<ref>:history           list of JSON status changes {status, by, at}
 *   report:draft:<draft id>        the reference a conversation's draft became (idempotency, 7 days)
 *   reports:all                    zset reference -> created ms (export, date ranges)
 *   reports:user:<user id>         zset reference -> created ms (/myreports; deleted by /deletemydata)
 *   reports:place:<settlement key> zset reference -> created ms (the "5 in 30 days" threshold)
 *   report:place-alert:<key>       set NX for 30 days once moderators got the place's summary
 *   report:consent:<user id>       when the user agreed to the processing of their report data
 *   report:outbox                  zset reference -> when to try telling the moderators (next)
 *   report:outbox:lease:<ref>      held (PX) by whoever is sending that notice right now
 *
 * Free text (settlement, comment) is masked for phones and IINs before it is stored.
 */
export const REPORT_STATUSES = ["new", "accepted", "resolved", "rejected"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A report as the conversation hands it over, already validated. */
export interface NewReport {
  userId: number;
  lang: string;
  region: string;
  settlement: string;
  settlementKey: string;
  operator: string;
  connection: string;
  problem: string;
  speedMbps: number | null;
  latitude: number | null;
  longitude: number | null;
  comment: string | null;
}

/** A stored report. `userId` is null once the reporter deleted their data. */
export interface StoredReport extends Omit<NewReport, "userId"> {
  reference: string;
  userId: number | null;
  createdAt: Date;
  status: ReportStatus;
  statusBy: number | null;
  statusAt: Date | null;
}

export interface StatusChange {
  status: ReportStatus;
  by: number;
  at: string;
}

const DRAFT_TTL_SECONDS = 7 * 24 * 60 * 60;
const OUTBOX_KEY = "report:outbox";
const leaseKey = (reference: string) => `report:outbox:lease:${reference}`;
/** Coordinates of an anonymised report keep one decimal (about 10 km): the district, not the house. */
const ANONYMOUS_COORDINATE_DECIMALS = 1;

/** Writes the report and its indexes at once, unless the draft was already saved (then returns that). */
const SAVE_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1])
if ARGV[4] ~= '' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1]) end
redis.call('ZADD', KEYS[6], ARGV[3], ARGV[1])
return {1, ARGV[1]}
`;

/** Formats the counter as the reference users see: R-2026-000042. */
export function formatReference(year: number, n: number): string {
  return `R-${year}-${String(n).padStart(6, "0")}`;
}

/** The report store over one Redis connection; every method is a few round trips at most. */
export class ReportStore {
  constructor(private readonly redis: Redis) {}

  /**
   * Saves a report once per draft: a second call with the same draft id (a double press, a
   * redelivered update replayed by the conversation) returns the first report, `created: false`.
   */
  async save(
    draftId: string,
    report: NewReport,
    now: Date,
  ): Promise<{ report: StoredReport; created: boolean }> {
    const draftKey = `report:draft:${draftId}`;
    const known = await this.redis.get(draftKey);
    if (known) return { report: await this.require(known), created: false };
    // Kazakhstan keeps one time zone, UTC+5, since March 2024: a report sent at 01:00 on 1 January
    // local time belongs to the new year.
    const year = new Date(now.getTime() + 5 * 60 * 60 * 1000).getUTCFullYear();
    const reference = formatReference(year, await this.redis.incr(`report:seq:${year}`));
    const stored: StoredReport = {
      ...report,
      settlement: maskPersonalData(report.settlement).text,
      settlementKey: maskPersonalData(report.settlementKey).text,
      comment: maskOptional(report.comment),
      reference,
      createdAt: now,
      status: "new",
      statusBy: null,
      statusAt: null,
    };
    const [created, winner] = (await this.redis.eval(
      SAVE_SCRIPT,
      6,
      draftKey,
      `report:${reference}`,
      `reports:user:${report.userId}`,
      "reports:all",
      `reports:place:${stored.settlementKey}`,
      OUTBOX_KEY,
      reference,
      DRAFT_TTL_SECONDS,
      now.getTime(),
      String(report.userId),
      ...Object.entries(toHash(stored)).flat(),
    )) as [number, string];
    // A lost race with the same draft leaves a gap in the counter, never a second report.
    if (created === 1) return { report: stored, created: true };
    return { report: await this.require(winner), created: false };
  }

  /** One report, or undefined. */
  async get(reference: string): Promise<StoredReport | undefined> {
    const hash = await this.redis.hgetall(`report:${reference}`);
    return hash.reference ? fromHash(hash) : undefined;
  }

  /** A user's reports, newest first. */
  async listByUser(userId: number, limit = 20): Promise<StoredReport[]> {
    const refs = await this.redis.zrevrange(`reports:user:${userId}`, 0, limit - 1);
    return this.many(refs);
  }

  /** Reports created in [from, to), oldest first. */
  async listBetween(from: Date, to: Date): Promise<StoredReport[]> {
    const refs = await this.redis.zrangebyscore("reports:all", from.getTime(), `(${to.getTime()}`);
    return this.many(refs);
  }

  /** Reports of one place (settlement key) created in [from, to]. */
  async listForPlace(settlementKey: string, from: Date, to: Date): Promise<StoredReport[]> {
    const refs = await this.redis.zrangebyscore(
      `reports:place:${settlementKey}`,
      from.getTime(),
      to.getTime(),
    );
    return this.many(refs);
  }

  /** True the first time within `ttlSeconds` for this place: whoever gets true sends the summary. */
  async claimPlaceAlert(settlementKey: string, ttlSeconds: number): Promise<boolean> {
    return (
      (await this.redis.set(`report:place-alert:${settlementKey}`, "1", "EX", ttlSeconds, "NX")) === "OK"
    );
  }

  /**
   * The moderators' outbox. Every saved report enters it (in the same script that saves it) and
   * leaves only once Telegram accepted the moderators' message, so a report the user was thanked
   * for reaches them even across a Bot API outage or a restart.
   */
  async dueNotices(now: Date, limit = 20): Promise<string[]> {
    return this.redis.zrangebyscore(OUTBOX_KEY, "-inf", now.getTime(), "LIMIT", 0, limit);
  }

  /** Takes the right to send one notice for `ms`; false when another sender holds it. */
  async leaseNotice(reference: string, ms: number): Promise<boolean> {
    return (await this.redis.set(leaseKey(reference), "1", "PX", ms, "NX")) === "OK";
  }

  /** Telegram accepted the moderators' message: remember it and take the report out of the outbox. */
  async noticeDelivered(reference: string, chatId: number, messageId: number, at: Date): Promise<void> {
    await this.redis
      .multi()
      .hset(
        `report:${reference}`,
        "moderatorChatId",
        chatId,
        "moderatorMessageId",
        messageId,
        "notifiedAt",
        at.toISOString(),
      )
      .zrem(OUTBOX_KEY, reference)
      .del(leaseKey(reference))
      .exec();
  }

  /** The send failed: try again after `delayMs(attempts failed so far)`. */
  async noticeFailed(reference: string, now: Date, delayMs: (attempts: number) => number): Promise<void> {
    const attempts = await this.redis.hincrby(`report:${reference}`, "noticeAttempts", 1);
    await this.redis
      .multi()
      .zadd(OUTBOX_KEY, "XX", now.getTime() + delayMs(attempts), reference)
      .del(leaseKey(reference))
      .exec();
  }

  /** Takes a reference out of the outbox without a message (the report is gone or already delivered). */
  async dropNotice(reference: string): Promise<void> {
    await this.redis.multi().zrem(OUTBOX_KEY, reference).del(leaseKey(reference)).exec();
  }

  /** Whether the moderators were already told about a report. */
  async wasNotified(reference: string): Promise<boolean> {
    return (await this.redis.hexists(`report:${reference}`, "notifiedAt")) === 1;
  }

  /** How many notices wait in the outbox. */
  pendingNotices(): Promise<number> {
    return this.redis.zcard(OUTBOX_KEY);
  }

  /** Sets the status, records who and when; returns the report before the change, or undefined. */
  async setStatus(
    reference: string,
    status: ReportStatus,
    by: number,
    at: Date,
  ): Promise<StoredReport | undefined> {
    const before = await this.get(reference);
    if (!before) return undefined;
    const change: StatusChange = { status, by, at: at.toISOString() };
    await this.redis
      .multi()
      .hset(`report:${reference}`, "status", status, "statusBy", by, "statusAt", change.at)
      .rpush(`report:${reference}:history`, JSON.stringify(change))
      .exec();
    return before;
  }

  /** The status changes of a report, oldest first. */
  async history(reference: string): Promise<StatusChange[]> {
    const items = await this.redis.lrange(`report:${reference}:history`, 0, -1);
    return items.map((item) => JSON.parse(item) as StatusChange);
  }

  /** Whether the user agreed to the processing of their report data. */
  async hasConsent(userId: number): Promise<boolean> {
    return (await this.redis.exists(`report:consent:${userId}`)) === 1;
  }

  /** Remembers the user's consent (with its time, for the record). */
  async giveConsent(userId: number, at: Date): Promise<void> {
    await this.redis.set(`report:consent:${userId}`, at.toISOString());
  }

  /**
   * Anonymises the user's reports and forgets their consent. A report keeps what the ministry
   * needs (place, operator, connection, problem, speed, dates, status); it loses the user id, the
   * comment and the exact coordinates (rounded to about 10 km). Returns how many reports.
   */
  async forgetUser(userId: number): Promise<number> {
    const refs = await this.redis.zrange(`reports:user:${userId}`, 0, -1);
    const reports = await this.many(refs);
    const multi = this.redis.multi();
    for (const report of reports) {
      multi.hset(
        `report:${report.reference}`,
        "userId",
        "",
        "comment",
        "",
        "latitude",
        roundOrEmpty(report.latitude),
        "longitude",
        roundOrEmpty(report.longitude),
        "anonymisedAt",
        new Date().toISOString(),
      );
    }
    multi.del(`reports:user:${userId}`, `report:consent:${userId}`);
    await multi.exec();
    return refs.length;
  }

  private async many(refs: string[]): Promise<StoredReport[]> {
    if (refs.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const ref of refs) pipeline.hgetall(`report:${ref}`);
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([error, hash]) => {
      const fields = hash as Record<string, string> | undefined;
      return !error && fields?.reference ? [fromHash(fields)] : [];
    });
  }

  private async require(reference: string): Promise<StoredReport> {
    const report = await this.get(reference);
    if (!report) throw new Error(`reports: ${reference} is indexed but its hash is missing`);
    return report;
  }
}

function roundOrEmpty(value: number | null): string {
  return value === null ? "" : value.toFixed(ANONYMOUS_COORDINATE_DECIMALS);
}

function toHash(report: StoredReport): Record<string, string> {
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    reference: report.reference,
    createdAt: report.createdAt.toISOString(),
    userId: text(report.userId),
    lang: report.lang,
    region: report.region,
    settlement: report.settlement,
    settlementKey: report.settlementKey,
    operator: report.operator,
    connection: report.connection,
    problem: report.problem,
    speedMbps: text(report.speedMbps),
    latitude: text(report.latitude),
    longitude: text(report.longitude),
    comment: text(report.comment),
    status: report.status,
    statusBy: text(report.statusBy),
    statusAt: report.statusAt ? report.statusAt.toISOString() : "",
  };
}

function fromHash(hash: Record<string, string>): StoredReport {
  const num = (v: string | undefined) => (v === undefined || v === "" ? null : Number(v));
  const status = REPORT_STATUSES.find((s) => s === hash.status) ?? "new";
  return {
    reference: hash.reference ?? "",
    createdAt: new Date(hash.createdAt ?? 0),
    userId: num(hash.userId),
    lang: hash.lang ?? "ru",
    region: hash.region ?? "",
    settlement: hash.settlement ?? "",
    settlementKey: hash.settlementKey ?? "",
    operator: hash.operator ?? "",
    connection: hash.connection ?? "",
    problem: hash.problem ?? "",
    speedMbps: num(hash.speedMbps),
    latitude: num(hash.latitude),
    longitude: num(hash.longitude),
    comment: hash.comment ? hash.comment : null,
    status,
    statusBy: num(hash.statusBy),
    statusAt: hash.statusAt ? new Date(hash.statusAt) : null,
  };
}
