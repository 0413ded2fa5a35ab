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
  })
  .refine((v) => v.from <= v.to, { error: "The end date is before the start date.", path: ["to"] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 <= 13, { error: "Optimize at most 14 days at a time.", path: ["to"] });

export type LaunchOptimization = z.infer<typeof launchOptimizationSchema>;

/** A queued optimization job's payload: the planner's request and the backend it was launched on. */
export const optimizationJobPayloadSchema = z.intersection(launchOptimizationSchema, z.object({ backend: z.enum(["local", "cxone"]) }));

export type OptimizationJobPayload = z.infer<typeof optimizationJobPayloadSchema>;
