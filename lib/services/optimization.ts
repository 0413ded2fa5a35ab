import "server-only";
import type { Db } from "../db/client";
import { getAgents, getSites, getSkills } from "../db/queries/reference";
import { getSetting } from "../db/queries/settings";
import { gridFor } from "../domain/coverage";
import { dailyRollup } from "../domain/gaps";
import { greedyFill, type GapResolutionRule } from "../domain/optimize/greedy";
import { SkillCatalog } from "../domain/skills";
import { addDays } from "../domain/time";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueJob, type JobRow } from "../jobs/queue";
import { kickInProcessWorker, type JobHandler } from "../jobs/worker";
import { DEFAULT_GAP_THRESHOLDS_SETTING, gapThresholdsSchema } from "../schemas/settings";
import type { LaunchOptimization } from "../schemas/optimization";
import { CxoneError } from "../cxone";
import { recordAudit, type AuditActor } from "./audit";
import { scheduleCoverage } from "./coverage";
import { requireCxoneClient } from "./cxone";

export const OPTIMIZATION_JOB = "optimization";

/** UTC days [from, to]: the same day boundaries CXone's coverage records use. */
function rangeOf(input: LaunchOptimization) {
  return { start: Date.parse(`${input.from}T00:00:00Z`), end: Date.parse(`${addDays(input.to, 1)}T00:00:00Z`) };
}

/**
 * One gap-resolution rule per skill whose days fall below the gap threshold (the seed's
 * calculate_coverage_gaps, on interval-level net coverage): deficits summed, HIGH wins.
 */
async function gapRules(db: Db, input: LaunchOptimization) {
  const range = rangeOf(input);
  const grid = gridFor(range);
  const [sites, skills, agents, thresholds] = await Promise.all([
    getSites(db),
    getSkills(db),
    getAgents(db),
    getSetting(db, "gapThresholds", gapThresholdsSchema, DEFAULT_GAP_THRESHOLDS_SETTING),
  ]);
  const catalog = new SkillCatalog(skills);
  const { coverage, shifts, required } = await scheduleCoverage(db, grid, agents, catalog);
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
  return { grid, sites, agents, shifts, required, catalog, rules };
}

/** Queues an optimization run and starts the in-process worker. */
export async function launchOptimization(db: Db, input: LaunchOptimization, actor: AuditActor, requestId?: string): Promise<string> {
  const jobId = await enqueueJob(db, { kind: OPTIMIZATION_JOB, payload: { ...input, backend: env().WFM_BACKEND }, createdBy: actor.id });
  await recordAudit(db, { actor, action: "optimization.launched", entityType: "job", entityId: jobId, details: { ...input }, requestId });
  kickInProcessWorker(db, OPTIMIZATION_HANDLERS);
  return jobId;
}

/**
 * Runs one optimization job: the local greedy engine on our schedule, or CXone's engine
 * through the client (run, then poll to a deadline) when the cxone backend is on.
 */
const runOptimizationJob: JobHandler = async (db: Db, job: JobRow) => {
  const input = job.payload as unknown as LaunchOptimization & { backend: "local" | "cxone" };
  const { grid, sites, agents, shifts, required, catalog, rules } = await gapRules(db, input);
  const compliance = { maxConsecutiveHours: input.maxConsecutiveHours, minBreakDuration: input.minBreakDuration, respectPublishedShifts: true };
  if (rules.length === 0) {
    return { engine: "none", message: "No skill falls below the gap threshold in this range: nothing to optimize.", assignmentRecommendations: [], projectedCoverageImprovement: 0, estimatedOvertimeHours: 0, unmetRequirements: [], rules };
  }
  if (input.backend === "cxone") {
    try {
      const client = await requireCxoneClient(db);
      const range = rangeOf(input);
      const { jobId } = await client.runOptimization({
        dateRange: { start: new Date(range.start).toISOString(), end: new Date(range.end - 1000).toISOString() },
        optimizationGoals: input.goals,
        gapResolutionRules: rules.map((r) => ({ ...r, preferredAgentPool: "AVAILABLE" as const })),
        complianceRules: compliance,
      });
      const done = await client.pollOptimizationJob(jobId, { deadlineMs: 10 * 60_000 });
      return { ...(done.result as Record<string, unknown>), cxoneJobId: jobId, rules };
    } catch (e) {
      if (e instanceof CxoneError) throw new AppError("UPSTREAM", `CXone optimization failed: ${e.message}`);
      throw e;
    }
  }
  const result = greedyFill({ grid, agents, sites, catalog, shifts, required, rules, compliance, goals: input.goals });
  const { proposedShifts: _drafts, ...rest } = result;
  void _drafts;
  return { ...rest, rules };
};

export const OPTIMIZATION_HANDLERS: Record<string, JobHandler> = { [OPTIMIZATION_JOB]: runOptimizationJob };
