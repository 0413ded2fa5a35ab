/**
 * Time zones, the only place the domain meets them. Instants are UTC epoch ms;
 * a zone turns an instant into a local calendar date and clock time, and a local
 * date-time back into an instant (refusing spring-forward gaps and, unless an
 * offset is given, fall-back ambiguities). Offsets come from Intl through
 * @date-fns/tz, so the zone database is the runtime's.
 */
import { tzOffset } from "@date-fns/tz";
import { INTERVAL_MS, type Instant } from "./types";

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type LocalResolution =
  | { ok: true; instant: Instant }
  | { ok: false; reason: "nonexistent"; zone: string }
  | { ok: false; reason: "ambiguous"; zone: string; candidates: [Instant, Instant] };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const zoneValidity = new Map<string, boolean>();

/** isValidTimeZone("Asia/Manila") → true; isValidTimeZone("Mars/Olympus") → false */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      valid = zone.includes("/") || zone === "UTC";
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/** Offset of `zone` from UTC at `instant`, in minutes (New York in July → -240). */
export function offsetMinutes(zone: string, instant: Instant): number {
  // tzOffset returns NaN for an unknown zone; callers validate zones at the edge.
  return tzOffset(zone, new Date(instant));
}

/** The wall-clock fields as if the local time were UTC (for arithmetic on local values). */
export function localToNaiveMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

function naiveMsToLocal(ms: number): LocalDateTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** instantToLocal(Date.UTC(2026,6,1,12), "America/New_York") → 2026-07-01 08:00:00 */
export function instantToLocal(instant: Instant, zone: string): LocalDateTime {
  return naiveMsToLocal(instant + offsetMinutes(zone, instant) * MINUTE_MS);
}

/**
 * A local date-time in `zone` to an instant. In New York, 2026-03-08 02:30 does not
 * exist (nonexistent) and 2026-11-01 01:30 happens twice (ambiguous) unless
 * `fixedOffsetMinutes` says which one is meant.
 */
export function localToInstant(
  local: LocalDateTime,
  zone: string,
  options: { fixedOffsetMinutes?: number } = {},
): LocalResolution {
  const naive = localToNaiveMs(local);
  if (options.fixedOffsetMinutes !== undefined) {
    const instant = naive - options.fixedOffsetMinutes * MINUTE_MS;
    // An explicit offset settles an ambiguity but must be one the zone really uses then.
    if (offsetMinutes(zone, instant) === options.fixedOffsetMinutes) return { ok: true, instant };
    return { ok: false, reason: "nonexistent", zone };
  }
  // The offsets in force a day either side bracket every transition of real zones.
  const candidates = new Set<Instant>();
  for (const probe of [naive - DAY_MS, naive, naive + DAY_MS]) {
    const guess = naive - offsetMinutes(zone, probe) * MINUTE_MS;
    if (offsetMinutes(zone, guess) * MINUTE_MS === naive - guess) candidates.add(guess);
  }
  const found = [...candidates].sort((a, b) => a - b);
  if (found.length === 0) return { ok: false, reason: "nonexistent", zone };
  if (found.length === 1) return { ok: true, instant: found[0] };
  return { ok: false, reason: "ambiguous", zone, candidates: [found[0], found[found.length - 1]] };
}

/** A local date-time at a fixed UTC offset ("UTC+05:30" → +330): never ambiguous. */
export function fixedOffsetToInstant(local: LocalDateTime, offsetMins: number): Instant {
  return localToNaiveMs(local) - offsetMins * MINUTE_MS;
}

/** parseUtcOffset("UTC+05:30") → 330; parseUtcOffset("UTC-5") → -300; "GMT" → 0; junk → null */
export function parseUtcOffset(text: string): number | null {
  const m = /^\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*$/i.exec(text);
  if (!m) return null;
  if (!m[1]) return 0;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes >= 60) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** "YYYY-MM-DD" of the local calendar day containing `instant` in `zone`. */
export function localDateKey(instant: Instant, zone: string): string {
  const l = instantToLocal(instant, zone);
  return `${l.year}-${pad2(l.month)}-${pad2(l.day)}`;
}

/** Parses "YYYY-MM-DD" into its parts, or null when it is not a real date. */
export function parseDateKey(key: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Adds whole calendar days to a date key: addDays("2026-03-07", 1) → "2026-03-08". */
export function addDays(key: string, days: number): string {
  const p = parseDateKey(key);
  if (!p) throw new RangeError(`Not a date: ${key}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a date key, 1 = Monday … 7 = Sunday. */
export function isoWeekday(key: string): number {
  const p = parseDateKey(key);
  if (!p) throw new RangeError(`Not a date: ${key}`);
  const dow = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/**
 * The instant local midnight begins on `key` in `zone`. Where midnight itself is skipped
 * (a few zones change clocks at 00:00) the day starts at the first instant that exists.
 */
export function startOfLocalDay(key: string, zone: string): Instant {
  const p = parseDateKey(key);
  if (!p) throw new RangeError(`Not a date: ${key}`);
  const local = { ...p, hour: 0, minute: 0, second: 0 };
  const r = localToInstant(local, zone);
  if (r.ok) return r.instant;
  if (r.reason === "ambiguous") return r.candidates[0];
  // Midnight skipped: the day begins where the previous one ends.
  return localToNaiveMs(local) - offsetMinutes(zone, localToNaiveMs(local) - DAY_MS) * MINUTE_MS;
}

/** The local day as an instant range; 23 or 25 hours long on DST days. */
export function localDayRange(key: string, zone: string): { start: Instant; end: Instant } {
  return { start: startOfLocalDay(key, zone), end: startOfLocalDay(addDays(key, 1), zone) };
}

/** The Monday (date key) of the ISO week containing `key`. */
export function startOfIsoWeek(key: string): string {
  return addDays(key, 1 - isoWeekday(key));
}

/** Floors an instant to the 15-minute UTC grid. */
export function floorToInterval(instant: Instant): Instant {
  return Math.floor(instant / INTERVAL_MS) * INTERVAL_MS;
}

/** Ceils an instant to the 15-minute UTC grid. */
export function ceilToInterval(instant: Instant): Instant {
  return Math.ceil(instant / INTERVAL_MS) * INTERVAL_MS;
}

export function isOnIntervalGrid(instant: Instant): boolean {
  return instant % INTERVAL_MS === 0;
}

/** Minutes after local midnight of `instant` in `zone` (clock time, 0–1439). */
export function localMinuteOfDay(instant: Instant, zone: string): number {
  const l = instantToLocal(instant, zone);
  return l.hour * 60 + l.minute;
}

/** "HH:MM" clock text, e.g. for gap windows. */
export function formatLocalTime(instant: Instant, zone: string): string {
  const l = instantToLocal(instant, zone);
  return `${pad2(l.hour)}:${pad2(l.minute)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
