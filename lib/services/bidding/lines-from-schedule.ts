import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { getScope } from "../../db/queries/bidding";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { linesFromSchedule, type ScheduleLines } from "../../domain/bidding";
import { addDays } from "../../domain/time";
import { AppError } from "../../errors";
import { loadReference, validationError } from "./context";

export const linesFromScheduleSchema = z
  .object({
    scopeId: z.uuid({ error: "Choose a bid scope." }),
    from: z.iso.date({ error: "from: a date (YYYY-MM-DD)." }),
    to: z.iso.date({ error: "to: a date (YYYY-MM-DD)." }),
  })
  .refine((r) => r.to >= r.from, { error: "The schedule range ends before it starts.", path: ["to"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { error: "Read at most 9 weeks of the schedule at once.", path: ["to"] });
export type LinesFromScheduleInput = z.infer<typeof linesFromScheduleSchema>;

/**
 * Proposes lines from the stored schedule (published and draft shifts) of a scope's sites
 * and skill groups between two local dates: the patterns agents work and how many work
 * each. Nothing is stored — the planner reviews the proposal and adds it as lines.
 */
export async function proposeLinesFromSchedule(db: Db, raw: unknown): Promise<ScheduleLines & { scopeName: string }> {
  const parsed = linesFromScheduleSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const scope = await getScope(db, input.scopeId);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${input.scopeId}.`);
  // A day either side: local dates of every zone fall inside these UTC bounds.
  const range = { from: new Date(`${addDays(input.from, -1)}T00:00:00Z`), to: new Date(`${addDays(input.to, 2)}T00:00:00Z`) };
  const shifts = (await Promise.all(scope.locations.map((siteId) => getShiftsOverlapping(db, range, { siteId })))).flat();
  const ref = await loadReference(db, { agentIds: [...new Set(shifts.map((s) => s.agentId))] });
  const out = linesFromSchedule({ shifts, agents: ref.agents, sites: ref.sites, catalog: ref.catalog, siteIds: scope.locations, skillGroups: scope.skillGroups, from: input.from, to: input.to });
  if (out.lines.length === 0) {
    throw new AppError("VALIDATION", `No shift of ${scope.locations.join(", ")} serving ${scope.skillGroups.join(" or ")} between ${input.from} and ${input.to}: choose weeks of the schedule that have them.`, { field: "from" });
  }
  return { ...out, scopeName: scope.name };
}
