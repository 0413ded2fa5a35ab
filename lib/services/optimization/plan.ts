import "server-only";
import type { Db } from "../../db/client";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { gridFor } from "../../domain/coverage";
import { dailyRollup } from "../../domain/gaps";
import type { GapResolutionRule } from "../../domain/optimize/greedy";
import { SkillCatalog } from "../../domain/skills";
import { addDays } from "../../domain/time";
import type { LaunchOptimization } from "../../schemas/optimization";
import type { OptimizationPlan } from "../backends";
import { scheduleCoverage } from "../coverage/schedule";
import { getGapThresholds } from "../settings/gap-thresholds";

const DAY_MS = 86_400_000;

/** UTC days [from, to]: the same day boundaries CXone's coverage records use. */
function rangeOf(input: LaunchOptimization) {
  return { start: Date.parse(`${input.from}T00:00:00Z`), end: Date.parse(`${addDays(input.to, 1)}T00:00:00Z`) };
}

/**
 * What to optimize: one gap-resolution rule per skill whose days fall below the gap
 * threshold (the seed's calculate_coverage_gaps, on interval-level net coverage of our
 * schedule): deficits summed, HIGH wins.
 */
export async function planOptimization(db: Db, input: LaunchOptimization): Promise<OptimizationPlan> {
  const range = rangeOf(input);
  const grid = gridFor(range);
  const [sites, skills, agents, thresholds] = await Promise.all([getSites(db), getSkills(db), getAgents(db), getGapThresholds(db)]);
  const catalog = new SkillCatalog(skills);
  const { coverage, required } = await scheduleCoverage(db, grid, agents, catalog);
  // The rules look past the range: rest from the shift before it, the stretch and the week's
  // contract hours in each agent's home zone (a week may start before the range's first day).
  const shifts = await getShiftsOverlapping(db, { from: new Date(range.start - 8 * DAY_MS), to: new Date(range.end + 8 * DAY_MS) });
  const rules: GapResolutionRule[] = [];
  for (const [skillId, c] of coverage) {
    const gaps = dailyRollup(skillId, grid, c.required, c.net, "UTC", thresholds).filter((d) => d.isGap);
    if (gaps.length === 0) continue;
    rules.push({
      targetSkillId: skillId,
      deficitHours: Math.round(gaps.reduce((s, d) => s + d.deficitHours, 0) * 100) / 100,
      priority: gaps.some((d) => d.priority === "HIGH") ? "HIGH" : "MEDIUM",
      allowOvertime: input.allowOvertime,
      maxOvertimeHoursPerAgent: input.maxOvertimeHoursPerAgent,
      preferredAgentPool: "AVAILABLE",
    });
  }
  const compliance = { maxConsecutiveHours: input.maxConsecutiveHours, minBreakDuration: input.minBreakDuration, respectPublishedShifts: true };
  return { input, range, grid, sites, agents, shifts, required, catalog, rules, compliance, goals: input.goals };
}
