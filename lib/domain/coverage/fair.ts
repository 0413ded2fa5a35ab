/**
 * The fair split of one interval's shortfall (see README.md, "One rule for splitting
 * shortfall"): among the splits with the least total shortfall, the one whose coverage
 * ratios net/required, sorted ascending, are lexicographically largest.
 *
 * Progressive filling: raise one common level t for every skill not yet settled; a skill's
 * target at level t is what brings its ratio to t (never less than nothing, never more than
 * it is short). The highest feasible t is found from the bottleneck of a failed max-flow
 * (Dinkelbach's method on Hall's condition: the skills the last search did not reach use up
 * every group that serves them, so t drops to where their targets just fit those groups).
 * The bottleneck's skills are then settled at level t, and the others climb again.
 *
 * The agents-to-skills flows form a polymatroid, so the lexicographic max-min vector is a
 * maximal one: it reaches the same least total shortfall as any max-flow (checked by the
 * property tests against a min-cut oracle), and it is unique, so the order in which skills
 * and groups are visited cannot change it.
 */
import { EPS, type SplitNetwork } from "./network";

/** A level this close to the last one is a numerical stall, not progress. */
const LEVEL_EPS = 1e-12;

export class FairSplit {
  private readonly target: Float64Array;
  private readonly fixed: Float64Array;
  private readonly frozen: Uint8Array;
  private readonly served: Uint8Array;
  private readonly bottleneck: Uint8Array;
  private readonly members: Int32Array;
  private readonly ratio: Float64Array;

  constructor(private readonly net: SplitNetwork) {
    const K = net.skillCount;
    this.target = new Float64Array(K);
    this.fixed = new Float64Array(K);
    this.frozen = new Uint8Array(K);
    this.served = new Uint8Array(K);
    this.bottleneck = new Uint8Array(K);
    this.members = new Int32Array(K);
    this.ratio = new Float64Array(K);
  }

  /**
   * Re-splits the interval the network just solved with `net.solve(short)` and left
   * `unmet` > EPS: afterwards the network's flows give each skill its fair share.
   * required: agents required per skill; covered: agents already given by single-skill
   * groups; short: max(0, required − covered), what the flow may send each skill.
   */
  apply(required: Float64Array, covered: Float64Array, short: Float64Array, unmet: number): void {
    const net = this.net;
    const K = net.skillCount;
    const { frozen, fixed, served, target } = this;
    served.fill(0);
    for (let a = 0; a < net.activeCount; a++) {
      const g = net.active[a];
      for (let t = net.slotOffset[g]; t < net.slotOffset[g + 1]; t++) served[net.slotSkill[t]] = 1;
    }
    // Only skills still short that some group here could serve take part; the rest get nothing.
    let open = 0;
    for (let s = 0; s < K; s++) {
      fixed[s] = 0;
      frozen[s] = short[s] > EPS && served[s] ? 0 : 1;
      if (!frozen[s]) open++;
    }
    // The network holds the max-flow at level 1 (every open skill asks for all it is short).
    let level = 1;
    let lastFeasible = false;
    while (open > 0) {
      let found = false;
      while (unmet > EPS) {
        const next = this.bottleneckLevel(required, covered, level);
        found = true;
        if (!(next < level - LEVEL_EPS)) break;
        level = next;
        this.fillTargets(required, covered, short, level);
        unmet = net.retarget(target);
      }
      lastFeasible = unmet <= EPS;
      // Settle the bottleneck's open skills at this level, or every open skill when all fit.
      let settled = 0;
      for (let s = 0; s < K; s++) {
        if (frozen[s] || (found && !this.bottleneck[s])) continue;
        fixed[s] = targetAt(required[s], covered[s], short[s], level);
        frozen[s] = 1;
        settled++;
      }
      open -= settled;
      if (settled === 0) {
        // Only rounding can get here: settle everything at the level reached.
        for (let s = 0; s < K; s++) {
          if (frozen[s]) continue;
          fixed[s] = targetAt(required[s], covered[s], short[s], level);
          frozen[s] = 1;
        }
        open = 0;
      }
      if (open === 0) break;
      level = 1;
      this.fillTargets(required, covered, short, level);
      unmet = net.retarget(target);
    }
    // The flow in the network already sends exactly `fixed` unless the last solve fell short.
    if (!lastFeasible) net.retarget(fixed);
    // Rounding must never cost shortfall: ask once more for whatever is still short.
    for (let s = 0; s < K; s++) target[s] = short[s] - fixed[s];
    net.topUp(target);
  }

  /** Targets at `level` for open skills, settled amounts for the others. */
  private fillTargets(required: Float64Array, covered: Float64Array, short: Float64Array, level: number): void {
    for (let s = 0; s < this.net.skillCount; s++) {
      this.target[s] = this.frozen[s] ? this.fixed[s] : targetAt(required[s], covered[s], short[s], level);
    }
  }

  /**
   * The bottleneck of the failed max-flow (the skills its last search did not reach) and the
   * highest level ≤ `ceiling` at which their targets fit the groups that serve them.
   */
  private bottleneckLevel(required: Float64Array, covered: Float64Array, ceiling: number): number {
    const net = this.net;
    const { bottleneck, members, ratio, frozen, fixed } = this;
    let budget = 0;
    for (let a = 0; a < net.activeCount; a++) {
      const g = net.active[a];
      if (net.groupVia[g] === -1) budget += net.cap[g];
    }
    let m = 0;
    for (let s = 0; s < net.skillCount; s++) {
      bottleneck[s] = net.skillVia[s] === -1 ? 1 : 0;
      if (!bottleneck[s]) continue;
      if (frozen[s]) {
        budget -= fixed[s];
      } else {
        // Insertion by the ratio single-skill agents already give: the sets are small.
        const r = covered[s] / required[s];
        let k = m++;
        while (k > 0 && ratio[members[k - 1]] > r) {
          members[k] = members[k - 1];
          k--;
        }
        members[k] = s;
        ratio[s] = r;
      }
    }
    if (m === 0) return ceiling;
    if (budget <= 0) return Math.min(ceiling, ratio[members[0]]);
    // Σ max(0, t·required − covered) over the members is piecewise linear in t: walk its
    // breakpoints (each member's own ratio) until the budget is used up.
    let sumCovered = 0;
    let sumRequired = 0;
    for (let j = 0; j < m; j++) {
      const s = members[j];
      sumCovered += covered[s];
      sumRequired += required[s];
      const t = (budget + sumCovered) / sumRequired;
      if (j + 1 === m || t <= ratio[members[j + 1]]) return Math.min(ceiling, t);
    }
    return ceiling;
  }
}

/** What a skill asks of the flow to reach coverage ratio `level`: 0 … all it is short. */
function targetAt(required: number, covered: number, short: number, level: number): number {
  const x = level * required - covered;
  return x <= 0 ? 0 : x < short ? x : short;
}
