import "server-only";
import { ZodError } from "zod";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { getSites } from "../../db/queries/reference";
import { INTERVALS_PER_DAY } from "../../domain/optimize/capacity/types";
import { addDays, startOfLocalDay } from "../../domain/time";
import { INTERVAL_MS } from "../../domain/types";
import { AppError } from "../../errors";
import { CapacityPlanError, runCapacityPlan, type CapacityPlanResult } from "../../optimize/run-capacity";
import type { CapacityPlanForm } from "../../schemas/capacity-plan";
import { capacityPlanFormSchema } from "../../schemas/capacity-plan";

export type CapacityPlanAnswer = CapacityPlanResult & { skillId: string | null; from: string | null; timeZone: string | null };

/**
 * Required agents of one skill per 15-minute interval, `days` days from local midnight of
 * `from` in `zone` (96 a day; on a DST day the local day's first 24 hours of intervals).
 */
async function requiredFromDemand(db: Db, skillId: string, from: string, days: number, zone: string): Promise<number[]> {
  const starts = Array.from({ length: days }, (_, d) => startOfLocalDay(addDays(from, d), zone));
  const grid = { start: starts[0], intervalCount: Math.round((starts[days - 1] - starts[0]) / INTERVAL_MS) + INTERVALS_PER_DAY };
  const series = (await getRequiredOnGrid(db, grid, { skillIds: [skillId] })).get(skillId);
  const out: number[] = [];
  for (const s of starts) {
    const at = Math.round((s - grid.start) / INTERVAL_MS);
    for (let i = 0; i < INTERVALS_PER_DAY; i++) out.push(Math.round((series?.[at + i] ?? 0) * 100) / 100);
  }
  return out;
}

/**
 * The capacity plan: how many agents on each shift type per day (HiGHS in the solver worker).
 * Bad input — no shift types, a length over 24 h, a range with no demand — is refused with
 * the field named; nothing is stored.
 */
export async function planCapacity(db: Db, form: CapacityPlanForm): Promise<CapacityPlanAnswer> {
  const input = capacityPlanFormSchema.parse(form);
  let required: number[];
  let where: { skillId: string | null; from: string | null; timeZone: string | null } = { skillId: null, from: null, timeZone: null };
  if (input.source === "demand") {
    const site = (await getSites(db)).find((s) => s.id === input.siteId);
    if (!site) throw new AppError("VALIDATION", `Unknown site ${input.siteId}.`, { field: "siteId" });
    required = await requiredFromDemand(db, input.skillId, input.from, input.days, site.timeZone);
    if (!required.some((v) => v > 0)) throw new AppError("VALIDATION", `${input.skillId} has no demand loaded from ${input.from} for ${input.days} day${input.days === 1 ? "" : "s"} (${site.timeZone}).`, { field: "skillId" });
    where = { skillId: input.skillId, from: input.from, timeZone: site.timeZone };
  } else {
    required = input.required;
  }
  try {
    const result = await runCapacityPlan({ skillId: where.skillId ?? undefined, required, shiftTypes: input.shiftTypes, objective: input.objective }, { settings: { timeLimitSeconds: 30 } });
    return { ...result, ...where };
  } catch (e) {
    if (e instanceof CapacityPlanError) throw new AppError("VALIDATION", e.message, { field: e.field });
    if (e instanceof ZodError) {
      const first = e.issues[0];
      throw new AppError("VALIDATION", first.message, { field: first.path.join(".") });
    }
    throw e;
  }
}
