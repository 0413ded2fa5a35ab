/**
 * The capacity plan as an integer model (pure; solved through `lib/optimize/run-capacity.ts`).
 *
 *   n_td ∈ ℤ, 0 ≤ n_td ≤ ub_td   agents on shift type t on day d
 *   cov_i = Σ_{(t,d) covers i} n_td
 *
 * MIN_DEVIATION: cov_i − over_i + under_i = req_i, over, under ≥ 0;
 *   minimise Σ (over_i + under_i) + ε·Σ cost_t n_td   (ε makes equal deviations prefer the cheaper plan;
 *   it is scaled so the whole tie-break term stays below 0.001 agent-interval). The solver stops
 *   once incumbent − bound ≤ 0.001: proving the tie-break itself optimal costs seconds of branching
 *   and buys nothing, while the deviation is then within 0.002 agent-intervals of the optimum —
 *   exactly optimal whenever requirements are given to two decimals.
 *   With a fractional req_i one more row: over_i + under_i ≥ f + (1 − 2f)(cov_i − ⌊req_i⌋), f = req_i − ⌊req_i⌋,
 *   the convex hull of |cov − req| over whole cov, so the relaxation is exact interval by interval.
 * MIN_AGENTS: cov_i ≥ ⌈req_i⌉; minimise Σ cost_t n_td.
 *
 * ub_td = min(maxCount_t, ⌈max req over the intervals the shift covers⌉): more agents than the
 * largest requirement they meet never helps either objective (dropping one keeps every interval
 * it covers at or above its requirement), so the bound cuts no optimum and tightens the model.
 */
import { SparseBuilder, type SparseModel } from "../sparse";
import { INTERVAL_MINUTES, INTERVALS_PER_DAY, type CapacityCount, type CapacityInput, type CapacityTotals, type ShiftType } from "./types";

const TIE_BREAK_TOTAL = 1e-3;

export interface CapacityColumn {
  col: number;
  type: number;
  day: number;
  /** Covered intervals [from, to) inside the horizon. */
  from: number;
  to: number;
}

export interface CapacityModel {
  model: SparseModel;
  columns: CapacityColumn[];
  /** Weight of cost in the solver's objective (1 for MIN_AGENTS, ε for MIN_DEVIATION). */
  costWeight: number;
  /** Absolute gap at which the solve may stop (0: only a proven optimum). */
  absoluteGap: number;
}

/** Intervals [from, to) that shift type t placed on day d covers, clipped to the horizon. */
export function coveredSpan(t: ShiftType, day: number, intervalCount: number): [number, number] {
  const from = day * INTERVALS_PER_DAY + Math.round(t.startMinute / INTERVAL_MINUTES);
  return [Math.min(from, intervalCount), Math.min(intervalCount, from + Math.round(t.lengthMinutes / INTERVAL_MINUTES))];
}

function columnsOf(input: CapacityInput): (CapacityColumn & { ub: number })[] {
  const count = input.required.length;
  const days = Math.ceil(count / INTERVALS_PER_DAY);
  const out: (CapacityColumn & { ub: number })[] = [];
  input.shiftTypes.forEach((t, type) => {
    for (let day = 0; day < days; day++) {
      const [from, to] = coveredSpan(t, day, count);
      if (to <= from) continue;
      let peak = 0;
      for (let i = from; i < to; i++) peak = Math.max(peak, input.required[i]);
      const ub = Math.min(t.maxCount ?? Infinity, Math.ceil(peak - 1e-9));
      if (ub <= 0) continue;
      out.push({ col: out.length, type, day, from, to, ub });
    }
  });
  return out;
}

/**
 * Intervals no plan can cover under MIN_AGENTS: every shift type at its maximum still leaves
 * them short. Setting every count to its maximum covers each interval as well as any plan can,
 * so this check is exact: empty means the model is feasible.
 */
export function uncoverable(input: CapacityInput): { interval: number; required: number; reachable: number }[] {
  const most = new Float64Array(input.required.length);
  for (const c of columnsOf(input)) for (let i = c.from; i < c.to; i++) most[i] += c.ub;
  const out = [];
  for (let i = 0; i < most.length; i++) if (most[i] < input.required[i] - 1e-9) out.push({ interval: i, required: input.required[i], reachable: most[i] });
  return out;
}

export function buildCapacityModel(input: CapacityInput): CapacityModel {
  const cols = columnsOf(input);
  const count = input.required.length;
  const m = new SparseBuilder();
  let costWeight = 1;
  if (input.objective === "MIN_DEVIATION") {
    const most = cols.reduce((s, c) => s + input.shiftTypes[c.type].cost * c.ub, 0);
    costWeight = most > 0 ? TIE_BREAK_TOTAL / most : 0;
  }
  for (const c of cols) m.col(costWeight * input.shiftTypes[c.type].cost, 0, c.ub, true);
  const covering: number[][] = Array.from({ length: count }, () => []);
  for (const c of cols) for (let i = c.from; i < c.to; i++) covering[i].push(c.col);
  for (let i = 0; i < count; i++) {
    const terms: [number, number][] = covering[i].map((col) => [col, 1]);
    const req = input.required[i];
    if (input.objective === "MIN_DEVIATION") {
      const over = m.col(1, 0, Infinity, false);
      const under = m.col(1, 0, Infinity, false);
      m.row(req, req, [...terms, [over, -1], [under, 1]]);
      // Coverage is a whole number, so over + under is at least the line through the two
      // integers around req: the convex hull of |cov − req| on integers, one row per interval.
      const fl = Math.floor(req + 1e-9);
      const f = req - fl;
      if (f > 1e-9 && terms.length > 0) m.row(f - fl * (1 - 2 * f), Infinity, [[over, 1], [under, 1], ...terms.map(([col]) => [col, -(1 - 2 * f)] as [number, number])]);
    } else if (req > 0) {
      // Whole agents: covering 2.3 required agents takes 3 (rounding the row tightens the relaxation).
      m.row(Math.ceil(req - 1e-9), Infinity, terms);
    }
  }
  return { model: m.done(), columns: cols.map(({ col, type, day, from, to }) => ({ col, type, day, from, to })), costWeight, absoluteGap: input.objective === "MIN_DEVIATION" ? TIE_BREAK_TOTAL : 0 };
}

/** The solver's column values as whole counts per shift type and day (zeros left out). */
export function countsFrom(input: CapacityInput, cm: CapacityModel, colValue: ArrayLike<number>): CapacityCount[] {
  const out: CapacityCount[] = [];
  for (const c of cm.columns) {
    const count = Math.round(colValue[c.col]);
    if (count > 0) out.push({ shiftTypeId: input.shiftTypes[c.type].id, day: c.day, count });
  }
  return out.sort((x, y) => x.day - y.day || (x.shiftTypeId < y.shiftTypeId ? -1 : x.shiftTypeId > y.shiftTypeId ? 1 : 0));
}

/** Scheduled agents per interval for a plan's counts: the coverage series of the chart. */
export function capacityCoverage(input: Pick<CapacityInput, "required" | "shiftTypes">, counts: readonly CapacityCount[]): Float64Array {
  const n = input.required.length;
  const diff = new Float64Array(n + 1);
  const byId = new Map(input.shiftTypes.map((t) => [t.id, t]));
  for (const c of counts) {
    const t = byId.get(c.shiftTypeId);
    if (!t) throw new Error(`Unknown shift type ${c.shiftTypeId} in the plan`);
    const [from, to] = coveredSpan(t, c.day, n);
    diff[from] += c.count;
    diff[to] -= c.count;
  }
  const out = new Float64Array(n);
  let run = 0;
  for (let i = 0; i < n; i++) out[i] = run += diff[i];
  return out;
}

export function capacityTotals(input: Pick<CapacityInput, "required" | "shiftTypes">, counts: readonly CapacityCount[]): CapacityTotals {
  const cov = capacityCoverage(input, counts);
  const h = INTERVAL_MINUTES / 60;
  let shortHours = 0;
  let overHours = 0;
  cov.forEach((v, i) => {
    const d = v - input.required[i];
    if (d > 0) overHours += d * h;
    else shortHours -= d * h;
  });
  const cost = new Map(input.shiftTypes.map((t) => [t.id, t.cost]));
  return {
    deviationHours: shortHours + overHours,
    shortHours,
    overHours,
    agents: counts.reduce((s, c) => s + c.count, 0),
    cost: counts.reduce((s, c) => s + c.count * (cost.get(c.shiftTypeId) ?? 1), 0),
  };
}
