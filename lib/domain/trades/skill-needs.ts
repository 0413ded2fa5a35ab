/**
 * Which skills a shift needs and which the receiver brings, with the catalog's
 * hierarchy (a child satisfies its parent) and cross-site equivalences
 * (SKILL_SALES_US satisfies SKILL_SALES_UK when both sit in SKILL_SALES_GLOBAL).
 */
import type { CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Instant } from "../types";

/**
 * The receiver's best proficiency among the skills they hold that satisfy `skillId`,
 * or 0 when they hold none.
 */
export function bestProficiency(catalog: SkillCatalog, agent: Agent, skillId: string): number {
  let best = 0;
  for (const held of agent.skills) {
    if (held.proficiency > best && catalog.satisfies(held.skillId, skillId)) best = held.proficiency;
  }
  return best;
}

export function brings(catalog: SkillCatalog, agent: Agent, skillId: string): boolean {
  for (const held of agent.skills) if (catalog.satisfies(held.skillId, skillId)) return true;
  return false;
}

/** Strict descendants of `parentId` among `skillIds`. */
export function descendantsOf(catalog: SkillCatalog, parentId: string, skillIds: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of skillIds) if (id !== parentId && catalog.ancestors(id).includes(parentId)) out.push(id);
  return out;
}

export type DemandDuring =
  /** No demand data for the skill: the coverage model cannot vouch either way. */
  | { kind: "unknown" }
  /** Demand is zero throughout [start, end): the model did not need the skill then. */
  | { kind: "none" }
  /** Demand is positive from `start` to `end` (first to last positive interval, clipped). */
  | { kind: "some"; start: Instant; end: Instant };

/** Where within [start, end) the demand for `skillId` is positive. */
export function demandDuring(
  required: ReadonlyMap<string, Float64Array>,
  grid: CoverageGrid,
  skillId: string,
  start: Instant,
  end: Instant,
): DemandDuring {
  const req = required.get(skillId);
  if (!req) return { kind: "unknown" };
  const [i0, i1] = intervalRange(grid, start, end);
  let first = -1;
  let last = -1;
  for (let i = i0; i < i1; i++) {
    if (req[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { kind: "none" };
  return {
    kind: "some",
    start: Math.max(start, grid.start + first * INTERVAL_MS),
    end: Math.min(end, grid.start + (last + 1) * INTERVAL_MS),
  };
}

/** Grid indices [i0, i1) of the intervals [start, end) touches, clipped to the grid. */
export function intervalRange(grid: CoverageGrid, start: Instant, end: Instant): [number, number] {
  const i0 = Math.max(0, Math.floor((start - grid.start) / INTERVAL_MS));
  const i1 = Math.min(grid.intervalCount, Math.ceil((end - grid.start) / INTERVAL_MS));
  return [i0, Math.max(i0, i1)];
}
