import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, kzYear, nextKzDay, parseKzDay } from "../../src/bot/dates.js";

describe("dates as people read them (Asia/Almaty, UTC+5)", () => {
  it("formats in Kazakhstan time as ДД.ММ.ГГГГ and ДД.ММ.ГГГГ ЧЧ:ММ", () => {
    expect(formatDate(new Date("2026-03-12T09:00:00Z"))).toBe("12.03.2026");
    expect(formatDateTime(new Date("2026-03-12T09:05:00Z"))).toBe("12.03.2026 14:05");
    // 19:30 UTC on 31 December is already the new year in Kazakhstan.
    expect(formatDateTime(new Date("2025-12-31T19:30:00Z"))).toBe("01.01.2026 00:30");
    expect(kzYear(new Date("2025-12-31T19:30:00Z"))).toBe(2026);
  });

  it("reads a day written either way as its start in Kazakhstan", () => {
    expect(parseKzDay("01.03.2026")).toEqual(new Date("2026-02-28T19:00:00Z"));
    expect(parseKzDay("1.3.2026")).toEqual(new Date("2026-02-28T19:00:00Z"));
    expect(parseKzDay("2026-03-01")).toEqual(new Date("2026-02-28T19:00:00Z"));
    expect(nextKzDay(parseKzDay("28.02.2026") as Date)).toEqual(parseKzDay("01.03.2026"));
  });

  it.each(["31.02.2026", "2026-13-01", "01/03/2026", "", "вчера", "1.3.26"])("refuses %s", (text) =>
    expect(parseKzDay(text)).toBeUndefined(),
  );
});
