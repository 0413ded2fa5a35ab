import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { getShiftsOverlapping, toDomainShift } from "../../db/queries/shifts";
import type { ShiftFields, StoredShift } from "../../db/queries/schedule-edits";
import { NEIGHBOUR_WINDOW_MS, resolveShiftTimes, sortBreaks, validateShiftEdit, type ShiftEditCandidate, type ShiftEditContext } from "../../domain/schedule";
import { SkillCatalog } from "../../domain/skills";
import { AppError } from "../../errors";
import type { ShiftFieldsInput } from "../../schemas/schedule";
import type { ScheduleRuleFinding, ScheduleShift } from "../../types/schedule";
import type { AuditActor } from "../audit";

/** Shared by the schedule use cases (one per file beside this one). */

export const actorOf = (user: CurrentUser): AuditActor => ({ id: user.id, label: user.email });

export function toScheduleShift(r: StoredShift): ScheduleShift {
  return { ...toDomainShift(r), changedSincePublish: r.changedSincePublish, importId: r.importId };
}

/** A shift as the audit log keeps it: ISO instants, no version. */
export function snapshot(r: Pick<StoredShift, "agentId" | "siteId" | "startsAt" | "endsAt" | "status" | "skills" | "breaks">) {
  return { agentId: r.agentId, siteId: r.siteId, start: r.startsAt.toISOString(), end: r.endsAt.toISOString(), status: r.status, skills: r.skills, breaks: r.breaks };
}

export function candidateOf(input: ShiftFieldsInput, shiftId: string | null): ShiftEditCandidate {
  return {
    shiftId,
    agentId: input.agentId,
    siteId: input.siteId,
    start: input.start,
    end: input.end,
    timeZone: input.timeZone,
    breaks: input.breaks,
    skills: input.skills,
    status: input.status,
  };
}

export interface CheckedEdit {
  findings: ScheduleRuleFinding[];
  /** The fields to store, when the times resolve. */
  fields: ShiftFields | null;
  /** The instants the agent's neighbours were loaded for. */
  window: { from: Date; to: Date } | null;
}

/**
 * Loads what one edit is judged against (the agent, the sites, the catalog and the agent's
 * shifts within ±8 days, never the whole schedule) and runs the rules.
 */
export async function checkEdit(db: Db, candidate: ShiftEditCandidate): Promise<CheckedEdit> {
  const times = resolveShiftTimes(candidate);
  const window = times.ok ? { from: new Date(times.start - NEIGHBOUR_WINDOW_MS), to: new Date(times.end + NEIGHBOUR_WINDOW_MS) } : null;
  const [agents, sites, skills, neighbours] = await Promise.all([
    getAgents(db, { ids: [candidate.agentId] }),
    getSites(db),
    getSkills(db),
    window ? getShiftsOverlapping(db, window, { agentIds: [candidate.agentId] }) : Promise.resolve([]),
  ]);
  const agent = agents[0];
  const ctx: ShiftEditContext = {
    agent,
    homeSite: agent ? sites.find((s) => s.id === agent.homeSiteId) : undefined,
    site: sites.find((s) => s.id === candidate.siteId),
    catalog: new SkillCatalog(skills),
    neighbours,
  };
  const findings = validateShiftEdit(candidate, ctx);
  const fields: ShiftFields | null = times.ok
    ? {
        agentId: candidate.agentId,
        siteId: candidate.siteId,
        startsAt: new Date(times.start),
        endsAt: new Date(times.end),
        status: candidate.status,
        skills: candidate.skills,
        breaks: sortBreaks(candidate.breaks).breaks,
      }
    : null;
  return { findings, fields, window };
}

/** Whether the findings let the edit be stored: no error, and every warning confirmed. */
export function mayStore(findings: readonly ScheduleRuleFinding[], confirmWarnings: boolean): boolean {
  return !findings.some((f) => f.severity === "error") && (confirmWarnings || !findings.some((f) => f.severity === "warning"));
}

/** The refusal a stale version gets: who wins is whoever saved first; the loser sees what is stored now. */
export function staleVersionError(current: StoredShift | undefined, seenVersion: number): AppError {
  if (!current) return new AppError("NOT_FOUND", "This shift was deleted by someone else since you opened it; nothing was saved.");
  return new AppError(
    "CONFLICT",
    `This shift was changed by someone else since you opened it (you saw version ${seenVersion}, it is now at version ${current.version}); nothing was saved. Review the current values and try again.`,
    { current: toScheduleShift(current) },
  );
}

/** Unique (agent, start, end) violations read as the overlap they are. */
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 4; x = (x as { cause?: unknown }).cause, depth++) {
    if ((x as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
