/**
 * Coverage: how many agents each skill has in each 15-minute interval of a UTC-aligned
 * grid, from the shifts of a schedule.
 *
 * - Gross counts a multi-skilled agent fully for every skill they serve: it overstates.
 * - Net splits each interval of an agent's time across their skills so the total shortfall
 *   is smallest, shared fairly among the skills that compete for the same agents (split.ts,
 *   fair.ts), then spreads what is left evenly. Gaps use net.
 *
 * An agent contributes 1 to every skill they serve, whatever the proficiency: proficiency
 * weights routing, not headcount, and CXone's coverage counts heads the same way.
 */
import type { SkillCatalog } from "../skills";
import { INTERVAL_MS, type Agent, type Shift, type ShiftStatus } from "../types";
import type { CoverageGrid } from "./grid";
import { DiffWriter, servedSkillIds, walkWorkSegments } from "./segments";
import { splitCoverage, type SkillGroup } from "./split";

export const DEFAULT_COUNTED_STATUSES: readonly ShiftStatus[] = Object.freeze(["PUBLISHED", "DRAFT"] as const);

export interface CoverageInput {
  grid: CoverageGrid;
  shifts: readonly Shift[];
  agents: ReadonlyMap<string, Agent>;
  catalog: SkillCatalog;
  /** Required agents per skill per interval (index i = grid interval i); missing → 0. */
  required: ReadonlyMap<string, Float64Array>;
  /** Default: PUBLISHED and DRAFT. */
  countedStatuses?: readonly ShiftStatus[];
}

/** computeGrossCoverage needs no demand; skills in `required` still get (zero) arrays. */
export type GrossCoverageInput = Omit<CoverageInput, "required"> & {
  required?: ReadonlyMap<string, Float64Array>;
};

export interface SkillCoverage {
  skillId: string;
  required: Float64Array;
  /** Every agent serving the skill counted fully. */
  gross: Float64Array;
  /** Each agent's time split across their skills to minimise total shortfall. */
  net: Float64Array;
}

const NO_SET = -1;

/**
 * The served-skill set of each counted shift, resolved once per signature (the agent, or
 * the shift's listed skills), never per shift or interval. Sets are numbered as first seen.
 */
class ServedSets {
  readonly members: string[][] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byAgent = new Map<string, number>();
  private readonly byListed = new Map<string, number>();

  constructor(
    private readonly agents: ReadonlyMap<string, Agent>,
    private readonly catalog: SkillCatalog,
    private readonly onNewSet: (members: string[]) => void,
  ) {}

  setOf(shift: Shift): number {
    if (shift.skills.length === 0) {
      let set = this.byAgent.get(shift.agentId);
      if (set === undefined) {
        set = this.intern(servedSkillIds(shift, this.agents.get(shift.agentId), this.catalog));
        this.byAgent.set(shift.agentId, set);
      }
      return set;
    }
    const sig = shift.skills.length === 1 ? shift.skills[0].skillId : shift.skills.map((k) => k.skillId).join("\u0001");
    let set = this.byListed.get(sig);
    if (set === undefined) {
      set = this.intern(servedSkillIds(shift, undefined, this.catalog));
      this.byListed.set(sig, set);
    }
    return set;
  }

  private intern(served: string[]): number {
    if (served.length === 0) return NO_SET;
    const key = served.join("\u0001");
    let set = this.byKey.get(key);
    if (set === undefined) {
      set = this.members.length;
      this.byKey.set(key, set);
      this.members.push(served);
      this.onNewSet(served);
    }
    return set;
  }
}

/** Every skill required or served, sorted so output order never depends on input order. */
function skillUniverse(served: Iterable<string>, required: ReadonlyMap<string, Float64Array> | undefined): string[] {
  const ids = new Set(served);
  if (required) for (const id of required.keys()) ids.add(id);
  return [...ids].sort();
}

/** Prefix sums turn a difference array into ms worked per interval, in place. */
function integrate(diff: Float64Array, count: number): Float64Array {
  let ms = 0;
  for (let i = 0; i < count; i++) {
    ms += diff[i];
    diff[i] = ms;
  }
  return diff.subarray(0, count);
}

/**
 * Gross only, straight into one difference array per skill: per work piece, four writes
 * per served skill (partial first interval, full run, partial last interval).
 */
function accumulateGross(input: GrossCoverageInput): { skillIds: string[]; ms: Float64Array[] } {
  const { grid, shifts } = input;
  const count = Math.max(0, grid.intervalCount);
  const counted = new Set<ShiftStatus>(input.countedStatuses ?? DEFAULT_COUNTED_STATUSES);
  const diffBySkill = new Map<string, Float64Array>();
  // Per served-skill set, the skills' difference arrays: the writer needs no lookups.
  const setTargets: Float64Array[][] = [];
  const sets = new ServedSets(input.agents, input.catalog, (members) => {
    setTargets.push(
      members.map((id) => {
        let diff = diffBySkill.get(id);
        if (!diff) {
          diff = new Float64Array(count + 1);
          diffBySkill.set(id, diff);
        }
        return diff;
      }),
    );
  });
  const writer = new DiffWriter(grid);
  for (let n = 0; n < shifts.length; n++) {
    const shift = shifts[n];
    if (!counted.has(shift.status)) continue;
    const set = sets.setOf(shift);
    if (set === NO_SET) continue;
    writer.targets = setTargets[set];
    walkWorkSegments(shift, writer);
  }
  const skillIds = skillUniverse(diffBySkill.keys(), input.required);
  const ms = skillIds.map((id) => {
    const diff = diffBySkill.get(id);
    return diff ? integrate(diff, count) : new Float64Array(count);
  });
  return { skillIds, ms };
}

/** One difference array per served-skill set: the groups the net split works on. */
function accumulateGroups(input: CoverageInput): { skillIds: string[]; groups: SkillGroup[] } {
  const { grid, shifts } = input;
  const count = Math.max(0, grid.intervalCount);
  const counted = new Set<ShiftStatus>(input.countedStatuses ?? DEFAULT_COUNTED_STATUSES);
  const setTargets: Float64Array[][] = [];
  const sets = new ServedSets(input.agents, input.catalog, () => setTargets.push([new Float64Array(count + 1)]));
  const writer = new DiffWriter(grid);
  for (let n = 0; n < shifts.length; n++) {
    const shift = shifts[n];
    if (!counted.has(shift.status)) continue;
    const set = sets.setOf(shift);
    if (set === NO_SET) continue;
    writer.targets = setTargets[set];
    walkWorkSegments(shift, writer);
  }
  const skillIds = skillUniverse(
    sets.members.flatMap((m) => m),
    input.required,
  );
  const index = new Map(skillIds.map((id, i) => [id, i]));
  const keys = sets.members.map((m) => m.join("\u0001"));
  // Groups in key order, not first-seen order: the net split must not depend on how the
  // shifts happen to be sorted.
  const order = keys.map((_, g) => g).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
  const groups = order.map((g) => ({
    skills: Int32Array.from(sets.members[g], (id) => index.get(id)!),
    ms: integrate(setTargets[g][0], count),
  }));
  return { skillIds, groups };
}

function toAgents(ms: Float64Array): Float64Array {
  for (let i = 0; i < ms.length; i++) ms[i] /= INTERVAL_MS;
  return ms;
}

/**
 * Gross coverage only: agents per skill and interval, every served skill counted fully.
 * Keyed by skill id (sorted); the shape addShiftGross updates for "what if" coverage.
 */
export function computeGrossCoverage(input: GrossCoverageInput): Map<string, Float64Array> {
  const { skillIds, ms } = accumulateGross(input);
  return new Map(skillIds.map((id, s) => [id, toAgents(ms[s])]));
}

function requiredArray(source: Float64Array | undefined, count: number): Float64Array {
  const out = new Float64Array(count);
  if (source) out.set(source.length > count ? source.subarray(0, count) : source);
  return out;
}

/**
 * Gross and net coverage for every skill that is required or served.
 * Example: one agent with SALES and SUPPORT, SALES needs 1 and SUPPORT 0 → gross is 1 for
 * both; net is SALES 1, SUPPORT 0 (the split that leaves no shortfall).
 */
export function computeCoverage(input: CoverageInput): Map<string, SkillCoverage> {
  const count = Math.max(0, input.grid.intervalCount);
  const { skillIds, groups } = accumulateGroups(input);
  const required = skillIds.map((id) => requiredArray(input.required.get(id), count));
  const { gross, net } = splitCoverage(skillIds.length, groups, required, count);
  return new Map(skillIds.map((id, s) => [id, { skillId: id, required: required[s], gross: gross[s], net: net[s] }]));
}
