/**
 * The net split of agents' time across their skills, interval by interval (README.md).
 */
import { INTERVAL_MS } from "../types";
import { FairSplit } from "./fair";
import { EPS, SplitNetwork } from "./network";

/** Agents with the same served-skill set, as capacity per interval. */
export interface SkillGroup {
  /** Indices into the sorted skill list. */
  skills: Int32Array;
  /** Worked ms per interval, summed over the group's shifts. */
  ms: Float64Array;
}

function toAgents(ms: Float64Array): Float64Array {
  for (let i = 0; i < ms.length; i++) ms[i] /= INTERVAL_MS;
  return ms;
}

/**
 * Net split, interval by interval:
 * 1. single-skill groups give everything to their skill;
 * 2. multi-skill groups: a max-flow from groups (capacity = their agents) to skills
 *    (capacity = what is still short), which minimises Σ max(0, required − net);
 * 3. when shortfall is left, the fair split among the least-shortfall ones (fair.ts);
 * 4. each group's leftover is spread evenly over its skills, so Σ net = Σ agents.
 * Groups and skills are visited in a fixed order, so equal inputs give equal splits.
 */
export function splitCoverage(
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

  const G = multi.length;
  const network = new SplitNetwork(
    K,
    multi.map((g) => g.skills),
  );
  const fair = new FairSplit(network);
  const { active, cap, rem, flow, slotOffset, slotSkill } = network;

  // Capacities transposed a block of intervals at a time, so each interval reads one
  // contiguous row instead of one cache line per group.
  const BLOCK = 64;
  const block = new Float64Array(BLOCK * G);
  // Net and gross of one interval, written back once: K writes instead of one per slot.
  const local = new Float64Array(K);
  const localGrossMs = new Float64Array(K);
  const needed = new Float64Array(K);
  const short = new Float64Array(K);

  for (let from = 0; from < count; from += BLOCK) {
    const to = Math.min(count, from + BLOCK);
    for (let g = 0; g < G; g++) {
      const ms = multi[g].ms;
      for (let i = from; i < to; i++) block[(i - from) * G + g] = ms[i];
    }
    for (let i = from; i < to; i++) {
      const row = (i - from) * G;
      let activeCount = 0;
      for (let g = 0; g < G; g++) {
        const ms = block[row + g];
        if (ms > 0) {
          cap[g] = ms / INTERVAL_MS;
          active[activeCount++] = g;
        }
      }
      if (activeCount === 0) continue;
      network.activeCount = activeCount;
      for (let s = 0; s < K; s++) {
        local[s] = net[s][i];
        localGrossMs[s] = singlesMs[s][i];
        needed[s] = required[s][i];
        const d = needed[s] - local[s];
        short[s] = d > EPS ? d : 0;
      }
      const unmet = network.solve(short);
      if (unmet > EPS) fair.apply(needed, local, short, unmet);
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
          // Leave every flow at 0 for the next interval, so idle groups never carry any.
          flow[t] = 0;
        }
      }
      network.activeCount = 0;
      for (let s = 0; s < K; s++) {
        net[s][i] = local[s];
        gross[s][i] = localGrossMs[s] / INTERVAL_MS;
      }
    }
  }
  return { gross, net };
}
