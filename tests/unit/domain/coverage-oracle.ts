/**
 * Test oracle for the fair split of one interval, independent of the engine's max-flow:
 * progressive filling by bisection on the common level, feasibility by Hall's condition
 * over every subset of skills (Σ targets ≤ agents of the teams serving any of them).
 */
import { expect } from "vitest";

export interface Case {
  /** Agents (fractions allowed) holding the same skills. */
  teams: Array<[agents: number, skills: string[]]>;
  required: Record<string, number>;
}

/** Capped coverage ratios of the lexicographic max-min split. */
export function oracleRatios(skills: readonly string[], c: Case): Record<string, number> {
  const ids = skills.filter((id) => c.required[id] > 0);
  const subsets = Array.from({ length: (1 << ids.length) - 1 }, (_, k) => ids.filter((_, j) => (k + 1) & (1 << j)));
  const capOf = (set: string[]) => c.teams.reduce((sum, [n, skills]) => sum + (skills.some((s) => set.includes(s)) ? n : 0), 0);
  const caps = subsets.map(capOf);
  const fixed = new Map<string, number>();
  const targetAt = (id: string, t: number) => fixed.get(id) ?? Math.min(1, t) * c.required[id];
  const slack = (k: number, t: number) => caps[k] - subsets[k].reduce((sum, id) => sum + targetAt(id, t), 0);
  const feasible = (t: number) => subsets.every((_, k) => slack(k, t) >= -1e-12);
  let lo = 0;
  while (fixed.size < ids.length) {
    if (feasible(1)) {
      for (const id of ids) if (!fixed.has(id)) fixed.set(id, c.required[id]);
      break;
    }
    let hi = 1;
    for (let n = 0; n < 200; n++) {
      const mid = (lo + hi) / 2;
      if (feasible(mid)) lo = mid;
      else hi = mid;
    }
    const before = fixed.size;
    subsets.forEach((set, k) => {
      if (slack(k, lo) > 1e-9) return;
      for (const id of set) if (!fixed.has(id)) fixed.set(id, lo * c.required[id]);
    });
    expect(fixed.size).toBeGreaterThan(before);
  }
  return Object.fromEntries(ids.map((id) => [id, fixed.get(id)! / c.required[id]]));
}
