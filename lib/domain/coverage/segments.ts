/**
 * Worked time of shifts, and the skills it counts toward: the pieces every coverage
 * computation is made of.
 */
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Instant, type Shift } from "../types";
import type { CoverageGrid } from "./grid";

const MINUTE_MS = 60_000;
/** Below this an agent-fraction is rounding noise (a millisecond is 1.1e-6 of an interval). */
const EPS = 1e-9;

/** Receives the worked [start, end) pieces of a shift, in order. */
export interface SegmentSink {
  add(start: number, end: number): void;
}

/** Feeds `sink` the worked pieces of a shift (see shiftWorkSegments); allocates nothing when breaks are sorted. */
export function walkWorkSegments(shift: Shift, sink: SegmentSink): void {
  const start = shift.start;
  const end = shift.end;
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start)) return;
  const breaks = shift.breaks;
  if (breaks.length === 0) {
    sink.add(start, end);
    return;
  }
  let ordered = true;
  for (let k = 1; k < breaks.length; k++) {
    if (breaks[k].startOffsetMinutes < breaks[k - 1].startOffsetMinutes) {
      ordered = false;
      break;
    }
  }
  const list = ordered ? breaks : [...breaks].sort((x, y) => x.startOffsetMinutes - y.startOffsetMinutes);
  let cursor = start;
  for (let k = 0; k < list.length; k++) {
    const br = list[k];
    if (!Number.isFinite(br.startOffsetMinutes) || !Number.isFinite(br.durationMinutes) || !(br.durationMinutes > 0)) continue;
    const rawStart = start + br.startOffsetMinutes * MINUTE_MS;
    const bStart = Math.min(end, Math.max(start, rawStart));
    const bEnd = Math.min(end, rawStart + br.durationMinutes * MINUTE_MS);
    // Breaks sorted by start: one that ends before the cursor overlapped an earlier one.
    if (bEnd <= bStart || bEnd <= cursor) continue;
    if (bStart > cursor) sink.add(cursor, bStart);
    cursor = bEnd;
    if (cursor >= end) break;
  }
  if (cursor < end) sink.add(cursor, end);
}

class SegmentList implements SegmentSink {
  readonly pairs: Array<[Instant, Instant]> = [];
  add(start: number, end: number): void {
    this.pairs.push([start, end]);
  }
}

/**
 * Adds ms worked per interval to difference arrays (length intervalCount + 1; prefix sums
 * give ms per interval), clipped to the grid. Integer ms keep the sums exact.
 */
export class DiffWriter implements SegmentSink {
  targets: readonly Float64Array[] = [];
  private readonly lo: number;
  private readonly hi: number;

  constructor(grid: CoverageGrid) {
    this.lo = grid.start;
    this.hi = grid.start + Math.max(0, grid.intervalCount) * INTERVAL_MS;
  }

  add(a: number, b: number): void {
    const lo = this.lo;
    if (a < lo) a = lo;
    if (b > this.hi) b = this.hi;
    if (!(b > a)) return;
    const ra = a - lo;
    const rb = b - lo;
    const i0 = Math.floor(ra / INTERVAL_MS);
    const i1 = Math.ceil(rb / INTERVAL_MS) - 1;
    const targets = this.targets;
    if (i0 >= i1) {
      const v = rb - ra;
      for (let t = 0; t < targets.length; t++) {
        const diff = targets[t];
        diff[i0] += v;
        diff[i0 + 1] -= v;
      }
      return;
    }
    // Partial first and last intervals are their own steps; the full ones in between are
    // one +15 min step at i0+1, undone after i1−1.
    const first = (i0 + 1) * INTERVAL_MS - ra;
    const last = rb - i1 * INTERVAL_MS;
    for (let t = 0; t < targets.length; t++) {
      const diff = targets[t];
      diff[i0] += first;
      diff[i0 + 1] += INTERVAL_MS - first;
      diff[i1] += last - INTERVAL_MS;
      diff[i1 + 1] -= last;
    }
  }
}

/**
 * Worked time of a shift: its span minus every break, paid or not (a paid break is still
 * time off the phones). Breaks are clipped to the shift and overlapping ones merged.
 * 09:00–17:00 with a 30-minute break at +240 → [[09:00, 13:00], [13:30, 17:00]].
 */
export function shiftWorkSegments(shift: Shift): Array<[Instant, Instant]> {
  const list = new SegmentList();
  walkWorkSegments(shift, list);
  return list.pairs;
}

/**
 * Skills a shift counts toward: its listed skills if any, else the agent's, each with its
 * ancestors. SKILL_SALES_PREMIUM → [SKILL_SALES, SKILL_SALES_PREMIUM]; SKILL_SALES never
 * serves SKILL_SALES_PREMIUM. Sorted, so equal sets compare equal.
 */
export function servedSkillIds(shift: Shift, agent: Agent | undefined, catalog: SkillCatalog): string[] {
  const held = shift.skills.length > 0 ? shift.skills : (agent?.skills ?? []);
  return [...catalog.served(held.map((s) => s.skillId))].sort();
}

/**
 * Adds (sign 1) or removes (sign −1) one shift's gross coverage in place: for every skill
 * it serves, minutes worked inside each interval / 15 (a shift from 09:10 adds 1/3 to
 * 09:00). Missing skill arrays are created. It mutates `target` on purpose: it is the
 * incremental kernel for "what if" coverage (trades, recommendations) over a map that
 * computeGrossCoverage built. The shift's status is not checked: the caller decides.
 */
export function addShiftGross(
  target: Map<string, Float64Array>,
  shift: Shift,
  agent: Agent | undefined,
  catalog: SkillCatalog,
  grid: CoverageGrid,
  sign: 1 | -1 = 1,
): void {
  const skills = servedSkillIds(shift, agent, catalog);
  if (skills.length === 0) return;
  const count = Math.max(0, grid.intervalCount);
  const diff = new Float64Array(count + 1);
  const writer = new DiffWriter(grid);
  writer.targets = [diff];
  walkWorkSegments(shift, writer);
  const arrays = skills.map((id) => {
    let arr = target.get(id);
    if (!arr) {
      arr = new Float64Array(count);
      target.set(id, arr);
    }
    return arr;
  });
  let ms = 0;
  for (let i = 0; i < count; i++) {
    ms += diff[i];
    if (ms === 0) continue;
    const v = (sign * ms) / INTERVAL_MS;
    for (const arr of arrays) {
      const next = arr[i] + v;
      // Removing what was added may leave 1e-17 behind; a clean 0 keeps "no coverage" testable.
      arr[i] = sign < 0 && Math.abs(next) < EPS ? 0 : next;
    }
  }
}
