/**
 * /api/v1 answers instants as ISO 8601; the pages that read those routes draw with epoch
 * milliseconds (the same numbers the server renders them with first). These turn an answer
 * back at the browser's edge, so one page never mixes the two. Pure; no server code.
 */
import type { ScheduleShift, ScheduleView } from "../types/schedule";
import type { ScheduleCoverageStrip } from "../types/schedule-page";
import type { QueueItem, ReviewQueue } from "../types/trades";

/** A shape with some instants as ISO text instead of epoch ms. */
type Iso<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends number ? string : T[P] extends number | null ? string | null : T[P] };

export const msOf = (iso: string) => Date.parse(iso);

export type WireShift = Iso<ScheduleShift, "start" | "end">;
export const shiftFromWire = (s: WireShift): ScheduleShift => ({ ...s, start: msOf(s.start), end: msOf(s.end) });

export type WireScheduleView = Omit<ScheduleView, "rows"> & { rows: (Omit<ScheduleView["rows"][number], "shifts"> & { shifts: WireShift[] })[] };
export const scheduleViewFromWire = (v: WireScheduleView): ScheduleView => ({ ...v, rows: v.rows.map((r) => ({ ...r, shifts: r.shifts.map(shiftFromWire) })) });

export type WireStrip = Omit<ScheduleCoverageStrip, "points"> & { points: Iso<ScheduleCoverageStrip["points"][number], "t">[] };
export const stripFromWire = (s: WireStrip): ScheduleCoverageStrip => ({ ...s, points: s.points.map((p) => ({ ...p, t: msOf(p.t) })) });

type WireQueueItem = Omit<QueueItem, "shifts" | "coverageImpact"> & {
  shifts: Iso<QueueItem["shifts"][number], "start" | "end">[];
  coverageImpact: Iso<QueueItem["coverageImpact"][number], "intervalStart">[];
};
export type WireReviewQueue = Omit<ReviewQueue, "items"> & { items: WireQueueItem[] };
export const queueFromWire = (q: WireReviewQueue): ReviewQueue => ({
  ...q,
  items: q.items.map((i) => ({
    ...i,
    shifts: i.shifts.map((s) => ({ ...s, start: msOf(s.start), end: msOf(s.end) })),
    coverageImpact: i.coverageImpact.map((p) => ({ ...p, intervalStart: msOf(p.intervalStart) })),
  })),
});
