import { describe, expect, it } from "vitest";
import { gridFor } from "@/lib/domain/coverage";
import { checkProposals } from "@/lib/domain/optimize/accept-check";
import { greedyFill, type GapResolutionRule } from "@/lib/domain/optimize/greedy";
import { proposalsOf } from "@/lib/domain/optimize/proposals";
import { SkillCatalog } from "@/lib/domain/skills";
import type { Agent, Shift, Site } from "@/lib/domain/types";

// Manila is UTC+8 all year: local 00:00 Sunday 7 March 2026 = 16:00 UTC Saturday.
const H = 3_600_000;
const SAT_LOCAL_MIDNIGHT = Date.UTC(2026, 2, 6, 16); // Saturday 00:00 in Manila
const local = (day: number, hour: number) => SAT_LOCAL_MIDNIGHT + day * 24 * H + hour * H;

const MNL: Site = {
  id: "MNL",
  name: "Manila",
  timeZone: "Asia/Manila",
  laborRules: { minRestHours: 8, maxDailyHours: 12, maxConsecutiveHours: 10, maxShiftsPerDay: 1, minShiftHours: 4, maxShiftHours: 10, earliestStartLocal: null },
};
const catalog = new SkillCatalog([{ id: "SALES", name: "Sales", parentId: null, equivalenceGroup: null }]);
const agent: Agent = {
  id: "AGENT-1280",
  username: "agent1280",
  name: "Agent 1280",
  homeSiteId: "MNL",
  timeZone: "Asia/Manila",
  skills: [{ skillId: "SALES", proficiency: 3 }],
  attributes: {},
  hireDate: "2020-01-01",
  performanceRank: 1,
  contractHoursPerWeek: 40,
  availability: [],
};
const shift = (id: string, start: number, end: number): Shift => ({ id, agentId: agent.id, siteId: "MNL", start, end, skills: [], status: "PUBLISHED", breaks: [], version: 1 });
const rule: GapResolutionRule = { targetSkillId: "SALES", deficitHours: 2, priority: "HIGH", allowOvertime: true, maxOvertimeHoursPerAgent: 10, preferredAgentPool: "AVAILABLE" };
const grid = gridFor({ start: local(0, 0), end: local(2, 0) });

function demand(fromHour: number, toHour: number): Map<string, Float64Array> {
  const req = new Float64Array(grid.intervalCount);
  for (let t = local(0, fromHour); t < local(0, toHour); t += H / 4) req[(t - grid.start) / (H / 4)] = 1;
  return new Map([["SALES", req]]);
}

describe("greedy starts per day (the AGENT-1280 case)", () => {
  it("does not extend a Sunday 00:00 shift back into Saturday when Saturday already has a start", () => {
    // Saturday 05:00–09:00 and Sunday 00:00–08:00 local; Saturday 22:00–24:00 is short.
    const shifts = [shift("sat", local(0, 5), local(0, 9)), shift("sun", local(1, 0), local(1, 8))];
    const r = greedyFill({ grid, agents: [agent], sites: [MNL], catalog, shifts, required: demand(22, 24), rules: [rule], compliance: { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true } });
    expect(r.proposedShifts).toEqual([]);
    expect(r.unmetRequirements).toMatchObject([{ skillId: "SALES", reason: "NO_FEASIBLE_AGENT", shortfallHours: 2 }]);
    // The defect's proposal, were any engine to make it, is refused at accept by the same rule.
    const drafts = shifts.map((s) => ({ ...s, status: "DRAFT" as const }));
    const defect = { id: "p1", agentId: agent.id, siteId: "MNL", start: local(0, 22), end: local(1, 0), skillId: "SALES", skills: [], breaks: [], extendsShiftId: "sun", coverageHours: 2, overtimeHours: 0 };
    const check = checkProposals([defect], { agents: new Map([[agent.id, agent]]), sites: new Map([["MNL", MNL]]), schedule: drafts, allowOvertime: true, maxOvertimeHoursPerAgent: 10 });
    expect(check.refused[0].reason).toMatch(/AGENT-1280 would start 2 shifts on 2026-03-07 \(Asia\/Manila\)/);
  });

  it("still extends the same shift back into Saturday when Saturday has no other start", () => {
    const shifts = [shift("sun", local(1, 0), local(1, 8))];
    const r = greedyFill({ grid, agents: [agent], sites: [MNL], catalog, shifts, required: demand(22, 24), rules: [rule], compliance: { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true } });
    expect(r.assignmentRecommendations[0].recommendedShifts).toMatchObject([{ startTime: "2026-03-07T14:00:00Z", endTime: "2026-03-07T16:00:00Z", extendsShiftId: "sun" }]);
    // The same checker accept uses finds nothing wrong with it (had the shift been a draft it could extend).
    const check = checkProposals(proposalsOf(r), { agents: new Map([[agent.id, agent]]), sites: new Map([["MNL", MNL]]), schedule: shifts.map((s) => ({ ...s, status: "DRAFT" as const })), allowOvertime: true, maxOvertimeHoursPerAgent: 10 });
    expect(check.refused).toEqual([]);
  });
});
