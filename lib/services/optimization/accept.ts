import "server-only";
import type { CurrentUser } from "../../auth/checks";
import { assertCan } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getJob, setJobResult } from "../../db/queries/jobs";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { extendDraftShiftIfVersion, getShiftsOverlapping, insertShifts } from "../../db/queries/shifts";
import { computeCoverage, gridFor } from "../../domain/coverage";
import { checkProposals, type AcceptedProposal } from "../../domain/optimize/accept-check";
import type { Proposal } from "../../domain/optimize/proposals";
import { SkillCatalog } from "../../domain/skills";
import { addDays, localDateKey } from "../../domain/time";
import type { Shift } from "../../domain/types";
import { AppError } from "../../errors";
import type { AcceptProposals } from "../../schemas/optimization";
import type { AcceptOutcome, CoverageDelta, OptimizationResult, StoredProposal } from "../../types/optimization";
import { recordAudit } from "../audit";
import { scheduleCoverage } from "../coverage/schedule";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { splitResult } from "./runs";
import { OPTIMIZATION_JOB } from "./run";

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

function toProposal(p: StoredProposal): Proposal {
  return { ...p, start: Date.parse(p.start), end: Date.parse(p.end) };
}

/**
 * Writes the chosen proposals of a finished run as DRAFT shifts, in one transaction.
 * Each is re-checked against the schedule as it is now (the trade engine's labor rules,
 * starts per day, earliest start, weekly hours and the run's overtime cap); one that no
 * longer fits is refused with its reason and the others go in. An extension widens the
 * stored shift only while it is a draft (version bumped); a published shift is never
 * changed. The overlap guard runs inside the transaction, after the writes, so a shift
 * stored meanwhile by someone else refuses the whole write rather than double-book.
 */
export async function acceptProposals(db: Db, user: CurrentUser, input: AcceptProposals, requestId?: string): Promise<AcceptOutcome> {
  assertCan(user, "optimization.accept");
  const job = await getJob(db, input.runId);
  if (!job || job.kind !== OPTIMIZATION_JOB) throw new AppError("NOT_FOUND", "No such optimization run.");
  const { result } = splitResult(job.result);
  if (!result || (job.status !== "completed" && job.status !== "canceled")) throw new AppError("CONFLICT", "This run has no answer yet: accept its proposals once it has finished.");
  const stored = new Map((result.proposals ?? []).map((p) => [p.id, p]));
  const unknown = input.proposalIds.filter((id) => !stored.has(id));
  if (unknown.length) throw new AppError("VALIDATION", `This run has no proposal ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}.`, { field: "proposalIds" });
  const accepted = { ...(result.accepted ?? {}) };
  const already = input.proposalIds.filter((id) => accepted[id]);
  const chosen = [...new Set(input.proposalIds)].filter((id) => !accepted[id]).map((id) => toProposal(stored.get(id)!));

  const refusedAlready = already.map((id) => {
    const p = stored.get(id)!;
    return { proposalId: id, agentId: p.agentId, start: p.start, end: p.end, reason: `Already accepted (draft shift ${accepted[id]}).` };
  });
  if (chosen.length === 0) return { created: [], extended: [], refused: refusedAlready, coverage: [], from: null, siteId: null };

  const agentIds = [...new Set(chosen.map((p) => p.agentId))];
  // Weekly hours need the whole ISO week; rest and stretches need the neighbours.
  const window = { from: new Date(Math.min(...chosen.map((p) => p.start)) - 8 * DAY_MS), to: new Date(Math.max(...chosen.map((p) => p.end)) + 8 * DAY_MS) };
  const [agents, sites] = await Promise.all([getAgents(db, { ids: agentIds }), getSites(db)]);
  const payload = job.payload as { allowOvertime?: boolean; maxOvertimeHoursPerAgent?: number };

  const outcome = await db.transaction(async (tx) => {
    const schedule = await getShiftsOverlapping(tx, window, { agentIds });
    const check = checkProposals(chosen, {
      agents: new Map(agents.map((a) => [a.id, a])),
      sites: new Map(sites.map((s) => [s.id, s])),
      schedule,
      allowOvertime: payload.allowOvertime ?? true,
      maxOvertimeHoursPerAgent: payload.maxOvertimeHoursPerAgent ?? 4,
    });
    const refused = check.refused.map((r) => ({ proposalId: r.proposal.id, agentId: r.proposal.agentId, start: iso(r.proposal.start), end: iso(r.proposal.end), reason: r.reason }));
    const fresh = check.accepted.filter((a) => !a.replaces);
    const ids = await insertShifts(tx, fresh.map((a) => ({ agentId: a.shift.agentId, siteId: a.shift.siteId, start: a.shift.start, end: a.shift.end, status: "DRAFT" as const, skills: a.shift.skills, breaks: a.shift.breaks, notes: `Accepted from optimization run ${input.runId}` })));
    const created = fresh.map((a, i) => ({ proposalId: a.proposal.id, shiftId: ids[i] }));
    const extended: AcceptOutcome["extended"] = [];
    const applied: AcceptedProposal[] = [...fresh];
    const now = new Date();
    for (const a of check.accepted.filter((x) => x.replaces)) {
      const ok = await extendDraftShiftIfVersion(tx, a.replaces!.id, a.replaces!.version, { startsAt: new Date(a.shift.start), endsAt: new Date(a.shift.end), breaks: a.shift.breaks }, now);
      if (!ok) {
        refused.push({ proposalId: a.proposal.id, agentId: a.proposal.agentId, start: iso(a.proposal.start), end: iso(a.proposal.end), reason: `The shift it extends (${a.replaces!.id}) changed while this was being saved.` });
        continue;
      }
      extended.push({ proposalId: a.proposal.id, shiftId: a.replaces!.id, version: a.replaces!.version + 1 });
      applied.push(a);
    }
    await recordAudit(
      tx,
      { id: user.id, label: user.email },
      { action: "optimization.proposals.accepted", entityType: "job", entityId: input.runId, details: { created, extended, refused: refused.map((r) => ({ proposalId: r.proposalId, reason: r.reason })) } },
      requestId,
    );
    for (const c of created) accepted[c.proposalId] = c.shiftId;
    for (const e of extended) accepted[e.proposalId] = e.shiftId;
    await setJobResult(tx, input.runId, { ...(result as unknown as Record<string, unknown>), accepted });
    return { created, extended, refused, applied };
  }).catch((e: unknown) => {
    // Another writer booked one of these agents at those hours meanwhile: the database refuses the commit.
    throw overlapConflictFrom(e) ?? e;
  });

  const first = outcome.applied.length ? outcome.applied.reduce((a, b) => (a.shift.start <= b.shift.start ? a : b)) : null;
  return {
    created: outcome.created,
    extended: outcome.extended,
    refused: [...refusedAlready, ...outcome.refused],
    coverage: outcome.applied.length ? await coverageChange(db, job.payload as { from: string; to: string }, result, outcome.applied, new Set(outcome.created.map((c) => c.shiftId))) : [],
    // The site's own date, as the Schedule page reads `from`: a NYC evening shift starts on the next UTC day.
    from: first ? localDateKey(first.shift.start, sites.find((s) => s.id === first.shift.siteId)?.timeZone ?? "UTC") : null,
    siteId: first ? first.shift.siteId : null,
  };
}

/** Shortfall hours of the run's targeted skills on its range, before and after the accepted shifts (net coverage). */
async function coverageChange(db: Db, range: { from: string; to: string }, result: OptimizationResult, applied: readonly AcceptedProposal[], createdIds: ReadonlySet<string>): Promise<CoverageDelta[]> {
  const grid = gridFor({ start: Date.parse(`${range.from}T00:00:00Z`), end: Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) });
  const [agents, skills] = await Promise.all([getAgents(db), getSkills(db)]);
  const catalog = new SkillCatalog(skills);
  const { coverage: after, shifts, required } = await scheduleCoverage(db, grid, agents, catalog);
  const replaced = new Map(applied.filter((a) => a.replaces).map((a) => [a.replaces!.id, a.replaces!]));
  const beforeShifts: Shift[] = shifts.filter((s) => !createdIds.has(s.id)).map((s) => replaced.get(s.id) ?? s);
  const before = computeCoverage({ grid, shifts: beforeShifts, agents: new Map(agents.map((a) => [a.id, a])), catalog, required });
  const skillIds = (result.rules ?? []).map((r) => r.targetSkillId);
  const short = (req: Float64Array | undefined, net: Float64Array | undefined) => {
    let h = 0;
    if (req) for (let i = 0; i < req.length; i++) h += Math.max(0, req[i] - (net?.[i] ?? 0)) / 4;
    return Math.round(h * 100) / 100;
  };
  return skillIds.map((skillId) => ({ skillId, shortfallBefore: short(required.get(skillId), before.get(skillId)?.net), shortfallAfter: short(required.get(skillId), after.get(skillId)?.net) }));
}
