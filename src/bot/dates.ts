/**
 * Dates as people read them, in one place. Kazakhstan has kept one time zone since 1 March 2024:
 * Asia/Almaty, UTC+5, without daylight saving, so a fixed offset is exact for every date the bot
 * has seen (and needs no ICU time-zone data, which differs between Node builds). The format is
 * the one used in both Russian and Kazakh: ДД.ММ.ГГГГ, with ЧЧ:ММ where the time matters.
 */
export const KZ_TIME_ZONE = "Asia/Almaty";
export const KZ_OFFSET_MS = 5 * 60 * 60 * 1000;
/** How files name the zone of their times. */
export const KZ_ZONE_LABEL = `${KZ_TIME_ZONE}, UTC+5`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant shifted so that its UTC fields read as Kazakhstan's wall clock. */
const wall = (date: Date) => new Date(date.getTime() + KZ_OFFSET_MS).toISOString();

/** 12.03.2026 */
export function formatDate(date: Date): string {
  const kz = wall(date);
  return `${kz.slice(8, 10)}.${kz.slice(5, 7)}.${kz.slice(0, 4)}`;
}

/** 12.03.2026 14:00 */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${wall(date).slice(11, 16)}`;
}

/**
 * The start of a day in Kazakhstan, from "12.03.2026" (as people write it) or "2026-03-12" (as
 * systems do); undefined for anything else or an impossible date ("31.02.2026").
 */
export function parseKzDay(text: string): Date | undefined {
  const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = local
    ? [Number(local[3]), Number(local[2]), Number(local[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number.NaN, Number.NaN, Number.NaN];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(utc.getTime())) return undefined;
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return undefined;
  return new Date(utc.getTime() - KZ_OFFSET_MS);
}

/** The start of the next Kazakhstan day after a day start. */
export function nextKzDay(dayStart: Date): Date {
  return new Date(dayStart.getTime() + DAY_MS);
}

/** The calendar year in Kazakhstan at an instant (01:00 on 1 January local time is the new year). */
export function kzYear(date: Date): number {
  return Number(wall(date).slice(0, 4));
}
