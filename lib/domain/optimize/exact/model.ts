/**
 * The exact model as plain sparse arrays (HiGHS's ModelData shape, built without importing
 * the solver, so it stays pure and testable).
 *
 *   x_c ∈ {0,1}   candidate shift c is proposed
 *   y_aik ≥ 0     share of agent a's interval i given to targeted skill k (net coverage)
 *   u_ki ≥ 0      shortfall left of skill k in interval i
 *   o_aw ≥ 0      overtime hours of agent a in home-zone week w
 *
 *   cover   Σ_a y_aik + u_ki = shortfall_ki           (y never exceeds what is missing)
 *   w_ai ∈ [0,1]  agent a works interval i (0 or 1 in every plan; one column, so the rounding rows stay small)
 *   work    w_ai − Σ_{c works i} x_c = 0
 *   split   Σ_k y_aik − w_ai ≤ 0                     (an agent's time splits across skills)
 *   clique  Σ_{c ∈ Q} x_c ≤ 1                          (no overlap, rest between shifts)
 *   stretch Σ len·x over the extensions of a shift ≤ room (max consecutive hours)
 *   daily   Σ span hours on local day d ≤ max − worked  (max daily hours)
 *   starts  Σ start changes on local day d ≤ max − starts (max shifts per day)
 *   week    Σ paid_cw x_c − o_aw ≤ spare contract hours  (overtime only beyond the contract)
 *   cap     Σ_w o_aw ≤ overtime cap; non-overtime skills: Σ IH·y ≤ spare (overtime serves only skills that allow it)
 *   round   Σ_a w_ai over agents serving (k, i) + u_ki / frac(s_ki) ≥ ⌈s_ki⌉, and the same across skills per interval
 *           (valid integer rounding of the cover rows, see rounding.ts; only while small enough)
 *
 * minimize Σ weight_k·IH·u + overtimeWeight·o + idleWeight·(worked hours − covered hours) + shiftCost·x + 0.5·outside hours
 */
import { runSteps, type Steps } from "../steps";
import { EPS, IH } from "../common";
import type { AgentFrame, ExactCandidate } from "./candidates";
import { conflictCliques } from "./candidates";
import { SparseBuilder, type SparseModel } from "../sparse";
import { addRoundingRows, roundingSize, type RoundingSite } from "./rounding";

export { objectiveOf, type SparseModel } from "../sparse";

export interface ExactWeights {
  overtime: number;
  idle: number;
  perShift: number;
  outside: number;
}

export interface ModelIndex {
  candidates: ExactCandidate[];
  /** Column of candidate c is c (candidates come first). */
  y: { col: number; agent: number; interval: number; skillId: string }[];
  u: { col: number; skillId: string; interval: number; weight: number }[];
  overtimeCols: { col: number; agent: number; week: number }[];
}

const INF = Infinity;

/** Rounding rows are left out when they would add more nonzeros than this (the demo week's would be millions). */
export const ROUNDING_NONZERO_BUDGET = 500_000;

export function buildModel(...args: Parameters<typeof buildModelSteps>): { model: SparseModel; index: ModelIndex } {
  return runSteps(buildModelSteps(...args));
}

/** `buildModel` as steps: one per agent's rows. */
export function* buildModelSteps(
  frames: readonly AgentFrame[],
  candidates: ExactCandidate[],
  shortfall: ReadonlyMap<string, Float64Array>,
  weightOf: ReadonlyMap<string, number>,
  count: number,
  w: ExactWeights,
  roundingBudget = ROUNDING_NONZERO_BUDGET,
): Steps<{ model: SparseModel; index: ModelIndex }> {
  const m = new SparseBuilder();
  for (const c of candidates) {
    const worked = (c.b - c.a - (c.breakTo - c.breakFrom)) * IH;
    m.col(w.idle * worked + w.perShift + w.outside * c.outsideHours, 0, 1, true);
  }
  const byAgent = new Map<number, number[]>();
  candidates.forEach((c, id) => {
    const list = byAgent.get(c.agent);
    if (list) list.push(id);
    else byAgent.set(c.agent, [id]);
  });

  // Shortfall columns and their cover rows, filled with y below.
  const u: ModelIndex["u"] = [];
  const coverTerms = new Map<string, [number, number][]>();
  const coverKey = (k: string, i: number) => `${k}\u0000${i}`;
  for (const [skillId, sf] of shortfall) {
    const weight = weightOf.get(skillId) ?? 1;
    for (let i = 0; i < count; i++) {
      if (sf[i] <= EPS) continue;
      const col = m.col(weight * IH, 0, INF, false);
      u.push({ col, skillId, interval: i, weight });
      coverTerms.set(coverKey(skillId, i), [[col, 1]]);
    }
  }

  // Candidates working (k, i) for agents with a split column there: the integer side of the rounding rows.
  const workers = new Map<string, number[]>();
  const y: ModelIndex["y"] = [];
  const overtimeCols: ModelIndex["overtimeCols"] = [];
  const work: { col: number; agent: number; interval: number }[] = [];
  for (const [agent, ids] of byAgent) {
    yield;
    const f = frames[agent];
    // split rows: per interval some candidate works.
    const working = new Map<number, number[]>();
    for (const id of ids) {
      const c = candidates[id];
      for (let i = c.a; i < c.b; i++) {
        if (i >= c.breakFrom && i < c.breakTo) continue;
        const list = working.get(i);
        if (list) list.push(id);
        else working.set(i, [id]);
      }
    }
    const nonOvertimeByWeek = new Map<number, [number, number][]>();
    for (const [i, list] of [...working].sort((p, q) => p[0] - q[0])) {
      const terms: [number, number][] = [];
      const available = f.availPrefix[i + 1] - f.availPrefix[i] === 1;
      let workCol = -1;
      for (const s of f.skills) {
        const sf = shortfall.get(s.skillId);
        if (!sf || sf[i] <= EPS || (!s.anyPool && !available)) continue;
        // The agent's work in this interval as one column (w = Σ candidates working i, 0 or 1 in
        // every plan): the split and rounding rows name it once instead of every candidate.
        if (workCol < 0) {
          workCol = m.col(0, 0, 1, false);
          work.push({ col: workCol, agent, interval: i });
          m.row(0, 0, [...list.map((id) => [id, -1] as [number, number]), [workCol, 1]]);
          terms.push([workCol, -1]);
        }
        const col = m.col(-w.idle * IH, 0, Math.min(1, sf[i]), false);
        y.push({ col, agent, interval: i, skillId: s.skillId });
        terms.push([col, 1]);
        coverTerms.get(coverKey(s.skillId, i))!.push([col, 1]);
        const wk = workers.get(coverKey(s.skillId, i));
        if (wk) wk.push(workCol);
        else workers.set(coverKey(s.skillId, i), [workCol]);
        if (!s.allowOvertime) {
          const wk = f.cal.week[i];
          const l = nonOvertimeByWeek.get(wk);
          if (l) l.push([col, IH]);
          else nonOvertimeByWeek.set(wk, [[col, IH]]);
        }
      }
      if (workCol >= 0) m.row(-INF, 0, terms);
    }
    // no overlap, rest
    for (const q of conflictCliques(ids.map((id) => candidates[id]), ids)) m.row(-INF, 1, q.map((id) => [id, 1] as [number, number]));
    // max stretch across a before- and an after-extension of one shift
    const perBlock = new Map<number, { before: number[]; after: number[] }>();
    for (const id of ids) {
      const c = candidates[id];
      if (c.kind === "new") continue;
      let e = perBlock.get(c.block);
      if (!e) perBlock.set(c.block, (e = { before: [], after: [] }));
      (c.kind === "before" ? e.before : e.after).push(id);
    }
    for (const [blockNo, e] of perBlock) {
      if (e.before.length === 0 || e.after.length === 0) continue;
      const len = (id: number) => candidates[id].b - candidates[id].a;
      const blk = f.blocks[blockNo];
      const room = Math.floor(Math.min(f.labor.maxShiftHours, f.labor.maxConsecutiveHours) / IH + EPS) - Math.round(blk.room / (IH * 3_600_000));
      if (Math.max(...e.before.map(len)) + Math.max(...e.after.map(len)) <= room) continue;
      m.row(-INF, room, [...e.before, ...e.after].map((id) => [id, len(id)] as [number, number]));
    }
    // daily hours and starts per local day
    const daily = new Map<number, [number, number][]>();
    const starts = new Map<number, [number, number][]>();
    for (const id of ids) {
      for (const [d, h] of candidates[id].dayHours) (daily.get(d) ?? daily.set(d, []).get(d)!).push([id, h]);
      for (const [d, n] of candidates[id].startDelta) (starts.get(d) ?? starts.set(d, []).get(d)!).push([id, n]);
    }
    for (const [d, terms] of daily) {
      const rhs = f.labor.maxDailyHours - f.dayWorked[d];
      if (terms.length > 1 && terms.reduce((s, t) => s + t[1], 0) > rhs + EPS) m.row(-INF, rhs, terms);
    }
    for (const [d, terms] of starts) {
      const rhs = f.labor.maxShiftsPerDay - f.dayStarts[d];
      if (terms.reduce((s, t) => s + Math.max(0, t[1]), 0) > rhs) m.row(-INF, rhs, terms);
    }
    // contract hours, overtime and its cap
    const weekTerms = new Map<number, [number, number][]>();
    for (const id of ids) for (const [wk, h] of candidates[id].weekPaid) (weekTerms.get(wk) ?? weekTerms.set(wk, []).get(wk)!).push([id, h]);
    const capTerms: [number, number][] = [];
    for (const [wk, terms] of weekTerms) {
      if (f.overtimeCap > EPS) {
        const o = m.col(w.overtime, 0, f.overtimeCap, false);
        overtimeCols.push({ col: o, agent, week: wk });
        capTerms.push([o, 1]);
        m.row(-INF, f.spare[wk], [...terms, [o, -1]]);
      } else {
        m.row(-INF, f.spare[wk], terms);
      }
    }
    if (capTerms.length > 1) m.row(-INF, f.overtimeCap, capTerms);
    if (f.overtimeCap > EPS) for (const [wk, terms] of nonOvertimeByWeek) m.row(-INF, f.spare[wk], terms);
  }
  for (const e of u) {
    const sf = shortfall.get(e.skillId)![e.interval];
    m.row(sf, sf, coverTerms.get(coverKey(e.skillId, e.interval))!);
  }
  const sites: RoundingSite[] = u.map((e) => ({ col: e.col, shortfall: shortfall.get(e.skillId)![e.interval], interval: e.interval, workers: workers.get(coverKey(e.skillId, e.interval)) ?? [] }));
  if (roundingSize(sites) <= roundingBudget) addRoundingRows(m, sites);
  return { model: m.done(), index: { candidates, y, u, overtimeCols } };
}
