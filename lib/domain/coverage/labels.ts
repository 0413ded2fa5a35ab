/**
 * Words for coverage screens: a time window with its dates and zone, the days a gap's chart
 * spans, and what to say when a range has no demand. Pure, so the server and the browser
 * render the same text.
 */
import { addDays, formatLocalTime, isoWeekday, localDateKey, localMinuteOfDay, parseDateKey } from "../time";
import type { Instant } from "../types";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-04" → "Fri 4 Dec". */
export function formatDayKey(key: string): string {
  const p = parseDateKey(key);
  if (!p) return key;
  return `${WEEKDAYS[isoWeekday(key) - 1]} ${p.day} ${MONTHS[p.month - 1]}`;
}

/** "2026-12-04" → "Fri 4 Dec 2026". */
export function formatDayKeyWithYear(key: string): string {
  const p = parseDateKey(key);
  return p ? `${formatDayKey(key)} ${p.year}` : key;
}

/**
 * The zone's short name at an instant: EST/EDT, GMT/BST, CET/CEST, UTC; an offset
 * ("GMT+8") where the zone has no common abbreviation.
 */
export function zoneAbbreviation(instant: Instant, zone: string): string {
  for (const locale of ["en-US", "en-GB"]) {
    const name = zoneNameFormat(locale, zone, "short")
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  const offset = zoneNameFormat("en-US", zone, "shortOffset")
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return offset ?? zone;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a page of gap
// windows built thousands): one per (locale, zone, style), kept. Same answers, no state.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();
function zoneNameFormat(locale: string, zone: string, style: "short" | "shortOffset"): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let f = zoneNameFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style });
    zoneNameFormats.set(key, f);
  }
  return f;
}

/**
 * A window [start, end) in `zone`, always with its day and zone:
 * - same day: "Tue 1 Dec 17:00–20:30 EST" (ending at midnight: "…–24:00 EST");
 * - across midnight: "Fri 4 Dec 23:30 – Sat 5 Dec 17:00 EST";
 * - the zone's name changing inside (a DST night): each time names its own.
 */
export function formatWindow(start: Instant, end: Instant, zone: string): string {
  const startKey = localDateKey(start, zone);
  const lastKey = localDateKey(end - 1, zone);
  const zoneStart = zoneAbbreviation(start, zone);
  const zoneEnd = zoneAbbreviation(end, zone);
  const endsAtMidnight = localMinuteOfDay(end, zone) === 0 && lastKey === startKey;
  if (lastKey === startKey) {
    const endText = endsAtMidnight ? "24:00" : formatLocalTime(end, zone);
    const zones = zoneStart === zoneEnd || endsAtMidnight ? zoneStart : `${zoneStart}–${zoneEnd}`;
    return `${formatDayKey(startKey)} ${formatLocalTime(start, zone)}–${endText} ${zones}`;
  }
  // Ending exactly at a later midnight reads as 24:00 of the day before, not 00:00 of the next.
  const endAtMidnight = localMinuteOfDay(end, zone) === 0;
  const endDay = formatDayKey(endAtMidnight ? lastKey : localDateKey(end, zone));
  const endClock = endAtMidnight ? "24:00" : formatLocalTime(end, zone);
  const startText = `${formatDayKey(startKey)} ${formatLocalTime(start, zone)}`;
  return zoneStart === zoneEnd
    ? `${startText} – ${endDay} ${endClock} ${zoneEnd}`
    : `${startText} ${zoneStart} – ${endDay} ${endClock} ${zoneEnd}`;
}

/**
 * The local days a gap's chart must show so the whole window is visible: the day it starts
 * and, when it runs past midnight, every day through the one it ends on.
 * 23:30 Fri → 17:00 Sat → { day: Fri, through: Sat }; 17:00–24:00 Fri → { day: Fri, through: null }.
 */
export function windowDays(start: Instant, end: Instant, zone: string): { day: string; through: string | null } {
  const day = localDateKey(start, zone);
  const last = localDateKey(Math.max(start, end - 1), zone);
  return { day, through: last === day ? null : last };
}

/** Every date key from `from` through `to` (inclusive); [] when `to` is before `from`. */
export function daysThrough(from: string, to: string): string[] {
  const out: string[] = [];
  for (let key = from; key <= to && out.length < 400; key = addDays(key, 1)) out.push(key);
  return out;
}

/**
 * What to say when a range has no demand at all, instead of "no interval is short":
 * nothing can be short of a demand that was never loaded.
 */
export function noDemandMessage(from: string, to: string): string {
  const range = from === to ? formatDayKeyWithYear(from) : `${formatDayKey(from)} – ${formatDayKeyWithYear(to)}`;
  return `No demand is loaded for ${range}; upload demand on the Coverage page (Demand upload).`;
}
