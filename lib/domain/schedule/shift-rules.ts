/**
 * The single-shift rules the CSV import and the schedule editor share: shift length
 * against the site's bounds, breaks inside the shift and not overlapping each other.
 * Kept here (pure) so lib/csv/shifts.ts and validateShiftEdit word them alike.
 */
import { HOUR_MS, type LaborRules, type ShiftBreak } from "../types";

const MINUTE_MS = 60_000;

/** "+120/15": a break as the CSV writes it (minutes from the shift's start / length). */
export function breakText(b: ShiftBreak): string {
  return `+${b.startOffsetMinutes}/${b.durationMinutes}`;
}

/** 7.5 h → "7 h 30 min", 8 h → "8 h". */
export function durationText(ms: number): string {
  const totalMin = Math.round(ms / MINUTE_MS);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Sorted copy; the message names the first overlapping pair, or "" when none. */
export function sortBreaks(breaks: ShiftBreak[]): { breaks: ShiftBreak[]; overlap: string } {
  const sorted = breaks.length > 1 ? [...breaks].sort((a, b) => a.startOffsetMinutes - b.startOffsetMinutes) : breaks;
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1];
    if (sorted[i].startOffsetMinutes < p.startOffsetMinutes + p.durationMinutes) {
      return { breaks: sorted, overlap: `breaks ${breakText(p)} and ${breakText(sorted[i])} overlap` };
    }
  }
  return { breaks: sorted, overlap: "" };
}

export type LengthProblem = { code: "SHIFT_TOO_LONG" | "SHIFT_TOO_SHORT"; message: string } | null;

/**
 * A shift of `lengthMs` against the bounds of the site it is worked at:
 * 11 h at a site allowing 4–10 h → "the shift lasts 11 h, longer than the 10 h maximum at site NYC."
 */
export function shiftLengthProblem(lengthMs: number, rules: Pick<LaborRules, "minShiftHours" | "maxShiftHours">, siteId: string): LengthProblem {
  if (lengthMs > rules.maxShiftHours * HOUR_MS) {
    return { code: "SHIFT_TOO_LONG", message: `the shift lasts ${durationText(lengthMs)}, longer than the ${rules.maxShiftHours} h maximum at site ${siteId}.` };
  }
  if (lengthMs < rules.minShiftHours * HOUR_MS) {
    return { code: "SHIFT_TOO_SHORT", message: `the shift lasts ${durationText(lengthMs)}, shorter than the ${rules.minShiftHours} h minimum at site ${siteId}.` };
  }
  return null;
}

/** The first break that ends after the shift does, or null (offsets are never negative). */
export function breakOutsideShift(breaks: readonly ShiftBreak[], lengthMs: number): ShiftBreak | null {
  const lenMin = lengthMs / MINUTE_MS;
  for (const b of breaks) if (b.startOffsetMinutes + b.durationMinutes > lenMin) return b;
  return null;
}
