/**
 * Seeded one-day optimization instances (5–10 agents, two skills, a few published shifts)
 * for the exact-engine tests and the optimize bench.
 */
import { gridFor } from "@/lib/domain/coverage";
import type { GapResolutionRule, GreedyInput } from "@/lib/domain/optimize/types";
import { mulberry32 } from "@/lib/domain/random";
import { SkillCatalog } from "@/lib/domain/skills";
import type { Agent, Shift, Site } from "@/lib/domain/types";

const H = 3_600_000;
export const DAY = Date.UTC(2026, 2, 4); // Wednesday 4 March 2026
export const SITE: Site = {
  id: "S",
  name: "Site",
  timeZone: "UTC",
  laborRules: { minRestHours: 10, maxDailyHours: 10, maxConsecutiveHours: 10, maxShiftsPerDay: 1, minShiftHours: 4, maxShiftHours: 9, earliestStartLocal: "06:00" },
};
export const CATALOG = new SkillCatalog([
  { id: "SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "BILLING", name: "Billing", parentId: null, equivalenceGroup: null },
]);

export function smallInstance(seed: number): GreedyInput {
  const rnd = mulberry32(seed);
  const n = 5 + Math.floor(rnd() * 6);
  const grid = gridFor({ start: DAY, end: DAY + 24 * H });
  const agents: Agent[] = [];
  const shifts: Shift[] = [];
  for (let k = 0; k < n; k++) {
    const r = rnd();
    const skills = r < 0.4 ? ["SALES"] : r < 0.7 ? ["BILLING"] : ["SALES", "BILLING"];
    const from = 6 + Math.floor(rnd() * 6);
    const id = `A${k + 1}`;
    agents.push({
      id,
      username: id,
      name: id,
      homeSiteId: "S",
      timeZone: "UTC",
      skills: skills.map((skillId) => ({ skillId, proficiency: 3 })),
      attributes: {},
      hireDate: "2020-01-01",
      performanceRank: k + 1,
      contractHoursPerWeek: rnd() < 0.5 ? 40 : 8,
      availability: [3].map((weekday) => ({ weekday, startMinute: from * 60, endMinute: Math.min(24, from + 10 + Math.floor(rnd() * 4)) * 60 })),
    });
    if (rnd() < 0.3) {
      const s = DAY + (from + 1) * H;
      shifts.push({ id: `P${k + 1}`, agentId: id, siteId: "S", start: s, end: s + 6 * H, skills: [], status: "PUBLISHED", breaks: [], version: 1 });
    }
  }
  const required = new Map<string, Float64Array>();
  for (const skill of ["SALES", "BILLING"]) {
    const req = new Float64Array(grid.intervalCount);
    const peak = 8 + rnd() * 8;
    const height = 1 + rnd() * 3;
    for (let i = 0; i < req.length; i++) {
      const h = i / 4;
      if (h < 7 || h >= 22) continue;
      req[i] = Math.max(0, Math.round((height * Math.exp(-((h - peak) ** 2) / 12) + 0.3) * 2) / 2);
    }
    required.set(skill, req);
  }
  const rules: GapResolutionRule[] = [
    { targetSkillId: "SALES", deficitHours: 0, priority: "HIGH", allowOvertime: true, maxOvertimeHoursPerAgent: 4, preferredAgentPool: "AVAILABLE" },
    { targetSkillId: "BILLING", deficitHours: 0, priority: "MEDIUM", allowOvertime: false, maxOvertimeHoursPerAgent: 0, preferredAgentPool: "AVAILABLE" },
  ];
  return { grid, agents, sites: [SITE], catalog: CATALOG, shifts, required, rules, compliance: { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true } };
}
