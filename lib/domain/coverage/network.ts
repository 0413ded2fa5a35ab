/**
 * One interval's flow network for the net split: groups of agents with the same served
 * skills (capacity = their agents in the interval) → the skills they serve (demand = what
 * a skill still asks for). Allocated once per computeCoverage call and reused for every
 * interval, so the per-interval work allocates nothing. The caller fills `cap`/`active` and
 * zeroes the flows of the active groups before the next interval.
 */

/** Below this an agent-fraction is rounding noise (a millisecond is 1.1e-6 of an interval). */
export const EPS = 1e-9;

export class SplitNetwork {
  readonly groupCount: number;
  readonly skillCount: number;
  /** Slot = (group, one of its skills); a group's slots are slotOffset[g] … slotOffset[g+1]. */
  readonly slotOffset: Int32Array;
  readonly slotSkill: Int32Array;
  readonly slotGroup: Int32Array;
  /**
   * Reverse adjacency of this interval's active groups: the slots that feed each skill, for
   * rerouting flow. Built when first needed: a search must not walk the slots of hundreds of
   * idle groups.
   */
  private readonly activeSlotOffset: Int32Array;
  private readonly activeSlots: Int32Array;
  private readonly activeCursor: Int32Array;
  private activeSlotsBuilt = false;

  /** This interval's agents per group, for the groups listed in `active` (set by the caller). */
  readonly cap: Float64Array;
  /** Agents of each group not yet sent anywhere. */
  readonly rem: Float64Array;
  /** Agents sent along each slot. */
  readonly flow: Float64Array;
  /** What each skill still asks for. */
  readonly demand: Float64Array;
  /** Groups with agents in this interval, in group order. */
  readonly active: Int32Array;
  activeCount = 0;
  /** After a max-flow that left demand unmet: how each node was reached by the last search (-1 = not reached). */
  readonly groupVia: Int32Array;
  readonly skillVia: Int32Array;
  private readonly queue: Int32Array;

  constructor(skillCount: number, groupSkills: readonly Int32Array[]) {
    const G = groupSkills.length;
    const K = skillCount;
    this.groupCount = G;
    this.skillCount = K;
    this.slotOffset = new Int32Array(G + 1);
    for (let g = 0; g < G; g++) this.slotOffset[g + 1] = this.slotOffset[g] + groupSkills[g].length;
    const slots = this.slotOffset[G];
    this.slotSkill = new Int32Array(slots);
    this.slotGroup = new Int32Array(slots);
    for (let g = 0; g < G; g++) {
      for (let k = 0; k < groupSkills[g].length; k++) {
        this.slotSkill[this.slotOffset[g] + k] = groupSkills[g][k];
        this.slotGroup[this.slotOffset[g] + k] = g;
      }
    }
    this.activeSlotOffset = new Int32Array(K + 1);
    this.activeSlots = new Int32Array(slots);
    this.activeCursor = new Int32Array(K);
    this.cap = new Float64Array(G);
    this.rem = new Float64Array(G);
    this.flow = new Float64Array(slots);
    this.demand = new Float64Array(K);
    this.active = new Int32Array(G);
    this.groupVia = new Int32Array(G);
    this.skillVia = new Int32Array(K);
    this.queue = new Int32Array(G + K);
  }

  /**
   * Max-flow toward `target` (per skill) at the start of an interval, when no flow is sent
   * yet: greedy first (most intervals need no rerouting), then shortest augmenting paths.
   * Returns the demand left unmet; when it is above EPS, groupVia/skillVia hold the last
   * search: the skills it did not reach are the bottleneck (every group serving them is used
   * up, and only by them).
   */
  solve(target: Float64Array): number {
    const { active, rem, cap, flow, demand, slotOffset, slotSkill } = this;
    const K = this.skillCount;
    let demandLeft = 0;
    for (let s = 0; s < K; s++) {
      const d = target[s];
      demand[s] = d > EPS ? d : 0;
      demandLeft += demand[s];
    }
    for (let a = 0; a < this.activeCount; a++) {
      const g = active[a];
      rem[g] = cap[g];
    }
    this.activeSlotsBuilt = false;
    for (let a = 0; a < this.activeCount && demandLeft > EPS; a++) {
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
    if (demandLeft <= EPS) return 0;
    return this.augment();
  }

  /**
   * Max-flow toward a new `target`, starting from the flow already sent: a skill that now
   * gets more than its target hands the excess back to its groups (in group order), then
   * augmenting paths fill what is short. Same result as `solve`, a fraction of the work
   * when targets move a little.
   */
  retarget(target: Float64Array): number {
    this.buildActiveSlots();
    const { rem, flow, demand, slotGroup, activeSlotOffset: skillSlotOffset, activeSlots: skillSlots } = this;
    let any = false;
    for (let s = 0; s < this.skillCount; s++) {
      let inflow = 0;
      for (let r = skillSlotOffset[s]; r < skillSlotOffset[s + 1]; r++) inflow += flow[skillSlots[r]];
      let excess = inflow - target[s];
      for (let r = skillSlotOffset[s]; r < skillSlotOffset[s + 1] && excess > 0; r++) {
        const t = skillSlots[r];
        const x = flow[t] < excess ? flow[t] : excess;
        if (x <= 0) continue;
        flow[t] -= x;
        rem[slotGroup[t]] += x;
        excess -= x;
      }
      const d = excess < 0 ? -excess : 0;
      demand[s] = d > EPS ? d : 0;
      if (demand[s] > 0) any = true;
    }
    if (!any) return 0;
    // Direct fills first, as in `solve`: each augmenting path costs a search.
    const { active, slotOffset, slotSkill } = this;
    for (let a = 0; a < this.activeCount; a++) {
      const g = active[a];
      for (let t = slotOffset[g]; t < slotOffset[g + 1] && rem[g] > EPS; t++) {
        const s = slotSkill[t];
        const x = demand[s] < rem[g] ? demand[s] : rem[g];
        if (x > 0) {
          flow[t] += x;
          rem[g] -= x;
          demand[s] -= x;
        }
      }
    }
    return this.augment();
  }

  /** Asks each skill for `extra[s]` more on top of the current flow, rerouting as needed. */
  topUp(extra: Float64Array): number {
    let any = false;
    for (let s = 0; s < this.skillCount; s++) {
      this.demand[s] = extra[s] > EPS ? extra[s] : 0;
      if (this.demand[s] > 0) any = true;
    }
    return any ? this.augment() : 0;
  }

  private buildActiveSlots(): void {
    if (this.activeSlotsBuilt) return;
    this.activeSlotsBuilt = true;
    const { active, slotOffset, slotSkill, activeSlotOffset, activeSlots } = this;
    const K = this.skillCount;
    activeSlotOffset.fill(0);
    for (let a = 0; a < this.activeCount; a++) {
      const g = active[a];
      for (let t = slotOffset[g]; t < slotOffset[g + 1]; t++) activeSlotOffset[slotSkill[t] + 1]++;
    }
    for (let s = 0; s < K; s++) activeSlotOffset[s + 1] += activeSlotOffset[s];
    const cursor = this.activeCursor;
    cursor.set(activeSlotOffset.subarray(0, K));
    for (let a = 0; a < this.activeCount; a++) {
      const g = active[a];
      for (let t = slotOffset[g]; t < slotOffset[g + 1]; t++) activeSlots[cursor[slotSkill[t]]++] = t;
    }
  }

  /** Shortest augmenting paths until no group with spare agents reaches a skill still short. */
  private augment(): number {
    this.buildActiveSlots();
    const { active, rem, flow, demand, slotOffset, slotSkill, slotGroup, groupVia, skillVia, queue } = this;
    const skillSlotOffset = this.activeSlotOffset;
    const skillSlots = this.activeSlots;
    const G = this.groupCount;
    for (;;) {
      // Only active groups can be reached: idle ones carry no flow.
      skillVia.fill(-1);
      let head = 0;
      let tail = 0;
      for (let a = 0; a < this.activeCount; a++) {
        const g = active[a];
        groupVia[g] = -1;
        if (rem[g] > EPS) {
          groupVia[g] = -2;
          queue[tail++] = g;
        }
      }
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
      if (found < 0) {
        let left = 0;
        for (let s = 0; s < this.skillCount; s++) if (demand[s] > EPS) left += demand[s];
        return left;
      }
      // Bottleneck: the demand reached, the rerouted flows, the source's spare agents.
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
  }
}
