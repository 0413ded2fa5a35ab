import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { getAgents, getSkills } from "../../db/queries/reference";
import { getShiftRow } from "../../db/queries/schedule-edits";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { gridFor } from "../../domain/coverage";
import { coverageImpact, type ImpactPoint } from "../../domain/coverage/impact";
import { SkillCatalog } from "../../domain/skills";
import type { Shift } from "../../domain/types";
import type { ShiftFieldsInput } from "../../schemas/schedule";
import type { CoverageDelta, ShiftEditPreview } from "../../types/schedule";
import { candidateOf, checkEdit } from "./shared";

const QUARTER_HOURS = 0.25;
const EPS = 1e-9;

/**
 * What an edit (or a new shift) would break and how it moves coverage, stored nowhere.
 * Coverage is the Coverage page's net coverage (every site, every counted status) computed
 * on the touched intervals only: the net split is decided interval by interval, so the
 * window gives the same numbers as the page's whole range.
 */
export async function previewShiftEdit(db: Db, input: ShiftFieldsInput & { shiftId?: string }, user: CurrentUser): Promise<ShiftEditPreview> {
  assertCan(user, "schedule.edit");
  const { findings, fields } = await checkEdit(db, candidateOf(input, input.shiftId ?? null));
  const old = input.shiftId ? await getShiftRow(db, input.shiftId) : undefined;
  const touched: { start: number; end: number }[] = [];
  if (old) touched.push({ start: old.startsAt.getTime(), end: old.endsAt.getTime() });
  if (fields) touched.push({ start: fields.startsAt.getTime(), end: fields.endsAt.getTime() });
  if (touched.length === 0) return { findings, coverage: [] };

  const grid = gridFor({ start: Math.min(...touched.map((t) => t.start)), end: Math.max(...touched.map((t) => t.end)) });
  const window = { from: new Date(grid.start), to: new Date(grid.start + grid.intervalCount * 900_000) };
  const [before, required, skills] = await Promise.all([getShiftsOverlapping(db, window), getRequiredOnGrid(db, grid), getSkills(db)]);
  const id = input.shiftId ?? "new";
  const after: Shift[] = before.filter((s) => s.id !== id);
  if (fields) {
    after.push({ id, agentId: fields.agentId, siteId: fields.siteId, start: fields.startsAt.getTime(), end: fields.endsAt.getTime(), status: fields.status, skills: fields.skills, breaks: fields.breaks, version: old?.version ?? 1 });
  }
  const agents = await getAgents(db, { ids: [...new Set([...before, ...after].map((s) => s.agentId))] });
  const points = coverageImpact({ before, after, agents: new Map(agents.map((a) => [a.id, a])), catalog: new SkillCatalog(skills), grid, required });
  return { findings, coverage: toDeltas(points) };
}

/** Impact points per skill: the intervals that move, and the shortfall hours over the whole touched window. */
function toDeltas(points: readonly ImpactPoint[]): CoverageDelta[] {
  const bySkill = new Map<string, CoverageDelta>();
  for (const p of points) {
    let d = bySkill.get(p.skillId);
    if (!d) {
      d = { skillId: p.skillId, intervals: [], shortfallHoursBefore: 0, shortfallHoursAfter: 0 };
      bySkill.set(p.skillId, d);
    }
    d.shortfallHoursBefore += Math.max(0, p.required - p.before) * QUARTER_HOURS;
    d.shortfallHoursAfter += Math.max(0, p.required - p.after) * QUARTER_HOURS;
    if (Math.abs(p.after - p.before) > EPS) d.intervals.push({ start: p.intervalStart, before: round(p.before), after: round(p.after), required: round(p.required) });
  }
  return [...bySkill.values()].map((d) => ({ ...d, shortfallHoursBefore: round(d.shortfallHoursBefore), shortfallHoursAfter: round(d.shortfallHoursAfter) }));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
