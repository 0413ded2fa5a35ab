import { describe, expect, it } from "vitest";
import { greedyFill } from "@/lib/domain/optimize/greedy";
import { ZoneClock } from "@/lib/domain/trades/calendar";
import { PaidTime } from "@/lib/domain/trades/hours";
import type { Leg, RuleEnv } from "@/lib/domain/trades/rule";
import { availabilityRule } from "@/lib/domain/trades/rules/availability";
import { maxConsecutiveHoursRule } from "@/lib/domain/trades/rules/maxConsecutiveHours";
import { maxDailyHoursRule } from "@/lib/domain/trades/rules/maxDailyHours";
import { overlapRule } from "@/lib/domain/trades/rules/overlap";
import { restPeriodRule } from "@/lib/domain/trades/rules/restPeriod";
import type { Shift } from "@/lib/domain/types";
import { prepareExact } from "@/lib/domain/optimize/exact/prepare";
import { runExact } from "@/lib/optimize/run-exact";
import { solverSettingsSchema } from "@/lib/optimize/solver";
import { SITE, smallInstance } from "./instances";

const H = 3_600_000;

/** Every proposal, checked with the trade engine's own rules against the agent's schedule plus all proposals. */
function ruleFindings(input: ReturnType<typeof smallInstance>, proposed: readonly Shift[]) {
  const env = { clock: new ZoneClock(), paid: new PaidTime() } as unknown as RuleEnv;
  const findings: string[] = [];
  for (const p of proposed) {
    const agent = input.agents.find((a) => a.id === p.agentId)!;
    const after = [...input.shifts, ...proposed].filter((s) => s.agentId === p.agentId).sort((x, y) => x.start - y.start);
    const leg: Leg = { shift: p, incoming: p, giver: agent, receiver: agent, shiftSite: SITE, receiverSite: SITE, outgoing: null, receiverBefore: after.filter((s) => s !== p), receiverAfter: after };
    for (const rule of [overlapRule, restPeriodRule, maxConsecutiveHoursRule, maxDailyHoursRule, availabilityRule]) {
      // An extension adjoins its shift (rest 0 = one stretch), judged by the consecutive-hours rule.
      for (const f of rule(leg, env)) findings.push(`${p.agentId} ${new Date(p.start).toISOString()}: ${f.type}`);
    }
  }
  return findings;
}

describe("exact engine on seeded one-day centers", () => {
  for (const seed of [1, 2, 4]) {
    it(`seed ${seed}: every hard rule holds and the answer is no worse than the greedy's`, async () => {
      const input = smallInstance(seed);
      // A generous limit so a loaded machine still finishes; the 0.1 % target gap ends the solve as soon
      // as HiGHS proves it (a second or two when the machine is idle), so the limit only bounds the worst case.
      const r = await runExact(input, { settings: { timeLimitSeconds: 120, targetGap: 0.001 } });
      expect(r.engine, r.notes.join(" ")).toBe("exact");
      expect(["OPTIMAL", "GAP_REACHED"], r.notes.join(" ")).toContain(r.solverStatus);
      // Not vacuous: there are proposals to check, and the checker does find a broken one (a proposal doubled overlaps itself).
      expect(r.proposedShifts.length).toBeGreaterThan(0);
      expect(ruleFindings(input, [...r.proposedShifts, { ...r.proposedShifts[0], id: "twin" }])).not.toEqual([]);
      expect(ruleFindings(input, r.proposedShifts)).toEqual([]);
      for (const p of r.proposedShifts) {
        const rec = r.assignmentRecommendations.find((a) => a.agentId === p.agentId)!.recommendedShifts.find((s) => Date.parse(s.startTime) === p.start)!;
        // Never a fragment: a new shift is at least the site's minimum length.
        if (!rec.extendsShiftId) expect(p.end - p.start).toBeGreaterThanOrEqual(SITE.laborRules.minShiftHours * H);
        expect(p.end - p.start).toBeLessThanOrEqual(SITE.laborRules.maxShiftHours * H);
        // Earliest start 06:00 (UTC site) applies to every start of work.
        if (!rec.extendsShiftId || rec.endTime === new Date(input.shifts.find((s) => s.id === rec.extendsShiftId)!.start).toISOString().replace(".000Z", "Z")) expect(new Date(p.start).getUTCHours()).toBeGreaterThanOrEqual(6);
      }
      // One start per day per agent (existing and proposed new shifts).
      for (const a of input.agents) {
        const starts = [...input.shifts, ...r.proposedShifts].filter((s) => s.agentId === a.id && !r.assignmentRecommendations.some((x) => x.recommendedShifts.some((q) => q.extendsShiftId && Date.parse(q.startTime) === s.start)));
        expect(starts.length).toBeLessThanOrEqual(1);
      }
      // Overtime only within the cap (4 h), and only for the skill that allows it.
      for (const a of r.assignmentRecommendations) {
        const ot = a.recommendedShifts.reduce((s, q) => s + q.overtimeHours, 0);
        expect(ot).toBeLessThanOrEqual(4 + 1e-6);
      }
      expect(r.incumbent).not.toBeNull();
      // The solve ended on the gap, so a bound is proven and it is never above the answer.
      expect(r.bound).not.toBeNull();
      expect(r.bound!).toBeLessThanOrEqual(r.incumbent! + 1e-6);
      if (r.greedyObjective != null) expect(r.incumbent!).toBeLessThanOrEqual(r.greedyObjective + 1e-6);
      expect(r.stats.shortfallHoursAfter).toBeLessThanOrEqual(greedyFill(input).stats.shortfallHoursBefore);
    }, 300_000);
  }

  it("cancelled before it starts: the greedy answer, said so", async () => {
    const input = smallInstance(1);
    const ctl = new AbortController();
    ctl.abort();
    const r = await runExact(input, { signal: ctl.signal });
    expect(r.engine).toBe("greedy");
    expect(r.notes.join(" ")).toMatch(/cancelled/);
    expect(r.proposedShifts).toEqual(greedyFill(input).proposedShifts);
  });

  it("a model over the size limit falls back to the greedy with a note", async () => {
    const r = await runExact(smallInstance(2), { maxNonzeros: 10 });
    expect(r.engine).toBe("greedy");
    expect(r.solverStatus).toBe("NOT_RUN");
    expect(r.notes[0]).toMatch(/too large/);
  });

  it("refuses a time limit of 0 or over 10 minutes", () => {
    expect(() => solverSettingsSchema.parse({ timeLimitSeconds: 0 })).toThrow(/more than 0/);
    expect(() => solverSettingsSchema.parse({ timeLimitSeconds: 601 })).toThrow(/at most 600/);
    expect(solverSettingsSchema.parse({})).toMatchObject({ timeLimitSeconds: 30, targetGap: 0.01 });
  });
});

describe("dominance pruning", () => {
  it("drops only candidates a kept one dominates, and keeps the optimum (seed 4 solved both ways)", async () => {
    const input = smallInstance(4);
    const pruned = prepareExact(input);
    const full = prepareExact(input, { pruneDominated: false });
    expect(pruned.generated).toBe(full.index.candidates.length);
    expect(pruned.index.candidates.length).toBeLessThan(full.index.candidates.length);
    const kept = new Map(pruned.index.candidates.map((c) => [`${c.agent}:${c.a}:${c.b}`, c]));
    for (const [dropped, by] of pruned.replaced) {
      const [agent, a, b] = dropped.split(":").map(Number);
      const d = kept.get(by)!;
      expect(d.agent).toBe(agent);
      expect(d.a).toBeGreaterThanOrEqual(a);
      expect(d.b).toBeLessThanOrEqual(b);
      expect(d.b - d.a).toBeLessThan(b - a);
    }
    // Gap 0 ends each solve once optimality is proven; the 120 s limit is headroom for a loaded machine,
    // and the two solves run one after the other so they do not halve each other's share of it.
    const settings = { timeLimitSeconds: 120, targetGap: 0 };
    const p = await runExact(input, { settings });
    const f = await runExact(input, { settings, pruneDominated: false });
    expect(p.solverStatus).toBe("OPTIMAL");
    expect(f.solverStatus).toBe("OPTIMAL");
    expect(p.incumbent!).toBeCloseTo(f.incumbent!, 6);
  }, 300_000);
});
