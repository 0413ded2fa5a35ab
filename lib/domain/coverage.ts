/**
 * Coverage: how many agents each skill has in each 15-minute interval of a UTC-aligned
 * grid, from the shifts of a schedule.
 *
 * - Gross counts a multi-skilled agent fully for every skill they serve: it overstates.
 * - Net splits each interval of an agent's time across their skills so the total shortfall
 *   is smallest (a small max-flow per interval from groups of agents with the same served
 *   skills to the skills), then spreads what is left evenly. Gaps use net.
 *
 * An agent contributes 1 to every skill they serve, whatever the proficiency: proficiency
 * weights routing, not headcount, and CXone's coverage counts heads the same way.
 */
import type { SkillCatalog } from "./skills";
import { ceilToInterval, floorToInterval } from "./time";
import { INTERVAL_MS, type Agent, type Instant, type Shift, type ShiftStatus, type TimeRange } from "./types";

const MINUTE_MS = 60_000;
/** Below this an agent-fraction is rounding noise (a millisecond is 1.1e-6 of an interval). */
const EPS = 1e-9;

export interface CoverageGrid {
  /** On the 15-minute UTC grid. */
  start: Instant;
  intervalCount: number;
}

/** The grid covering `range`: 09:10–17:05 → 09:00 start, 33 intervals (to 17:15). */
export function gridFor(range: TimeRange): CoverageGrid {
  const start = floorToInterval(range.start);
  const end = ceilToInterval(range.end);
  return { start, intervalCount: Math.max(0, Math.round((end - start) / INTERVAL_MS)) };
}

/** Exclusive end of the grid. */
export function gridEnd(grid: CoverageGrid): Instant {
  return grid.start + grid.intervalCount * INTERVAL_MS;
}

/** Start instant of interval `index`. */
export function intervalStartAt(grid: CoverageGrid, index: number): Instant {
  return grid.start + index * INTERVAL_MS;
}

/** Receives the worked [start, end) pieces of a shift, in order. */
interface SegmentSink {
  add(start: number, end: number): void;
}

/** Feeds `sink` the worked pieces of a shift (see shiftWorkSegments); allocates nothing when breaks are sorted. */
function walkWorkSegments(shift: Shift, sink: SegmentSink): void {
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
class DiffWriter implements SegmentSink {
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

/** Agents with the same served-skill set, as capacity per interval. */
interface SkillGroup {
  /** Indices into the sorted skill list. */
  skills: Int32Array;
  /** Worked ms per interval, summed over the group's shifts. */
  ms: Float64Array;
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

/**
 * Net split, interval by interval:
 * 1. single-skill groups give everything to their skill;
 * 2. multi-skill groups: a max-flow from groups (capacity = their agents) to skills
 *    (capacity = what is still required), greedy fill then shortest augmenting paths,
 *    which minimises Σ max(0, required − net);
 * 3. each group's leftover is spread evenly over its skills, so Σ net = Σ agents.
 * Groups and skills are visited in a fixed order, so equal inputs give equal splits.
 */
function splitCoverage(
  K: number,
  groups: SkillGroup[],
  required: Float64Array[],
  count: number,
): { gross: Float64Array[]; net: Float64Array[] } {
  // Single-skill groups count the same gross and net; multi-skill ones are added below.
  // Gross is summed in whole ms, so it is exact and equals computeGrossCoverage.
  const singlesMs = Array.from({ length: K }, () => new Float64Array(count));
  const multi: SkillGroup[] = [];
  for (const group of groups) {
    if (group.skills.length === 1) {
      const target = singlesMs[group.skills[0]];
      for (let i = 0; i < count; i++) target[i] += group.ms[i];
    } else {
      multi.push(group);
    }
  }
  const net = singlesMs.map((ms) => toAgents(Float64Array.from(ms)));
  const gross = net.map((arr) => Float64Array.from(arr));
  if (multi.length === 0) return { gross, net };

  // Flat slot layout: slot = (group, one of its skills); slotOffset[g] … slotOffset[g+1].
  const G = multi.length;
  const slotOffset = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) slotOffset[g + 1] = slotOffset[g] + multi[g].skills.length;
  const slots = slotOffset[G];
  const slotSkill = new Int32Array(slots);
  const slotGroup = new Int32Array(slots);
  for (let g = 0; g < G; g++) {
    for (let k = 0; k < multi[g].skills.length; k++) {
      slotSkill[slotOffset[g] + k] = multi[g].skills[k];
      slotGroup[slotOffset[g] + k] = g;
    }
  }
  // Reverse adjacency: the slots that feed each skill, for rerouting flow.
  const skillSlotOffset = new Int32Array(K + 1);
  for (let t = 0; t < slots; t++) skillSlotOffset[slotSkill[t] + 1]++;
  for (let s = 0; s < K; s++) skillSlotOffset[s + 1] += skillSlotOffset[s];
  const skillSlots = new Int32Array(slots);
  const fill = skillSlotOffset.slice(0, K);
  for (let t = 0; t < slots; t++) skillSlots[fill[slotSkill[t]]++] = t;

  const rem = new Float64Array(G);
  const flow = new Float64Array(slots);
  const demand = new Float64Array(K);
  const active = new Int32Array(G);
  // BFS state: how each node was reached (-1 = not yet; -2 = a source group).
  const groupVia = new Int32Array(G);
  const skillVia = new Int32Array(K);
  const queue = new Int32Array(G + K);

  let activeCount = 0;

  /** Shortest augmenting paths until no group with spare time reaches a skill still short. */
  const augment = (): void => {
    for (;;) {
      groupVia.fill(-1);
      skillVia.fill(-1);
      let head = 0;
      let tail = 0;
      for (let a = 0; a < activeCount; a++) {
        const g = active[a];
        if (rem[g] > EPS) {
          groupVia[g] = -2;
          queue[tail++] = g;
        }
      }
      if (tail === 0) return;
      let found = -1;
      // Queue entries: groups as g, skills as G + s.
      search: while (head < tail) {
        const node = queue[head++];
        if (node < G) {
          for (let t = slotOffset[node]; t < slotOffset[node + 1]; t++) {
            const s = slotSkill[t];
            if (skillVia[s] !== -1) continue;
            skillVia[s] = t;
            if (demand[s] > EPS) {
              found = s;
              break search;
            }
            queue[tail++] = G + s;
          }
        } else {
          // From a skill, back along flow already sent to it: that group may send it elsewhere.
          const s = node - G;
          for (let r = skillSlotOffset[s]; r < skillSlotOffset[s + 1]; r++) {
            const t = skillSlots[r];
            const g = slotGroup[t];
            if (groupVia[g] !== -1 || flow[t] <= EPS) continue;
            groupVia[g] = t;
            queue[tail++] = g;
          }
        }
      }
      if (found < 0) return;
      // Bottleneck: the demand reached, the rerouted flows, the source's spare time.
      let delta = demand[found];
      let s = found;
      for (;;) {
        const g = slotGroup[skillVia[s]];
        const back = groupVia[g];
        if (back === -2) {
          if (rem[g] < delta) delta = rem[g];
          break;
        }
        if (flow[back] < delta) delta = flow[back];
        s = slotSkill[back];
      }
      demand[found] -= delta;
      s = found;
      for (;;) {
        const t = skillVia[s];
        const g = slotGroup[t];
        flow[t] += delta;
        const back = groupVia[g];
        if (back === -2) {
          rem[g] -= delta;
          break;
        }
        flow[back] -= delta;
        s = slotSkill[back];
      }
    }
  };

  // Capacities transposed a block of intervals at a time, so each interval reads one
  // contiguous row instead of one cache line per group.
  const BLOCK = 64;
  const block = new Float64Array(BLOCK * G);
  // Net and gross of one interval, written back once: K writes instead of one per slot.
  const local = new Float64Array(K);
  const localGrossMs = new Float64Array(K);

  for (let from = 0; from < count; from += BLOCK) {
    const to = Math.min(count, from + BLOCK);
    for (let g = 0; g < G; g++) {
      const ms = multi[g].ms;
      for (let i = from; i < to; i++) block[(i - from) * G + g] = ms[i];
    }
    for (let i = from; i < to; i++) {
      const row = (i - from) * G;
      activeCount = 0;
      for (let g = 0; g < G; g++) {
        const ms = block[row + g];
        if (ms > 0) {
          rem[g] = ms / INTERVAL_MS;
          active[activeCount++] = g;
        }
      }
      if (activeCount === 0) continue;
      let demandLeft = 0;
      for (let s = 0; s < K; s++) {
        local[s] = net[s][i];
        localGrossMs[s] = singlesMs[s][i];
        const d = required[s][i] - local[s];
        demand[s] = d > EPS ? d : 0;
        demandLeft += demand[s];
      }
      // Greedy first: most intervals need no rerouting at all.
      for (let a = 0; a < activeCount && demandLeft > EPS; a++) {
        const g = active[a];
        for (let t = slotOffset[g]; t < slotOffset[g + 1] && rem[g] > 0; t++) {
          const s = slotSkill[t];
          const x = demand[s] < rem[g] ? demand[s] : rem[g];
          if (x > 0) {
            flow[t] = x;
            rem[g] -= x;
            demand[s] -= x;
            demandLeft -= x;
          }
        }
      }
      if (demandLeft > EPS) augment();
      for (let a = 0; a < activeCount; a++) {
        const g = active[a];
        const ms = block[row + g];
        const first = slotOffset[g];
        const end = slotOffset[g + 1];
        const share = rem[g] / (end - first);
        for (let t = first; t < end; t++) {
          const s = slotSkill[t];
          local[s] += flow[t] + share;
          localGrossMs[s] += ms;
          // Leave every flow at 0 for the next interval, so inactive groups never carry any.
          flow[t] = 0;
        }
      }
      for (let s = 0; s < K; s++) {
        net[s][i] = local[s];
        gross[s][i] = localGrossMs[s] / INTERVAL_MS;
      }
    }
  }
  return { gross, net };
}

/**
 * The bucket (in intervals) that keeps a chart series at or under `maxPoints`: 1 when it
 * already fits, else whole hours (4, 8, …). 28 days (2,688 intervals) → 4, hourly.
 */
export function chartBucket(intervalCount: number, maxPoints = 1000): number {
  if (intervalCount <= maxPoints) return 1;
  return 4 * Math.ceil(intervalCount / (4 * maxPoints));
}

/**
 * Shrinks a series for charts: each point is the mean (or max) of `bucket` intervals; the
 * last bucket may be shorter. downsampleSeries([1,2,3,4,5], 2, "mean") → [1.5, 3.5, 5].
 */
export function downsampleSeries(values: Float64Array, bucket: number, mode: "mean" | "max"): Float64Array {
  const size = Math.max(1, Math.floor(bucket) || 1);
  const n = values.length;
  const out = new Float64Array(Math.ceil(n / size));
  for (let p = 0; p < out.length; p++) {
    const from = p * size;
    const to = Math.min(n, from + size);
    if (mode === "max") {
      let m = -Infinity;
      for (let i = from; i < to; i++) if (values[i] > m) m = values[i];
      out[p] = m;
    } else {
      let sum = 0;
      for (let i = from; i < to; i++) sum += values[i];
      out[p] = sum / (to - from);
    }
  }
  return out;
}
