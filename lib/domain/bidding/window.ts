/**
 * Bidding windows and locks on instants. A window given as offsets counts from local
 * midnight of the period's first day in the window's zone, on the wall clock: "-14 days"
 * opens at 00:00 local two weeks before, whatever DST does in between.
 */
import { ZoneClock } from "../trades/calendar";
import { parseDateKey } from "../time";
import type { Instant } from "../types";
import type { BidLock, BidScope, BidWindow, LockStatus } from "./types";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** "2026-06-01T08:30" → naive ms (the wall clock as if it were UTC), or null. */
export function naiveLocalMs(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text);
  if (!m || !parseDateKey(m[1])) return null;
  const h = m[2] ? Number(m[2]) : 0;
  const min = m[3] ? Number(m[3]) : 0;
  if (h > 23 || min > 59) return null;
  return Date.parse(`${m[1]}T00:00:00Z`) + (h * 60 + min) * 60_000;
}

/** Open and close instants of a window for a period starting on `periodStart`. */
export function windowInstants(window: BidWindow, periodStart: string, clock = new ZoneClock()): { opensAt: Instant; closesAt: Instant } {
  const zone = window.timeZone;
  if (window.kind === "dates") {
    const o = naiveLocalMs(window.opensAt);
    const c = naiveLocalMs(window.closesAt);
    if (o === null || c === null) throw new RangeError(`Bad window date-time: ${window.opensAt} / ${window.closesAt}`);
    return { opensAt: clock.wallToInstant(o, zone), closesAt: clock.wallToInstant(c, zone) };
  }
  const midnight = naiveLocalMs(periodStart);
  if (midnight === null) throw new RangeError(`Not a date: ${periodStart}`);
  return {
    opensAt: clock.wallToInstant(midnight + window.openOffsetSeconds * 1000, zone),
    closesAt: clock.wallToInstant(midnight + window.closeOffsetSeconds * 1000, zone),
  };
}

export function scopeWindow(scope: BidScope, clock = new ZoneClock()): { opensAt: Instant; closesAt: Instant } {
  return windowInstants(scope.window, scope.period.start, clock);
}

/** Length of the window in hours (DST days included as they are). */
export function windowHours(scope: BidScope, clock = new ZoneClock()): number {
  const w = scopeWindow(scope, clock);
  return (w.closesAt - w.opensAt) / HOUR_MS;
}

/**
 * When an uncommitted lock stops holding its slot: its duration after locking (when
 * auto-release is on), and in any case the close of its wave. Example: locked Mon 09:00,
 * 24 h, window closes Mon 18:00 → released Mon 18:00.
 */
export function lockReleaseAt(lock: BidLock, scope: BidScope, closesAt: Instant): Instant {
  const expiry = scope.autoRelease ? lock.lockedAt + scope.lockDurationHours * HOUR_MS : closesAt;
  return Math.min(expiry, closesAt, lock.releasedAt ?? Infinity);
}

/**
 * The state of a lock at `now`. A commitment counts only if made while the lock still
 * held; once the wave closes no lock is "held" any more.
 */
export function lockStatus(lock: BidLock, scope: BidScope, closesAt: Instant, now: Instant): LockStatus {
  const releaseAt = lockReleaseAt(lock, scope, closesAt);
  if (lock.committedAt !== null && lock.committedAt >= lock.lockedAt && lock.committedAt < releaseAt) return "committed";
  if (lock.releasedAt !== null && lock.releasedAt <= now && lock.releasedAt === releaseAt) return "forceReleased";
  if (now < releaseAt) return "held";
  return releaseAt >= closesAt ? "releasedAtWaveEnd" : "expired";
}

/** Is the window open at `now`? (open ≤ now < close) */
export function isWindowOpen(scope: BidScope, now: Instant, clock = new ZoneClock()): boolean {
  const w = scopeWindow(scope, clock);
  return now >= w.opensAt && now < w.closesAt;
}

export { DAY_MS, HOUR_MS };
