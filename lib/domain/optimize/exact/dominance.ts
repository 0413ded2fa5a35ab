/**
 * Dominance pruning of one agent's candidates. Candidate d dominates c when d is no more
 * expensive, works every interval of c where the agent could cover a shortfall, and uses no
 * more of anything the rules count: its conflict span lies inside c's (so it clashes with a
 * subset of c's rivals, rest included), its span hours per local day and paid hours per week
 * are no larger, it changes the same days' start counts, and it spends no more hours outside
 * availability. Any plan using c then stays legal and no worse with d instead (the split y
 * lives only on intervals that can cover a shortfall, which d still works), so dropping c loses
 * no optimum. The relation is transitive with a strictly shorter span, so the undominated
 * candidates that remain dominate every dropped one.
 */
import { EPS } from "../common";
import type { ExactCandidate } from "./candidates";

export type CostOf = (c: ExactCandidate) => number;

function leq(x: readonly [number, number][], y: readonly [number, number][]): boolean {
  for (const [k, v] of x) {
    const other = y.find((e) => e[0] === k);
    if (v > EPS && (!other || v > other[1] + EPS)) return false;
  }
  return true;
}

function same(x: readonly [number, number][], y: readonly [number, number][]): boolean {
  const norm = (l: readonly [number, number][]) => l.filter(([, n]) => n !== 0).map(([d, n]) => `${d}:${n}`).sort().join(",");
  return norm(x) === norm(y);
}

/**
 * Returns the candidates kept (in their order) and, for each dropped one, a kept candidate that
 * dominates it (for mapping a warm start onto the pruned model). `maskPrefix` is the prefix sum
 * of the agent's cover mask (1 where the agent may cover a shortfall).
 */
export function pruneDominated(cands: readonly ExactCandidate[], maskPrefix: Int32Array, costOf: CostOf): { kept: ExactCandidate[]; dominatedBy: Map<ExactCandidate, ExactCandidate> } {
  const useful = (_c: ExactCandidate, from: number, to: number) => (to > from ? maskPrefix[to] - maskPrefix[from] : 0);
  const byStart = new Map<string, ExactCandidate[]>();
  const key = (c: ExactCandidate, a: number) => `${c.kind}:${c.block}:${a}`;
  for (const c of cands) (byStart.get(key(c, c.a)) ?? byStart.set(key(c, c.a), []).get(key(c, c.a))!).push(c);
  const direct = new Map<ExactCandidate, ExactCandidate>();
  for (const c of cands) {
    // First and last interval of c that can cover a shortfall.
    let first = c.a;
    while (first < c.b && (useful(c, first, first + 1) === 0 || (first >= c.breakFrom && first < c.breakTo))) first++;
    let last = c.b - 1;
    while (last >= first && (useful(c, last, last + 1) === 0 || (last >= c.breakFrom && last < c.breakTo))) last--;
    if (first > last) continue;
    const costC = costOf(c);
    found: for (let a = c.a; a <= first; a++) {
      for (const d of byStart.get(key(c, a)) ?? []) {
        if (d === c || d.b > c.b || d.b <= last || d.b - d.a >= c.b - c.a) continue;
        if (d.lo < c.lo || d.hi > c.hi || d.outsideHours > c.outsideHours + EPS || costOf(d) > costC + EPS) continue;
        // Every useful interval c works, d works too (d's break must not fall on one of them).
        const inBreak = useful(d, Math.max(d.breakFrom, c.a), Math.min(d.breakTo, c.b));
        const inBoth = useful(d, Math.max(d.breakFrom, c.breakFrom, c.a), Math.min(d.breakTo, c.breakTo, c.b));
        if (inBreak - inBoth > 0) continue;
        if (!leq(d.dayHours, c.dayHours) || !leq(d.weekPaid, c.weekPaid) || !same(d.startDelta, c.startDelta)) continue;
        direct.set(c, d);
        break found;
      }
    }
  }
  const root = (c: ExactCandidate) => {
    let r = c;
    for (let n = direct.get(r); n; n = direct.get(r)) r = n;
    return r;
  };
  const dominatedBy = new Map<ExactCandidate, ExactCandidate>();
  for (const c of direct.keys()) dominatedBy.set(c, root(c));
  return { kept: cands.filter((c) => !direct.has(c)), dominatedBy };
}
