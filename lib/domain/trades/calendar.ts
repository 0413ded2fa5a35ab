/**
 * Calendar arithmetic for trade rules, memoised per evaluation batch: a batch of
 * 10,000 trades asks for the same few zones and days over and over, and each
 * uncached offset is an Intl call. Local days are handled as day numbers (days since
 * 1970-01-01 on the local calendar) so that keys, weekdays and weeks are integer
 * arithmetic. The memo lives in the instance (no module state).
 */
import { offsetMinutes, startOfLocalDay } from "../time";
import { INTERVAL_MS, type Instant } from "../types";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export class ZoneClock {
  private readonly offsets = new Map<string, Map<number, number>>();
  private readonly dayStarts = new Map<string, Map<number, Instant>>();
  private readonly keys = new Map<number, string>();
  private readonly days = new Map<string, number>();

  /**
   * Offset in minutes. Cached per 15-minute UTC bucket: real zones change offset on
   * whole quarter-hours of UTC (local transition times and offsets are both quarter-hours).
   */
  offset(zone: string, instant: Instant): number {
    let byBucket = this.offsets.get(zone);
    if (!byBucket) {
      byBucket = new Map();
      this.offsets.set(zone, byBucket);
    }
    const bucket = Math.floor(instant / INTERVAL_MS);
    let off = byBucket.get(bucket);
    if (off === undefined) {
      off = offsetMinutes(zone, bucket * INTERVAL_MS);
      byBucket.set(bucket, off);
    }
    return off;
  }

  /** The wall clock of `instant` in `zone`, as if it were UTC (for field arithmetic). */
  naive(instant: Instant, zone: string): number {
    return instant + this.offset(zone, instant) * MINUTE_MS;
  }

  /** The local calendar day of `instant` as a day number (0 = 1970-01-01). */
  dayNumber(instant: Instant, zone: string): number {
    return Math.floor(this.naive(instant, zone) / DAY_MS);
  }

  /** "YYYY-MM-DD" of day number `n`. */
  keyOf(n: number): string {
    let key = this.keys.get(n);
    if (key === undefined) {
      key = new Date(n * DAY_MS).toISOString().slice(0, 10);
      this.keys.set(n, key);
      this.days.set(key, n);
    }
    return key;
  }

  /** Day number of "YYYY-MM-DD". */
  dayOf(key: string): number {
    let n = this.days.get(key);
    if (n === undefined) {
      n = Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
      if (!Number.isFinite(n)) throw new RangeError(`Not a date: ${key}`);
      this.days.set(key, n);
    }
    return n;
  }

  /** "YYYY-MM-DD" of the local day containing `instant`. */
  dateKey(instant: Instant, zone: string): string {
    return this.keyOf(this.dayNumber(instant, zone));
  }

  /** "HH:MM" local clock time. */
  clock(instant: Instant, zone: string): string {
    const minutes = Math.floor((((this.naive(instant, zone) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}`;
  }

  /** The instant local day number `n` begins in `zone` (its first instant if midnight is skipped). */
  dayStartOf(n: number, zone: string): Instant {
    let byDay = this.dayStarts.get(zone);
    if (!byDay) {
      byDay = new Map();
      this.dayStarts.set(zone, byDay);
    }
    let start = byDay.get(n);
    if (start === undefined) {
      start = startOfLocalDay(this.keyOf(n), zone);
      byDay.set(n, start);
    }
    return start;
  }

  /** The local day `key` as an instant range (23 or 25 hours on DST days). */
  dayRange(key: string, zone: string): { start: Instant; end: Instant } {
    const n = this.dayOf(key);
    return { start: this.dayStartOf(n, zone), end: this.dayStartOf(n + 1, zone) };
  }

  /** Monday "YYYY-MM-DD" of the home-zone ISO week containing `instant`. */
  weekKey(instant: Instant, zone: string): string {
    const n = this.dayNumber(instant, zone);
    return this.keyOf(n - (isoWeekdayOf(n) - 1));
  }

  /** The ISO week starting Monday `weekKey` as an instant range. */
  weekRange(weekKey: string, zone: string): { start: Instant; end: Instant } {
    const n = this.dayOf(weekKey);
    return { start: this.dayStartOf(n, zone), end: this.dayStartOf(n + 7, zone) };
  }

  /**
   * The instant a wall-clock time (given as naive ms) happens in `zone`, disambiguated like
   * Temporal's "compatible": an ambiguous time is its first occurrence, a time in a
   * spring-forward gap moves forward by the gap (02:30 → 03:30). Lenient on purpose: it
   * places availability edges, which are not user input.
   */
  wallToInstant(naiveMs: number, zone: string): Instant {
    const before = naiveMs - this.offset(zone, naiveMs - DAY_MS) * MINUTE_MS;
    const after = naiveMs - this.offset(zone, naiveMs + DAY_MS) * MINUTE_MS;
    const beforeOk = this.naive(before, zone) === naiveMs;
    const afterOk = this.naive(after, zone) === naiveMs;
    if (beforeOk && afterOk) return Math.min(before, after);
    if (beforeOk) return before;
    if (afterOk) return after;
    return Math.max(before, after);
  }
}

/** ISO weekday of day number `n`: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Local day numbers from the day of `start` to the day of the last instant before `end`. */
export function dayNumbersSpanning(clock: ZoneClock, start: Instant, end: Instant, zone: string): number[] {
  const first = clock.dayNumber(start, zone);
  const last = clock.dayNumber(Math.max(start, end - 1), zone);
  const out: number[] = [];
  for (let n = first; n <= last && out.length < 400; n++) out.push(n);
  return out;
}

/** The same as date keys: a Manila 22:00–06:00 shift → ["2026-01-13", "2026-01-14"]. */
export function dayKeysSpanning(clock: ZoneClock, start: Instant, end: Instant, zone: string): string[] {
  return dayNumbersSpanning(clock, start, end, zone).map((n) => clock.keyOf(n));
}
