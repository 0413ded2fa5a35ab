/**
 * Hours as the labor rules count them: a shift's paid (on-duty) time is its span minus
 * its unpaid breaks; paid breaks are working time. All on instants.
 */
import { HOUR_MS, type Instant, type Shift } from "../types";

const MINUTE_MS = 60_000;

/** The shift's paid stretches: [09:00, 17:00) with an unpaid 12:00–12:30 lunch → two segments. */
export function paidSegments(shift: Shift): Array<[Instant, Instant]> {
  const unpaid = shift.breaks
    .filter((b) => !b.paid && b.durationMinutes > 0)
    .map((b): [Instant, Instant] => {
      const s = shift.start + b.startOffsetMinutes * MINUTE_MS;
      return [s, s + b.durationMinutes * MINUTE_MS];
    })
    .sort((a, b) => a[0] - b[0]);
  if (unpaid.length === 0) return [[shift.start, shift.end]];
  const out: Array<[Instant, Instant]> = [];
  let cursor = shift.start;
  for (const [s, e] of unpaid) {
    const bs = Math.max(s, shift.start);
    const be = Math.min(e, shift.end);
    if (be <= bs) continue;
    if (bs > cursor) out.push([cursor, bs]);
    cursor = Math.max(cursor, be);
  }
  if (cursor < shift.end) out.push([cursor, shift.end]);
  return out;
}

/** Paid hours of the whole shift: 09:00–17:00 with a 30-minute unpaid lunch → 7.5. */
export function paidHours(shift: Shift): number {
  let ms = 0;
  for (const [s, e] of paidSegments(shift)) ms += e - s;
  return ms / HOUR_MS;
}

/**
 * Paid segments memoised by shift object for one evaluation batch (a week's hours are
 * summed for every trade that touches it). Shifts are treated as immutable.
 */
export class PaidTime {
  private readonly memo = new WeakMap<Shift, Array<[Instant, Instant]>>();

  segments(shift: Shift): Array<[Instant, Instant]> {
    let segs = this.memo.get(shift);
    if (!segs) {
      segs = paidSegments(shift);
      this.memo.set(shift, segs);
    }
    return segs;
  }

  hours(shift: Shift): number {
    let ms = 0;
    for (const [s, e] of this.segments(shift)) ms += e - s;
    return ms / HOUR_MS;
  }

  /** Paid hours of `shifts` that fall inside [start, end). */
  within(shifts: readonly Shift[], start: Instant, end: Instant): number {
    return paidHoursWithin(shifts, start, end, this);
  }
}

/** Paid hours of `shifts` that fall inside [start, end). */
export function paidHoursWithin(shifts: readonly Shift[], start: Instant, end: Instant, paid?: PaidTime): number {
  let ms = 0;
  for (const shift of shifts) {
    if (shift.end <= start || shift.start >= end) continue;
    for (const [s, e] of paid ? paid.segments(shift) : paidSegments(shift)) {
      const o = Math.min(e, end) - Math.max(s, start);
      if (o > 0) ms += o;
    }
  }
  return ms / HOUR_MS;
}

export function overlaps(a: { start: Instant; end: Instant }, b: { start: Instant; end: Instant }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Hours rounded to 2 decimals for params and messages (9.999999 → 10). */
export function roundHours(h: number): number {
  return Math.round(h * 100) / 100;
}
