import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReference, type NewReport, ReportStore } from "../../src/storage/reports.js";
import { testRedis } from "../support/redis.js";

let redis: Redis;
let cleanup: () => Promise<void>;
let store: ReportStore;
beforeAll(async () => {
  ({ redis, cleanup } = await testRedis("reports-store"));
  store = new ReportStore(redis);
});
afterAll(() => cleanup());

const report = (overrides: Partial<NewReport> = {}): NewReport => ({
  userId: 7,
  lang: "ru",
  region: "pavlodar",
  settlement: "Иртышск",
  settlementKey: "pavlodar:иртышск",
  operator: "kcell",
  connection: "mobile-4g",
  problem: "slow",
  speedMbps: 1.5,
  latitude: 52.1,
  longitude: 76.9,
  comment: null,
  ...overrides,
});

describe("ReportStore", () => {
  it("formats references", () => {
    expect(formatReference(2026, 42)).toBe("R-2026-000042");
  });

  it("saves a report with its indexes and reads it back as it was", async () => {
    const at = new Date("2026-05-01T10:00:00Z");
    // A user of its own: the tests of this file run in any order (--sequence.shuffle).
    const { report: saved, created } = await store.save("draft-1", report({ userId: 70 }), at);
    expect(created).toBe(true);
    expect(saved.reference).toMatch(/^R-2026-\d{6}$/);
    expect(await store.get(saved.reference)).toEqual({ ...saved, status: "new" });
    expect((await store.listByUser(70)).map((r) => r.reference)).toEqual([saved.reference]);
    expect(await store.listForPlace("pavlodar:иртышск", at, at)).toHaveLength(1);
  });

  it("saves a draft once, however often it is sent", async () => {
    const at = new Date("2026-05-02T10:00:00Z");
    const results = await Promise.all([1, 2, 3].map(() => store.save("draft-2", report({ userId: 8 }), at)));
    const references = new Set(results.map((r) => r.report.reference));
    expect(references.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await redis.zcard("reports:user:8")).toBe(1);
  });

  it("numbers by Kazakhstan's year: 1 January 01:00 local is the new year", async () => {
    const { report: saved } = await store.save("draft-3", report(), new Date("2026-12-31T20:00:00Z"));
    expect(saved.reference.startsWith("R-2027-")).toBe(true);
  });

  it("lists a half-open time range", async () => {
    // Days no other test of this file uses, so the order of the tests does not matter.
    const from = new Date("2026-06-01T10:00:00Z");
    const to = new Date("2026-06-02T10:00:00Z");
    await store.save("draft-range-1", report(), from);
    await store.save("draft-range-2", report(), to);
    expect((await store.listBetween(from, to)).map((r) => r.createdAt.toISOString())).toEqual([
      "2026-06-01T10:00:00.000Z",
    ]);
  });

  it("records status changes with who and when", async () => {
    const { report: saved } = await store.save("draft-4", report(), new Date("2026-05-03T10:00:00Z"));
    await store.setStatus(saved.reference, "accepted", 900, new Date("2026-05-04T10:00:00Z"));
    await store.setStatus(saved.reference, "resolved", 901, new Date("2026-05-05T10:00:00Z"));
    expect(await store.get(saved.reference)).toMatchObject({
      status: "resolved",
      statusBy: 901,
      statusAt: new Date("2026-05-05T10:00:00Z"),
    });
    expect((await store.history(saved.reference)).map((h) => `${h.status}:${h.by}`)).toEqual([
      "accepted:900",
      "resolved:901",
    ]);
    expect(await store.setStatus("R-2026-999999", "accepted", 900, new Date())).toBeUndefined();
  });

  it("puts every saved report in the moderators' outbox until its notice is delivered", async () => {
    const at = new Date("2026-05-06T10:00:00Z");
    const { report: saved } = await store.save("draft-5", report(), at);
    expect(await store.dueNotices(at)).toContain(saved.reference);
    // One sender at a time.
    expect(await store.leaseNotice(saved.reference, 10_000)).toBe(true);
    expect(await store.leaseNotice(saved.reference, 10_000)).toBe(false);
    // A failed send: back later, not now.
    await store.noticeFailed(saved.reference, at, (attempts) => attempts * 60_000);
    expect(await store.dueNotices(at)).not.toContain(saved.reference);
    expect(await store.dueNotices(new Date(at.getTime() + 60_000))).toContain(saved.reference);
    expect(await store.leaseNotice(saved.reference, 10_000)).toBe(true);
    await store.noticeDelivered(saved.reference, -100, 5, at);
    expect(await store.wasNotified(saved.reference)).toBe(true);
    expect(await store.dueNotices(new Date(at.getTime() + 1e9))).not.toContain(saved.reference);
  });

  it("masks phones and IINs in the settlement and comment before storing them", async () => {
    const { report: saved } = await store.save(
      "draft-mask",
      report({ settlement: "Иртышск 87011234567", comment: "звоните +7 701 123 45 67, ИИН 900101300123" }),
      new Date(),
    );
    const hash = await redis.hgetall(`report:${saved.reference}`);
    expect(JSON.stringify(hash)).not.toMatch(/\d{3}.?\d{2}.?\d{2}\b|900101/);
    expect(hash.comment).toBe("звоните +* *** *** ** **, ИИН ************");
  });

  it("claims a place alert once", async () => {
    expect(await store.claimPlaceAlert("x:y", 60)).toBe(true);
    expect(await store.claimPlaceAlert("x:y", 60)).toBe(false);
    expect(await redis.ttl("report:place-alert:x:y")).toBeGreaterThan(50);
  });

  it("forgets a user: reports stay without the user id, consent goes", async () => {
    const { report: saved } = await store.save("draft-6", report({ userId: 99 }), new Date());
    await store.giveConsent(99, new Date());
    expect(await store.hasConsent(99)).toBe(true);
    expect(await store.forgetUser(99)).toBe(1);
    expect(await store.hasConsent(99)).toBe(false);
    expect(await store.listByUser(99)).toEqual([]);
    expect(await store.get(saved.reference)).toMatchObject({
      userId: null,
      comment: null,
      latitude: 52.1,
      longitude: 76.9,
      settlement: "Иртышск",
      operator: "kcell",
    });
  });

  it("forgets the comment and the exact coordinates of the user's reports", async () => {
    const { report: saved } = await store.save(
      "draft-7",
      report({ userId: 98, latitude: 52.28731, longitude: 76.96789, comment: "у дома 5" }),
      new Date(),
    );
    await store.forgetUser(98);
    expect(await store.get(saved.reference)).toMatchObject({
      userId: null,
      comment: null,
      latitude: 52.3,
      longitude: 77,
      speedMbps: 1.5,
    });
  });
});
