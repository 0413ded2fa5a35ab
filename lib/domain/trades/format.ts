/**
 * Wording shared by the rules' messages: times are shown in the zone the reader
 * needs (the shift's site, or the receiver's home zone for calendar rules), always
 * with the zone named, because the trades this engine judges cross zones.
 */
import type { Instant } from "../types";
import type { ZoneClock } from "./calendar";

/** "2026-01-13 09:00–17:00 (America/New_York)"; a night shift names both dates. */
export function localRange(clock: ZoneClock, start: Instant, end: Instant, zone: string): string {
  const d1 = clock.dateKey(start, zone);
  const d2 = clock.dateKey(end, zone);
  const t1 = clock.clock(start, zone);
  const t2 = clock.clock(end, zone);
  return d1 === d2 || (t2 === "00:00" && clock.dateKey(end - 1, zone) === d1)
    ? `${d1} ${t1}–${t2} (${zone})`
    : `${d1} ${t1}–${d2} ${t2} (${zone})`;
}

/** "2026-01-13 09:00 (America/New_York)" */
export function localTime(clock: ZoneClock, instant: Instant, zone: string): string {
  return `${clock.dateKey(instant, zone)} ${clock.clock(instant, zone)} (${zone})`;
}

/** 9 → "9 h", 7.5 → "7.5 h", 7.25 → "7.25 h" */
export function hoursText(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}
