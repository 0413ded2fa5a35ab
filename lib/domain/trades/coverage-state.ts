/**
 * Gross coverage for cumulative checks: built once per batch from the schedule plus the
 * overlay of approved and pending trades, then probed trade by trade. A probe computes the
 * trade's change with addShiftGross on a sub-grid spanning only the moving shifts, so a
 * trade costs O(its skills × its intervals), not O(grid).
 *
 * Gross on purpose, and only for the CumulativeCoverage rule's incremental probe (10,000
 * trades a batch): what a trade card shows is net, the Coverage page's definition, from
 * impact.ts. The rule's threshold is checked against gross, which a net re-split per probe
 * would make O(grid) per trade.
 */
import { addShiftGross, computeGrossCoverage, servedSkillIds, type CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Shift } from "../types";
import { intervalRange } from "./skill-needs";

/** A shift changing hands: worked now by `giver` as `shift`, afterwards by `receiver` as `incoming`. */
export interface Move {
  shift: Shift;
  incoming: Shift;
  giver: Agent;
  receiver: Agent;
}

/** The cells a probe found changed, as parallel arrays (no object per cell). */
export class CellBuffer {
  skill: string[] = [];
  index: number[] = [];
  before: number[] = [];
  delta: number[] = [];
  get length(): number {
    return this.index.length;
  }
  reset(): void {
    this.skill.length = 0;
    this.index.length = 0;
    this.before.length = 0;
    this.delta.length = 0;
  }
}

const EPS = 1e-9;

export class CoverageState {
  /** Scheduled agents per skill per interval: the schedule plus the trade overlay. */
  readonly level: Map<string, Float64Array>;

  constructor(
    private readonly grid: CoverageGrid,
    private readonly catalog: SkillCatalog,
    shifts: readonly Shift[],
    agents: ReadonlyMap<string, Agent>,
  ) {
    this.level = computeGrossCoverage({ grid, shifts, agents, catalog });
  }

  /** Applies (sign 1) or withdraws (sign −1) moves on the level. */
  apply(moves: readonly Move[], sign: 1 | -1): void {
    for (const [i0, i1, delta] of this.deltas(moves)) {
      for (const [skill, d] of delta) {
        let arr = this.level.get(skill);
        if (!arr) {
          arr = new Float64Array(this.grid.intervalCount);
          this.level.set(skill, arr);
        }
        for (let j = 0; j < i1 - i0; j++) {
          const next = arr[i0 + j] + sign * d[j];
          arr[i0 + j] = Math.abs(next) < EPS ? 0 : next;
        }
      }
    }
  }

  /** Fills `out` with every skill-interval the moves change (|Δ| > 1e-9), by skill then interval. */
  probe(moves: readonly Move[], out: CellBuffer): void {
    out.reset();
    const parts = this.deltas(moves);
    const skills = new Set<string>();
    for (const [, , delta] of parts) for (const skill of delta.keys()) skills.add(skill);
    for (const skill of [...skills].sort()) {
      const level = this.level.get(skill);
      for (const [i0, i1, delta] of parts) {
        const d = delta.get(skill);
        if (!d) continue;
        for (let j = 0; j < i1 - i0; j++) {
          const x = d[j];
          if (x > EPS || x < -EPS) {
            out.skill.push(skill);
            out.index.push(i0 + j);
            out.before.push(level ? level[i0 + j] : 0);
            out.delta.push(x);
          }
        }
      }
    }
  }

  /**
   * The moves' change per skill over each stretch of grid they touch: [i0, i1, skill → Δ[i1 − i0]].
   * Stretches are the merged interval ranges of the moving shifts.
   */
  private deltas(all: readonly Move[]): Array<[number, number, Map<string, Float64Array>]> {
    // A move whose shift serves the same skills for both agents (every listed shift, and
    // unlisted ones between agents serving alike) changes nothing: skip it.
    const moves = all.filter((m) => !sameSkills(servedSkillIds(m.shift, m.giver, this.catalog), servedSkillIds(m.incoming, m.receiver, this.catalog)));
    if (moves.length === 0) return [];
    const ranges = mergeRanges(moves.map((m) => intervalRange(this.grid, m.shift.start, m.shift.end)));
    return ranges.map(([i0, i1]) => {
      const sub: CoverageGrid = { start: this.grid.start + i0 * INTERVAL_MS, intervalCount: i1 - i0 };
      const delta = new Map<string, Float64Array>();
      for (const m of moves) {
        if (m.shift.end <= sub.start || m.shift.start >= sub.start + sub.intervalCount * INTERVAL_MS) continue;
        addShiftGross(delta, m.shift, m.giver, this.catalog, sub, -1);
        addShiftGross(delta, m.incoming, m.receiver, this.catalog, sub, 1);
      }
      return [i0, i1, delta];
    });
  }
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** servedSkillIds returns sorted arrays, so equal sets are equal arrays. */
function sameSkills(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
