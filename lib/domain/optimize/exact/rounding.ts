/**
 * Integer rounding rows (mixed-integer rounding on the cover rows): the relaxation's weak spot is
 * fractional demand. Where 0.3 of an agent is missing, the relaxation proposes 0.3 of a shift and
 * pays no idle time; a real plan either leaves the 0.3 short or puts a whole agent there (0.7 idle).
 * On small centers that gap alone kept the bound 30–78 % below the optimum.
 *
 * Validity, for one skill k and interval i with shortfall s = ⌊s⌋ + f (0 < f < 1): every agent's
 * split gives k at most the time the agent works i (split row), so W + u ≥ s, where
 * W = Σ over agents with a split column for (k, i) of their candidates working i — an integer in
 * every plan (at most one per agent, by the clique rows). If W ≥ ⌈s⌉ then W + u/f ≥ ⌈s⌉; if
 * W ≤ ⌊s⌋ then u ≥ s − W = f + (⌊s⌋ − W) ≥ f·(1 + ⌊s⌋ − W), so again W + u/f ≥ ⌈s⌉. No plan is cut
 * off, so the bound stays valid. The same holds across skills for one interval (each agent working
 * counts once, the skills' shortfalls and short columns add up), which is the row that closes the
 * gap where one agent can split between two skills.
 */
import type { SparseBuilder } from "../sparse";

/** Below this fraction the row's 1/f coefficient is large and the gain small: left out. */
const MIN_FRACTION = 0.05;

export interface RoundingSite {
  /** Shortfall column and its shortfall. */
  col: number;
  shortfall: number;
  interval: number;
  /** Candidates working this interval for agents with a split column for this skill there. */
  workers: readonly number[];
}

const INF = Infinity;

function fraction(s: number): number {
  return s - Math.floor(s);
}

/**
 * Nonzeros the rounding rows would add (to keep them out of models where they would only slow
 * the relaxation down).
 */
export function roundingSize(sites: readonly RoundingSite[]): number {
  let n = 0;
  const perInterval = new Map<number, { s: number; k: number; ids: Set<number> }>();
  for (const e of sites) {
    const f = fraction(e.shortfall);
    if (f > MIN_FRACTION && f < 1 - 1e-6 && e.workers.length > 0) n += e.workers.length + 1;
    let g = perInterval.get(e.interval);
    if (!g) perInterval.set(e.interval, (g = { s: 0, k: 0, ids: new Set() }));
    g.s += e.shortfall;
    g.k++;
    for (const id of e.workers) g.ids.add(id);
  }
  for (const g of perInterval.values()) {
    const f = fraction(g.s);
    if (g.k > 1 && f > MIN_FRACTION && f < 1 - 1e-6 && g.ids.size > 0) n += g.ids.size + g.k;
  }
  return n;
}

/** Adds the rounding rows per skill and interval and per interval across skills. Returns the rows added. */
export function addRoundingRows(m: SparseBuilder, sites: readonly RoundingSite[]): number {
  let rows = 0;
  const perInterval = new Map<number, { s: number; cols: number[]; ids: Set<number> }>();
  for (const e of sites) {
    const f = fraction(e.shortfall);
    if (f > MIN_FRACTION && f < 1 - 1e-6 && e.workers.length > 0) {
      m.row(Math.ceil(e.shortfall), INF, [...e.workers.map((id) => [id, 1] as [number, number]), [e.col, 1 / f]]);
      rows++;
    }
    let g = perInterval.get(e.interval);
    if (!g) perInterval.set(e.interval, (g = { s: 0, cols: [], ids: new Set() }));
    g.s += e.shortfall;
    g.cols.push(e.col);
    for (const id of e.workers) g.ids.add(id);
  }
  for (const g of perInterval.values()) {
    const f = fraction(g.s);
    if (g.cols.length < 2 || f <= MIN_FRACTION || f >= 1 - 1e-6 || g.ids.size === 0) continue;
    m.row(Math.ceil(g.s), INF, [...[...g.ids].map((id) => [id, 1] as [number, number]), ...g.cols.map((c) => [c, 1 / f] as [number, number])]);
    rows++;
  }
  return rows;
}
