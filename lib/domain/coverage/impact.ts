/**
 * Before/after net coverage of a schedule change (a trade card's charts), computed exactly
 * as the Coverage page computes it, so the card and the page read the same numbers.
 *
 * The net split is decided interval by interval from the agents working in that interval,
 * so the window of the changed shifts alone gives the same values as the page's whole range.
 */
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Instant, type Shift, type ShiftStatus } from "../types";
import { computeCoverage, type SkillCoverage } from "./compute";
import { gridEnd, gridFor, type CoverageGrid } from "./grid";
import { servedSkillIds } from "./segments";

export interface CoverageImpactInput {
  /** The schedule as the Coverage page counts it today. */
  before: readonly Shift[];
  /** The same schedule with the change made (e.g. the trade's shifts handed over). */
  after: readonly Shift[];
  agents: ReadonlyMap<string, Agent>;
  catalog: SkillCatalog;
  /** Demand per skill, arrays on `grid`. */
  grid: CoverageGrid;
  required: ReadonlyMap<string, Float64Array>;
  countedStatuses?: readonly ShiftStatus[];
}

export interface ImpactPoint {
  skillId: string;
  intervalStart: Instant;
  required: number;
  before: number;
  after: number;
}

const EPS = 1e-9;

/**
 * Per skill, every interval of the window the changed shifts span: required, net before,
 * net after. Skills shown: those the changed shifts serve on either side, and any other
 * whose net moves (a shared agent re-split). Sorted by skill, then time. Nothing changed → [].
 */
export function coverageImpact(input: CoverageImpactInput): ImpactPoint[] {
  const changed = changedShifts(input.before, input.after);
  if (changed.length === 0) return [];
  let start = Infinity;
  let end = -Infinity;
  for (const s of changed) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  const window = gridFor({ start: Math.max(start, input.grid.start), end: Math.min(end, gridEnd(input.grid)) });
  if (window.intervalCount <= 0) return [];
  const offset = Math.round((window.start - input.grid.start) / INTERVAL_MS);
  const required = new Map<string, Float64Array>();
  for (const [id, arr] of input.required) {
    const slice = new Float64Array(window.intervalCount);
    for (let j = 0; j < slice.length; j++) slice[j] = arr[offset + j] ?? 0;
    required.set(id, slice);
  }
  const cover = (shifts: readonly Shift[]) =>
    computeCoverage({
      grid: window,
      shifts: shifts.filter((s) => s.end > window.start && s.start < gridEnd(window)),
      agents: input.agents,
      catalog: input.catalog,
      required,
      countedStatuses: input.countedStatuses,
    });
  const before = cover(input.before);
  const after = cover(input.after);

  const shown = new Set<string>();
  for (const s of changed) for (const id of servedSkillIds(s, input.agents.get(s.agentId), input.catalog)) shown.add(id);
  for (const id of new Set([...before.keys(), ...after.keys()])) if (moved(before.get(id), after.get(id))) shown.add(id);

  const out: ImpactPoint[] = [];
  for (const skillId of [...shown].sort()) {
    const b = before.get(skillId);
    const a = after.get(skillId);
    const req = required.get(skillId);
    for (let j = 0; j < window.intervalCount; j++) {
      out.push({
        skillId,
        intervalStart: window.start + j * INTERVAL_MS,
        required: req ? req[j] : 0,
        before: b ? b.net[j] : 0,
        after: a ? a.net[j] : 0,
      });
    }
  }
  return out;
}

function moved(b: SkillCoverage | undefined, a: SkillCoverage | undefined): boolean {
  const n = Math.max(b?.net.length ?? 0, a?.net.length ?? 0);
  for (let j = 0; j < n; j++) if (Math.abs((b?.net[j] ?? 0) - (a?.net[j] ?? 0)) > EPS) return true;
  return false;
}

/** Shifts on either side that are not identical on the other (both versions of each). */
function changedShifts(before: readonly Shift[], after: readonly Shift[]): Shift[] {
  const byId = new Map(before.map((s) => [s.id, s]));
  const afterIds = new Set<string>();
  const out: Shift[] = [];
  for (const s of after) {
    afterIds.add(s.id);
    const old = byId.get(s.id);
    if (!old) out.push(s);
    else if (!sameShift(old, s)) out.push(old, s);
  }
  for (const s of before) if (!afterIds.has(s.id)) out.push(s);
  return out;
}

function sameShift(a: Shift, b: Shift): boolean {
  return (
    a === b ||
    (a.agentId === b.agentId &&
      a.start === b.start &&
      a.end === b.end &&
      a.status === b.status &&
      JSON.stringify(a.skills) === JSON.stringify(b.skills) &&
      JSON.stringify(a.breaks) === JSON.stringify(b.breaks))
  );
}
