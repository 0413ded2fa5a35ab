import { z } from "zod";
import { parseDateKey } from "../domain/time";

const dateKey = z.string().refine((v) => parseDateKey(v) !== null, { error: "Use a date like 2026-11-23." });

/** What a planner sets when launching an optimization (the seed's request, in planner terms). */
export const launchOptimizationSchema = z
  .object({
    from: dateKey,
    to: dateKey,
    allowOvertime: z.boolean().default(true),
    maxOvertimeHoursPerAgent: z.number().min(0).max(16, { error: "At most 16 overtime hours per agent." }).default(4),
    goals: z.array(z.enum(["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"])).min(1, { error: "Pick at least one goal." }).default(["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"]),
    maxConsecutiveHours: z.number().min(4).max(16).default(10),
    minBreakDuration: z.number().int().min(0).max(120).default(30),
    /** The whole run (greedy, model build, solve) stops by then with the best answer found. */
    timeLimitSeconds: z
      .number({ error: "The time limit must be a number of seconds." })
      .gt(0, { error: "The time limit must be more than 0 seconds." })
      .max(600, { error: "The time limit can be at most 600 seconds (10 minutes)." })
      .default(30),
    /** Stop once the answer is proven within this many percent of the best possible. */
    targetGapPercent: z
      .number({ error: "The target gap must be a percentage." })
      .min(0, { error: "The target gap must be between 0 and 100 %." })
      .max(100, { error: "The target gap must be between 0 and 100 %." })
      .default(1),
  })
  .refine((v) => v.from <= v.to, { error: "The end date is before the start date.", path: ["to"] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 <= 13, { error: "Optimize at most 14 days at a time.", path: ["to"] });

export type LaunchOptimization = z.infer<typeof launchOptimizationSchema>;

/** A queued optimization job's payload: the planner's request and the backend it was launched on. */
export const optimizationJobPayloadSchema = z.intersection(launchOptimizationSchema, z.object({ backend: z.enum(["local", "cxone"]) }));

export type OptimizationJobPayload = z.infer<typeof optimizationJobPayloadSchema>;

const runId = z.uuid({ error: "Not an optimization run id." });

/** Stop a run: the solver worker is terminated and the best answer so far is kept. */
export const cancelOptimizationSchema = z.object({ runId });

/** Proposals of a finished run to write as draft shifts (ids from the run's result). */
export const acceptProposalsSchema = z.object({
  runId,
  proposalIds: z
    .array(z.string().regex(/^p\d{1,6}$/, { error: "Not a proposal id." }))
    .min(1, { error: "Pick at least one proposal to accept." })
    .max(5000, { error: "Accept at most 5,000 proposals at a time." }),
});
export type AcceptProposals = z.infer<typeof acceptProposalsSchema>;
