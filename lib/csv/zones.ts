/**
 * Local date-times to instants for one import, with the zone arithmetic cached:
 * shifts start on a few thousand distinct quarter-hours, so each (zone, wall clock)
 * pair is resolved through lib/domain/time once per file.
 */
import { isValidTimeZone, localToInstant, offsetMinutes, parseUtcOffset, type LocalResolution } from "../domain/time";
import type { DateTimeParts } from "../schemas/imports";
import { utcMs } from "./fields";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 100_000;

/** A zone cell: an IANA zone, or a fixed offset such as CXone's `UTC+05:30`. */
export type ZoneSpec = { kind: "iana"; zone: string } | { kind: "fixed"; offsetMinutes: number; label: string };

export class ZoneResolver {
  private readonly byZone = new Map<string, { days: Map<number, number | null>; exact: Map<number, LocalResolution> }>();
  private readonly specs = new Map<string, ZoneSpec | null>();

  /** "Europe/London" → iana; "UTC+05:30" → fixed +330; "Mars/Olympus" → null. */
  zoneSpec(cell: string): ZoneSpec | null {
    let spec = this.specs.get(cell);
    if (spec === undefined) {
      const fixed = parseUtcOffset(cell);
      if (fixed !== null) spec = { kind: "fixed", offsetMinutes: fixed, label: cell };
      else spec = isValidTimeZone(cell) ? { kind: "iana", zone: cell } : null;
      this.specs.set(cell, spec);
    }
    return spec;
  }

  /**
   * Wall clock in `zone` → instant, or why not (nonexistent / ambiguous). Most local
   * days have one offset throughout: it is probed once per (zone, local day) at three
   * instants bracketing every wall-clock time of that day; only days where the probes
   * differ (transition days) go through localToInstant, cached per wall-clock time.
   */
  resolve(p: DateTimeParts, zone: string): LocalResolution {
    const simple = this.resolveSimple(p, zone);
    return Number.isNaN(simple) ? this.resolveExact(p, zone) : { ok: true, instant: simple };
  }

  /**
   * The instant (whole seconds) when the wall clock's local day has a single offset,
   * else NaN: then call resolveExact. Allocation-free for the hot loop.
   */
  resolveSimple(p: DateTimeParts, zone: string): number {
    const naive = utcMs(p) - p.millisecond;
    let z = this.byZone.get(zone);
    if (!z) {
      z = { days: new Map(), exact: new Map() };
      this.byZone.set(zone, z);
    }
    const day = Math.floor(naive / DAY_MS);
    let dayOffset = z.days.get(day);
    if (dayOffset === undefined) {
      const d0 = day * DAY_MS;
      // Any wall-clock time of the day maps to an instant within [d0 - 14 h, d0 + 24 h + 12 h].
      const a = offsetMinutes(zone, d0 - 15 * HOUR_MS);
      const b = offsetMinutes(zone, d0 + 12 * HOUR_MS);
      const c = offsetMinutes(zone, d0 + 37 * HOUR_MS);
      dayOffset = a === b && b === c ? a : null;
      z.days.set(day, dayOffset);
    }
    return dayOffset === null ? NaN : naive - dayOffset * MINUTE_MS;
  }

  /** localToInstant, cached per (zone, wall clock): for transition days. */
  resolveExact(p: DateTimeParts, zone: string): LocalResolution {
    const naive = utcMs(p) - p.millisecond;
    let z = this.byZone.get(zone);
    if (!z) {
      z = { days: new Map(), exact: new Map() };
      this.byZone.set(zone, z);
    }
    let r = z.exact.get(naive);
    if (!r) {
      if (z.exact.size >= CACHE_LIMIT) z.exact.clear();
      r = localToInstant(p, zone);
      z.exact.set(naive, r);
    }
    return r;
  }
}

/** Naive ms of the wall clock (as if it were UTC). */
export function naiveMs(p: DateTimeParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + p.millisecond;
}

function hhmm(naive: number): string {
  const d = new Date(naive);
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
}

/**
 * The clock change nearest to a wall-clock time in `zone`, as wall clocks:
 * New York 2026-03-08 → { from: "02:00", to: "03:00" }; 2026-11-01 → { from: "02:00", to: "01:00" }.
 */
export function clockChangeNear(p: DateTimeParts, zone: string): { from: string; to: string } | null {
  const naive = naiveMs(p);
  let lo = naive - 36 * HOUR_MS;
  let hi = naive + 36 * HOUR_MS;
  const before = offsetMinutes(zone, lo);
  if (offsetMinutes(zone, hi) === before) return null;
  // Smallest instant (to the minute) whose offset differs from `before`.
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMinutes(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  const after = offsetMinutes(zone, hi);
  return { from: hhmm(hi + before * MINUTE_MS), to: hhmm(hi + after * MINUTE_MS) };
}

/** "-05:00" for -300. */
export function formatOffset(mins: number): string {
  const sign = mins < 0 ? "-" : "+";
  const a = Math.abs(mins);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `${sign}${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
}
