/**
 * The API's instants are ISO 8601 (UTC, `Z`). The use cases that predate the API (the
 * schedule, the trade queue, bidding) answer epoch milliseconds to the pages that render
 * them on the server; these mappers turn those answers into what /api/v1 publishes, without
 * touching the use cases. The browser code that reads these routes turns them back at its
 * edge (lib/client/wire.ts), so the pages keep their millisecond arithmetic.
 */
import { AppError, isAppError } from "../errors";
import type { StoredBid } from "../db/queries/bidding";
import type { ScopeView } from "../services/bidding/list-bidding";
import type { ScheduleShift, ScheduleView, ShiftEditResult } from "../types/schedule";
import type { ScheduleCoverageStrip } from "../types/schedule-page";
import type { BulkTradeOutcome, ReviewQueue } from "../types/trades";

export const isoOf = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoOf(ms));

export const shiftToWire = (s: ScheduleShift) => ({ ...s, start: isoOf(s.start), end: isoOf(s.end) });

export const agentShiftsToWire = (shifts: readonly { start: number; end: number }[]) => shifts.map((s) => ({ ...s, start: isoOf(s.start), end: isoOf(s.end) }));

export const scheduleViewToWire = (v: ScheduleView) => ({ ...v, rows: v.rows.map((r) => ({ ...r, shifts: r.shifts.map(shiftToWire) })) });

export const stripToWire = (s: ScheduleCoverageStrip) => ({ ...s, points: s.points.map((p) => ({ ...p, t: isoOf(p.t) })) });

export const editResultToWire = (r: ShiftEditResult) => ({ ...r, shift: r.shift ? shiftToWire(r.shift) : null });

export const queueToWire = (q: ReviewQueue) => ({
  ...q,
  items: q.items.map((i) => ({
    ...i,
    shifts: i.shifts.map((s) => ({ ...s, start: isoOf(s.start), end: isoOf(s.end) })),
    coverageImpact: i.coverageImpact.map((p) => ({ ...p, intervalStart: isoOf(p.intervalStart) })),
  })),
});

/** A filed row's violations without the engine's raw parameters (they hold epoch-ms instants; the message names the times). */
export const bulkToWire = (o: BulkTradeOutcome) => ({
  ...o,
  filed: o.filed.map((f) => ({ ...f, violations: f.violations.map((v) => ({ type: v.type, policy: v.policy, message: v.message, shiftId: v.shiftId, agentId: v.agentId })) })),
});

export const scopeToWire = (s: ScopeView) => ({ ...s, opensAt: isoOf(s.opensAt), closesAt: isoOf(s.closesAt) });

export const bidToWire = (b: StoredBid) => ({
  ...b,
  submittedAt: isoOrNull(b.submittedAt),
  lockExpiresAt: isoOrNull(b.lockExpiresAt),
  lock: b.lock ? { ...b.lock, lockedAt: isoOf(b.lock.lockedAt), committedAt: isoOrNull(b.lock.committedAt), releasedAt: isoOrNull(b.lock.releasedAt) } : null,
});

/** A stale write's problem carries the shift as it is now: in the API's form too. */
export async function withWireCurrent<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const current = isAppError(e) ? (e.details?.current as ScheduleShift | undefined) : undefined;
    if (isAppError(e) && current && typeof current.start === "number") throw new AppError(e.code, e.userMessage, { ...e.details, current: shiftToWire(current) });
    throw e;
  }
}
