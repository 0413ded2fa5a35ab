/**
 * Accepting an optimization's proposals: drafts written in one transaction, a proposal that
 * no longer fits (a shift stored since the run) refused with its reason while the others go
 * in, published shifts never changed, a draft's extension applied with a version bump.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/checks";
import type { OpenedDb } from "@/lib/db/client";
import { insertJob, setJobResult } from "@/lib/db/queries/jobs";
import { getShiftsByIds, getShiftsOverlapping, insertShifts } from "@/lib/db/queries/shifts";
import { auditLog, jobs, shifts, users } from "@/lib/db/schema";
import type { DemoData } from "@/lib/demo/generate";
import { inProcessWorkerIdle } from "@/lib/jobs/worker";
import { acceptProposals } from "@/lib/services/optimization/accept";
import { launchOptimization } from "@/lib/services/optimization/launch";
import { getOptimizationRun } from "@/lib/services/optimization/runs";
import type { StoredProposal } from "@/lib/types/optimization";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const H = 3_600_000;
const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
// One day of the demo week with a short limit: enough for proposals, quick on shared cores.
const input = { from: DEMO_WEEK, to: DEMO_WEEK, allowOvertime: true, maxOvertimeHoursPerAgent: 4, goals: ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"] as ("MINIMIZE_OVERTIME" | "MAXIMIZE_SKILL_COVERAGE")[], maxConsecutiveHours: 10, minBreakDuration: 30, timeLimitSeconds: 8, targetGapPercent: 1 };

describe.each(TEST_DRIVERS)("accepting optimization proposals on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let planner: CurrentUser;
  let runId: string;
  let proposals: StoredProposal[];
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    const [u] = await o.db.select().from(users).where(eq(users.email, "planner@demo.local"));
    planner = { id: u.id, email: u.email, name: u.name, role: "planner", siteIds: [] };
    runId = await launchOptimization(o.db, input, { id: u.id, label: u.email });
    await inProcessWorkerIdle();
    const run = await getOptimizationRun(o.db, runId);
    expect(run.status).toBe("completed");
    proposals = run.result!.proposals!;
    expect(proposals.length).toBeGreaterThan(2);
  }, 120_000);
  afterAll(() => o.close());

  it("writes one agent's proposals as drafts, refuses one that overlaps a shift stored since the run, and leaves published shifts alone", async () => {
    const published = await getShiftsOverlapping(o.db, { from: new Date(Date.parse(DEMO_WEEK) - 8 * 24 * H), to: new Date(Date.parse(DEMO_WEEK) + 16 * 24 * H) }, { statuses: ["PUBLISHED"] });
    const fresh = proposals.filter((p) => !p.extendsShiftId);
    const [blocked, ...others] = fresh;
    const mine = others.filter((p) => p.agentId !== blocked.agentId).slice(0, 3);
    // Someone stores a shift for the blocked proposal's agent at the same time, after the run.
    await insertShifts(o.db, [{ agentId: blocked.agentId, siteId: blocked.siteId, start: Date.parse(blocked.start), end: Date.parse(blocked.start) + H, status: "DRAFT", skills: [], breaks: [] }]);
    const out = await acceptProposals(o.db, planner, { runId, proposalIds: [blocked.id, ...mine.map((p) => p.id)] });
    expect(out.refused).toEqual([expect.objectContaining({ proposalId: blocked.id, agentId: blocked.agentId, reason: expect.stringMatching(/overlaps this shift/) })]);
    expect(out.created.map((c) => c.proposalId).sort()).toEqual(mine.map((p) => p.id).sort());
    const stored = await getShiftsByIds(o.db, out.created.map((c) => c.shiftId));
    expect(stored.map((s) => s.status)).toEqual(stored.map(() => "DRAFT"));
    for (const p of mine) expect(stored).toContainEqual(expect.objectContaining({ agentId: p.agentId, start: Date.parse(p.start), end: Date.parse(p.end) }));
    expect(out.from).toBe(mine.map((p) => p.start).sort()[0].slice(0, 10));
    expect(out.coverage.length).toBeGreaterThan(0);
    expect(out.coverage.reduce((s, c) => s + c.shortfallAfter, 0)).toBeLessThan(out.coverage.reduce((s, c) => s + c.shortfallBefore, 0));
    // Published shifts: same rows, same versions.
    const after = await getShiftsByIds(o.db, published.map((s) => s.id));
    expect(after.map((s) => [s.id, s.version, s.start, s.end, s.status]).sort()).toEqual(published.map((s) => [s.id, s.version, s.start, s.end, s.status]).sort());
    // Audited, and a second accept of the same proposals is refused as already accepted.
    const audit = await o.db.select().from(auditLog).where(eq(auditLog.action, "optimization.proposals.accepted"));
    expect(audit.at(-1)).toMatchObject({ entityId: runId, details: { created: out.created } });
    const again = await acceptProposals(o.db, planner, { runId, proposalIds: [mine[0].id] });
    expect(again.created).toEqual([]);
    expect(again.refused[0].reason).toMatch(/Already accepted/);
  }, 60_000);

  it("extends a draft with a version bump, and refuses to extend a published shift", async () => {
    const day = Date.parse(`${DEMO_WEEK}T00:00:00Z`) + 9 * 24 * H; // a quiet day after the demo week
    const agent = demo.agents.find((a) => a.homeSiteId === demo.sites[0].id)!;
    const siteId = agent.homeSiteId;
    const [draftId, pubId] = await insertShifts(o.db, [
      { agentId: agent.id, siteId, start: day + 12 * H, end: day + 16 * H, status: "DRAFT", skills: [], breaks: [] },
      { agentId: agent.id, siteId, start: day + 3 * 24 * H + 12 * H, end: day + 3 * 24 * H + 16 * H, status: "PUBLISHED", skills: [], breaks: [] },
    ]);
    const p = (id: string, start: number, end: number, extendsShiftId: string): StoredProposal => ({ id, agentId: agent.id, siteId, timeZone: agent.timeZone, start: iso(start), end: iso(end), skillId: "X", skills: [], breaks: [], extendsShiftId, coverageHours: 1, overtimeHours: 0 });
    const job = await insertJob(o.db, { kind: "optimization", payload: { ...input, backend: "local" }, createdBy: null });
    // A finished run, as a worker would leave it.
    await o.db.update(jobs).set({ status: "completed" }).where(eq(jobs.id, job));
    await setJobResult(o.db, job, { engine: "exact", proposals: [p("p1", day + 16 * H, day + 17 * H, draftId), p("p2", day + 3 * 24 * H + 16 * H, day + 3 * 24 * H + 17 * H, pubId)], assignmentRecommendations: [] });
    const out = await acceptProposals(o.db, planner, { runId: job, proposalIds: ["p1", "p2"] });
    expect(out.extended).toEqual([{ proposalId: "p1", shiftId: draftId, version: 2 }]);
    expect(out.refused).toEqual([expect.objectContaining({ proposalId: "p2", reason: expect.stringMatching(/published shifts are never changed/) })]);
    const [draft, pub] = await Promise.all([getShiftsByIds(o.db, [draftId]), getShiftsByIds(o.db, [pubId])]);
    expect(draft[0]).toMatchObject({ start: day + 12 * H, end: day + 17 * H, version: 2, status: "DRAFT" });
    expect(pub[0]).toMatchObject({ start: day + 3 * 24 * H + 12 * H, end: day + 3 * 24 * H + 16 * H, version: 1, status: "PUBLISHED" });
    await o.db.delete(shifts).where(eq(shifts.id, draftId));
  });

  it("refuses proposals a run does not have, and a planner without the grant", async () => {
    await expect(acceptProposals(o.db, planner, { runId, proposalIds: ["p99999"] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(acceptProposals(o.db, { ...planner, role: "supervisor" }, { runId, proposalIds: [proposals[0].id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
