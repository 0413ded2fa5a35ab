/**
 * Where an instant sits on the grid's time axis: each day is one band of equal width,
 * cut at local midnight in the row's zone. A 23- or 25-hour DST day is drawn in the same
 * band (its hours slightly wider or narrower), so bars never overlap the next day.
 */
import { addDays, instantToLocal, startOfLocalDay } from "@/lib/domain/time";
import type { ShiftBreak } from "@/lib/domain/types";

const MINUTE_MS = 60_000;

/** Status colours of the bars, shared with the legend (a server component: keep this file free of "use client"). */
export const BAR_TONE = {
  PUBLISHED: "bg-brand-600",
  DRAFT: "bg-amber-400",
} as const;
export const SNAP_MS = 15 * MINUTE_MS;

export interface DayAxis {
  zone: string;
  /** Local midnights: starts[i] begins days[i]; starts[days.length] ends the range. */
  starts: number[];
}

const axisCache = new Map<string, DayAxis>();

export function dayAxis(days: readonly string[], zone: string): DayAxis {
  const key = `${zone}|${days[0]}|${days.length}`;
  let axis = axisCache.get(key);
  if (!axis) {
    const starts = days.map((d) => startOfLocalDay(d, zone));
    starts.push(startOfLocalDay(addDays(days[days.length - 1], 1), zone));
    axis = { zone, starts };
    if (axisCache.size > 200) axisCache.clear();
    axisCache.set(key, axis);
  }
  return axis;
}

/** Pixels from the range's start; instants outside the range clamp to its edges. */
export function xOf(t: number, axis: DayAxis, dayWidth: number): number {
  const s = axis.starts;
  if (t <= s[0]) return 0;
  const n = s.length - 1;
  if (t >= s[n]) return n * dayWidth;
  let i = 0;
  while (i < n - 1 && t >= s[i + 1]) i++;
  return (i + (t - s[i]) / (s[i + 1] - s[i])) * dayWidth;
}

/** The instant at a pixel, snapped to the 15-minute grid. */
export function instantAt(x: number, axis: DayAxis, dayWidth: number): number {
  const n = axis.starts.length - 1;
  const pos = Math.min(Math.max(x / dayWidth, 0), n - 1e-9);
  const i = Math.floor(pos);
  const t = axis.starts[i] + (pos - i) * (axis.starts[i + 1] - axis.starts[i]);
  return Math.round(t / SNAP_MS) * SNAP_MS;
}

/** The shift's stretches with breaks cut out; `kind` says whether a piece is work or a (paid) break. */
export function barPieces(start: number, end: number, breaks: readonly ShiftBreak[]): { from: number; to: number; kind: "work" | "paidBreak" }[] {
  const cuts = breaks
    .map((b) => ({ from: start + b.startOffsetMinutes * MINUTE_MS, to: start + (b.startOffsetMinutes + b.durationMinutes) * MINUTE_MS, paid: b.paid }))
    .filter((b) => b.to > start && b.from < end)
    .sort((a, b) => a.from - b.from);
  const out: { from: number; to: number; kind: "work" | "paidBreak" }[] = [];
  let cursor = start;
  for (const c of cuts) {
    const from = Math.max(c.from, cursor);
    const to = Math.min(c.to, end);
    if (to <= from) continue;
    if (from > cursor) out.push({ from: cursor, to: from, kind: "work" });
    if (c.paid) out.push({ from, to, kind: "paidBreak" });
    cursor = to;
  }
  if (cursor < end) out.push({ from: cursor, to: end, kind: "work" });
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-23T08:30": the value a datetime-local input shows for an instant in `zone`. */
export function toLocalInput(t: number, zone: string): string {
  const l = instantToLocal(t, zone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

/** "08:30" in `zone`. */
export function clock(t: number, zone: string): string {
  const l = instantToLocal(t, zone);
  return `${pad(l.hour)}:${pad(l.minute)}`;
}

const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Mon 23 Nov" for a date key. */
export function dayLabel(day: string): string {
  return weekday.format(new Date(`${day}T12:00:00Z`));
}

/** Hours with at most one decimal: 37.5 → "37.5", 40 → "40". */
export function hours(h: number): string {
  return (Math.round(h * 10) / 10).toLocaleString("en-US");
}
