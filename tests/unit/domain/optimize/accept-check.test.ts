import { describe, expect, it } from "vitest";
import { checkProposals, type AcceptContext } from "@/lib/domain/optimize/accept-check";
import { proposalsOf, type Proposal } from "@/lib/domain/optimize/proposals";
import type { Agent, Shift, Site } from "@/lib/domain/types";
import { runExact } from "@/lib/optimize/run-exact";
import { SITE, smallInstance } from "./instances";

const H = 3_600_000;
const MON = Date.UTC(2026, 2, 2); // Monday 2 March 2026
const site: Site = { ...SITE, laborRules: { ...SITE.laborRules, minRestHours: 10, maxDailyHours: 10, maxConsecutiveHours: 10, maxShiftsPerDay: 1, earliestStartLocal: "06:00" } };
const agent: Agent = { id: "A1", username: "a1", name: "A1", homeSiteId: "S", timeZone: "UTC", skills: [{ skillId: "SALES", proficiency: 3 }], attributes: {}, hireDate: "2020-01-01", performanceRank: 1, contractHoursPerWeek: 40, availability: [] };
const stored = (id: string, start: number, end: number, status: Shift["status"] = "PUBLISHED"): Shift => ({ id, agentId: "A1", siteId: "S", start, end, skills: [], status, breaks: [], version: 1 });
const proposal = (id: string, start: number, end: number, extendsShiftId: string | null = null): Proposal => ({ id, agentId: "A1", siteId: "S", start, end, skillId: "SALES", skills: [], breaks: [], extendsShiftId, coverageHours: 1, overtimeHours: 0 });
const ctx = (schedule: Shift[], o: Partial<AcceptContext> = {}): AcceptContext => ({ agents: new Map([["A1", agent]]), sites: new Map([["S", site]]), schedule, allowOvertime: true, maxOvertimeHoursPerAgent: 4, ...o });
const day = (d: number, h: number) => MON + d * 24 * H + h * H;

describe("re-checking proposals against the schedule as it is now", () => {
  it("accepts a proposal that fits, and refuses each broken hard rule with its reason", () => {
    const schedule = [stored("mon", day(0, 8), day(0, 16))];
    expect(checkProposals([proposal("ok", day(1, 8), day(1, 16))], ctx(schedule)).accepted.map((a) => a.proposal.id)).toEqual(["ok"]);
    expect(checkProposals([proposal("overlap", day(0, 14), day(0, 18))], ctx(schedule)).refused[0].reason).toMatch(/overlaps this shift/);
    expect(checkProposals([proposal("rest", day(0, 20), day(0, 24))], ctx(schedule)).refused[0].reason).toMatch(/rest only 4 h/);
    expect(checkProposals([proposal("daily", day(1, 6), day(1, 17))], ctx(schedule)).refused[0].reason).toMatch(/would work 11 h on 2026-03-03 \(UTC\); the maximum at S is 10 h/);
  });

  it("refuses a second start on a local day, a start before the earliest start, and a stretch over the maximum", () => {
    const lenient: Site = { ...site, laborRules: { ...site.laborRules, minRestHours: 1 } };
    const two = checkProposals([proposal("p1", day(0, 18), day(0, 22))], ctx([stored("mon", day(0, 8), day(0, 12))], { sites: new Map([["S", lenient]]) }));
    expect(two.refused[0].reason).toMatch(/would start 2 shifts on 2026-03-02/);
    const early = checkProposals([proposal("p1", day(1, 5), day(1, 11))], ctx([]));
    expect(early.refused[0].reason).toMatch(/would start at 05:00 \(UTC\); no shift starts before 06:00/);
    const long = checkProposals([proposal("p1", day(0, 16), day(0, 19), "mon")], ctx([stored("mon", day(0, 8), day(0, 16), "DRAFT")]));
    expect(long.refused[0].reason).toMatch(/10|stretch|consecutive/);
  });

  it("holds weekly hours to contract plus the run's overtime cap (and to the contract when overtime was not allowed)", () => {
    const week = [0, 1, 2, 3, 4].map((d) => stored(`d${d}`, day(d, 8), day(d, 16)));
    const sat = proposal("sat", day(5, 8), day(5, 12));
    expect(checkProposals([sat], ctx(week)).accepted).toHaveLength(1);
    expect(checkProposals([sat], ctx(week, { maxOvertimeHoursPerAgent: 3 })).refused[0].reason).toMatch(/would work 44 h in the week of 2026-03-02: contract 40 h plus at most 3 h/);
    expect(checkProposals([sat], ctx(week, { allowOvertime: false })).refused[0].reason).toMatch(/allowed no overtime/);
  });

  it("judges proposals in order: the second of two that clash only with each other is refused", () => {
    const r = checkProposals([proposal("p1", day(2, 8), day(2, 16)), proposal("p2", day(2, 12), day(2, 20))], ctx([]));
    expect(r.accepted.map((a) => a.proposal.id)).toEqual(["p1"]);
    expect(r.refused.map((x) => x.proposal.id)).toEqual(["p2"]);
  });

  it("extends a draft (version + 1) and never a published shift", () => {
    const ok = checkProposals([proposal("p1", day(0, 16), day(0, 17), "d")], ctx([stored("d", day(0, 8), day(0, 16), "DRAFT")]));
    expect(ok.accepted[0]).toMatchObject({ shift: { id: "d", start: day(0, 8), end: day(0, 17), version: 2, status: "DRAFT" }, replaces: { id: "d", version: 1 } });
    const pub = checkProposals([proposal("p1", day(0, 16), day(0, 17), "pub")], ctx([stored("pub", day(0, 8), day(0, 16))]));
    expect(pub.refused[0].reason).toMatch(/published shifts are never changed/);
    const gone = checkProposals([proposal("p1", day(0, 16), day(0, 17), "gone")], ctx([]));
    expect(gone.refused[0].reason).toMatch(/no longer on the schedule/);
  });
});

describe("every proposal of the exact engine passes the accept checker (trade engine's labor rules + starts, earliest start, weekly hours, overtime cap)", () => {
  for (const seed of [3, 5, 6, 7]) {
    it(`seed ${seed}`, async () => {
      const input = smallInstance(seed);
      // 120 s is headroom for a loaded machine; the 1 % gap ends the solve long before on these one-day centers.
      const r = await runExact(input, { settings: { timeLimitSeconds: 120, targetGap: 0.01 } });
      // The exact engine's own proposals, not the greedy fallback's.
      expect(r.engine, r.notes.join(" ")).toBe("exact");
      const proposals = proposalsOf(r);
      expect(proposals.length).toBeGreaterThan(0);
      const check = checkProposals(proposals, {
        agents: new Map(input.agents.map((a) => [a.id, a])),
        sites: new Map(input.sites.map((s) => [s.id, s])),
        // Extensions of published shifts are legal proposals but are not accepted as such:
        // judge them as drafts here so their hours and stretch are checked like the rest.
        schedule: input.shifts.map((s) => ({ ...s, status: "DRAFT" as const })),
        allowOvertime: true,
        maxOvertimeHoursPerAgent: 4,
      });
      expect(check.refused.map((x) => `${x.proposal.agentId}: ${x.reason}`)).toEqual([]);
      expect(check.accepted).toHaveLength(proposals.length);
    }, 300_000);
  }
});

describe("proposals of an answer", () => {
  it("fold a greedy extension of its own proposal into it, and number them by agent and start", () => {
    const mk = (id: string, start: number, end: number): Shift => ({ id, agentId: "A1", siteId: "S", start, end, skills: [{ skillId: "SALES", proficiency: 3 }], status: "DRAFT", breaks: [], version: 1 });
    const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
    const rec = (start: number, end: number, extendsShiftId: string | null) => ({ skillId: "SALES", startTime: iso(start), endTime: iso(end), coverageImpact: 2, overtimeFlag: false, overtimeHours: 0, breaks: [], extendsShiftId });
    const out = proposalsOf({
      proposedShifts: [mk("greedy-1", day(1, 8), day(1, 14)), mk("greedy-2", day(1, 14), day(1, 16)), mk("greedy-3", day(0, 16), day(0, 17))],
      assignmentRecommendations: [{ agentId: "A1", complianceScore: 1, recommendedShifts: [rec(day(1, 8), day(1, 14), null), rec(day(1, 14), day(1, 16), "greedy-1"), rec(day(0, 16), day(0, 17), "stored-9")] }],
    });
    expect(out).toMatchObject([
      { id: "p1", start: day(0, 16), end: day(0, 17), extendsShiftId: "stored-9" },
      { id: "p2", start: day(1, 8), end: day(1, 16), extendsShiftId: null, coverageHours: 4 },
    ]);
  });
});
