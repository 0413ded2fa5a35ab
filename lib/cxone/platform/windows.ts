/**
 * Pure helpers of the platform reads: 7-day schedule-export windows and the comparison
 * "what CXone has vs what we have".
 */
import { addDays, parseDateKey } from "../../domain/time";

/** NICE's schedule export takes at most 7 days per request. */
export const EXPORT_MAX_DAYS = 7;

/** ["2026-03-01", "2026-03-16"] (inclusive) → 7-day windows; a longer range is split, never sent. */
export function exportWindows(startDate: string, endDate: string, maxDays = EXPORT_MAX_DAYS): { startDate: string; endDate: string }[] {
  if (!parseDateKey(startDate) || !parseDateKey(endDate)) throw new RangeError(`schedule export dates must be YYYY-MM-DD, got ${startDate} – ${endDate}`);
  if (endDate < startDate) throw new RangeError(`schedule export end ${endDate} is before its start ${startDate}`);
  const out: { startDate: string; endDate: string }[] = [];
  for (let d = startDate; d <= endDate; d = addDays(d, maxDays)) {
    const last = addDays(d, maxDays - 1);
    out.push({ startDate: d, endDate: last < endDate ? last : endDate });
  }
  return out;
}

export interface ComparableShift {
  agentId: string;
  /** epoch ms */
  start: number;
  end: number;
}

export interface ScheduleComparison<A extends ComparableShift, B extends ComparableShift> {
  onlyCxone: A[];
  onlyOurs: B[];
  same: { cxone: A; ours: B }[];
}

/** Matches shifts by agent + start + end (a moved shift shows as one on each side). */
export function compareSchedules<A extends ComparableShift, B extends ComparableShift>(cxone: readonly A[], ours: readonly B[]): ScheduleComparison<A, B> {
  const key = (s: ComparableShift) => `${s.agentId}|${s.start}|${s.end}`;
  const mine = new Map<string, B[]>();
  for (const s of ours) mine.set(key(s), [...(mine.get(key(s)) ?? []), s]);
  const out: ScheduleComparison<A, B> = { onlyCxone: [], onlyOurs: [], same: [] };
  for (const c of cxone) {
    const list = mine.get(key(c));
    const match = list?.shift();
    if (match) out.same.push({ cxone: c, ours: match });
    else out.onlyCxone.push(c);
  }
  for (const list of mine.values()) out.onlyOurs.push(...list);
  const order = (a: ComparableShift, b: ComparableShift) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start - b.start);
  out.onlyCxone.sort(order);
  out.onlyOurs.sort(order);
  return out;
}
