/**
 * Coverage of a month: 5,000 agents, 28 days, 100,000 shifts with breaks, 20 skills
 * (three parents with children), 2,688 quarter-hours. Synthetic and deterministic.
 *
 * 1. computeGrossCoverage beside a bare difference-array kernel over pre-flattened typed
 *    arrays (the floor: what gross costs once shifts are already segments and skill indices).
 * 2. The same beside the naive per-shift × per-interval loop a first version would write.
 * 3. computeCoverage with the net split beside gross, so the cost of the max-flow is visible.
 */
import {
  computeCoverage,
  computeGrossCoverage,
  servedSkillIds,
  shiftWorkSegments,
  type CoverageGrid,
  type CoverageInput,
} from "../../../lib/domain/coverage";
import { SkillCatalog } from "../../../lib/domain/skills";
import { INTERVAL_MS, type Agent, type Shift, type ShiftBreak, type Skill } from "../../../lib/domain/types";
import type { BenchCase } from "../harness";
import { mulberry32 } from "../../../lib/domain/random";

const AGENTS = 5_000;
const DAYS = 28;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const GRID_START = Date.UTC(2026, 2, 2); // a Monday


const SKILL_TREE: Array<[id: string, parent: string | null]> = [
  ["SKILL_SALES", null],
  ["SKILL_SALES_PREMIUM", "SKILL_SALES"],
  ["SKILL_SALES_RENEWALS", "SKILL_SALES"],
  ["SKILL_SUPPORT", null],
  ["SKILL_SUPPORT_TIER2", "SKILL_SUPPORT"],
  ["SKILL_SUPPORT_BILLING", "SKILL_SUPPORT"],
  ["SKILL_RETENTION", null],
  ["SKILL_RETENTION_VIP", "SKILL_RETENTION"],
  ["SKILL_CHAT", null],
  ["SKILL_EMAIL", null],
  ["SKILL_SOCIAL", null],
  ["SKILL_BACKOFFICE", null],
  ["SKILL_ONBOARDING", null],
  ["SKILL_TECH", null],
  ["SKILL_COLLECTIONS", null],
  ["SKILL_SPANISH", null],
  ["SKILL_FRENCH", null],
  ["SKILL_PARTNERS", null],
  ["SKILL_OUTBOUND", null],
  ["SKILL_FRAUD", null],
];

/** 30 minutes unpaid lunch and two paid 15-minute breaks in an 8.5-hour shift. */
const BREAKS: ShiftBreak[] = [
  { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
  { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
  { startOffsetMinutes: 390, durationMinutes: 15, paid: true },
];

let input: CoverageInput;
/** Pre-flattened for the bare kernel: work segments and their served skill indices. */
let flat: { segStart: Float64Array; segEnd: Float64Array; skillOffset: Int32Array; skills: Int32Array; skillCount: number };

function build(): void {
  const rand = mulberry32(42);
  const skills: Skill[] = SKILL_TREE.map(([id, parentId]) => ({ id, name: id, parentId, equivalenceGroup: null }));
  const catalog = new SkillCatalog(skills);
  const ids = skills.map((s) => s.id);
  // Big queues are held by many agents, niche ones by few.
  const weights = ids.map((_, k) => 1 / (1 + k * 0.35));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickSkill = () => {
    let r = rand() * totalWeight;
    for (let k = 0; k < ids.length; k++) {
      r -= weights[k];
      if (r <= 0) return ids[k];
    }
    return ids[ids.length - 1];
  };

  const agents = new Map<string, Agent>();
  const shifts: Shift[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const r = rand();
    const want = r < 0.55 ? 1 : r < 0.85 ? 2 : 3;
    const held = new Set<string>();
    while (held.size < want) held.add(pickSkill());
    const agentId = `agent-${a}`;
    agents.set(agentId, {
      id: agentId,
      username: agentId,
      name: agentId,
      homeSiteId: "site-1",
      timeZone: "UTC",
      skills: [...held].map((skillId) => ({ skillId, proficiency: 3 })),
      attributes: {},
      hireDate: "2020-01-01",
      performanceRank: a + 1,
      contractHoursPerWeek: 40,
      availability: [],
    });
    // Start between 05:00 and 15:55 on 5-minute steps: most starts cut an interval.
    const startMinute = 300 + Math.floor(rand() * 132) * 5;
    const firstDayOff = Math.floor(rand() * 7);
    for (let d = 0; d < DAYS; d++) {
      const weekday = d % 7;
      if (weekday === firstDayOff || weekday === (firstDayOff + 1) % 7) continue;
      const start = GRID_START + d * DAY_MS + startMinute * MINUTE;
      const listed = rand() < 0.05 ? [{ skillId: [...held][0], proficiency: 3 }] : [];
      shifts.push({
        id: `shift-${a}-${d}`,
        agentId,
        siteId: "site-1",
        start,
        end: start + 510 * MINUTE,
        skills: listed,
        status: rand() < 0.1 ? "DRAFT" : "PUBLISHED",
        breaks: BREAKS,
        version: 1,
      });
    }
  }

  const grid: CoverageGrid = { start: GRID_START, intervalCount: DAYS * 96 };
  const required = new Map<string, Float64Array>();
  for (const [k, id] of ids.entries()) {
    const level = 1000 * (weights[k] / totalWeight);
    const arr = new Float64Array(grid.intervalCount);
    for (let i = 0; i < arr.length; i++) {
      const h = ((i % 96) * 15) / 60;
      const shape = h < 5 || h >= 24 ? 0.05 : Math.exp(-((h - 12) ** 2) / 18);
      arr[i] = Math.round(level * shape * (0.8 + 0.4 * rand()) * 4) / 4;
    }
    required.set(id, arr);
  }
  input = { grid, shifts, agents, catalog, required };

  // The bare kernel's input: segments of counted shifts with resolved skill indices.
  const index = new Map(ids.map((id, k) => [id, k]));
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets: number[] = [0];
  const skillList: number[] = [];
  for (const s of shifts) {
    const served = servedSkillIds(s, agents.get(s.agentId), catalog).map((id) => index.get(id)!);
    for (const [a, b] of shiftWorkSegments(s)) {
      const from = Math.max(a, grid.start);
      const to = Math.min(b, grid.start + grid.intervalCount * INTERVAL_MS);
      if (to <= from) continue;
      starts.push(from);
      ends.push(to);
      skillList.push(...served);
      offsets.push(skillList.length);
    }
  }
  flat = {
    segStart: Float64Array.from(starts),
    segEnd: Float64Array.from(ends),
    skillOffset: Int32Array.from(offsets),
    skills: Int32Array.from(skillList),
    skillCount: ids.length,
  };
}

function setup(): void {
  if (input) return;
  build();
  // When run with --expose-gc, collect the setup's garbage before anything is timed.
  (globalThis as { gc?: () => void }).gc?.();
}

/** The floor: one difference array per skill, four writes per segment and skill. */
function bareKernel(): Float64Array[] {
  const count = input.grid.intervalCount;
  const start = input.grid.start;
  const diffs = Array.from({ length: flat.skillCount }, () => new Float64Array(count + 1));
  const { segStart, segEnd, skillOffset, skills } = flat;
  for (let k = 0; k < segStart.length; k++) {
    const ra = segStart[k] - start;
    const rb = segEnd[k] - start;
    const i0 = Math.floor(ra / INTERVAL_MS);
    const i1 = Math.ceil(rb / INTERVAL_MS) - 1;
    const first = (i0 + 1) * INTERVAL_MS - ra;
    const last = rb - i1 * INTERVAL_MS;
    for (let t = skillOffset[k]; t < skillOffset[k + 1]; t++) {
      const diff = diffs[skills[t]];
      if (i0 === i1) {
        diff[i0] += rb - ra;
        diff[i0 + 1] -= rb - ra;
      } else {
        diff[i0] += first;
        diff[i0 + 1] += INTERVAL_MS - first;
        diff[i1] += last - INTERVAL_MS;
        diff[i1 + 1] -= last;
      }
    }
  }
  return diffs.map((diff) => {
    const out = new Float64Array(count);
    let ms = 0;
    for (let i = 0; i < count; i++) {
      ms += diff[i];
      out[i] = ms / INTERVAL_MS;
    }
    return out;
  });
}

/** What a first version writes: every shift, every interval it touches, every segment. */
function naiveLoop(): Map<string, Float64Array> {
  const { grid, shifts, agents, catalog } = input;
  const out = new Map<string, Float64Array>();
  for (const shift of shifts) {
    const served = servedSkillIds(shift, agents.get(shift.agentId), catalog);
    const segments = shiftWorkSegments(shift);
    const first = Math.max(0, Math.floor((shift.start - grid.start) / INTERVAL_MS));
    const last = Math.min(grid.intervalCount, Math.ceil((shift.end - grid.start) / INTERVAL_MS));
    for (let i = first; i < last; i++) {
      const lo = grid.start + i * INTERVAL_MS;
      const hi = lo + INTERVAL_MS;
      let worked = 0;
      for (const [a, b] of segments) worked += Math.max(0, Math.min(b, hi) - Math.max(a, lo));
      if (worked === 0) continue;
      for (const id of served) {
        let arr = out.get(id);
        if (!arr) out.set(id, (arr = new Float64Array(grid.intervalCount)));
        arr[i] += worked / INTERVAL_MS;
      }
    }
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    name: "coverage gross: 100,000 shifts × 20 skills × 2,688 intervals (computeGrossCoverage)",
    baselineName: "bare difference-array kernel over pre-flattened typed arrays",
    setup,
    subject: () => computeGrossCoverage(input),
    baseline: bareKernel,
    // Many short runs: one major GC of the setup's garbage must not decide the median.
    iterations: 15,
    goal: "≤ 3× baseline and < 100 ms",
    goalMet: (subjectMs, baselineMs) => subjectMs <= 3 * baselineMs && subjectMs < 100,
  },
  {
    name: "coverage gross: 100,000 shifts (computeGrossCoverage)",
    baselineName: "naive per-shift × per-interval loop",
    setup,
    subject: () => computeGrossCoverage(input),
    baseline: naiveLoop,
    iterations: 7,
    goal: "faster than the naive loop",
    goalMet: (subjectMs, baselineMs) => subjectMs < baselineMs,
  },
  {
    name: "coverage gross + net: 100,000 shifts (computeCoverage, max-flow split)",
    baselineName: "computeGrossCoverage (gross only)",
    setup,
    subject: () => computeCoverage(input),
    baseline: () => computeGrossCoverage(input),
    // The split is one long function: give the JIT enough runs to optimise it.
    iterations: 15,
    goal: "≤ 5× gross",
    goalMet: (subjectMs, baselineMs) => subjectMs <= 5 * baselineMs,
  },
];
